"""Nederlandse brieven; termen volgens de officiële Nederlandse tekst van de AVG."""

TEXT = {
    "law": {
        "EU": "AVG",
        "UK": "UK GDPR",
    },
    "cite": {
        "article": "artikel {n}",
        "par": ", lid {p}",
        "point": ", onder {x}",
        "recital": "overweging {n}",
        "join": " ",
        "join_compound": ", ",
        "definition": "artikel {n}, punt {p}",
    },
    "titles": {
        "access": "Recht van inzage van de betrokkene",
        "erasure": "Recht op gegevenswissing („recht op vergetelheid”)",
        "restriction": "Recht op beperking van de verwerking",
        "objection": "Recht van bezwaar",
        "withdraw_consent": "Intrekking van toestemming",
        "complaint": "Recht om klacht in te dienen bij een toezichthoudende autoriteit",
    },
    "attn": "T.a.v. de functionaris voor gegevensbescherming",
    "attn_line": "T.a.v. {whom}",
    "attention": {"privacy_team": "T.a.v. het privacyteam van {company}"},
    "care_of_representative": "p/a {name} (vertegenwoordiger)",
    "operator_of": "{entity} (exploitant van {service})",
    "punct": {"colon": ": ", "semicolon": "; "},
    "date": "Datum: {letter_date}",
    "reference": "Mijn kenmerk: {reference}",
    "subject": "Onderwerp: {subject}",
    "subject_follow": {
        "reminder": "Herinnering: mijn verzoek van {original_date} ({reference}), termijn verstreken",
        "complaint": "Klacht op grond van [[77]] tegen {controller}",
        "reply": "Mijn verzoek van {original_date} ({reference}): uw antwoord",
    },
    "salutation": "Geachte heer, mevrouw,",
    "intro": "Als betrokkene oefen ik hierbij mijn rechten uit op grond van de {law_long}. Dit "
    "verzoek betreft foto's en video's van mij en alle gegevens die u uit mijn gezicht "
    "afleidt en verwerkt.",
    "law_long": {
        "EU": "Algemene verordening gegevensbescherming (EU) 2016/679 (AVG)",
        "UK": "UK General Data Protection Regulation (UK GDPR) en de Data Protection Act 2018",
    },
    "identification": "U kunt mij identificeren aan de hand van de volgende gegevens van mijn account, "
    "afkomstig uit de gegevensexport die u mij hebt verstrekt:",
    "identification_plain": "U kunt mij identificeren aan de hand van de volgende gegevens:",
    "from_export": "(zoals in de gegevensexport die u mij hebt verstrekt)",
    "identity_doubt": "Deze gegevens volstaan om mij te identificeren. Vraag alleen om aanvullende "
    "informatie als u gegronde redenen hebt om aan mijn identiteit te twijfelen, en licht "
    "die twijfel toe ([[12(6)]]).",
    "access": {
        "request": "Op grond van [[15(1)]] verzoek ik u te bevestigen of u mij betreffende "
        "persoonsgegevens verwerkt en, zo ja, mij inzage te geven in die gegevens en in "
        "de volgende informatie:",
        "items": [  # Art. 15(1)(a)-(h), in order
            "(a) de verwerkingsdoeleinden van elke verwerking;",
            "(b) de betrokken categorieën van persoonsgegevens;",
            "(c) de ontvangers aan wie mijn gegevens zijn of zullen worden verstrekt, bij "
            "naam en niet alleen per categorie (HvJ EU, C-154/21);",
            "(d) hoe lang mijn gegevens zullen worden opgeslagen, of de criteria om die "
            "termijn te bepalen;",
            "(e) mijn recht op rectificatie, wissing, beperking van de verwerking en bezwaar;",
            "(f) mijn recht om klacht in te dienen bij een toezichthoudende autoriteit;",
            "(g) wanneer de gegevens niet bij mij zijn verzameld, alle beschikbare informatie "
            "over de bron ervan;",
            "(h) het bestaan van geautomatiseerde besluitvorming, met inbegrip van "
            "profilering, met nuttige informatie over de onderliggende logica en de gevolgen "
            "voor mij.",
        ],
        "transfers": "Als mijn gegevens worden doorgegeven aan een derde land of een internationale "
        "organisatie, verzoek ik u de passende waarborgen te noemen ([[15(2)]]).",
        "copy": "Ik verzoek u mij een kopie van mijn persoonsgegevens te verstrekken ([[15(3)]]), "
        "waaronder: elke afbeelding en video waarop ik sta, wie die ook heeft geüpload; "
        "elk gezichtstemplate, elke embedding of andere biometrische weergave van mijn "
        "gezicht; gezichtsclusters, groeperingen en tags die afbeeldingen aan mij "
        "koppelen; conclusies die uit mijn afbeeldingen zijn getrokken (zoals leeftijd, "
        "geslacht, emotie of gelijkenis met anderen); en de EXIF-metadata en "
        "locatiegegevens bij deze afbeeldingen. De kopie moet getrouw en begrijpelijk "
        "zijn, met de context die nodig is om haar te begrijpen (HvJ EU, C-487/21). De "
        "eerste kopie is kosteloos ([[12(5)]]; HvJ EU, C-307/22).",
    },
    "biometric": [
        "Omdat afbeeldingen van mijn gezicht kunnen worden verwerkt tot biometrische "
        "gegevens ([[4(14)]], [[R51]]), die volgens [[9(1)]] tot de bijzondere "
        "categorieën van persoonsgegevens behoren, verzoek ik u ook de volgende vragen te "
        "beantwoorden:",
        "1. Hebt u uit een afbeelding van mij een gezichtstemplate, embedding of "
        "vergelijkbare biometrische weergave gemaakt? Zo ja: wanneer, uit welke "
        "afbeeldingen, en is die nog opgeslagen?",
        "2. Op welke uitzondering in [[9(2)]] beroept u zich? Als dat mijn uitdrukkelijke "
        "toestemming is, toon dan aan dat ik die heb gegeven ([[7(1)]]).",
        "3. Waar komt elke afbeelding van mij vandaan ([[15(1)(g)]]; [[14]])?",
        "4. Gebruikt u een template van mijn gezicht om mij te herkennen op afbeeldingen "
        "die anderen uploaden, of om mij met anderen te vergelijken?",
    ],
    "erasure": [
        "Op grond van [[17]] verzoek ik u de in deze brief beschreven mij betreffende "
        "persoonsgegevens zonder onredelijke vertraging te wissen, om de volgende "
        "redenen:",
    ],
    "grounds": {
        "a": "de gegevens zijn niet langer nodig voor de doeleinden waarvoor zij zijn "
        "verzameld ([[17(1)(a)]]);",
        "b": "ik trek elke toestemming in waarop de verwerking berust ([[7(3)]], [[9(2)(a)]]) "
        "en er is geen andere rechtsgrond ([[17(1)(b)]]);",
        "c": "ik maak bezwaar tegen de verwerking op grond van [[21(1)]] en er zijn geen "
        "prevalerende dwingende gerechtvaardigde gronden ([[17(1)(c)]]);",
        "d": "de gegevens zijn onrechtmatig verwerkt ([[17(1)(d)]]): geen enkele uitzondering "
        "in [[9(2)]] dekt de biometrische verwerking van mijn gezicht. Dat een foto "
        "openbaar is, betekent niet dat ik een daaruit gemaakt biometrisch template "
        "kennelijk openbaar heb gemaakt (EDPB-richtsnoeren 05/2022, punten 74-75; zie ook "
        "de boete van EUR 30,5 miljoen van de Autoriteit Persoonsgegevens aan Clearview "
        "AI);",
        "d_conditional": "voor zover u uit afbeeldingen van mijn gezicht templates of andere biometrische "
        "gegevens maakt, is die verwerking onrechtmatig ([[17(1)(d)]]): geen uitzondering "
        "van [[9(2)]] dekt haar, en dat een foto openbaar is, betekent niet dat ik een "
        "daaruit gemaakt template kennelijk openbaar heb gemaakt (EDPB-richtsnoeren "
        "05/2022, punten 74-75);",
        "f": "de gegevens zijn verzameld in verband met een rechtstreeks aan mij als kind "
        "aangeboden dienst van de informatiemaatschappij ([[8(1)]], [[17(1)(f)]]).",
    },
    "erasure_what": "Te wissen zijn: de afbeeldingen en video's in de bijlage en alle andere afbeeldingen "
    "van mij; alle daaruit afgeleide gezichtstemplates, embeddings en clusters; tags, "
    "conclusies en andere afgeleide gegevens; en kopieën in back-ups, caches en "
    "trainingsdatasets, zodra uw back-upcyclus dat toelaat.",
    "erasure_no_exception": "Naar mijn mening is geen van de uitzonderingen van [[17(3)]] van toepassing. Als u "
    "weigert iets te wissen, vermeld dan per onderdeel op welke uitzondering u zich "
    "beroept en waarom.",
    "art17_2": "Voor zover u deze gegevens openbaar hebt gemaakt, verzoek ik u redelijke maatregelen "
    "te nemen om andere verwerkingsverantwoordelijken die ze verwerken te laten weten dat "
    "ik heb verzocht om wissing van elke link naar en elke kopie of reproductie van die "
    "gegevens ([[17(2)]]).",
    "art19": "Stel iedere ontvanger aan wie de gegevens zijn verstrekt in kennis van de wissing of "
    "beperking, en laat mij weten wie die ontvangers zijn ([[19]]).",
    "restriction": "Op grond van [[18]] verzoek ik om beperking van de verwerking van mijn gegevens:",
    "restriction_pending": "Zolang niet is vastgesteld of uw gerechtvaardigde gronden zwaarder wegen dan de "
    "mijne, verzoek ik om beperking van de verwerking van de betrokken gegevens "
    "([[18(1)(d)]]).",
    "objection": "Op grond van [[21(1)]] maak ik, in verband met mijn specifieke situatie, bezwaar "
    "tegen de verwerking van afbeeldingen van mijn gezicht en van alle daaruit afgeleide "
    "gegevens, ook voor herkenning, suggesties en reclame. U moet de verwerking staken, "
    "tenzij u dwingende gerechtvaardigde gronden aanvoert die zwaarder wegen dan mijn "
    "belangen, rechten en vrijheden.",
    "objection_marketing": "Op grond van [[21(2)]] maak ik bezwaar tegen de verwerking van "
    "afbeeldingen van mijn gezicht en daaruit afgeleide gegevens voor direct marketing, ook voor "
    "reclame die daarop is gebaseerd. Op grond van [[21(3)]] moet u de verwerking voor dat doel "
    "staken; er vindt geen belangenafweging plaats.",
    "objection_situation": "Voor zover u deze gegevens verwerkt op grond van [[6(1)(e)]] of "
    "[[6(1)(f)]], maak ik daarnaast op grond van [[21(1)]] bezwaar in verband met mijn specifieke "
    "situatie: {situation} U moet de verwerking dan staken, tenzij u dwingende gerechtvaardigde "
    "gronden aanvoert die zwaarder wegen dan mijn belangen, rechten en vrijheden.",
    "erasure_what_templates": "Te wissen zijn: alle uit afbeeldingen van mij afgeleide "
    "gezichtstemplates, embeddings en clusters, de daaruit getrokken tags en conclusies, en hun "
    "kopieën in back-ups, caches en trainingsdatasets, zodra uw back-upcyclus dat toelaat.",
    "fs_more_grounds": "De wissing is ook om deze redenen verplicht:",
    "withdraw_consent": "Ik trek met ingang van nu elke toestemming in voor de verwerking van mijn "
    "afbeeldingen en van de daaruit afgeleide biometrische gegevens ([[7(3)]], "
    "[[9(2)(a)]]). Staak alle verwerking die op die toestemming berustte.",
    "evidence": "De bijlage vermeldt {count_items} van mijn gezicht. Ik verstrek deze gegevens "
    "uitsluitend om u in staat te stellen de gegevens te vinden; gebruik ze voor geen "
    "ander doel en wis ze nadat mijn verzoek is afgehandeld ([[5(1)(b)]], [[5(1)(c)]]).",
    "annex_heading": "Bijlage: bewijs",
    "page_of": "pagina {page} van {pages}",
    "mailto_note": "De volledige brief en de bijlage met het bewijs zijn als pdf bijgevoegd.",
    "annex_video_at": "video, op {time}",
    "annex_columns": (
        "Platform",
        "URL of id",
        "Plaats in de export",
        "Datum",
        "SHA-256",
    ),
    "procedure": "Ik verzoek u uiterlijk op {due} te antwoorden: binnen een maand na ontvangst van dit "
    "verzoek ([[12(3)]]). Als u aan enig onderdeel geen gevolg wilt geven, moet u mij dat "
    "binnen dezelfde termijn met redenen laten weten ([[12(4)]]). Ik ben niet verplicht "
    "een formulier van u te gebruiken; deze brief is een volledig verzoek.",
    "remedies": "Als ik niet tijdig een volledig antwoord ontvang, overweeg ik een klacht in te "
    "dienen bij {authority} ([[77]]) en mijn andere rechtsmiddelen te gebruiken, "
    "waaronder een voorziening in rechte ([[79]]) en schadevergoeding ([[82]]).",
    "authority_generic": "de bevoegde toezichthoudende autoriteit",
    "authority_named": "de toezichthoudende autoriteit ({name})",
    "closing": "Met vriendelijke groet,",
    "enclosures": "Bijlagen:",
    "enclosure_annex": "Bijlage: bewijs ({count_items})",
    "enclosure_original": "Kopie van mijn verzoek van {original_date}",
    "enclosure_reply": "Correspondentie van de verwerkingsverantwoordelijke, indien aanwezig",
    "reminder": [
        "Op {original_date} heb ik u een verzoek gestuurd op grond van de {law} (kenmerk "
        "{reference}): {rights}. De termijn om te antwoorden ([[12(3)]]) is op "
        "{original_due} verstreken. Ik heb geen volledig antwoord ontvangen, noch een "
        "gemotiveerde verlenging ([[12(3)]]) of de redenen waarom u geen gevolg geeft "
        "([[12(4)]]). "
        "Een kopie van mijn verzoek is bijgevoegd.",
        "Deze herinnering opent geen nieuwe termijn: uw antwoord is al te laat. Ik "
        "verzoek u zonder verder uitstel te antwoorden.",
        "Heb ik op {reminder_due} geen volledig antwoord, dan dien ik zonder verdere "
        "aankondiging een klacht in bij {authority} ([[77]]).",
    ],
    "complaint": [
        "Hierbij dien ik op grond van [[77]] een klacht in tegen de hieronder genoemde "
        "verwerkingsverantwoordelijke, over persoonsgegevens waaronder afbeeldingen van "
        "mijn gezicht.",
        "Verwerkingsverantwoordelijke: {controller_block}",
        "Op {original_date} heb ik een verzoek ingediend op grond van de {law} (kenmerk "
        "{reference}). De termijn van [[12(3)]] is op {original_due} verstreken. De "
        "verwerkingsverantwoordelijke heeft niet volledig geantwoord, de termijn niet met "
        "redenen verlengd ([[12(3)]]) en mij niet laten weten waarom hij geen gevolg geeft "
        "([[12(4)]]).",
        "Naar mijn mening heeft de verwerkingsverantwoordelijke [[12(3)]] en [[12(4)]] en "
        "de door mij uitgeoefende rechten geschonden ({rights}). Ik verzoek u de zaak te "
        "onderzoeken, de verwerkingsverantwoordelijke te gelasten aan mijn verzoek te "
        "voldoen ([[58(2)(c)]]) en mij te informeren over de voortgang en het resultaat "
        "van de klacht ([[77(2)]]; [[78(2)]]).",
        "Ik heb deze zaak niet aan een rechter voorgelegd.",
    ],
    "complaint_dear": "Geachte heer, mevrouw,",
    "rights_names": {
        "access": "inzage, [[15]]",
        "erasure": "gegevenswissing, [[17]]",
        "restriction": "beperking, [[18]]",
        "objection": "bezwaar, [[21]]",
        "withdraw_consent": "intrekking van toestemming, [[7(3)]]",
    },
    "ccpa": {
        "subject": {
            "access": "Verzoek om inzage (Cal. Civ. Code §1798.100 en §1798.110)",
            "erasure": "Verzoek om verwijdering (Cal. Civ. Code §1798.105)",
            "restriction": "Beperking van het gebruik van gevoelige persoonsgegevens (Cal. Civ. Code §1798.121)",
            "objection": "Opt-out van verkoop en delen (Cal. Civ. Code §1798.120)",
            "withdraw_consent": "Beperking van het gebruik van gevoelige persoonsgegevens (Cal. Civ. Code §1798.121)",
            "reminder": "Herinnering: mijn verzoek van {original_date} ({reference}), termijn verstreken",
            "complaint": "Klacht tegen {controller} op grond van de California Consumer Privacy Act",
            "reply": "Mijn verzoek van {original_date} ({reference}): uw antwoord",
        },
        "reply": {
            "opening_dated": "Dank voor uw antwoord van {reply_date} op mijn verzoek van "
            "{original_date} op grond van de CCPA (kenmerk {reference}).",
            "opening": "Dank voor uw antwoord op mijn verzoek van {original_date} op grond van "
            "de CCPA (kenmerk {reference}).",
            "id_demanded": [
                "U hebt mij gevraagd om een kopie van een identiteitsbewijs of om meer gegevens "
                "om mijn verzoek te verifiëren. Een kopie van een identiteitsbewijs stuur ik niet.",
                "Volgens de CCPA Regulations moet u mijn verzoek waar mogelijk verifiëren door "
                "mijn gegevens te vergelijken met de persoonsgegevens die u al over mij bijhoudt "
                "(§7060(c)(1)), en mag u gevoelige kenmerken zoals een identiteitsnummer van de "
                "overheid alleen verzamelen als dat voor de verificatie nodig is (§7060(c)(2)). "
                "Gegevens voor de verificatie mogen alleen daarvoor worden gebruikt (Cal. Civ. "
                "Code §1798.130(a)(7)).",
            ],
            "id_accounts": "In mijn verzoek heb ik mij met deze gegevens geïdentificeerd:",
            "id_offer": "Houdt u voor mij een met een wachtwoord beveiligd account bij, dan kunt "
            "u mij verifiëren via uw bestaande authenticatie voor dat account (CCPA Regulations "
            "§7061(a)). Ik kan mijn verzoek ook bevestigen met een bericht vanaf het e-mailadres "
            "van mijn account.",
            "id_face": "De gegevens die u over mij bijhoudt, vindt u aan de hand van alleen mijn "
            "gezicht; een kopie van een identiteitsbewijs zou een naam, een geboortedatum en een "
            "documentnummer toevoegen die die zoekopdracht niet nodig heeft. Alleen voor de "
            "zoekopdracht kan ik één foto van mijn gezicht aanleveren, die u voor niets anders "
            "gebruikt (Cal. Civ. Code §1798.130(a)(7)).",
            "excessive": [
                "U noemt mijn verzoek kennelijk ongegrond of buitensporig.",
                "Volgens Cal. Civ. Code §1798.145(h)(3) moet het bedrijf aantonen dat een "
                "verifieerbaar consumentenverzoek kennelijk ongegrond of buitensporig is. Toon dat "
                "aan, of beantwoord mijn verzoek volledig.",
            ],
            "excessive_first": "Volgens mijn gegevens is dit het eerste verzoek dat ik u heb "
            "gedaan: het is geen herhaling.",
            "excessive_access": "De informatie moet kosteloos worden verstrekt (Cal. Civ. Code "
            "§1798.130(a)(2)(A)).",
            "other_channel": [
                "U hebt mij gevraagd mijn verzoek opnieuw in te dienen via een ander kanaal, op "
                "een formulier van u of in een andere taal.",
                "U hebt mijn verzoek van {original_date} ontvangen. De termijn van 45 dagen begint "
                "op de dag van ontvangst, ongeacht de tijd die de verificatie kost (CCPA "
                "Regulations §7021(b)). Beantwoord het zoals het is ingediend, of laat mij precies "
                "weten wat dat verhindert.",
            ],
            "partial": [
                "Uw antwoord beantwoordt mijn verzoek maar gedeeltelijk. Het volgende ontbreekt "
                "nog:"
            ],
            "missing": {
                "a": "de zakelijke of commerciële doeleinden van het verzamelen, verkopen of delen "
                "van mijn persoonsgegevens (Cal. Civ. Code §1798.110(a)(3));",
                "b": "de categorieën persoonsgegevens die u over mij hebt verzameld (Cal. Civ. Code "
                "§1798.110(a)(1));",
                "c": "de categorieën derden aan wie u ze verstrekt (Cal. Civ. Code "
                "§1798.110(a)(4));",
                "g": "de categorieën bronnen van die gegevens (Cal. Civ. Code §1798.110(a)(2));",
                "copy": "de concrete persoonsgegevens die u over mij hebt verzameld (Cal. Civ. "
                "Code §1798.110(a)(5)).",
            },
            "partial_ask": "Ik verzoek u het ontbrekende zonder verder uitstel te verstrekken.",
            "deadline_open": "Deze brief opent geen nieuwe termijn: de 45 dagen (Cal. Civ. Code "
            "§1798.130(a)(2)) lopen vanaf de dag waarop u mijn verzoek van {original_date} "
            "ontving en eindigen op {original_due}.",
            "deadline_passed": "Deze brief opent geen nieuwe termijn: de 45 dagen (Cal. Civ. Code "
            "§1798.130(a)(2)) liepen vanaf de dag waarop u mijn verzoek van {original_date} "
            "ontving en zijn op {original_due} verstreken. Ik verzoek u zonder verder uitstel te "
            "antwoorden.",
        },
        "intro": "Ik woon in Californië en dien dit verzoek in op grond van de California Consumer "
        "Privacy Act, zoals gewijzigd door de California Privacy Rights Act (CCPA). Het "
        "betreft foto's en video's van mij en alle informatie die uit mijn gezicht is "
        "afgeleid.",
        "intro_unstated": "Ik dien dit verzoek in op grond van de California Consumer Privacy "
        "Act, zoals gewijzigd door de California Privacy Rights Act (CCPA). Het betreft foto's "
        "en video's van mij en alle informatie die uit mijn gezicht is afgeleid.",
        "fs_photo_enclosed": "Ik voeg één foto van mijn gezicht bij, uitsluitend zodat u de "
        "informatie kunt vinden die u over mij bewaart. Gebruik die voor geen ander doel, neem "
        "die niet op in uw index, vergelijk die met niets anders en verwijder die zodra mijn "
        "verzoek is beantwoord (Cal. Civ. Code §1798.130(a)(7)).",
        "fs_no_photo": "Ik voeg geen foto van mijzelf bij. Kunt u mijn informatie zonder foto "
        "niet vinden, laat mij dat dan weten (CCPA Regulations §7060); ik beslis dan of ik er "
        "een uitsluitend voor dat doel verstrek.",
        "complaint_reminder_pending": "Ik heb het bedrijf op {reminder_date} een herinnering "
        "gestuurd met het verzoek om een volledig antwoord uiterlijk op {reminder_deadline}.",
        "complaint_evidence": "De bijlage vermeldt de {count_items} die ik het bedrijf in mijn "
        "verzoek heb genoemd als plaatsen waar ik mijn gezicht vond.",
        "complaint_accounts": "Mijn accountgegevens bij het bedrijf:",
        "identification_plain": "U kunt mijn verzoek aan de hand van de volgende gegevens "
        "herkennen:",
        "access": "Op grond van Cal. Civ. Code §1798.110 en §1798.115 verzoek ik u de categorieën "
        "en de specifieke persoonsgegevens die u over mij hebt verzameld bekend te maken, "
        "met de categorieën bronnen, de zakelijke doeleinden en de categorieën derden aan "
        "wie u ze verstrekt. Dit omvat elke afbeelding en video van mij, elk "
        "gezichtstemplate of andere biometrische informatie (§1798.140), gezichtsclusters "
        "en tags, conclusies, en EXIF- en locatiegegevens.",
        "erasure": "Op grond van Cal. Civ. Code §1798.105 verzoek ik u de hier beschreven "
        "persoonsgegevens over mij te verwijderen, inclusief afbeeldingen van mij en alle "
        "daaruit afgeleide biometrische informatie, en uw dienstverleners en "
        "contractanten opdracht te geven hetzelfde te doen.",
        "limit": "Biometrische informatie die wordt verwerkt om mij te identificeren, is gevoelige "
        "persoonlijke informatie. Op grond van Cal. Civ. Code §1798.121 draag ik u op het "
        "gebruik ervan te beperken tot wat nodig is voor de diensten die ik vraag.",
        "optout": "Op grond van Cal. Civ. Code §1798.120 maak ik gebruik van mijn opt-out voor de "
        "verkoop en het delen van mijn persoonsgegevens.",
        "procedure": "Bevestig de ontvangst binnen 10 werkdagen (CCPA Regulations §7021(a)) en "
        "antwoord binnen 45 kalenderdagen, uiterlijk op {due} (Cal. Civ. Code "
        "§1798.130(a)(2); CCPA Regulations §7021(b)).",
        "remedies": "Als u niet voldoet, dien ik een klacht in bij de California Privacy Protection "
        "Agency (CPPA) en informeer ik de Attorney General van Californië.",
        "reminder": [
            "Op {original_date} heb ik u een verzoek gestuurd op grond van de CCPA "
            "(kenmerk {reference}). De termijn van 45 dagen (Cal. Civ. Code "
            "§1798.130(a)(2)) is op {original_due} verstreken zonder volledig antwoord of "
            "bericht van verlenging.",
            "Ik verzoek u uiterlijk op {reminder_due} volledig te antwoorden; anders dien "
            "ik een klacht in bij de California Privacy Protection Agency.",
        ],
        "complaint": [
            "Hierbij dien ik op grond van de California Consumer Privacy Act een klacht "
            "in tegen de hieronder genoemde onderneming.",
            "Onderneming: {controller_block}",
            "Op {original_date} heb ik een verzoek ingediend (kenmerk {reference}). De "
            "termijn van 45 dagen (Cal. Civ. Code §1798.130(a)(2)) is op {original_due} "
            "verstreken. Ik heb geen volledig antwoord ontvangen.",
            "Ik verzoek de Agency de zaak te onderzoeken en de onderneming tot naleving "
            "te verplichten.",
        ],
        "complaint_reminder": "Ik heb het bedrijf op {reminder_date} een herinnering gestuurd; die leidde niet "
        "tot een volledig antwoord.",
        "identification": "Mijn accountgegevens bij u, ontleend aan de gegevens die u mij hebt verstrekt:",
        "verification": "Verifieer mijn verzoek zoals de CCPA Regulations bepalen (§7060 e.v.) en vraag "
        "alleen wat u daarvoor redelijkerwijs nodig hebt; gebruik het alleen voor "
        "verificatie (Cal. Civ. Code §1798.130(a)(7)).",
        "beyond_12_months": "Neem ook persoonlijke informatie op die langer dan 12 maanden geleden is "
        "verzameld (Cal. Civ. Code §1798.130(a)(2)(B)).",
        "evidence": "De bijlage vermeldt {count_items} van mijn gezicht. Ik verstrek deze gegevens "
        "alleen zodat u de informatie kunt vinden; gebruik ze voor geen ander doel (Cal. "
        "Civ. Code §1798.130(a)(7)).",
    },
    "restriction_grounds": {
        "a": "zolang u de juistheid controleert van de tags en afleidingen over mij die ik "
        "betwist ([[18(1)(a)]]);",
        "b": "omdat de verwerking onrechtmatig is en ik in plaats van wissing om beperking "
        "verzoek ([[18(1)(b)]]);",
        "d": "zolang na mijn bezwaar niet is vastgesteld of uw gerechtvaardigde gronden "
        "zwaarder wegen dan de mijne ([[18(1)(d)]]).",
    },
    "restriction_store": "Intussen mogen de gegevens alleen worden opgeslagen.",
    "email_label": "E-mailadres",
    "account_kinds": {
        "user id": "gebruikers-ID",
        "id": "gebruikers-ID",
        "username": "gebruikersnaam",
        "profile url": "profiel-URL",
        "profile": "profiel",
        "email": "e-mailadres",
        "phone": "telefoonnummer",
        "name": "naam",
        "display name": "weergavenaam",
    },
    "items": {
        "one": "1 vindplaats",
        "other": "{n} vindplaatsen",
    },
    "territory": {
        "EU": "de Unie",
        "UK": "het Verenigd Koninkrijk",
    },
    "authority_uk": "het Information Commissioner's Office (ICO)",
    "electronic_answer": "Omdat ik dit verzoek elektronisch indien, verzoek ik om een antwoord in een gangbare "
    "elektronische vorm ([[15(3)]]).",
    "erasure_what_no_annex": "Te wissen zijn: elke afbeelding en video van mij; elk daaruit afgeleid "
    "gezichtstemplate, embedding en cluster; tags, afleidingen en andere afgeleide "
    "gegevens; en de kopieën in back-ups, caches en trainingsdatasets, zodra uw "
    "back-upcyclus dat toelaat.",
    "post_receipt": "Omdat deze brief per post wordt verzonden, ga ik ervan uit dat hij u op "
    "{assumed_receipt} bereikt; de termijn loopt vanaf die dag.",
    "complaint_reminder": "Ik heb de verwerkingsverantwoordelijke op {reminder_date} een herinnering gestuurd; "
    "die leidde niet tot een volledig antwoord.",
    "complaint_reminder_pending": "Ik heb de verwerkingsverantwoordelijke op {reminder_date} "
    "een herinnering gestuurd met het verzoek om een volledig antwoord uiterlijk op "
    "{reminder_deadline}.",
    "complaint_evidence": "De bijlage vermeldt de {count_items} die ik de "
    "verwerkingsverantwoordelijke in mijn verzoek heb genoemd als plaatsen waar ik mijn gezicht "
    "vond.",
    "complaint_accounts": "Mijn accountgegevens bij de verwerkingsverantwoordelijke:",
    "remaining": "Na mijn verzoek van {original_date} heb ik op {later_export_date} een nieuwere "
    "export van mijn gegevens bij {later_platforms} gecontroleerd. Vergeleken op plaats of id in "
    "die export bevat deze nog {remaining_items} waarvan ik wissing heb gevraagd:",
    "reply": {
        "opening_dated": "Dank voor uw antwoord van {reply_date} op mijn verzoek van "
        "{original_date} op grond van de {law} (kenmerk {reference}).",
        "opening": "Dank voor uw antwoord op mijn verzoek van {original_date} op grond van de "
        "{law} (kenmerk {reference}).",
        "id_demanded": [
            "U hebt mij gevraagd om een kopie van een identiteitsbewijs of om meer gegevens om mij "
            "te identificeren. Een kopie van een identiteitsbewijs stuur ik niet.",
            "Op grond van [[12(6)]] mag u alleen om aanvullende informatie vragen als u gegronde "
            "redenen hebt om te twijfelen aan de identiteit van de verzoeker, en alleen om wat "
            "nodig is om die te bevestigen; meer vragen is in strijd met de minimale "
            "gegevensverwerking ([[5(1)(c)]]). Een kopie van een identiteitsbewijs is niet "
            "evenredig als mijn account bij u, of mijn gezicht, mij al identificeert "
            "(EDPB-richtsnoeren 01/2022 over het recht op inzage, punten 69-79). Hebt u gegronde "
            "twijfel, laat mij dan weten welke.",
        ],
        "id_accounts": "In mijn verzoek heb ik mij met deze gegevens geïdentificeerd:",
        "id_offer": "Blijft er twijfel, dan kan ik mijn verzoek op een evenredige manier "
        "bevestigen: met een bericht vanaf het e-mailadres van mijn account, of via mijn account "
        "bij u nadat ik ben ingelogd.",
        "id_face": "De gegevens die u over mij verwerkt, vindt u aan de hand van alleen mijn "
        "gezicht; een kopie van een identiteitsbewijs zou een naam, een geboortedatum en een "
        "documentnummer toevoegen die u voor die zoekopdracht niet nodig hebt ([[5(1)(c)]]). "
        "Alleen voor de zoekopdracht kan ik één foto van mijn gezicht aanleveren, die u voor niets "
        "anders gebruikt en daarna verwijdert ([[5(1)(b)]], [[11(2)]]).",
        "excessive": [
            "U noemt mijn verzoek kennelijk ongegrond of buitensporig.",
            "Op grond van [[12(5)]] moet u, de verwerkingsverantwoordelijke, aantonen dat een "
            "verzoek kennelijk ongegrond of buitensporig is. Toon dat aan, of beantwoord mijn "
            "verzoek volledig. Geeft u er geen gevolg aan, dan moet u mij zeggen waarom, en dat ik "
            "een klacht kan indienen bij een toezichthoudende autoriteit ([[12(4)]]).",
        ],
        "excessive_first": "Volgens mijn gegevens is dit het eerste verzoek dat ik u heb gedaan: "
        "van herhaling, het voorbeeld van een buitensporig verzoek in [[12(5)]], is geen sprake.",
        "excessive_access": "Een eerste verzoek om inzage is niet buitensporig, en de eerste "
        "kopie van mijn gegevens is kosteloos ([[15(3)]]; HvJ EU, C-307/22).",
        "other_channel": [
            "U hebt mij gevraagd mijn verzoek opnieuw in te dienen via een ander kanaal, op een "
            "formulier van u of in een andere taal.",
            "Op grond van [[12(2)]] moet u de uitoefening van mijn rechten faciliteren. Uw eigen "
            "kanalen en formulieren zijn niet verplicht: mijn verzoek van {original_date} is "
            "geldig zoals het is ingediend, en de termijn om te antwoorden ([[12(3)]]) loopt vanaf "
            "de ontvangst ervan, niet vanaf een nieuwe indiening.",
        ],
        "partial": [
            "Uw antwoord beantwoordt mijn verzoek maar gedeeltelijk. Het volgende ontbreekt nog:"
        ],
        "missing": {
            "a": "de verwerkingsdoeleinden ([[15(1)(a)]]);",
            "b": "de betrokken categorieën van persoonsgegevens ([[15(1)(b)]]);",
            "c": "de ontvangers aan wie mijn gegevens zijn of worden verstrekt, elk bij naam "
            "([[15(1)(c)]]; HvJ EU, C-154/21);",
            "d": "hoe lang mijn gegevens worden bewaard, of de criteria om dat te bepalen "
            "([[15(1)(d)]]);",
            "e": "mijn rechten op rectificatie, wissing, beperking en bezwaar ([[15(1)(e)]]);",
            "f": "mijn recht om een klacht in te dienen bij een toezichthoudende autoriteit "
            "([[15(1)(f)]]);",
            "g": "alle beschikbare informatie over de bron van gegevens die niet bij mij zijn "
            "verzameld ([[15(1)(g)]]);",
            "h": "of er geautomatiseerde besluitvorming, waaronder profilering, plaatsvindt, met "
            "nuttige informatie over de onderliggende logica ([[15(1)(h)]]);",
            "copy": "een getrouwe en begrijpelijke kopie van mijn persoonsgegevens ([[15(3)]]; "
            "HvJ EU, C-487/21).",
        },
        "partial_ask": "Ik verzoek u het ontbrekende zonder verder uitstel te verstrekken.",
        "deadline_open": "Deze brief opent geen nieuwe termijn: de termijn om op mijn verzoek te "
        "antwoorden ([[12(3)]]) loopt vanaf de ontvangst van mijn verzoek van {original_date} en "
        "eindigt op {original_due}.",
        "deadline_passed": "Deze brief opent geen nieuwe termijn: de termijn om op mijn verzoek "
        "te antwoorden ([[12(3)]]) liep vanaf de ontvangst van mijn verzoek van {original_date} "
        "en is op {original_due} verstreken. Ik verzoek u zonder verder uitstel te antwoorden.",
    },
    "uk": {
        "reply_pause": "Op grond van [[12A]] staat de termijn alleen stil zolang u wacht op "
        "informatie die u redelijkerwijs nodig hebt om mij te identificeren; omdat mijn verzoek "
        "mij al identificeert, staat hij naar mijn mening niet stil.",
        "complaint_subject": "Klacht op grond van section 165 van de Data Protection Act 2018 "
        "over {controller}",
        "complaint_first": "Hierbij dien ik op grond van section 165 van de Data Protection Act "
        "2018 een klacht in over de hieronder genoemde verwerkingsverantwoordelijke, over "
        "persoonsgegevens waaronder afbeeldingen van mijn gezicht.",
        "complaint_ask": "Naar mijn mening heeft de verwerkingsverantwoordelijke [[12(3)]] en "
        "[[12(4)]] en de door mij uitgeoefende rechten geschonden ({rights}). Ik verzoek u de zaak "
        "te onderzoeken, de verwerkingsverantwoordelijke te gelasten aan mijn verzoek te voldoen "
        "([[58(2)(c)]]) en mij te informeren over de voortgang en het resultaat van de klacht "
        "(sections 165 en 166 van de Data Protection Act 2018).",
        "time_limit": "Hebt u informatie van mij nodig om mij of de gegevens te identificeren, vraag "
        "daar dan direct om; de termijn staat alleen stil zolang u op die informatie "
        "wacht ([[12A]]).",
        "remedies": "Krijg ik niet op tijd een volledig antwoord, dan dien ik op grond van section "
        "164A van de Data Protection Act 2018 een klacht bij u in en daarna bij het "
        "Information Commissioner's Office (section 165 van de Data Protection Act 2018), en overweeg ik mijn andere "
        "rechtsmiddelen, waaronder een procedure bij de rechter ([[79]]) en "
        "schadevergoeding ([[82]]).",
        "persuasive": "Uitspraken van het Hof van Justitie van de Europese Unie van na 2020 en "
        "richtsnoeren van het Europees Comité voor gegevensbescherming worden alleen ter "
        "overtuiging aangehaald.",
        "reminder_last": "Heb ik op {reminder_due} geen volledig antwoord, dan dien ik op grond van "
        "section 164A van de Data Protection Act 2018 een klacht bij u in en daarna bij "
        "het Information Commissioner's Office.",
        "controller_complaint_subject": "Klacht op grond van section 164A van de Data Protection Act 2018 over mijn "
        "verzoek van {original_date} ({reference})",
        "controller_complaint": [
            "Hierbij dien ik bij u een klacht in op grond van section 164A van de Data "
            "Protection Act 2018. Op {original_date} heb ik u een verzoek gestuurd op "
            "grond van de {law} (kenmerk {reference}): {rights}. De termijn om te "
            "antwoorden ([[12(3)]]) is op {original_due} verstreken zonder volledig "
            "antwoord; dat is in strijd met de {law}.",
            "Bevestig de ontvangst van deze klacht binnen 30 dagen, behandel haar zonder "
            "onnodige vertraging en laat mij de uitkomst weten (section 164A(3) en (4) "
            "Data Protection Act 2018). Lost dit de zaak niet op, dan dien ik een klacht "
            "in bij het Information Commissioner's Office.",
        ],
        "complained_to_controller": "Ik heb op {controller_complaint_date} op grond van section 164A van de Data "
        "Protection Act 2018 een klacht ingediend bij de verwerkingsverantwoordelijke; "
        "dat heeft de zaak niet opgelost.",
    },
    "face_search": {
        "intro": "Als betrokkene schrijf ik u over foto's van mijn gezicht die uw dienst op "
        "internet kan hebben verzameld, en over de biometrische gegevens "
        "(gezichtsvectoren) die u daaruit afleidt om gezichten doorzoekbaar te maken "
        "([[4(14)]], [[9(1)]]).",
        "reach": "De {law} is op u van toepassing, hoewel u geen vestiging in {territory} hebt: "
        "door afbeeldingen van personen in {territory} te verzamelen, hun gezichten te "
        "indexeren en anderen daarop te laten zoeken, monitort u hun gedrag "
        "([[3(2)(b)]]).",
        "reach_established": "Omdat u in de Unie gevestigd bent, is de {law} op uw verwerking van toepassing "
        "([[3(1)]]).",
        "representative": "U moet daarom schriftelijk een vertegenwoordiger in {territory} hebben "
        "aangewezen ([[27]]). Laat mij weten wie dat is; ik kan mij ook tot hem wenden.",
        "record": "Toezichthouders hebben dit soort verwerking onrechtmatig bevonden: de Autoriteit "
        "Persoonsgegevens legde Clearview AI een boete op van EUR 30,5 miljoen (2024); de "
        "CNIL, de Italiaanse Garante en de Griekse toezichthouder elk EUR 20 miljoen "
        "(2022); de Britse Information Commissioner GBP 7,5 miljoen (2022), en in 2025 "
        "bevestigde het Upper Tribunal zijn bevoegdheid ([2025] UKUT 319 (AAC)) en "
        "verwees het de zaak terug naar het First-tier Tribunal.",
        "no_account": "Ik heb geen account bij u; er zijn dus geen accountgegevens waarmee u mij kunt "
        "identificeren.",
        "photo_enclosed": "Ik voeg één foto van mijn gezicht bij, uitsluitend zodat u naar mijn gegevens "
        "kunt zoeken. U mag haar voor geen ander doel gebruiken, niet aan uw index "
        "toevoegen of met iets anders vergelijken, en moet haar wissen zodra mijn verzoek "
        "is beantwoord ([[5(1)(b)]], [[5(1)(c)]], [[11(2)]], [[12(6)]]).",
        "no_id": "Een kopie van een identiteitsbewijs stuur ik niet. De foto is alles wat u nodig "
        "hebt om de gegevens te vinden van de persoon die erop staat; een kopie van een "
        "identiteitsbewijs zou gegevens toevoegen die u niet nodig hebt ([[5(1)(c)]]). "
        "Aanvullende informatie mag u alleen vragen als u gegronde twijfel hebt over mijn "
        "identiteit, en u moet die twijfel noemen ([[12(6)]]; EDPB-richtsnoeren 01/2022, "
        "punten 69-79).",
        "no_photo": "Ik voeg geen foto van mijzelf bij. Kunt u mijn gegevens zonder foto niet vinden, "
        "laat mij dat dan weten ([[11(2)]]); ik beslis dan of ik er een uitsluitend voor "
        "dat doel verstrek.",
        "evidence": "De bijlage vermeldt {count_items}: foto's van mij die openbaar op internet "
        "stonden, waar diensten zoals de uwe afbeeldingen verzamelen. Ik noem ze alleen "
        "zodat u uw kopieën kunt vinden; gebruik ze voor geen ander doel ([[5(1)(b)]]).",
        "access": [
            "Op grond van [[15]] verzoek ik u te bevestigen of u persoonsgegevens over "
            "mij verwerkt en mij zo ja te verstrekken:",
            "1. een kopie van elke afbeelding van mij die u bewaart, met het adres (URL) "
            "waar zij is verzameld en de datum van verzameling ([[15(3)]]);",
            "2. elke daaruit afgeleide gezichtsvector of ander biometrisch template, en "
            "de uitzondering van [[9(2)]] waarop u zich daarvoor beroept;",
            "3. de verwerkingsdoeleinden en hoe lang u deze gegevens bewaart "
            "([[15(1)(a)]], [[15(1)(d)]]);",
            "4. de ontvangers van mijn gegevens ([[15(1)(c)]]): wie naar mijn gezicht "
            "heeft gezocht, wanneer, en welke resultaten ieder van hen te zien kreeg;",
            "5. waar elke afbeelding vandaan komt ([[15(1)(g)]]) en of er over mij "
            "geautomatiseerde besluiten worden genomen ([[15(1)(h)]]);",
            "6. de betrokken categorieën persoonsgegevens ([[15(1)(b)]]);",
            "7. mijn rechten op rectificatie, wissing, beperking en bezwaar ([[15(1)(e)]]) en "
            "om een klacht in te dienen bij een toezichthoudende autoriteit ([[15(1)(f)]]);",
            "8. bij doorgifte van mijn gegevens aan een derde land of een internationale "
            "organisatie, de passende waarborgen ([[15(2)]]).",
        ],
        "erasure": "Op grond van [[17(1)(d)]] en [[17(1)(c)]] verzoek ik u zonder onredelijke "
        "vertraging elke afbeelding van mij, elke daaruit afgeleide gezichtsvector en elk "
        "template, en de bronadressen (URL's) en andere daaraan gekoppelde gegevens te "
        "wissen, ook in back-ups. Geen uitzondering van [[9(2)]] staat u toe biometrische "
        "templates van mijn gezicht te maken; dat een foto openbaar is, betekent niet dat "
        "ik het template ervan kennelijk openbaar heb gemaakt (EDPB-richtsnoeren 05/2022, "
        "punten 74-75).",
        "objection": "Op grond van [[21(1)]] maak ik bezwaar tegen elke verwerking van afbeeldingen "
        "van mij en van daaruit afgeleide gegevens, ook tegen elke toekomstige "
        "verzameling. Zorg ervoor dat afbeeldingen van mij niet opnieuw worden verzameld, "
        "en laat mij weten hoe u dat doet.",
        "enclosure_photo": "Eén foto van mijn gezicht, alleen voor de zoekopdracht (daarna te wissen)",
    },
}
