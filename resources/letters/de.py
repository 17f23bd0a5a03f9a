"""Deutsche Brieftexte; Begriffe nach der amtlichen deutschen Fassung der DSGVO."""

TEXT = {
    "law": {
        "EU": "DSGVO",
        "UK": "UK GDPR",
    },
    "cite": {
        "article": "Art. {n}",
        "par": " Abs. {p}",
        "point": " lit. {x}",
        "recital": "Erwägungsgrund {n}",
        "join": " ",
        "join_compound": " ",
        "definition": "Art. {n} Nr. {p}",
    },
    "titles": {
        "access": "Auskunftsrecht der betroffenen Person",
        "erasure": "Recht auf Löschung („Recht auf Vergessenwerden“)",
        "restriction": "Recht auf Einschränkung der Verarbeitung",
        "objection": "Widerspruchsrecht",
        "withdraw_consent": "Widerruf der Einwilligung",
        "complaint": "Recht auf Beschwerde bei einer Aufsichtsbehörde",
    },
    "attn": "z. Hd. der/des Datenschutzbeauftragten",
    "attn_line": "z. Hd. {whom}",
    "attention": {"privacy_team": "z. Hd. des Datenschutzteams von {company}"},
    "care_of_representative": "c/o {name} (Vertreter)",
    "operator_of": "{entity} (Betreiber von {service})",
    "punct": {"colon": ": ", "semicolon": "; "},
    "date": "Datum: {letter_date}",
    "reference": "Mein Zeichen: {reference}",
    "subject": "Betreff: {subject}",
    "subject_follow": {
        "reminder": "Erinnerung: mein Antrag vom {original_date} ({reference}), Frist abgelaufen",
        "complaint": "Beschwerde nach [[77]] gegen {controller}",
        "reply": "Mein Antrag vom {original_date} ({reference}): Ihre Antwort",
    },
    "salutation": "Sehr geehrte Damen und Herren,",
    "intro": "als betroffene Person mache ich hiermit meine Rechte nach der {law_long} geltend. "
    "Der Antrag betrifft Fotos und Videos von mir sowie alle aus meinem Gesicht "
    "abgeleiteten Daten, die Sie verarbeiten.",
    "law_long": {
        "EU": "Datenschutz-Grundverordnung (EU) 2016/679 (DSGVO)",
        "UK": "UK General Data Protection Regulation (UK GDPR) und dem Data Protection Act 2018",
    },
    "identification": "Sie können mich anhand der folgenden Angaben zu meinem Konto identifizieren, die aus "
    "dem von Ihnen bereitgestellten Datenexport stammen:",
    "identification_plain": "Sie können mich anhand der folgenden Angaben identifizieren:",
    "from_export": "(wie in dem von Ihnen bereitgestellten Datenexport)",
    "identity_doubt": "Diese Angaben genügen zu meiner Identifizierung. Zusätzliche Informationen fordern "
    "Sie bitte nur an, wenn Sie begründete Zweifel an meiner Identität haben, und nennen "
    "Sie diese Zweifel ([[12(6)]]).",
    "access": {
        "request": "Nach [[15(1)]] bitte ich um Bestätigung, ob Sie mich betreffende "
        "personenbezogene Daten verarbeiten, und gegebenenfalls um Auskunft über diese "
        "Daten und folgende Informationen:",
        "items": [  # Art. 15(1)(a)-(h), in order
            "(a) die Verarbeitungszwecke jedes Verarbeitungsvorgangs;",
            "(b) die Kategorien personenbezogener Daten, die verarbeitet werden;",
            "(c) die Empfänger, gegenüber denen meine Daten offengelegt worden sind oder noch "
            "offengelegt werden, und zwar namentlich, nicht nur nach Kategorien (EuGH, "
            "C-154/21);",
            "(d) die geplante Dauer der Speicherung oder die Kriterien für ihre Festlegung;",
            "(e) das Bestehen eines Rechts auf Berichtigung, Löschung, Einschränkung der "
            "Verarbeitung und eines Widerspruchsrechts;",
            "(f) das Bestehen eines Beschwerderechts bei einer Aufsichtsbehörde;",
            "(g) wenn die Daten nicht bei mir erhoben wurden, alle verfügbaren Informationen "
            "über ihre Herkunft;",
            "(h) das Bestehen einer automatisierten Entscheidungsfindung einschließlich "
            "Profiling, mit aussagekräftigen Informationen über die involvierte Logik und die "
            "Auswirkungen für mich.",
        ],
        "transfers": "Werden meine Daten an ein Drittland oder eine internationale Organisation "
        "übermittelt, nennen Sie bitte die geeigneten Garantien ([[15(2)]]).",
        "copy": "Bitte stellen Sie mir eine Kopie meiner personenbezogenen Daten zur Verfügung "
        "([[15(3)]]), insbesondere: jedes Bild und Video, das mich zeigt, gleich wer es "
        "hochgeladen hat; jedes Gesichtstemplate, jedes Embedding und jede andere "
        "biometrische Darstellung meines Gesichts; Gesichtscluster, Gruppierungen und "
        "Markierungen, die Bilder mit mir verknüpfen; aus meinen Bildern gezogene "
        "Schlussfolgerungen (etwa Alter, Geschlecht, Emotion oder Ähnlichkeit mit "
        "anderen); sowie die EXIF-Metadaten und Standortdaten dieser Bilder. Die Kopie "
        "muss originalgetreu und verständlich sein, einschließlich des zum Verständnis "
        "nötigen Kontexts (EuGH, C-487/21). Die erste Kopie ist unentgeltlich ([[12(5)]]; "
        "EuGH, C-307/22).",
    },
    "biometric": [
        "Da Bilder meines Gesichts zu biometrischen Daten verarbeitet werden können "
        "([[4(14)]], [[R51]]), die nach [[9(1)]] zu den besonderen Kategorien "
        "personenbezogener Daten gehören, bitte ich zusätzlich um Antwort auf folgende "
        "Fragen:",
        "1. Haben Sie aus einem Bild von mir ein Gesichtstemplate, Embedding oder eine "
        "ähnliche biometrische Darstellung erstellt? Wenn ja: wann, aus welchen Bildern, "
        "und ist es noch gespeichert?",
        "2. Auf welche Ausnahme nach [[9(2)]] stützen Sie sich? Wenn auf meine "
        "ausdrückliche Einwilligung: bitte weisen Sie diese nach ([[7(1)]]).",
        "3. Woher stammt jedes Bild von mir ([[15(1)(g)]]; [[14]])?",
        "4. Verwenden Sie ein Template meines Gesichts, um mich auf Bildern anderer "
        "Personen zu erkennen oder mich mit anderen zu vergleichen?",
    ],
    "erasure": [
        "Nach [[17]] verlange ich die unverzügliche Löschung der in diesem Schreiben "
        "beschriebenen mich betreffenden personenbezogenen Daten aus folgenden Gründen:",
    ],
    "grounds": {
        "a": "die Daten sind für die Zwecke, für die sie erhoben wurden, nicht mehr notwendig "
        "([[17(1)(a)]]);",
        "b": "ich widerrufe jede Einwilligung, auf die sich die Verarbeitung stützt ([[7(3)]], "
        "[[9(2)(a)]]), und es fehlt an einer anderweitigen Rechtsgrundlage "
        "([[17(1)(b)]]);",
        "c": "ich lege nach [[21(1)]] Widerspruch gegen die Verarbeitung ein, und es liegen "
        "keine vorrangigen berechtigten Gründe vor ([[17(1)(c)]]);",
        "d": "die Daten wurden unrechtmäßig verarbeitet ([[17(1)(d)]]): keine Ausnahme nach "
        "[[9(2)]] deckt die biometrische Verarbeitung meines Gesichts. Dass ein Foto "
        "öffentlich ist, bedeutet nicht, dass ich ein daraus erstelltes biometrisches "
        "Template offensichtlich öffentlich gemacht hätte (EDSA-Leitlinien 05/2022, Rn. "
        "74-75; vgl. das Bußgeld der niederländischen Aufsichtsbehörde von 30,5 Mio. EUR "
        "gegen Clearview AI);",
        "d_conditional": "soweit Sie aus Bildern meines Gesichts Templates oder andere biometrische Daten "
        "erzeugen, ist diese Verarbeitung unrechtmäßig ([[17(1)(d)]]): keine Ausnahme "
        "nach [[9(2)]] deckt sie, und dass ein Foto öffentlich ist, bedeutet nicht, dass "
        "ich ein daraus erzeugtes Template offensichtlich öffentlich gemacht hätte "
        "(EDSA-Leitlinien 05/2022, Rn. 74-75);",
        "f": "die Daten wurden in Bezug auf angebotene Dienste der Informationsgesellschaft "
        "erhoben, als ich ein Kind war ([[8(1)]], [[17(1)(f)]]).",
    },
    "erasure_what": "Zu löschen sind: die im Anhang aufgeführten Bilder und Videos und alle anderen "
    "Bilder von mir; alle daraus abgeleiteten Gesichtstemplates, Embeddings und Cluster; "
    "Markierungen, Schlussfolgerungen und sonstige abgeleitete Daten; sowie Kopien in "
    "Backups, Caches und Trainingsdatensätzen, sobald Ihr Backup-Zyklus es zulässt.",
    "erasure_no_exception": "Nach meiner Auffassung greift keine Ausnahme nach [[17(3)]]. Sollten Sie die "
    "Löschung eines Elements ablehnen, nennen Sie bitte für jedes Element die Ausnahme "
    "und die Gründe.",
    "art17_2": "Soweit Sie diese Daten öffentlich gemacht haben, treffen Sie bitte angemessene "
    "Maßnahmen, um andere Verantwortliche, die sie verarbeiten, darüber zu informieren, "
    "dass ich die Löschung aller Links zu diesen Daten und aller Kopien oder "
    "Replikationen verlangt habe ([[17(2)]]).",
    "art19": "Bitte teilen Sie die Löschung oder Einschränkung allen Empfängern mit, denen die "
    "Daten offengelegt wurden, und nennen Sie mir diese Empfänger ([[19]]).",
    "restriction": "Nach [[18]] verlange ich die Einschränkung der Verarbeitung meiner Daten:",
    "restriction_pending": "Solange nicht feststeht, ob Ihre berechtigten Gründe gegenüber meinen überwiegen, "
    "verlange ich die Einschränkung der Verarbeitung der betroffenen Daten "
    "([[18(1)(d)]]).",
    "objection": "Nach [[21(1)]] widerspreche ich aus Gründen, die sich aus meiner besonderen "
    "Situation ergeben, der Verarbeitung von Bildern meines Gesichts und aller daraus "
    "abgeleiteten Daten, auch zu Erkennungs-, Vorschlags- und Werbezwecken. Sie müssen "
    "die Verarbeitung einstellen, es sei denn, Sie weisen zwingende schutzwürdige Gründe "
    "nach, die meine Interessen, Rechte und Freiheiten überwiegen.",
    "objection_marketing": "Nach [[21(2)]] widerspreche ich der Verarbeitung von Bildern meines "
    "Gesichts und daraus abgeleiteter Daten für Direktwerbung, auch für darauf gestützte Werbung. "
    "Nach [[21(3)]] müssen Sie die Verarbeitung für diesen Zweck einstellen; eine Abwägung findet "
    "nicht statt.",
    "objection_situation": "Soweit Sie diese Daten auf Grundlage von [[6(1)(e)]] oder "
    "[[6(1)(f)]] verarbeiten, widerspreche ich zudem nach [[21(1)]] aus Gründen, die sich aus "
    "meiner besonderen Situation ergeben: {situation} Sie müssen die Verarbeitung dann "
    "einstellen, es sei denn, Sie weisen zwingende schutzwürdige Gründe nach, die meine "
    "Interessen, Rechte und Freiheiten überwiegen.",
    "erasure_what_templates": "Zu löschen sind: alle aus Bildern von mir abgeleiteten "
    "Gesichtstemplates, Embeddings und Cluster, die daraus gezogenen Markierungen und "
    "Schlussfolgerungen sowie deren Kopien in Backups, Caches und Trainingsdatensätzen, sobald "
    "Ihr Backup-Zyklus es zulässt.",
    "fs_more_grounds": "Die Löschung ist außerdem aus diesen Gründen geboten:",
    "withdraw_consent": "Ich widerrufe mit Wirkung für die Zukunft jede Einwilligung in die Verarbeitung "
    "meiner Bilder und der daraus abgeleiteten biometrischen Daten ([[7(3)]], "
    "[[9(2)(a)]]). Bitte stellen Sie jede auf diese Einwilligung gestützte Verarbeitung "
    "ein.",
    "evidence": "Der Anhang nennt {count_items} meines Gesichts. Ich stelle diese Angaben nur zur "
    "Verfügung, damit Sie die Daten auffinden können; bitte verwenden Sie sie zu keinem "
    "anderen Zweck und löschen Sie sie nach Erledigung meines Antrags ([[5(1)(b)]], "
    "[[5(1)(c)]]).",
    "annex_heading": "Anhang: Nachweise",
    "page_of": "Seite {page} von {pages}",
    "mailto_note": "Das vollständige Schreiben und der Anhang mit den Nachweisen liegen als PDF bei.",
    "annex_video_at": "Video, bei {time}",
    "annex_columns": (
        "Plattform",
        "URL oder Kennung",
        "Ort im Export",
        "Datum",
        "SHA-256",
    ),
    "procedure": "Bitte antworten Sie spätestens bis zum {due}: innerhalb eines Monats nach Eingang "
    "dieses Antrags ([[12(3)]]). Wenn Sie einem Teil des Antrags nicht nachkommen wollen, "
    "müssen Sie mir dies innerhalb derselben Frist mit Gründen mitteilen ([[12(4)]]). Ich "
    "bin nicht verpflichtet, ein bestimmtes Formular von Ihnen zu verwenden; dieses "
    "Schreiben ist ein vollständiger Antrag.",
    "remedies": "Erhalte ich nicht rechtzeitig eine vollständige Antwort, behalte ich mir eine "
    "Beschwerde bei {authority} ([[77]]) sowie meine weiteren Rechtsbehelfe vor, "
    "einschließlich gerichtlicher Schritte ([[79]]) und Schadenersatz ([[82]]).",
    "authority_generic": "der zuständigen Aufsichtsbehörde",
    "authority_named": "der Aufsichtsbehörde ({name})",
    "closing": "Mit freundlichen Grüßen",
    "enclosures": "Anlagen:",
    "enclosure_annex": "Anhang: Nachweise ({count_items})",
    "enclosure_original": "Kopie meines Antrags vom {original_date}",
    "enclosure_reply": "Schriftverkehr mit dem Verantwortlichen, soweit vorhanden",
    "reminder": [
        "am {original_date} habe ich Ihnen einen Antrag nach der {law} gesandt (Zeichen "
        "{reference}): {rights}. Die Frist für die Antwort ([[12(3)]]) ist am "
        "{original_due} abgelaufen. Ich habe weder eine vollständige Antwort noch eine "
        "begründete Fristverlängerung ([[12(3)]]) oder Gründe für ein Nichttätigwerden "
        "erhalten ([[12(4)]]). Eine Kopie meines Antrags liegt bei.",
        "Diese Erinnerung setzt keine neue Frist in Gang: Ihre Antwort ist bereits "
        "überfällig. Bitte antworten Sie unverzüglich.",
        "Liegt mir bis zum {reminder_due} keine vollständige Antwort vor, werde ich ohne "
        "weitere Ankündigung Beschwerde bei {authority} einlegen ([[77]]).",
    ],
    "complaint": [
        "hiermit lege ich nach [[77]] Beschwerde gegen den unten genannten "
        "Verantwortlichen ein; sie betrifft personenbezogene Daten, darunter Bilder "
        "meines Gesichts.",
        "Verantwortlicher: {controller_block}",
        "Am {original_date} habe ich einen Antrag nach der {law} gestellt (Zeichen "
        "{reference}). Die Frist nach [[12(3)]] ist am {original_due} abgelaufen. Der "
        "Verantwortliche hat nicht vollständig geantwortet, die Frist nicht mit Gründen "
        "verlängert ([[12(3)]]) und mir nicht mitgeteilt, warum er nicht tätig wird ([[12(4)]]).",
        "Ich sehe darin einen Verstoß gegen [[12(3)]] und [[12(4)]] sowie gegen die von "
        "mir geltend gemachten Rechte ({rights}). Ich bitte Sie, die Sache zu "
        "untersuchen, den Verantwortlichen anzuweisen, meinem Antrag zu entsprechen "
        "([[58(2)(c)]]), und mich über den Stand und das Ergebnis der Beschwerde zu "
        "unterrichten ([[77(2)]]; [[78(2)]]).",
        "Ich habe die Angelegenheit keinem Gericht vorgelegt.",
    ],
    "complaint_dear": "Sehr geehrte Damen und Herren,",
    "rights_names": {
        "access": "Auskunft, [[15]]",
        "erasure": "Löschung, [[17]]",
        "restriction": "Einschränkung, [[18]]",
        "objection": "Widerspruch, [[21]]",
        "withdraw_consent": "Widerruf der Einwilligung, [[7(3)]]",
    },
    "ccpa": {
        "subject": {
            "access": "Auskunftsverlangen (Cal. Civ. Code §1798.100 und §1798.110)",
            "erasure": "Löschverlangen (Cal. Civ. Code §1798.105)",
            "restriction": "Beschränkung der Nutzung sensibler personenbezogener Informationen (Cal. "
            "Civ. Code §1798.121)",
            "objection": "Widerspruch gegen Verkauf und Weitergabe (Cal. Civ. Code §1798.120)",
            "withdraw_consent": "Beschränkung der Nutzung sensibler personenbezogener Informationen (Cal. "
            "Civ. Code §1798.121)",
            "reminder": "Erinnerung: mein Antrag vom {original_date} ({reference}), Frist abgelaufen",
            "complaint": "Beschwerde gegen {controller} nach dem California Consumer Privacy Act",
            "reply": "Mein Antrag vom {original_date} ({reference}): Ihre Antwort",
        },
        "reply": {
            "opening_dated": "vielen Dank für Ihre Antwort vom {reply_date} auf meinen Antrag vom "
            "{original_date} nach dem CCPA (Zeichen {reference}).",
            "opening": "vielen Dank für Ihre Antwort auf meinen Antrag vom {original_date} nach "
            "dem CCPA (Zeichen {reference}).",
            "id_demanded": [
                "Sie haben mich um die Kopie eines Ausweisdokuments oder um weitere Angaben zur "
                "Verifizierung meines Antrags gebeten. Eine Ausweiskopie werde ich nicht "
                "übersenden.",
                "Nach den CCPA Regulations müssen Sie meinen Antrag, wo immer möglich, "
                "verifizieren, indem Sie meine Angaben mit den personenbezogenen Informationen "
                "abgleichen, die Sie bereits über mich führen (§7060(c)(1)), und dürfen sensible "
                "Kennungen wie eine staatliche Ausweisnummer nur erheben, wenn dies zur "
                "Verifizierung nötig ist (§7060(c)(2)). Angaben zur Verifizierung dürfen nur dafür "
                "verwendet werden (Cal. Civ. Code §1798.130(a)(7)).",
            ],
            "id_accounts": "In meinem Antrag habe ich mich mit diesen Angaben identifiziert:",
            "id_offer": "Führen Sie für mich ein passwortgeschütztes Konto, können Sie mich über "
            "Ihre bestehende Authentifizierung für dieses Konto verifizieren (CCPA Regulations "
            "§7061(a)). Ich kann meinen Antrag auch durch eine Nachricht von der E-Mail-Adresse "
            "meines Kontos bestätigen.",
            "id_face": "Die Informationen, die Sie über mich führen, finden Sie allein anhand "
            "meines Gesichts; eine Ausweiskopie fügte Name, Geburtsdatum und Ausweisnummer hinzu, "
            "die diese Suche nicht braucht. Allein für die Suche kann ich ein Foto meines Gesichts "
            "bereitstellen, das zu keinem anderen Zweck verwendet wird (Cal. Civ. Code "
            "§1798.130(a)(7)).",
            "excessive": [
                "Sie haben meinen Antrag als offenkundig unbegründet oder exzessiv bezeichnet.",
                "Nach Cal. Civ. Code §1798.145(h)(3) trägt das Unternehmen die Beweislast dafür, "
                "dass ein überprüfbarer Verbraucherantrag offenkundig unbegründet oder exzessiv "
                "ist. Bitte erbringen Sie diesen Nachweis oder beantworten Sie meinen Antrag "
                "vollständig.",
            ],
            "excessive_first": "Nach meinen Unterlagen ist dies mein erster Antrag an Sie: Er "
            "ist keine Wiederholung.",
            "excessive_access": "Die Informationen sind unentgeltlich offenzulegen (Cal. Civ. "
            "Code §1798.130(a)(2)(A)).",
            "other_channel": [
                "Sie haben mich gebeten, meinen Antrag erneut über einen anderen Kanal, auf einem "
                "Formular von Ihnen oder in einer anderen Sprache zu stellen.",
                "Sie haben meinen Antrag vom {original_date} erhalten. Die Frist von 45 Tagen "
                "beginnt mit dem Tag seines Eingangs, unabhängig von der Zeit, die die "
                "Verifizierung braucht (CCPA Regulations §7021(b)). Bitte beantworten Sie ihn so, "
                "wie er gestellt wurde, oder nennen Sie mir genau, was dem entgegensteht.",
            ],
            "partial": ["Ihre Antwort erfüllt meinen Antrag nur zum Teil. Es fehlen noch:"],
            "missing": {
                "a": "die geschäftlichen oder kommerziellen Zwecke der Erhebung, des Verkaufs oder "
                "der Weitergabe meiner personenbezogenen Informationen (Cal. Civ. Code "
                "§1798.110(a)(3));",
                "b": "die Kategorien personenbezogener Informationen, die Sie über mich erhoben "
                "haben (Cal. Civ. Code §1798.110(a)(1));",
                "c": "die Kategorien von Dritten, denen Sie sie offenlegen (Cal. Civ. Code "
                "§1798.110(a)(4));",
                "g": "die Kategorien der Quellen dieser Informationen (Cal. Civ. Code "
                "§1798.110(a)(2));",
                "copy": "die konkreten personenbezogenen Informationen, die Sie über mich erhoben "
                "haben (Cal. Civ. Code §1798.110(a)(5)).",
            },
            "partial_ask": "Bitte übermitteln Sie das Fehlende unverzüglich.",
            "deadline_open": "Dieses Schreiben setzt keine neue Frist in Gang: Die 45 Tage (Cal. "
            "Civ. Code §1798.130(a)(2)) laufen ab dem Eingang meines Antrags vom {original_date} "
            "und enden am {original_due}.",
            "deadline_passed": "Dieses Schreiben setzt keine neue Frist in Gang: Die 45 Tage "
            "(Cal. Civ. Code §1798.130(a)(2)) liefen ab dem Eingang meines Antrags vom "
            "{original_date} und sind am {original_due} abgelaufen. Bitte antworten Sie "
            "unverzüglich.",
        },
        "intro": "ich wohne in Kalifornien und stelle diesen Antrag nach dem California Consumer "
        "Privacy Act in der Fassung des California Privacy Rights Act (CCPA). Er betrifft "
        "Fotos und Videos von mir und alle aus meinem Gesicht abgeleiteten Informationen.",
        "intro_unstated": "ich stelle diesen Antrag nach dem California Consumer Privacy Act in "
        "der Fassung des California Privacy Rights Act (CCPA). Er betrifft Fotos und Videos von "
        "mir und alle aus meinem Gesicht abgeleiteten Informationen.",
        "fs_photo_enclosed": "Ich füge ein Foto meines Gesichts bei, allein damit Sie die "
        "Informationen finden, die Sie über mich gespeichert haben. Bitte verwenden Sie es zu "
        "keinem anderen Zweck, nehmen Sie es nicht in Ihren Index auf, gleichen Sie es mit nichts "
        "anderem ab und löschen Sie es, sobald mein Antrag beantwortet ist "
        "(Cal. Civ. Code §1798.130(a)(7)).",
        "fs_no_photo": "Ich füge kein Foto von mir bei. Können Sie meine Informationen ohne ein "
        "solches nicht finden, teilen Sie mir das bitte mit (CCPA Regulations §7060); ich "
        "entscheide dann, ob ich eines allein zu diesem Zweck zur Verfügung stelle.",
        "complaint_reminder_pending": "Ich habe dem Unternehmen am {reminder_date} eine "
        "Erinnerung gesandt und um eine vollständige Antwort bis zum {reminder_deadline} gebeten.",
        "complaint_evidence": "Die Anlage führt die {count_items} auf, die ich dem Unternehmen "
        "in meinem Antrag als Fundstellen meines Gesichts genannt habe.",
        "complaint_accounts": "Meine Kontoangaben bei dem Unternehmen:",
        "identification_plain": "Mein Antrag lässt sich anhand der folgenden Angaben zuordnen:",
        "access": "Nach Cal. Civ. Code §1798.110 und §1798.115 legen Sie bitte die Kategorien und "
        "die konkreten personenbezogenen Informationen offen, die Sie über mich erhoben "
        "haben, die Kategorien der Quellen, die geschäftlichen Zwecke und die Kategorien "
        "der Dritten, an die Sie sie weitergeben. Dazu gehören jedes Bild und Video von "
        "mir, jedes Gesichtstemplate oder andere biometrische Informationen (§1798.140), "
        "Gesichtscluster und Markierungen, Schlussfolgerungen sowie EXIF- und "
        "Standortdaten.",
        "erasure": "Nach Cal. Civ. Code §1798.105 löschen Sie bitte die hier beschriebenen "
        "personenbezogenen Informationen über mich, einschließlich meiner Bilder und "
        "aller daraus abgeleiteten biometrischen Informationen, und weisen Sie Ihre "
        "Dienstleister und Auftragnehmer an, sie ebenfalls zu löschen.",
        "limit": "Biometrische Informationen, die zu meiner Identifizierung verarbeitet werden, "
        "sind sensible personenbezogene Informationen. Nach Cal. Civ. Code §1798.121 "
        "weise ich Sie an, ihre Nutzung auf das für die von mir gewünschten Dienste "
        "Notwendige zu beschränken.",
        "optout": "Nach Cal. Civ. Code §1798.120 widerspreche ich dem Verkauf und der Weitergabe "
        "meiner personenbezogenen Informationen.",
        "procedure": "Bitte bestätigen Sie den Eingang innerhalb von 10 Werktagen (CCPA Regulations "
        "§7021(a)) und antworten Sie innerhalb von 45 Kalendertagen, bis zum {due} (Cal. "
        "Civ. Code §1798.130(a)(2); CCPA Regulations §7021(b)).",
        "remedies": "Kommen Sie dem nicht nach, werde ich Beschwerde bei der California Privacy "
        "Protection Agency (CPPA) einlegen und den Attorney General von Kalifornien "
        "informieren.",
        "reminder": [
            "am {original_date} habe ich Ihnen einen Antrag nach dem CCPA gesandt "
            "(Zeichen {reference}). Die Frist von 45 Tagen (Cal. Civ. Code "
            "§1798.130(a)(2)) ist am {original_due} ohne vollständige Antwort und ohne "
            "Mitteilung einer Verlängerung abgelaufen.",
            "Bitte antworten Sie vollständig bis zum {reminder_due}; andernfalls lege ich "
            "Beschwerde bei der California Privacy Protection Agency ein.",
        ],
        "complaint": [
            "hiermit lege ich nach dem California Consumer Privacy Act Beschwerde gegen "
            "das unten genannte Unternehmen ein.",
            "Unternehmen: {controller_block}",
            "Am {original_date} habe ich einen Antrag gestellt (Zeichen {reference}). Die "
            "Frist von 45 Tagen (Cal. Civ. Code §1798.130(a)(2)) ist am {original_due} "
            "abgelaufen. Ich habe keine vollständige Antwort erhalten.",
            "Ich bitte die Behörde, die Sache zu untersuchen und das Unternehmen zur "
            "Erfüllung anzuhalten.",
        ],
        "complaint_reminder": "Ich habe dem Unternehmen am {reminder_date} eine Erinnerung gesandt; sie führte "
        "zu keiner vollständigen Antwort.",
        "identification": "Meine Kontoangaben bei Ihnen, aus den Daten, die Sie mir bereitgestellt haben:",
        "verification": "Bitte verifizieren Sie meinen Antrag nach den CCPA Regulations (§7060 ff.) und "
        "verlangen Sie nur, was Sie dafür vernünftigerweise benötigen; verwenden Sie es "
        "nur zur Verifizierung (Cal. Civ. Code §1798.130(a)(7)).",
        "beyond_12_months": "Bitte beziehen Sie auch personenbezogene Informationen ein, die vor mehr als 12 "
        "Monaten erhoben wurden (Cal. Civ. Code §1798.130(a)(2)(B)).",
        "evidence": "Der Anhang nennt {count_items} mit meinem Gesicht. Ich gebe diese Angaben nur, "
        "damit Sie die Informationen finden; verwenden Sie sie zu keinem anderen Zweck "
        "(Cal. Civ. Code §1798.130(a)(7)).",
    },
    "restriction_grounds": {
        "a": "solange Sie die Richtigkeit der Markierungen und Schlussfolgerungen über mich "
        "prüfen, die ich bestreite ([[18(1)(a)]]);",
        "b": "weil die Verarbeitung unrechtmäßig ist und ich statt der Löschung die "
        "Einschränkung verlange ([[18(1)(b)]]);",
        "d": "solange nach meinem Widerspruch nicht feststeht, ob Ihre berechtigten Gründe "
        "gegenüber meinen überwiegen ([[18(1)(d)]]).",
    },
    "restriction_store": "Bis dahin dürfen die Daten nur gespeichert werden.",
    "email_label": "E-Mail",
    "account_kinds": {
        "user id": "Nutzerkennung",
        "id": "Nutzerkennung",
        "username": "Nutzername",
        "profile url": "Profil-URL",
        "profile": "Profil",
        "email": "E-Mail-Adresse",
        "phone": "Telefonnummer",
        "name": "Name",
        "display name": "Anzeigename",
    },
    "items": {
        "one": "1 Fundstelle",
        "other": "{n} Fundstellen",
    },
    "territory": {
        "EU": "der Union",
        "UK": "dem Vereinigten Königreich",
    },
    "authority_uk": "dem Information Commissioner's Office (ICO)",
    "electronic_answer": "Da ich den Antrag elektronisch stelle, bitte ich um Antwort in einem gängigen "
    "elektronischen Format ([[15(3)]]).",
    "erasure_what_no_annex": "Zu löschen sind: jedes Bild und Video von mir; jedes daraus abgeleitete "
    "Gesichtstemplate, Embedding und Cluster; Markierungen, Schlussfolgerungen und andere "
    "abgeleitete Daten; sowie die Kopien in Backups, Caches und Trainingsdatensätzen, "
    "sobald Ihr Backup-Zyklus es erlaubt.",
    "post_receipt": "Da dieses Schreiben per Post versandt wird, gehe ich von einem Zugang am "
    "{assumed_receipt} aus; die Frist läuft ab diesem Tag.",
    "complaint_reminder": "Ich habe dem Verantwortlichen am {reminder_date} eine Erinnerung gesandt; sie führte "
    "zu keiner vollständigen Antwort.",
    "complaint_reminder_pending": "Ich habe dem Verantwortlichen am {reminder_date} eine "
    "Erinnerung gesandt und um eine vollständige Antwort bis zum {reminder_deadline} gebeten.",
    "complaint_evidence": "Die Anlage führt die {count_items} auf, die ich dem Verantwortlichen "
    "in meinem Antrag als Fundstellen meines Gesichts genannt habe.",
    "complaint_accounts": "Meine Kontoangaben bei dem Verantwortlichen:",
    "remaining": "Nach meinem Antrag vom {original_date} habe ich am {later_export_date} einen "
    "neueren Export meiner Daten bei {later_platforms} geprüft. Verglichen nach Ort bzw. Kennung "
    "im Export enthält er noch {remaining_items}, deren Löschung ich verlangt habe:",
    "reply": {
        "opening_dated": "vielen Dank für Ihre Antwort vom {reply_date} auf meinen Antrag vom "
        "{original_date} nach der {law} (Zeichen {reference}).",
        "opening": "vielen Dank für Ihre Antwort auf meinen Antrag vom {original_date} nach der "
        "{law} (Zeichen {reference}).",
        "id_demanded": [
            "Sie haben mich um die Kopie eines Ausweisdokuments oder um weitere Angaben zu meiner "
            "Identifizierung gebeten. Eine Ausweiskopie werde ich nicht übersenden.",
            "Nach [[12(6)]] dürfen Sie zusätzliche Informationen nur anfordern, wenn Sie "
            "begründete Zweifel an der Identität der antragstellenden Person haben, und nur soweit "
            "sie zu deren Bestätigung erforderlich sind; alles Weitere widerspricht dem Grundsatz "
            "der Datenminimierung ([[5(1)(c)]]). Eine Ausweiskopie ist nicht verhältnismäßig, wenn "
            "mein Konto bei Ihnen oder mein Gesicht mich bereits identifiziert (EDSA-Leitlinien "
            "01/2022 zum Auskunftsrecht, Rn. 69-79). Haben Sie begründete Zweifel, nennen Sie mir "
            "diese bitte.",
        ],
        "id_accounts": "In meinem Antrag habe ich mich mit diesen Angaben identifiziert:",
        "id_offer": "Bleiben Zweifel, kann ich meinen Antrag auf verhältnismäßige Weise "
        "bestätigen: durch eine Nachricht von der E-Mail-Adresse meines Kontos oder über mein "
        "Konto bei Ihnen nach der Anmeldung.",
        "id_face": "Die Daten, die Sie über mich verarbeiten, finden Sie allein anhand meines "
        "Gesichts; eine Ausweiskopie fügte Name, Geburtsdatum und Ausweisnummer hinzu, die diese "
        "Suche nicht braucht ([[5(1)(c)]]). Allein für die Suche kann ich ein Foto meines "
        "Gesichts bereitstellen, das zu keinem anderen Zweck verwendet und danach gelöscht wird "
        "([[5(1)(b)]], [[11(2)]]).",
        "excessive": [
            "Sie haben meinen Antrag als offenkundig unbegründet oder exzessiv bezeichnet.",
            "Nach [[12(5)]] hat der Verantwortliche den Nachweis für den offenkundig unbegründeten "
            "oder exzessiven Charakter eines Antrags zu erbringen. Bitte erbringen Sie diesen "
            "Nachweis oder beantworten Sie meinen Antrag vollständig. Wollen Sie nicht tätig "
            "werden, müssen Sie mir die Gründe nennen und mich auf die Möglichkeit einer "
            "Beschwerde bei einer Aufsichtsbehörde hinweisen ([[12(4)]]).",
        ],
        "excessive_first": "Nach meinen Unterlagen ist dies mein erster Antrag an Sie; von "
        "häufiger Wiederholung, dem Beispiel eines exzessiven Antrags in [[12(5)]], kann keine "
        "Rede sein.",
        "excessive_access": "Ein erster Auskunftsantrag ist nicht exzessiv, und die erste Kopie "
        "meiner Daten ist unentgeltlich ([[15(3)]]; EuGH, C-307/22).",
        "other_channel": [
            "Sie haben mich gebeten, meinen Antrag erneut über einen anderen Kanal, auf einem "
            "Formular von Ihnen oder in einer anderen Sprache zu stellen.",
            "Nach [[12(2)]] müssen Sie mir die Ausübung meiner Rechte erleichtern. Ihre eigenen "
            "Kanäle und Formulare sind freiwillig: Mein Antrag vom {original_date} ist so, wie er "
            "gestellt wurde, wirksam, und die Frist für die Antwort ([[12(3)]]) läuft ab seinem "
            "Eingang, nicht ab einer erneuten Einreichung.",
        ],
        "partial": ["Ihre Antwort erfüllt meinen Antrag nur zum Teil. Es fehlen noch:"],
        "missing": {
            "a": "die Verarbeitungszwecke ([[15(1)(a)]]);",
            "b": "die Kategorien personenbezogener Daten, die verarbeitet werden ([[15(1)(b)]]);",
            "c": "die Empfänger, denen meine Daten offengelegt worden sind oder werden, einzeln "
            "benannt ([[15(1)(c)]]; EuGH, C-154/21);",
            "d": "die geplante Speicherdauer oder die Kriterien für ihre Festlegung "
            "([[15(1)(d)]]);",
            "e": "meine Rechte auf Berichtigung, Löschung, Einschränkung und Widerspruch "
            "([[15(1)(e)]]);",
            "f": "mein Recht auf Beschwerde bei einer Aufsichtsbehörde ([[15(1)(f)]]);",
            "g": "alle verfügbaren Informationen über die Herkunft der Daten, die nicht bei mir "
            "erhoben wurden ([[15(1)(g)]]);",
            "h": "ob eine automatisierte Entscheidungsfindung einschließlich Profiling stattfindet, "
            "mit aussagekräftigen Informationen über die involvierte Logik ([[15(1)(h)]]);",
            "copy": "eine getreue und verständliche Kopie meiner personenbezogenen Daten "
            "([[15(3)]]; EuGH, C-487/21).",
        },
        "partial_ask": "Bitte übermitteln Sie das Fehlende unverzüglich.",
        "deadline_open": "Dieses Schreiben setzt keine neue Frist in Gang: Die Frist für die "
        "Antwort auf meinen Antrag ([[12(3)]]) läuft ab dem Eingang meines Antrags vom "
        "{original_date} und endet am {original_due}.",
        "deadline_passed": "Dieses Schreiben setzt keine neue Frist in Gang: Die Frist für die "
        "Antwort auf meinen Antrag ([[12(3)]]) lief ab dem Eingang meines Antrags vom "
        "{original_date} und ist am {original_due} abgelaufen. Bitte antworten Sie unverzüglich.",
    },
    "uk": {
        "reply_pause": "Nach [[12A]] ruht die Frist nur, solange Sie auf Informationen warten, "
        "die Sie zu meiner Identifizierung vernünftigerweise benötigen; da mein Antrag mich "
        "bereits identifiziert, ruht sie meines Erachtens nicht.",
        "complaint_subject": "Beschwerde nach Section 165 des Data Protection Act 2018 über "
        "{controller}",
        "complaint_first": "hiermit lege ich nach Section 165 des Data Protection Act 2018 "
        "Beschwerde über den unten genannten Verantwortlichen ein; sie betrifft personenbezogene "
        "Daten, darunter Bilder meines Gesichts.",
        "complaint_ask": "Ich sehe darin einen Verstoß gegen [[12(3)]] und [[12(4)]] sowie gegen "
        "die von mir geltend gemachten Rechte ({rights}). Ich bitte Sie, die Sache zu untersuchen, "
        "den Verantwortlichen anzuweisen, meinem Antrag zu entsprechen ([[58(2)(c)]]), und mich "
        "über den Stand und das Ergebnis der Beschwerde zu unterrichten (Sections 165 und 166 des "
        "Data Protection Act 2018).",
        "time_limit": "Benötigen Sie Informationen von mir, um mich oder die Daten zu identifizieren, "
        "fordern Sie diese bitte umgehend an; die Frist ruht nur, solange Sie auf diese "
        "Informationen warten ([[12A]]).",
        "remedies": "Erhalte ich nicht rechtzeitig eine vollständige Antwort, werde ich mich nach "
        "Section 164A des Data Protection Act 2018 bei Ihnen und danach beim Information "
        "Commissioner's Office beschweren (Section 165 des Data Protection Act 2018) und meine weiteren Rechtsbehelfe "
        "prüfen, einschließlich gerichtlicher Schritte ([[79]]) und Schadenersatz "
        "([[82]]).",
        "persuasive": "Entscheidungen des Gerichtshofs der Europäischen Union nach 2020 und Leitlinien "
        "des Europäischen Datenschutzausschusses werden nur zur Überzeugung angeführt.",
        "reminder_last": "Liegt mir bis zum {reminder_due} keine vollständige Antwort vor, werde ich mich "
        "nach Section 164A des Data Protection Act 2018 bei Ihnen und danach beim "
        "Information Commissioner's Office beschweren.",
        "controller_complaint_subject": "Beschwerde nach Section 164A des Data Protection Act 2018 zu meinem Antrag vom "
        "{original_date} ({reference})",
        "controller_complaint": [
            "hiermit beschwere ich mich bei Ihnen nach Section 164A des Data Protection "
            "Act 2018. Am {original_date} habe ich Ihnen einen Antrag nach der {law} "
            "gesandt (Zeichen {reference}): {rights}. Die Frist für die Antwort "
            "([[12(3)]]) ist am {original_due} ohne vollständige Antwort abgelaufen; das "
            "verstößt gegen die {law}.",
            "Bitte bestätigen Sie den Eingang dieser Beschwerde innerhalb von 30 Tagen, "
            "bearbeiten Sie sie unverzüglich und teilen Sie mir das Ergebnis mit (Section "
            "164A(3) und (4) Data Protection Act 2018). Löst dies die Sache nicht, werde "
            "ich mich beim Information Commissioner's Office beschweren.",
        ],
        "complained_to_controller": "Ich habe mich am {controller_complaint_date} nach Section 164A des Data "
        "Protection Act 2018 beim Verantwortlichen beschwert; das hat die Sache nicht "
        "gelöst.",
    },
    "face_search": {
        "intro": "als betroffene Person wende ich mich an Sie wegen Fotos meines Gesichts, die Ihr "
        "Dienst im Internet erhoben haben könnte, und wegen der biometrischen Daten "
        "(Gesichtsvektoren), die Sie daraus ableiten, um Gesichter durchsuchbar zu machen "
        "([[4(14)]], [[9(1)]]).",
        "reach": "Die {law} gilt für Sie, obwohl Sie keine Niederlassung in {territory} haben: "
        "Indem Sie Bilder von Personen in {territory} erheben, ihre Gesichter indexieren "
        "und andere danach suchen lassen, beobachten Sie deren Verhalten ([[3(2)(b)]]).",
        "reach_established": "Da Sie in der Union niedergelassen sind, gilt die {law} für Ihre Verarbeitung ([[3(1)]]).",
        "representative": "Sie müssen daher schriftlich einen Vertreter in {territory} benannt haben "
        "([[27]]). Bitte nennen Sie ihn mir; ich kann mich auch an ihn wenden.",
        "record": "Aufsichtsbehörden haben diese Art der Verarbeitung für rechtswidrig befunden: "
        "Die niederländische Datenschutzbehörde verhängte gegen Clearview AI 30,5 Mio. "
        "EUR (2024); die CNIL, der italienische Garante und die griechische "
        "Datenschutzbehörde je 20 Mio. EUR (2022); der britische Information Commissioner "
        "7,5 Mio. GBP (2022), und 2025 bestätigte das Upper Tribunal seine Zuständigkeit "
        "([2025] UKUT 319 (AAC)) und verwies die Sache an das First-tier Tribunal zurück.",
        "no_account": "Ich habe kein Konto bei Ihnen; es gibt daher keine Kontoangaben, anhand derer "
        "Sie mich identifizieren könnten.",
        "photo_enclosed": "Ich füge ein Foto meines Gesichts bei, ausschließlich damit Sie nach meinen "
        "Daten suchen können. Sie dürfen es zu keinem anderen Zweck verwenden, nicht in "
        "Ihren Index aufnehmen oder mit anderem abgleichen und müssen es löschen, sobald "
        "mein Antrag beantwortet ist ([[5(1)(b)]], [[5(1)(c)]], [[11(2)]], [[12(6)]]).",
        "no_id": "Eine Kopie eines Ausweisdokuments sende ich nicht. Das Foto genügt, um die Daten "
        "der abgebildeten Person zu finden; eine Ausweiskopie würde Daten hinzufügen, die Sie "
        "nicht benötigen ([[5(1)(c)]]). Zusätzliche Informationen dürfen Sie nur bei begründeten "
        "Zweifeln an meiner Identität anfordern, und Sie müssen diese Zweifel nennen ([[12(6)]]; "
        "EDSA-Leitlinien 01/2022, Rn. 69-79).",
        "no_photo": "Ich füge kein Foto von mir bei. Können Sie meine Daten ohne ein solches nicht "
        "finden, teilen Sie mir das bitte mit ([[11(2)]]); ich entscheide dann, ob ich "
        "eines allein zu diesem Zweck zur Verfügung stelle.",
        "evidence": "Der Anhang nennt {count_items}: Fotos von mir, die im Internet öffentlich waren, "
        "also dort, wo Dienste wie Ihrer Bilder erheben. Ich nenne sie nur, damit Sie "
        "Ihre Kopien finden; verwenden Sie sie zu keinem anderen Zweck ([[5(1)(b)]]).",
        "access": [
            "Nach [[15]] bitte ich um Bestätigung, ob Sie mich betreffende "
            "personenbezogene Daten verarbeiten, und gegebenenfalls um:",
            "1. eine Kopie jedes Bildes von mir, das Sie gespeichert haben, mit der "
            "Adresse (URL), von der es erhoben wurde, und dem Datum der Erhebung "
            "([[15(3)]]);",
            "2. jeden daraus abgeleiteten Gesichtsvektor oder jedes andere biometrische "
            "Template und die Ausnahme nach [[9(2)]], auf die Sie sich dafür stützen;",
            "3. die Verarbeitungszwecke und die Speicherdauer ([[15(1)(a)]], [[15(1)(d)]]);",
            "4. die Empfänger meiner Daten ([[15(1)(c)]]): wer nach meinem Gesicht "
            "gesucht hat, wann, und welche Ergebnisse ihm jeweils angezeigt wurden;",
            "5. die Herkunft jedes Bildes ([[15(1)(g)]]) und ob automatisierte "
            "Entscheidungen über mich getroffen werden ([[15(1)(h)]]);",
            "6. die Kategorien der verarbeiteten personenbezogenen Daten ([[15(1)(b)]]);",
            "7. meine Rechte auf Berichtigung, Löschung, Einschränkung und Widerspruch "
            "([[15(1)(e)]]) sowie auf Beschwerde bei einer Aufsichtsbehörde ([[15(1)(f)]]);",
            "8. bei Übermittlung meiner Daten in ein Drittland oder an eine internationale "
            "Organisation die geeigneten Garantien ([[15(2)]]).",
        ],
        "erasure": "Nach [[17(1)(d)]] und [[17(1)(c)]] verlange ich die unverzügliche Löschung jedes "
        "Bildes von mir, jedes daraus abgeleiteten Gesichtsvektors und Templates sowie "
        "der Quelladressen (URLs) und anderer damit verknüpfter Daten, auch in Backups. "
        "Keine Ausnahme nach [[9(2)]] erlaubt Ihnen, biometrische Templates meines "
        "Gesichts zu erzeugen; dass ein Foto öffentlich ist, bedeutet nicht, dass ich "
        "sein Template offensichtlich öffentlich gemacht hätte (EDSA-Leitlinien 05/2022, "
        "Rn. 74-75).",
        "objection": "Nach [[21(1)]] widerspreche ich jeder Verarbeitung von Bildern von mir und "
        "daraus abgeleiteter Daten, einschließlich jeder künftigen Erhebung. Bitte "
        "stellen Sie sicher, dass Bilder von mir nicht erneut erhoben werden, und teilen "
        "Sie mir mit, wie Sie das tun.",
        "enclosure_photo": "Ein Foto meines Gesichts, nur für die Suche (danach zu löschen)",
    },
}
