"""Lettres en français ; termes conformes à la version française officielle du RGPD."""

TEXT = {
    "law": {
        "EU": "RGPD",
        "UK": "UK GDPR",
    },
    "cite": {
        "article": "article {n}",
        "par": ", paragraphe {p}",
        "point": ", point {x})",
        "recital": "considérant {n}",
        "join": " du ",
        "join_compound": ", du ",
        "definition": "article {n}, point {p})",
    },
    "titles": {
        "access": "Droit d'accès de la personne concernée",
        "erasure": "Droit à l'effacement (« droit à l'oubli »)",
        "restriction": "Droit à la limitation du traitement",
        "objection": "Droit d'opposition",
        "withdraw_consent": "Retrait du consentement",
        "complaint": "Droit d'introduire une réclamation auprès d'une autorité de contrôle",
    },
    "attn": "À l'attention du délégué à la protection des données",
    "attn_line": "À l'attention de {whom}",
    "attention": {
        "privacy_team": "À l'attention de l'équipe chargée de la vie privée de {company}"
    },
    "care_of_representative": "Aux bons soins de {name} (représentant)",
    "operator_of": "{entity} (exploitant de {service})",
    # French typography: a space before the colon and the semicolon.
    "punct": {"colon": " : ", "semicolon": " ; "},
    "date": "Date : {letter_date}",
    "reference": "Ma référence : {reference}",
    "subject": "Objet : {subject}",
    "subject_follow": {
        "reminder": "Relance : ma demande du {original_date} ({reference}), délai expiré",
        "complaint": "Réclamation au titre de l'[[77]] contre {controller}",
        "reply": "Ma demande du {original_date} ({reference}) : votre réponse",
    },
    "salutation": "Madame, Monsieur,",
    "intro": "En qualité de personne concernée, j'exerce par la présente mes droits au titre du "
    "{law_long}. Cette demande porte sur les photographies et vidéos me représentant et "
    "sur toute donnée dérivée de mon visage que vous traitez.",
    "law_long": {
        "EU": "règlement général sur la protection des données (UE) 2016/679 (RGPD)",
        "UK": "UK General Data Protection Regulation (UK GDPR) et du Data Protection Act 2018",
    },
    "identification": "Vous pouvez m'identifier grâce aux informations suivantes sur mon compte, tirées de "
    "l'export de données que vous m'avez fourni :",
    "identification_plain": "Vous pouvez m'identifier grâce aux informations suivantes :",
    "from_export": "(comme dans l'export de données que vous m'avez fourni)",
    "identity_doubt": "Ces informations suffisent à m'identifier. Ne demandez d'informations "
    "supplémentaires que si vous avez des doutes raisonnables quant à mon identité, et "
    "précisez-les ([[12(6)]]).",
    "access": {
        "request": "En vertu de l'[[15(1)]], je vous demande de me confirmer si des données à "
        "caractère personnel me concernant sont traitées et, si c'est le cas, de m'y "
        "donner accès ainsi qu'aux informations suivantes :",
        "items": [  # Art. 15(1)(a)-(h), in order
            "(a) les finalités de chaque traitement ;",
            "(b) les catégories de données à caractère personnel concernées ;",
            "(c) les destinataires auxquels mes données ont été ou seront communiquées, "
            "désignés nommément et pas seulement par catégorie (CJUE, C-154/21) ;",
            "(d) la durée de conservation envisagée ou les critères utilisés pour la déterminer ;",
            "(e) l'existence du droit de demander la rectification ou l'effacement, une "
            "limitation du traitement, et du droit de s'opposer ;",
            "(f) le droit d'introduire une réclamation auprès d'une autorité de contrôle ;",
            "(g) lorsque les données n'ont pas été collectées auprès de moi, toute "
            "information disponible quant à leur source ;",
            "(h) l'existence d'une prise de décision automatisée, y compris un profilage, et "
            "des informations utiles sur la logique sous-jacente et ses conséquences pour "
            "moi.",
        ],
        "transfers": "Si mes données sont transférées vers un pays tiers ou une organisation "
        "internationale, veuillez indiquer les garanties appropriées ([[15(2)]]).",
        "copy": "Veuillez me fournir une copie de mes données à caractère personnel ([[15(3)]]), "
        "notamment : chaque image et vidéo me représentant, quel qu'en soit l'auteur du "
        "téléversement ; tout gabarit, embedding ou autre représentation biométrique de "
        "mon visage ; les regroupements de visages et les identifications (tags) reliant "
        "des images à moi ; les déductions tirées de mes images (âge, genre, émotion, "
        "ressemblance avec d'autres personnes) ; ainsi que les métadonnées EXIF et les "
        "données de localisation de ces images. La copie doit être fidèle et "
        "intelligible, avec le contexte nécessaire à sa compréhension (CJUE, C-487/21). "
        "La première copie est gratuite ([[12(5)]] ; CJUE, C-307/22).",
    },
    "biometric": [
        "Les images de mon visage pouvant être traitées pour produire des données "
        "biométriques ([[4(14)]], [[R51]]), qui relèvent des catégories particulières de "
        "données à caractère personnel visées à l'[[9(1)]], veuillez également répondre "
        "aux questions suivantes :",
        "1. Avez-vous créé, à partir d'une image de moi, un gabarit, un embedding ou une "
        "autre représentation biométrique de mon visage ? Si oui : quand, à partir de "
        "quelles images, et est-il toujours conservé ?",
        "2. Sur quelle exception de l'[[9(2)]] vous fondez-vous ? S'il s'agit de mon "
        "consentement explicite, veuillez démontrer que je l'ai donné ([[7(1)]]).",
        "3. Quelle est la source de chaque image de moi ([[15(1)(g)]] ; [[14]]) ?",
        "4. Utilisez-vous un gabarit de mon visage pour me reconnaître sur des images "
        "téléversées par d'autres personnes ou pour me comparer à d'autres ?",
    ],
    "erasure": [
        "En vertu de l'[[17]], je vous demande d'effacer dans les meilleurs délais les "
        "données à caractère personnel me concernant décrites dans la présente lettre, "
        "pour les motifs suivants :",
    ],
    "grounds": {
        "a": "les données ne sont plus nécessaires au regard des finalités pour lesquelles "
        "elles ont été collectées ([[17(1)(a)]]) ;",
        "b": "je retire tout consentement sur lequel est fondé le traitement ([[7(3)]], "
        "[[9(2)(a)]]) et il n'existe pas d'autre fondement juridique ([[17(1)(b)]]) ;",
        "c": "je m'oppose au traitement en vertu de l'[[21(1)]] et il n'existe pas de motif "
        "légitime impérieux pour le traitement ([[17(1)(c)]]) ;",
        "d": "les données ont fait l'objet d'un traitement illicite ([[17(1)(d)]]) : aucune "
        "exception de l'[[9(2)]] ne couvre le traitement biométrique de mon visage. Le "
        "fait qu'une photo soit publique ne signifie pas que j'aurais manifestement rendu "
        "public un gabarit biométrique qui en est tiré (lignes directrices 05/2022 du "
        "CEPD, points 74-75 ; voir aussi l'amende de 30,5 millions d'euros infligée à "
        "Clearview AI par l'autorité néerlandaise) ;",
        "d_conditional": "dans la mesure où vous créez, à partir d'images de mon visage, des gabarits ou "
        "d'autres données biométriques, ce traitement est illicite ([[17(1)(d)]]) : "
        "aucune exception de l'[[9(2)]] ne le couvre, et le fait qu'une photo soit "
        "publique ne signifie pas que j'aurais manifestement rendu public un gabarit qui "
        "en est tiré (lignes directrices 05/2022 du CEPD, points 74-75) ;",
        "f": "les données ont été collectées dans le cadre de l'offre de services de la "
        "société de l'information à un enfant, alors que j'en étais un ([[8(1)]], "
        "[[17(1)(f)]]).",
    },
    "erasure_what": "Sont à effacer : les images et vidéos énumérées en annexe et toute autre image de "
    "moi ; tout gabarit, embedding et regroupement qui en est dérivé ; les "
    "identifications, déductions et autres données dérivées ; ainsi que les copies "
    "figurant dans les sauvegardes, caches et jeux de données d'entraînement, dès que "
    "votre cycle de sauvegarde le permet.",
    "erasure_no_exception": "À mon sens, aucune des exceptions de l'[[17(3)]] ne s'applique. Si vous refusez "
    "d'effacer un élément, veuillez indiquer, élément par élément, l'exception invoquée "
    "et ses motifs.",
    "art17_2": "Si vous avez rendu ces données publiques, veuillez prendre des mesures raisonnables "
    "pour informer les autres responsables du traitement qui les traitent que j'ai "
    "demandé l'effacement de tout lien vers ces données, ou de toute copie ou "
    "reproduction de celles-ci ([[17(2)]]).",
    "art19": "Veuillez notifier l'effacement ou la limitation à chaque destinataire auquel les "
    "données ont été communiquées et me fournir la liste de ces destinataires ([[19]]).",
    "restriction": "En vertu de l'[[18]], je demande la limitation du traitement de mes données :",
    "restriction_pending": "Jusqu'à ce qu'il soit vérifié si vos motifs légitimes prévalent sur les miens, je "
    "demande la limitation du traitement des données concernées ([[18(1)(d)]]).",
    "objection": "En vertu de l'[[21(1)]], je m'oppose, pour des raisons tenant à ma situation "
    "particulière, au traitement des images de mon visage et de toute donnée qui en est "
    "dérivée, y compris à des fins de reconnaissance, de suggestion et de publicité. Vous "
    "devez cesser ce traitement, sauf à démontrer des motifs légitimes et impérieux qui "
    "prévalent sur mes intérêts, droits et libertés.",
    "objection_marketing": "En vertu de l'[[21(2)]], je m'oppose au traitement des images de "
    "mon visage et des données qui en sont dérivées à des fins de prospection, y compris de "
    "publicité fondée sur elles. En vertu de l'[[21(3)]], vous devez cesser ce traitement à cette "
    "fin ; aucune mise en balance des intérêts ne s'applique.",
    "objection_situation": "Dans la mesure où vous traitez ces données sur le fondement de "
    "l'[[6(1)(e)]] ou de l'[[6(1)(f)]], je m'oppose en outre, en vertu de l'[[21(1)]], pour des "
    "raisons tenant à ma situation particulière : {situation} Vous devez alors cesser ce "
    "traitement, sauf à démontrer des motifs légitimes et impérieux qui prévalent sur mes "
    "intérêts, droits et libertés.",
    "erasure_what_templates": "Sont à effacer : tout gabarit, embedding et regroupement dérivé "
    "d'images de moi, les identifications et déductions qui en sont tirées, ainsi que leurs "
    "copies dans les sauvegardes, caches et jeux de données d'entraînement, dès que votre cycle "
    "de sauvegarde le permet.",
    "fs_more_grounds": "L'effacement s'impose également pour les motifs suivants :",
    "withdraw_consent": "Je retire, pour l'avenir, tout consentement donné au traitement de mes images et des "
    "données biométriques qui en sont dérivées ([[7(3)]], [[9(2)(a)]]). Veuillez cesser "
    "tout traitement fondé sur ce consentement.",
    "evidence": "L'annexe énumère les emplacements où j'ai trouvé mon visage ({count_items}). Je "
    "fournis ces informations uniquement pour vous permettre de localiser les données ; "
    "veuillez ne pas les utiliser à d'autres fins et les effacer une fois ma demande "
    "traitée ([[5(1)(b)]], [[5(1)(c)]]).",
    "annex_heading": "Annexe : éléments de preuve",
    "page_of": "page {page} sur {pages}",
    "mailto_note": "La lettre complète et l'annexe des éléments de preuve figurent dans le PDF joint.",
    "annex_video_at": "vidéo, à {time}",
    "annex_columns": (
        "Plateforme",
        "URL ou identifiant",
        "Emplacement dans l'export",
        "Date",
        "SHA-256",
    ),
    "procedure": "Je vous prie de répondre au plus tard le {due}, soit dans un délai d'un mois à "
    "compter de la réception de la présente demande ([[12(3)]]). Si vous n'entendez pas "
    "donner suite à une partie de celle-ci, vous devez m'en informer dans le même délai, "
    "motifs à l'appui ([[12(4)]]). Aucun formulaire particulier ne peut m'être imposé ; "
    "la présente lettre constitue une demande complète.",
    "remedies": "À défaut de réponse complète dans ce délai, j'envisagerai d'introduire une "
    "réclamation auprès de {authority} ([[77]]) et d'exercer mes autres voies de recours, "
    "y compris un recours juridictionnel ([[79]]) et une demande de réparation ([[82]]).",
    "authority_generic": "l'autorité de contrôle compétente",
    "authority_named": "l'autorité de contrôle ({name})",
    "closing": "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.",
    "enclosures": "Pièces jointes :",
    "enclosure_annex": "Annexe : éléments de preuve ({count_items})",
    "enclosure_original": "Copie de ma demande du {original_date}",
    "enclosure_reply": "Correspondance reçue du responsable du traitement, le cas échéant",
    "reminder": [
        "Le {original_date}, je vous ai adressé une demande au titre du {law} (référence "
        "{reference}) : {rights}. Le délai de réponse ([[12(3)]]) a expiré le "
        "{original_due}. Je n'ai reçu ni réponse complète, ni prolongation motivée du "
        "délai ([[12(3)]]), ni les motifs de votre inaction ([[12(4)]]). Une copie de ma demande est "
        "jointe.",
        "La présente relance n'ouvre pas de nouveau délai : votre réponse est déjà en "
        "retard. Je vous prie de répondre sans plus attendre.",
        "À défaut de réponse complète le {reminder_due}, j'introduirai sans autre préavis "
        "une réclamation auprès de {authority} ([[77]]).",
    ],
    "complaint": [
        "J'introduis par la présente une réclamation au titre de l'[[77]] contre le "
        "responsable du traitement désigné ci-dessous, concernant des données à caractère "
        "personnel comprenant des images de mon visage.",
        "Responsable du traitement : {controller_block}",
        "Le {original_date}, j'ai présenté une demande au titre du {law} (référence "
        "{reference}). Le délai prévu à l'[[12(3)]] a expiré le {original_due}. Le "
        "responsable du traitement n'a pas répondu complètement, n'a pas prolongé le "
        "délai en le motivant ([[12(3)]]) et ne m'a pas fait connaître les motifs de son inaction "
        "([[12(4)]]).",
        "J'estime que le responsable du traitement a violé l'[[12(3)]] et l'[[12(4)]] "
        "ainsi que les droits que j'ai exercés ({rights}). Je vous demande d'examiner "
        "cette réclamation, d'ordonner au responsable du traitement de satisfaire à ma "
        "demande ([[58(2)(c)]]) et de m'informer de l'état d'avancement et de l'issue de "
        "la réclamation ([[77(2)]] ; [[78(2)]]).",
        "Je n'ai saisi aucune juridiction de cette affaire.",
    ],
    "complaint_dear": "Madame, Monsieur,",
    "rights_names": {
        "access": "accès, [[15]]",
        "erasure": "effacement, [[17]]",
        "restriction": "limitation, [[18]]",
        "objection": "opposition, [[21]]",
        "withdraw_consent": "retrait du consentement, [[7(3)]]",
    },
    "ccpa": {
        "subject": {
            "access": "Demande d'information (Cal. Civ. Code §1798.100 et §1798.110)",
            "erasure": "Demande de suppression (Cal. Civ. Code §1798.105)",
            "restriction": "Limitation de l'utilisation des informations personnelles sensibles (Cal. "
            "Civ. Code §1798.121)",
            "objection": "Refus de la vente et du partage (Cal. Civ. Code §1798.120)",
            "withdraw_consent": "Limitation de l'utilisation des informations personnelles sensibles (Cal. "
            "Civ. Code §1798.121)",
            "reminder": "Relance : ma demande du {original_date} ({reference}), délai expiré",
            "complaint": "Réclamation contre {controller} au titre du California Consumer Privacy Act",
            "reply": "Ma demande du {original_date} ({reference}) : votre réponse",
        },
        "reply": {
            "opening_dated": "Je vous remercie de votre réponse du {reply_date} à ma demande du "
            "{original_date} au titre du CCPA (référence {reference}).",
            "opening": "Je vous remercie de votre réponse à ma demande du {original_date} au "
            "titre du CCPA (référence {reference}).",
            "id_demanded": [
                "Vous m'avez demandé la copie d'une pièce d'identité ou des informations "
                "supplémentaires pour vérifier ma demande. Je ne vous enverrai pas de copie de "
                "pièce d'identité.",
                "Selon les CCPA Regulations, vous devez, chaque fois que possible, vérifier ma "
                "demande en rapprochant les informations que j'ai fournies des informations "
                "personnelles que vous détenez déjà sur moi (§7060(c)(1)), et ne recueillir des "
                "identifiants sensibles, comme un numéro d'identité officiel, que si la "
                "vérification l'exige (§7060(c)(2)). Les informations fournies pour la "
                "vérification ne peuvent servir qu'à celle-ci (Cal. Civ. Code §1798.130(a)(7)).",
            ],
            "id_accounts": "Ma demande m'identifiait par ces informations :",
            "id_offer": "Si vous tenez pour moi un compte protégé par un mot de passe, vous pouvez "
            "me vérifier par votre authentification existante pour ce compte (CCPA Regulations "
            "§7061(a)). Je peux aussi confirmer ma demande par un message envoyé depuis l'adresse "
            "électronique de mon compte.",
            "id_face": "Vous pouvez retrouver les informations que vous détenez sur moi à partir "
            "de mon seul visage ; la copie d'une pièce d'identité y ajouterait un nom, une date de "
            "naissance et un numéro de document dont cette recherche n'a pas besoin. Pour la "
            "seule recherche, je peux fournir une photographie de mon visage, à n'utiliser à "
            "aucune autre fin (Cal. Civ. Code §1798.130(a)(7)).",
            "excessive": [
                "Vous avez qualifié ma demande de manifestement infondée ou excessive.",
                "Selon le Cal. Civ. Code §1798.145(h)(3), il incombe à l'entreprise de démontrer "
                "qu'une demande vérifiable d'un consommateur est manifestement infondée ou "
                "excessive. Veuillez le démontrer, ou répondre à ma demande en totalité.",
            ],
            "excessive_first": "D'après mes relevés, il s'agit de la première demande que je "
            "vous adresse : elle n'a rien de répétitif.",
            "excessive_access": "Les informations doivent être communiquées gratuitement (Cal. "
            "Civ. Code §1798.130(a)(2)(A)).",
            "other_channel": [
                "Vous m'avez demandé de présenter à nouveau ma demande par un autre canal, sur un "
                "formulaire de votre part ou dans une autre langue.",
                "Vous avez reçu ma demande du {original_date}. Le délai de 45 jours court à "
                "compter du jour de sa réception, quel que soit le temps nécessaire à la "
                "vérification (CCPA Regulations §7021(b)). Veuillez y répondre telle qu'elle a été "
                "envoyée, ou m'indiquer précisément ce qui vous en empêche.",
            ],
            "partial": ["Votre réponse ne satisfait ma demande qu'en partie. Il manque encore :"],
            "missing": {
                "a": "les finalités commerciales de la collecte, de la vente ou du partage de mes "
                "informations personnelles (Cal. Civ. Code §1798.110(a)(3)) ;",
                "b": "les catégories d'informations personnelles que vous avez recueillies sur moi "
                "(Cal. Civ. Code §1798.110(a)(1)) ;",
                "c": "les catégories de tiers auxquels vous les communiquez (Cal. Civ. Code "
                "§1798.110(a)(4)) ;",
                "g": "les catégories de sources de ces informations (Cal. Civ. Code "
                "§1798.110(a)(2)) ;",
                "copy": "les éléments précis d'informations personnelles que vous avez recueillis "
                "sur moi (Cal. Civ. Code §1798.110(a)(5)).",
            },
            "partial_ask": "Je vous prie de fournir ce qui manque sans plus attendre.",
            "deadline_open": "La présente lettre n'ouvre pas de nouveau délai : les 45 jours "
            "(Cal. Civ. Code §1798.130(a)(2)) courent à compter du jour où vous avez reçu ma "
            "demande du {original_date} et expirent le {original_due}.",
            "deadline_passed": "La présente lettre n'ouvre pas de nouveau délai : les 45 jours "
            "(Cal. Civ. Code §1798.130(a)(2)) couraient à compter du jour où vous avez reçu ma "
            "demande du {original_date} et ont expiré le {original_due} ; ce délai est dépassé. "
            "Je vous prie de répondre sans plus attendre.",
        },
        "intro": "Résidant en Californie, je présente cette demande au titre du California "
        "Consumer Privacy Act, tel que modifié par le California Privacy Rights Act "
        "(CCPA). Elle concerne des photos et vidéos de moi et toute information dérivée "
        "de mon visage.",
        "intro_unstated": "Je présente cette demande au titre du California Consumer Privacy "
        "Act, tel que modifié par le California Privacy Rights Act (CCPA). Elle concerne des "
        "photos et vidéos de moi et toute information dérivée de mon visage.",
        "fs_photo_enclosed": "Je joins une photo de mon visage uniquement pour que vous "
        "puissiez trouver les informations que vous détenez sur moi. Veuillez ne l'utiliser à "
        "aucune autre fin, ne pas l'ajouter à votre index ni la comparer à quoi que ce soit, et "
        "la supprimer dès que ma demande aura reçu une réponse (Cal. Civ. Code §1798.130(a)(7)).",
        "fs_no_photo": "Je ne joins pas de photo de moi. Si vous ne pouvez pas trouver mes "
        "informations sans photo, veuillez me le dire (CCPA Regulations §7060) ; je déciderai "
        "alors d'en fournir une à cette seule fin.",
        "complaint_reminder_pending": "J'ai adressé une relance à l'entreprise le "
        "{reminder_date}, demandant une réponse complète au plus tard le {reminder_deadline}.",
        "complaint_evidence": "L'annexe énumère les éléments ({count_items}) que j'ai indiqués à "
        "l'entreprise dans ma demande comme endroits où j'ai trouvé mon visage.",
        "complaint_accounts": "Mes données de compte auprès de l'entreprise :",
        "identification_plain": "Vous pouvez rattacher ma demande aux informations suivantes :",
        "access": "En vertu de Cal. Civ. Code §1798.110 et §1798.115, veuillez me communiquer les "
        "catégories et les éléments précis d'informations personnelles que vous avez "
        "collectés à mon sujet, les catégories de sources, les finalités commerciales et "
        "les catégories de tiers auxquels vous les communiquez, y compris chaque image et "
        "vidéo de moi, tout gabarit ou autre information biométrique (§1798.140), les "
        "regroupements de visages et identifications, les déductions, ainsi que les "
        "données EXIF et de localisation.",
        "erasure": "En vertu de Cal. Civ. Code §1798.105, veuillez supprimer les informations "
        "personnelles me concernant décrites ici, y compris les images de moi et toute "
        "information biométrique qui en est dérivée, et demander à vos prestataires et "
        "sous-traitants de les supprimer également.",
        "limit": "Les informations biométriques traitées pour m'identifier sont des informations "
        "personnelles sensibles. En vertu de Cal. Civ. Code §1798.121, je vous demande "
        "d'en limiter l'utilisation à ce qui est nécessaire pour fournir les services que "
        "je demande.",
        "optout": "En vertu de Cal. Civ. Code §1798.120, je refuse la vente et le partage de mes "
        "informations personnelles.",
        "procedure": "Veuillez accuser réception dans les 10 jours ouvrables (CCPA Regulations "
        "§7021(a)) et répondre dans les 45 jours calendaires, au plus tard le {due} (Cal. "
        "Civ. Code §1798.130(a)(2) ; CCPA Regulations §7021(b)).",
        "remedies": "À défaut, je déposerai une réclamation auprès de la California Privacy "
        "Protection Agency (CPPA) et j'informerai l'Attorney General de Californie.",
        "reminder": [
            "Le {original_date}, je vous ai adressé une demande au titre du CCPA "
            "(référence {reference}). Le délai de 45 jours (Cal. Civ. Code "
            "§1798.130(a)(2)) a expiré le {original_due} sans réponse complète ni avis de "
            "prolongation.",
            "Je vous prie de répondre intégralement au plus tard le {reminder_due} ; à "
            "défaut, je déposerai une réclamation auprès de la California Privacy "
            "Protection Agency.",
        ],
        "complaint": [
            "Je dépose par la présente une réclamation au titre du California Consumer "
            "Privacy Act contre l'entreprise désignée ci-dessous.",
            "Entreprise : {controller_block}",
            "Le {original_date}, j'ai présenté une demande (référence {reference}). Le "
            "délai de 45 jours (Cal. Civ. Code §1798.130(a)(2)) a expiré le "
            "{original_due}. Je n'ai reçu aucune réponse complète.",
            "Je demande à l'Agence d'examiner l'affaire et d'enjoindre à l'entreprise de "
            "se conformer.",
        ],
        "complaint_reminder": "J'ai adressé une relance à l'entreprise le {reminder_date} ; elle n'a pas abouti "
        "à une réponse complète.",
        "identification": "Mes données de compte chez vous, tirées des données que vous m'avez fournies :",
        "verification": "Veuillez vérifier ma demande comme le prévoient les CCPA Regulations (§7060 et "
        "suivants) et ne demander que ce qui est raisonnablement nécessaire à cette fin ; "
        "ces informations ne servent qu'à la vérification (Cal. Civ. Code "
        "§1798.130(a)(7)).",
        "beyond_12_months": "Veuillez inclure les informations personnelles collectées avant les 12 derniers "
        "mois (Cal. Civ. Code §1798.130(a)(2)(B)).",
        "evidence": "L'annexe énumère les emplacements où j'ai trouvé mon visage ({count_items}). Je "
        "fournis ces informations uniquement pour vous permettre de localiser les données "
        "; veuillez ne pas les utiliser à d'autres fins (Cal. Civ. Code §1798.130(a)(7)).",
    },
    "restriction_grounds": {
        "a": "pendant la vérification de l'exactitude des identifications et déductions me "
        "concernant, que je conteste ([[18(1)(a)]]) ;",
        "b": "parce que le traitement est illicite et que j'exige la limitation au lieu de "
        "l'effacement ([[18(1)(b)]]) ;",
        "d": "pendant la vérification, à la suite de mon opposition, de la question de savoir "
        "si vos motifs légitimes prévalent sur les miens ([[18(1)(d)]]).",
    },
    "restriction_store": "Dans l'intervalle, les données ne peuvent qu'être conservées.",
    "email_label": "Adresse électronique",
    "account_kinds": {
        "user id": "identifiant",
        "id": "identifiant",
        "username": "nom d'utilisateur",
        "profile url": "URL du profil",
        "profile": "profil",
        "email": "adresse électronique",
        "phone": "numéro de téléphone",
        "name": "nom",
        "display name": "nom affiché",
    },
    "items": {
        "one": "1 élément",
        "other": "{n} éléments",
    },
    "territory": {
        "EU": "l'Union",
        "UK": "le Royaume-Uni",
    },
    "authority_uk": "l'Information Commissioner's Office (ICO)",
    "electronic_answer": "Ma demande étant présentée par voie électronique, je souhaite une réponse sous une "
    "forme électronique d'usage courant ([[15(3)]]).",
    "erasure_what_no_annex": "Sont à effacer : toute image et vidéo de moi ; tout gabarit, embedding et "
    "regroupement qui en est dérivé ; les identifications, déductions et autres données "
    "dérivées ; ainsi que les copies figurant dans les sauvegardes, caches et jeux de "
    "données d'entraînement, dès que votre cycle de sauvegarde le permet.",
    "post_receipt": "Cette lettre étant envoyée par la poste, je considère qu'elle vous parvient le "
    "{assumed_receipt} ; le délai court à compter de ce jour.",
    "complaint_reminder": "J'ai adressé une relance au responsable du traitement le {reminder_date} ; elle n'a "
    "pas abouti à une réponse complète.",
    "complaint_reminder_pending": "J'ai adressé une relance au responsable du traitement le "
    "{reminder_date}, demandant une réponse complète au plus tard le {reminder_deadline}.",
    "complaint_evidence": "L'annexe énumère les éléments ({count_items}) que j'ai indiqués au "
    "responsable du traitement dans ma demande comme endroits où j'ai trouvé mon visage.",
    "complaint_accounts": "Mes données de compte auprès du responsable du traitement :",
    "remaining": "Après ma demande du {original_date}, j'ai vérifié le {later_export_date} un "
    "export plus récent de mes données chez {later_platforms}. Comparé par emplacement ou "
    "identifiant dans cet export, il contient encore des éléments dont j'ai demandé l'effacement "
    "({remaining_items}) :",
    "reply": {
        "opening_dated": "Je vous remercie de votre réponse du {reply_date} à ma demande du "
        "{original_date} au titre du {law} (référence {reference}).",
        "opening": "Je vous remercie de votre réponse à ma demande du {original_date} au titre du "
        "{law} (référence {reference}).",
        "id_demanded": [
            "Vous m'avez demandé la copie d'une pièce d'identité ou des informations "
            "supplémentaires pour m'identifier. Je ne vous enverrai pas de copie de pièce "
            "d'identité.",
            "En vertu de l'[[12(6)]], vous ne pouvez demander des informations supplémentaires que "
            "si vous avez des doutes raisonnables quant à l'identité de la personne qui présente "
            "la demande, et seulement ce qui est nécessaire pour la confirmer ; au-delà, la "
            "demande est contraire au principe de minimisation des données ([[5(1)(c)]]). La copie "
            "d'une pièce d'identité n'est pas proportionnée lorsque mon compte chez vous, ou mon "
            "visage, m'identifie déjà (lignes directrices 01/2022 du CEPD sur le droit d'accès, "
            "points 69 à 79). Si vous avez des doutes raisonnables, veuillez me les indiquer.",
        ],
        "id_accounts": "Ma demande m'identifiait par ces informations :",
        "id_offer": "S'il subsiste un doute, je peux confirmer ma demande de manière "
        "proportionnée : par un message envoyé depuis l'adresse électronique de mon compte, ou "
        "depuis mon compte chez vous, après connexion.",
        "id_face": "Vous pouvez retrouver les données que vous détenez sur moi à partir de mon "
        "seul visage ; la copie d'une pièce d'identité y ajouterait un nom, une date de naissance "
        "et un numéro de document dont cette recherche n'a pas besoin ([[5(1)(c)]]). Pour la "
        "seule recherche, je peux fournir une photographie de mon visage, à n'utiliser à aucune "
        "autre fin et à supprimer ensuite ([[5(1)(b)]], [[11(2)]]).",
        "excessive": [
            "Vous avez qualifié ma demande de manifestement infondée ou excessive.",
            "En vertu de l'[[12(5)]], il vous incombe, en tant que responsable du traitement, de "
            "démontrer le caractère manifestement infondé ou excessif d'une demande. Veuillez le "
            "démontrer, ou répondre à ma demande en totalité. Si vous n'entendez pas y donner "
            "suite, vous devez m'en indiquer les motifs et la possibilité d'introduire une "
            "réclamation auprès d'une autorité de contrôle ([[12(4)]]).",
        ],
        "excessive_first": "D'après mes relevés, il s'agit de la première demande que je vous "
        "adresse : elle n'a rien de répétitif, l'exemple de demande excessive que donne "
        "l'[[12(5)]].",
        "excessive_access": "Une première demande d'accès n'est pas excessive, et la première "
        "copie de mes données est gratuite ([[15(3)]] ; CJUE, C-307/22).",
        "other_channel": [
            "Vous m'avez demandé de présenter à nouveau ma demande par un autre canal, sur un "
            "formulaire de votre part ou dans une autre langue.",
            "En vertu de l'[[12(2)]], vous devez faciliter l'exercice de mes droits. Vos propres "
            "canaux et formulaires sont facultatifs : ma demande du {original_date} est valable "
            "telle qu'elle a été envoyée, et le délai de réponse ([[12(3)]]) court à compter de sa "
            "réception, non d'un nouvel envoi.",
        ],
        "partial": ["Votre réponse ne satisfait ma demande qu'en partie. Il manque encore :"],
        "missing": {
            "a": "les finalités du traitement ([[15(1)(a)]]) ;",
            "b": "les catégories de données à caractère personnel concernées ([[15(1)(b)]]) ;",
            "c": "les destinataires auxquels mes données ont été ou seront communiquées, chacun "
            "nommément ([[15(1)(c)]] ; CJUE, C-154/21) ;",
            "d": "la durée de conservation de mes données, ou les critères utilisés pour la "
            "déterminer ([[15(1)(d)]]) ;",
            "e": "mes droits de rectification, d'effacement, de limitation et d'opposition "
            "([[15(1)(e)]]) ;",
            "f": "mon droit d'introduire une réclamation auprès d'une autorité de contrôle "
            "([[15(1)(f)]]) ;",
            "g": "toute information disponible sur la source des données qui n'ont pas été "
            "collectées auprès de moi ([[15(1)(g)]]) ;",
            "h": "l'existence d'une prise de décision automatisée, y compris un profilage, avec des "
            "informations utiles sur la logique sous-jacente ([[15(1)(h)]]) ;",
            "copy": "une copie fidèle et intelligible de mes données à caractère personnel "
            "([[15(3)]] ; CJUE, C-487/21).",
        },
        "partial_ask": "Je vous prie de fournir ce qui manque sans plus attendre.",
        "deadline_open": "La présente lettre n'ouvre pas de nouveau délai : le délai de réponse "
        "à ma demande ([[12(3)]]) court à compter de la réception de ma demande du "
        "{original_date} et expire le {original_due}.",
        "deadline_passed": "La présente lettre n'ouvre pas de nouveau délai : le délai de réponse "
        "à ma demande ([[12(3)]]) courait à compter de la réception de ma demande du "
        "{original_date} et a expiré le {original_due} ; ce délai est dépassé. Je vous prie de "
        "répondre sans plus attendre.",
    },
    "uk": {
        "reply_pause": "En vertu de l'[[12A]], le délai n'est suspendu que pendant que vous "
        "attendez des informations dont vous avez raisonnablement besoin pour m'identifier ; "
        "comme ma demande m'identifie déjà, il n'est selon moi pas suspendu.",
        "complaint_subject": "Réclamation au titre de la section 165 du Data Protection Act 2018 "
        "concernant {controller}",
        "complaint_first": "J'introduis par la présente une réclamation au titre de la section 165 "
        "du Data Protection Act 2018 contre le responsable du traitement désigné ci-dessous, "
        "concernant des données à caractère personnel comprenant des images de mon visage.",
        "complaint_ask": "J'estime que le responsable du traitement a violé l'[[12(3)]] et "
        "l'[[12(4)]] ainsi que les droits que j'ai exercés ({rights}). Je vous demande d'examiner "
        "cette réclamation, d'ordonner au responsable du traitement de satisfaire à ma demande "
        "([[58(2)(c)]]) et de m'informer de l'état d'avancement et de l'issue de la réclamation "
        "(sections 165 et 166 du Data Protection Act 2018).",
        "time_limit": "Si vous avez besoin d'informations de ma part pour m'identifier ou retrouver les "
        "données, demandez-les sans tarder ; le délai n'est suspendu que pendant "
        "l'attente de ces informations ([[12A]]).",
        "remedies": "À défaut de réponse complète dans ce délai, je vous adresserai une réclamation "
        "en vertu de la section 164A du Data Protection Act 2018, puis à l'Information "
        "Commissioner's Office (section 165 du Data Protection Act 2018), et j'envisagerai mes autres voies de recours, y "
        "compris judiciaires ([[79]]) et en réparation ([[82]]).",
        "persuasive": "Les arrêts de la Cour de justice de l'Union européenne postérieurs à 2020 et les "
        "lignes directrices du Comité européen de la protection des données ne sont cités "
        "qu'à titre persuasif.",
        "reminder_last": "À défaut de réponse complète le {reminder_due}, je vous adresserai une "
        "réclamation en vertu de la section 164A du Data Protection Act 2018, puis à "
        "l'Information Commissioner's Office.",
        "controller_complaint_subject": "Réclamation en vertu de la section 164A du Data Protection Act 2018 concernant "
        "ma demande du {original_date} ({reference})",
        "controller_complaint": [
            "Je vous adresse une réclamation en vertu de la section 164A du Data "
            "Protection Act 2018. Le {original_date}, je vous ai adressé une demande au "
            "titre du {law} (référence {reference}) : {rights}. Le délai de réponse "
            "([[12(3)]]) a expiré le {original_due} sans réponse complète, ce qui "
            "enfreint le {law}.",
            "Veuillez accuser réception de la présente réclamation dans les 30 jours, la "
            "traiter sans retard injustifié et m'en communiquer l'issue (section 164A(3) "
            "et (4) du Data Protection Act 2018). Si cela ne règle pas l'affaire, je "
            "saisirai l'Information Commissioner's Office.",
        ],
        "complained_to_controller": "Le {controller_complaint_date}, j'ai adressé au responsable du traitement une "
        "réclamation en vertu de la section 164A du Data Protection Act 2018 ; elle n'a "
        "pas réglé l'affaire.",
    },
    "face_search": {
        "intro": "En tant que personne concernée, je vous écris au sujet de photos de mon visage "
        "que votre service a pu collecter sur internet, et des données biométriques "
        "(vecteurs faciaux) que vous en tirez pour rendre les visages consultables "
        "([[4(14)]], [[9(1)]]).",
        "reach": "Le {law} s'applique à vous bien que vous n'ayez pas d'établissement dans "
        "{territory} : en collectant des images de personnes qui s'y trouvent, en "
        "indexant leurs visages et en permettant à d'autres de les rechercher, vous "
        "assurez le suivi de leur comportement ([[3(2)(b)]]).",
        "reach_established": "Étant établi dans l'Union, vous êtes soumis au {law} pour ce traitement ([[3(1)]]).",
        "representative": "Vous devez donc avoir désigné par écrit un représentant dans {territory} "
        "([[27]]). Veuillez me faire connaître ce représentant ; je peux aussi m'adresser "
        "à lui.",
        "record": "Des autorités de contrôle ont jugé ce type de traitement illicite : l'autorité "
        "néerlandaise de protection des données a infligé à Clearview AI une amende de "
        "30,5 millions d'euros (2024) ; la CNIL, le Garante italien et l'autorité "
        "grecque, 20 millions d'euros chacun (2022) ; l'Information Commissioner "
        "britannique, 7,5 millions de livres (2022), et en 2025 l'Upper Tribunal a "
        "confirmé sa compétence ([2025] UKUT 319 (AAC)) et renvoyé l'affaire au "
        "First-tier Tribunal.",
        "no_account": "Je n'ai pas de compte chez vous ; il n'existe donc aucune donnée de compte "
        "permettant de m'identifier.",
        "photo_enclosed": "Je joins une photo de mon visage dans le seul but de vous permettre de "
        "rechercher mes données. Vous ne pouvez l'utiliser à aucune autre fin, ni "
        "l'ajouter à votre index ou la comparer à quoi que ce soit d'autre, et devez "
        "l'effacer dès que ma demande aura reçu une réponse ([[5(1)(b)]], [[5(1)(c)]], "
        "[[11(2)]], [[12(6)]]).",
        "no_id": "Je n'enverrai pas de copie d'une pièce d'identité. La photo suffit pour trouver "
        "les données de la personne qu'elle montre ; une copie de pièce d'identité ajouterait des "
        "données dont vous n'avez pas besoin ([[5(1)(c)]]). Des informations supplémentaires ne "
        "peuvent être demandées qu'en cas de doutes raisonnables sur mon identité, que vous devez "
        "préciser ([[12(6)]] ; lignes directrices 01/2022 du CEPD, points 69 à 79).",
        "no_photo": "Je ne joins pas de photo de moi. Si vous ne pouvez pas retrouver mes données "
        "sans photo, veuillez me le faire savoir ([[11(2)]]) ; je déciderai alors d'en "
        "fournir une à cette seule fin.",
        "evidence": "L'annexe énumère des photos de moi qui étaient publiques sur internet "
        "({count_items}), là où des services comme le vôtre collectent des images. Je les "
        "cite uniquement pour vous permettre de retrouver vos copies ; veuillez ne pas "
        "les utiliser à d'autres fins ([[5(1)(b)]]).",
        "access": [
            "En vertu de l'[[15]], je vous demande de confirmer si vous traitez des "
            "données à caractère personnel me concernant et, dans l'affirmative, de me "
            "communiquer :",
            "1. une copie de chaque image de moi que vous détenez, avec l'adresse (URL) "
            "où elle a été collectée et la date de collecte ([[15(3)]]) ;",
            "2. chaque vecteur facial ou autre gabarit biométrique qui en est dérivé, et "
            "l'exception de l'[[9(2)]] sur laquelle vous vous fondez pour le créer ;",
            "3. les finalités du traitement et la durée de conservation de ces données "
            "([[15(1)(a)]], [[15(1)(d)]]) ;",
            "4. les destinataires de mes données ([[15(1)(c)]]) : qui a recherché mon "
            "visage, quand, et quels résultats lui ont été présentés ;",
            "5. la source de chaque image ([[15(1)(g)]]) et l'existence éventuelle de "
            "décisions automatisées me concernant ([[15(1)(h)]]) ;",
            "6. les catégories de données à caractère personnel concernées ([[15(1)(b)]]) ;",
            "7. mes droits de rectification, d'effacement, de limitation et d'opposition "
            "([[15(1)(e)]]) ainsi que le droit d'introduire une réclamation auprès d'une "
            "autorité de contrôle ([[15(1)(f)]]) ;",
            "8. en cas de transfert de mes données vers un pays tiers ou une organisation "
            "internationale, les garanties appropriées ([[15(2)]]).",
        ],
        "erasure": "En vertu de l'[[17(1)(d)]] et de l'[[17(1)(c)]], je vous demande d'effacer dans "
        "les meilleurs délais chaque image de moi, chaque vecteur facial et gabarit qui "
        "en est dérivé, ainsi que les adresses sources (URL) et autres données qui y sont "
        "liées, y compris dans les sauvegardes. Aucune exception de l'[[9(2)]] ne vous "
        "permet de créer des gabarits biométriques de mon visage ; le fait qu'une photo "
        "soit publique ne signifie pas que j'aurais manifestement rendu public son "
        "gabarit (lignes directrices 05/2022 du CEPD, points 74-75).",
        "objection": "En vertu de l'[[21(1)]], je m'oppose à tout traitement d'images de moi et des "
        "données qui en sont dérivées, y compris à toute collecte future. Veuillez faire "
        "en sorte que des images de moi ne soient pas collectées à nouveau, et m'indiquer "
        "comment.",
        "enclosure_photo": "Une photo de mon visage, pour la seule recherche (à effacer ensuite)",
    },
}
