"""English letter texts. Citations are written [[15(1)(a)]] and rendered per language."""

TEXT = {
    "law": {"EU": "GDPR", "UK": "UK GDPR"},
    "cite": {
        "article": "Article {n}",
        "par": "({p})",
        "point": "({x})",
        "recital": "Recital {n}",
        "definition": "Article {n}({p})",
        "join": " ",
        "join_compound": " ",
    },
    "titles": {
        "access": "Right of access by the data subject",
        "erasure": "Right to erasure ('right to be forgotten')",
        "restriction": "Right to restriction of processing",
        "objection": "Right to object",
        "withdraw_consent": "Withdrawal of consent",
        "complaint": "Right to lodge a complaint with a supervisory authority",
    },
    "attn": "Attn: Data Protection Officer",
    "attn_line": "Attn: {whom}",
    "attention": {"privacy_team": "Attn: {company} Privacy Team"},
    "care_of_representative": "c/o {name} (representative)",
    "operator_of": "{entity} (operator of {service})",
    "punct": {"colon": ": ", "semicolon": "; "},
    "date": "Date: {letter_date}",
    "reference": "Reference: {reference}",
    "subject": "Subject: {subject}",
    "subject_follow": {
        "reminder": "Reminder: my request of {original_date} ({reference}), deadline passed",
        "complaint": "Complaint under [[77]] against {controller}",
        "reply": "My request of {original_date} ({reference}): your reply",
    },
    "salutation": "Dear Sir or Madam,",
    "intro": "I am writing as the data subject to exercise my rights under the {law_long}. "
    "This request concerns photographs and videos of me, and any data derived from "
    "my face, that you process.",
    "law_long": {
        "EU": "General Data Protection Regulation (EU) 2016/679 (GDPR)",
        "UK": "UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018",
    },
    "identification": "You can identify me by the following details of my account, taken from "
    "the data export you provided to me:",
    "identification_plain": "You can identify me by the following details:",
    "from_export": "(as in the data export you provided to me)",
    "identity_doubt": "These details are sufficient to identify me. Please ask for additional "
    "information only if you have reasonable doubts about my identity, and "
    "explain those doubts ([[12(6)]]).",
    "access": {
        "request": "Under [[15(1)]] I ask you to confirm whether you process personal data concerning me and, "
        "if so, to give me access to it together with the following information:",
        "items": [  # Art. 15(1)(a)-(h), in order
            "(a) the purposes of each processing operation;",
            "(b) the categories of personal data concerned;",
            "(c) the recipients to whom my data have been or will be disclosed, named individually, "
            "not only by category (CJEU, C-154/21);",
            "(d) how long my data will be stored, or the criteria used to decide this;",
            "(e) my rights to rectification, erasure, restriction and objection;",
            "(f) my right to lodge a complaint with a supervisory authority;",
            "(g) where the data were not collected from me, all available information on their source;",
            "(h) whether automated decision-making, including profiling, takes place, with "
            "meaningful information about the logic involved and its consequences for me.",
        ],
        "transfers": "Where my data are transferred to a third country or an international organisation, "
        "please name the appropriate safeguards ([[15(2)]]).",
        "copy": "Please provide a copy of my personal data ([[15(3)]]), including: every image and video "
        "that shows me, whoever uploaded it; any face template, embedding or other biometric "
        "representation of my face; face clusters, groupings and tags linking images to me; "
        "inferences drawn from my images (such as age, gender, emotion or likeness to others); "
        "and the EXIF metadata and location data stored with these images. The copy must be "
        "faithful and intelligible, including the context needed to understand it (CJEU, "
        "C-487/21). The first copy is free of charge ([[12(5)]]; CJEU, C-307/22).",
    },
    "biometric": [
        "Because images of my face can be processed to produce biometric data ([[4(14)]], "
        "[[R51]]), which are special categories of data under [[9(1)]], please also answer:",
        "1. Have you created a face template, embedding or similar biometric representation from "
        "any image of me? If so, when, from which images, and is it still stored?",
        "2. Which exception in [[9(2)]] do you rely on? If it is my explicit consent, please "
        "show that I gave it ([[7(1)]]).",
        "3. Where did each image of me come from ([[15(1)(g)]]; [[14]])?",
        "4. Do you use any template of my face to recognise me in images uploaded by other "
        "people, or to compare me with others?",
    ],
    "erasure": [
        "Under [[17]] I ask you to erase without undue delay the personal data concerning me "
        "described in this letter, on the following grounds:",
    ],
    "grounds": {
        "a": "the data are no longer necessary for the purposes for which they were collected "
        "([[17(1)(a)]]);",
        "b": "I withdraw any consent on which the processing is based ([[7(3)]], [[9(2)(a)]]) "
        "and there is no other legal ground ([[17(1)(b)]]);",
        "c": "I object to the processing under [[21(1)]] and there are no overriding legitimate "
        "grounds ([[17(1)(c)]]);",
        "d": "the data have been unlawfully processed ([[17(1)(d)]]): no exception in [[9(2)]] "
        "covers biometric processing of my face. That a photograph is public does not mean "
        "that a biometric template made from it was manifestly made public by me (EDPB "
        "Guidelines 05/2022, paras 74-75; see also the Dutch DPA's EUR 30.5 million fine "
        "against Clearview AI);",
        "d_conditional": "insofar as you create templates or other biometric data from images "
        "of my face, that processing is unlawful ([[17(1)(d)]]): no exception in [[9(2)]] covers "
        "it, and a photograph being public does not mean that a template made from it was "
        "manifestly made public by me (EDPB Guidelines 05/2022, paras 74-75);",
        "f": "the data were collected in relation to information society services offered to me "
        "as a child ([[8(1)]], [[17(1)(f)]]).",
    },
    "erasure_what": "Please erase: the images and videos listed in the annex and any other "
    "images of me; every face template, embedding and cluster derived from them; "
    "tags, inferences and other derived data; and the copies held in backups, "
    "caches and training data sets, as soon as your backup cycle allows.",
    "erasure_no_exception": "In my view none of the exceptions in [[17(3)]] applies. If you "
    "refuse to erase any item, please state which exception you rely on "
    "and why, item by item.",
    "art17_2": "Where you have made any of these data public, please take reasonable steps to "
    "inform other controllers processing them that I have requested the erasure of "
    "any links to, copies or replications of them ([[17(2)]]).",
    "art19": "Please communicate the erasure or restriction to each recipient to whom the data "
    "have been disclosed and tell me who those recipients are ([[19]]).",
    "restriction": "Under [[18]] I ask you to restrict the processing of my data:",
    "restriction_grounds": {
        "a": "while you verify the accuracy of tags and inferences about me, which I contest "
        "([[18(1)(a)]]);",
        "b": "because the processing is unlawful and I ask for restriction instead of erasure "
        "([[18(1)(b)]]);",
        "d": "while it is verified whether your legitimate grounds override mine following my "
        "objection ([[18(1)(d)]]).",
    },
    "restriction_store": "In the meantime the data may only be stored.",
    "restriction_pending": "Until it is verified whether your legitimate grounds override mine, "
    "please restrict the processing of the data concerned ([[18(1)(d)]]).",
    "objection": "Under [[21(1)]] I object, on grounds relating to my particular situation, to "
    "the processing of images of my face and of any data derived from them, "
    "including for recognition, suggestion and advertising purposes. You must stop "
    "unless you demonstrate compelling legitimate grounds which override my "
    "interests, rights and freedoms.",
    "objection_marketing": "Under [[21(2)]] I object to the processing of images of my face and "
    "of data derived from them for direct marketing, including advertising based on them. Under "
    "[[21(3)]] you must stop processing them for that purpose; no balancing of interests applies.",
    "objection_situation": "Insofar as you process these data on the basis of [[6(1)(e)]] or "
    "[[6(1)(f)]], I also object under [[21(1)]], on grounds relating to my particular situation: "
    "{situation} You must then stop unless you demonstrate compelling legitimate grounds which "
    "override my interests, rights and freedoms.",
    "erasure_what_templates": "Please erase every face template, embedding and cluster derived "
    "from images of me, the tags and inferences drawn from them, and their copies in backups, "
    "caches and training data sets, as soon as your backup cycle allows.",
    "fs_more_grounds": "The erasure is also due on these grounds:",
    "withdraw_consent": "I withdraw, with effect for the future, any consent I have given to the "
    "processing of my images and of biometric data derived from them "
    "([[7(3)]], [[9(2)(a)]]). Please stop all processing that was based on "
    "that consent.",
    "evidence": "The annex lists {count_items} where I found my face. I supply these details "
    "only so that you can locate the data; please use them for no other purpose "
    "and delete them once my request is answered ([[5(1)(b)]], [[5(1)(c)]]).",
    "annex_heading": "Annex: evidence",
    "page_of": "page {page} of {pages}",
    "mailto_note": "The full letter and the evidence annex are in the attached PDF.",
    "annex_video_at": "video, at {time}",
    "annex_columns": ("Platform", "URL or id", "Location in export", "Date", "SHA-256"),
    "procedure": "Please answer by {due} at the latest: one month from receipt of this request "
    "([[12(3)]]). If you do not intend to act on any part of it, you must tell me "
    "so, and why, within the same period ([[12(4)]]). I am not obliged to use any "
    "particular form of yours; this letter is a complete request.",
    "remedies": "If I receive no complete answer in time, I will consider lodging a complaint "
    "with {authority} ([[77]]) and my other remedies, including judicial remedy "
    "([[79]]) and compensation ([[82]]).",
    "authority_generic": "the competent supervisory authority",
    "authority_named": "the supervisory authority ({name})",
    "closing": "Yours faithfully,",
    "enclosures": "Enclosures:",
    "enclosure_annex": "Annex: evidence ({count_items})",
    "enclosure_original": "Copy of my request of {original_date}",
    "enclosure_reply": "Correspondence received from the controller, if any",
    "reminder": [
        "On {original_date} I sent you a request under the {law} (reference {reference}): "
        "{rights}. The time for answering it ([[12(3)]]) ended on {original_due}. I have not "
        "received a complete answer, nor any notice of an extension ([[12(3)]]) or of reasons "
        "for not acting ([[12(4)]]). A copy of my request is enclosed.",
        "This reminder does not start a new period: your answer is already overdue. Please "
        "answer without further delay.",
        "If I have no complete answer by {reminder_due}, I will lodge a complaint with "
        "{authority} ([[77]]) without further notice.",
    ],
    "complaint": [
        "I hereby lodge a complaint under [[77]] against the controller named below, concerning "
        "personal data that include images of my face.",
        "Controller: {controller_block}",
        "On {original_date} I made a request under the {law} (reference {reference}). The "
        "deadline under [[12(3)]] ended on {original_due}. The controller "
        "has not answered completely, has not extended the period with reasons ([[12(3)]]), and "
        "has not told me why it will not act ([[12(4)]]).",
        "I consider that the controller has infringed [[12(3)]] and [[12(4)]] and the rights I "
        "exercised ({rights}). I ask you to investigate, to order the controller to comply with "
        "my request ([[58(2)(c)]]), and to inform me of the progress and outcome of the "
        "complaint ([[77(2)]]; [[78(2)]]).",
        "I have not brought this matter before a court.",
    ],
    "complaint_dear": "Dear Sir or Madam,",
    "rights_names": {
        "access": "access, [[15]]",
        "erasure": "erasure, [[17]]",
        "restriction": "restriction, [[18]]",
        "objection": "objection, [[21]]",
        "withdraw_consent": "withdrawal of consent, [[7(3)]]",
    },
    "ccpa": {
        "subject": {
            "access": "Request to know (Cal. Civ. Code §1798.100 and §1798.110)",
            "erasure": "Request to delete (Cal. Civ. Code §1798.105)",
            "restriction": "Request to limit use of sensitive personal information "
            "(Cal. Civ. Code §1798.121)",
            "objection": "Request to opt out of sale and sharing (Cal. Civ. Code §1798.120)",
            "withdraw_consent": "Request to limit use of sensitive personal information "
            "(Cal. Civ. Code §1798.121)",
            "reminder": "Reminder: my request of {original_date} ({reference}), deadline passed",
            "complaint": "Complaint against {controller} under the California Consumer Privacy Act",
            "reply": "My request of {original_date} ({reference}): your reply",
        },
        "reply": {
            "opening_dated": "Thank you for your reply of {reply_date} to my request of "
            "{original_date} under the CCPA (reference {reference}).",
            "opening": "Thank you for your reply to my request of {original_date} under the CCPA "
            "(reference {reference}).",
            "id_demanded": [
                "You asked me for a copy of an identity document or for further information to "
                "verify my request. I will not send a copy of an identity document.",
                "Under the CCPA Regulations you must, whenever feasible, verify my request by "
                "matching the information I provided with the personal information you already "
                "maintain (§7060(c)(1)), and avoid collecting sensitive identifiers such as a "
                "government identification number unless necessary for verifying me "
                "(§7060(c)(2)). Information I provide for verification may be used only for that "
                "purpose (Cal. Civ. Code §1798.130(a)(7)).",
            ],
            "id_accounts": "My request identified me by these details:",
            "id_offer": "If you hold a password-protected account for me, you may verify me "
            "through your existing authentication for that account (CCPA Regulations "
            "§7061(a)). I can also confirm my request by a message from the e-mail address of my "
            "account.",
            "id_face": "You can find the information you hold about me by my face alone; a copy "
            "of an identity document would add a name, a date of birth and a document number "
            "that the search does not need. For the search only, I can provide one photograph of "
            "my face, to be used for no other purpose (Cal. Civ. Code §1798.130(a)(7)).",
            "excessive": [
                "You called my request manifestly unfounded or excessive.",
                "Under Cal. Civ. Code §1798.145(h)(3) the business bears the burden of "
                "demonstrating that a verifiable consumer request is manifestly unfounded or "
                "excessive. Please demonstrate it, or answer my request in full.",
            ],
            "excessive_first": "According to my records, this is the first request I have made "
            "to you: it is not repetitive.",
            "excessive_access": "The information must be disclosed free of charge (Cal. Civ. "
            "Code §1798.130(a)(2)(A)).",
            "other_channel": [
                "You asked me to make my request again through another channel, on a form of "
                "yours or in another language.",
                "You received my request of {original_date}. The 45-day period begins on the day "
                "you received it, regardless of the time required to verify it (CCPA Regulations "
                "§7021(b)). Please answer it as sent, or tell me precisely what prevents you "
                "from doing so.",
            ],
            "partial": [
                "Your reply answers my request only in part. The following is still missing:",
            ],
            "missing": {
                "a": "the business or commercial purposes for collecting, selling or sharing my "
                "personal information (Cal. Civ. Code §1798.110(a)(3));",
                "b": "the categories of personal information you have collected about me "
                "(Cal. Civ. Code §1798.110(a)(1));",
                "c": "the categories of third parties to whom you disclose it "
                "(Cal. Civ. Code §1798.110(a)(4));",
                "g": "the categories of sources of that information (Cal. Civ. Code "
                "§1798.110(a)(2));",
                "copy": "the specific pieces of personal information you have collected about me "
                "(Cal. Civ. Code §1798.110(a)(5)).",
            },
            "partial_ask": "Please provide what is missing without further delay.",
            "deadline_open": "This letter opens no new period: the 45 days (Cal. Civ. Code "
            "§1798.130(a)(2)) run from the day you received my request of {original_date} and "
            "end on {original_due}.",
            "deadline_passed": "This letter opens no new period: the 45 days (Cal. Civ. Code "
            "§1798.130(a)(2)) ran from the day you received my request of {original_date} and "
            "ended on {original_due}; that deadline has passed. Please answer without further "
            "delay.",
        },
        "intro": "I am a California consumer and make this request under the California "
        "Consumer Privacy Act, as amended by the California Privacy Rights Act (CCPA). "
        "It concerns photographs and videos of me and any information derived from my "
        "face.",
        "intro_unstated": "I make this request under the California Consumer Privacy Act, as "
        "amended by the California Privacy Rights Act (CCPA). It concerns photographs and videos "
        "of me and any information derived from my face.",
        "fs_photo_enclosed": "I enclose one photograph of my face solely so that you can find "
        "the information you hold about me. Please use it for no other purpose, do not add it to "
        "your index or compare it with anything else, and delete it once my request is answered "
        "(Cal. Civ. Code §1798.130(a)(7)).",
        "fs_no_photo": "I do not enclose a photograph of myself. If you cannot find my "
        "information without one, please tell me so (CCPA Regulations §7060); I will then "
        "decide whether to provide one for that purpose only.",
        "complaint_reminder_pending": "I sent the business a reminder on {reminder_date}, "
        "asking for a complete answer by {reminder_deadline}.",
        "complaint_evidence": "The annex lists the {count_items} I named to the business in my "
        "request as places where I found my face.",
        "complaint_accounts": "My account details with the business:",
        "identification_plain": "You can identify my request by the following details:",
        "access": "Under Cal. Civ. Code §1798.110 and §1798.115 please disclose the categories "
        "and specific pieces of personal information you have collected about me, "
        "the categories of sources, the business or commercial purposes, and the "
        "categories of third parties to whom you disclose it. This includes every "
        "image and video of me, any face template or other biometric information "
        "(§1798.140), face clusters and tags, inferences, and EXIF and location data.",
        "erasure": "Under Cal. Civ. Code §1798.105 please delete the personal information about "
        "me described here, including images of me and all biometric information "
        "derived from them, and direct your service providers and contractors to "
        "delete it as well.",
        "limit": "Biometric information processed to identify me is sensitive personal "
        "information. Under Cal. Civ. Code §1798.121 I direct you to limit its use to "
        "what is necessary to provide the services I request.",
        "optout": "Under Cal. Civ. Code §1798.120 I opt out of the sale and sharing of my "
        "personal information.",
        "procedure": "Please confirm receipt within 10 business days (CCPA Regulations "
        "§7021(a)) and answer within 45 calendar days, by {due} (Cal. Civ. Code "
        "§1798.130(a)(2); CCPA Regulations §7021(b)).",
        "remedies": "If you do not comply, I will file a complaint with the California Privacy "
        "Protection Agency (CPPA) and inform the California Attorney General.",
        "reminder": [
            "On {original_date} I sent you a request under the CCPA (reference {reference}). "
            "The 45-day period (Cal. Civ. Code §1798.130(a)(2)) ended on {original_due} "
            "without a complete answer or a notice of extension.",
            "Please answer in full by {reminder_due}, failing which I will file a complaint "
            "with the California Privacy Protection Agency.",
        ],
        "complaint": [
            "I file this complaint under the California Consumer Privacy Act against the "
            "business named below.",
            "Business: {controller_block}",
            "On {original_date} I made a request (reference {reference}). The 45-day period "
            "(Cal. Civ. Code §1798.130(a)(2)) ended on {original_due} and I have received no "
            "complete answer.",
            "I ask the Agency to investigate and to require the business to comply.",
        ],
        "complaint_reminder": "I sent the business a reminder on {reminder_date}; it did not "
        "lead to a complete answer.",
        "identification": "My account details with you, taken from the data you provided to me:",
        "verification": "Please verify my request as the CCPA Regulations provide (§7060 ff.) "
        "and ask only for information you reasonably need for that; use it for verification "
        "only (Cal. Civ. Code §1798.130(a)(7)).",
        "beyond_12_months": "Please include personal information collected before the last "
        "12 months (Cal. Civ. Code §1798.130(a)(2)(B)).",
        "evidence": "The annex lists {count_items} where I found my face. I supply these "
        "details only so that you can locate the information; please use them for no other "
        "purpose (Cal. Civ. Code §1798.130(a)(7)).",
    },
    "email_label": "E-mail",
    "account_kinds": {
        "user id": "user id",
        "id": "user id",
        "username": "username",
        "profile url": "profile URL",
        "profile": "profile",
        "email": "e-mail address",
        "phone": "phone number",
        "name": "name",
        "display name": "display name",
    },
    "items": {"one": "1 item", "other": "{n} items"},
    "territory": {"EU": "the Union", "UK": "the United Kingdom"},
    "authority_uk": "the Information Commissioner's Office (ICO)",
    "electronic_answer": "As I make this request electronically, please answer in a commonly "
    "used electronic form ([[15(3)]]).",
    "erasure_what_no_annex": "Please erase: every image and video of me; every face template, "
    "embedding and cluster derived from them; tags, inferences and other derived data; and "
    "the copies held in backups, caches and training data sets, as soon as your backup "
    "cycle allows.",
    "post_receipt": "As this letter is sent by post, I assume that it reaches you on "
    "{assumed_receipt}; the period counts from that day.",
    "complaint_reminder": "I sent the controller a reminder on {reminder_date}; it did not "
    "lead to a complete answer.",
    "complaint_reminder_pending": "I sent the controller a reminder on {reminder_date}, asking "
    "for a complete answer by {reminder_deadline}.",
    "complaint_evidence": "The annex lists the {count_items} I named to the controller in my "
    "request as places where I found my face.",
    "complaint_accounts": "My account details with the controller:",
    "remaining": "After my request of {original_date}, I checked a newer {later_platforms} export "
    "of my data on {later_export_date}. Compared by their place or id in that export, it still "
    "contains {remaining_items} that I asked you to erase:",
    "reply": {
        "opening_dated": "Thank you for your reply of {reply_date} to my request of "
        "{original_date} under the {law} (reference {reference}).",
        "opening": "Thank you for your reply to my request of {original_date} under the {law} "
        "(reference {reference}).",
        "id_demanded": [
            "You asked me for a copy of an identity document or for further information to "
            "identify me. I will not send a copy of an identity document.",
            "Under [[12(6)]] you may ask for additional information only where you have "
            "reasonable doubts about the identity of the person making the request, and only what "
            "is necessary to confirm it; anything more goes against data minimisation "
            "([[5(1)(c)]]). A copy of an identity document is not proportionate where my account "
            "with you, or my face, already identifies me (EDPB Guidelines 01/2022 on the right of "
            "access, paras 69-79). If you have reasonable doubts, please tell me what they are.",
        ],
        "id_accounts": "My request identified me by these details:",
        "id_offer": "If doubts remain, I can confirm my request in a proportionate way: by a "
        "message from the e-mail address of my account, or through my account with you once "
        "logged in.",
        "id_face": "You can find the data you hold about me by my face alone; a copy of an "
        "identity document would add a name, a date of birth and a document number that the "
        "search does not need ([[5(1)(c)]]). For the search only, I can provide one photograph "
        "of my face, to be used for no other purpose and deleted afterwards ([[5(1)(b)]], "
        "[[11(2)]]).",
        "excessive": [
            "You called my request manifestly unfounded or excessive.",
            "Under [[12(5)]] it is for you, the controller, to demonstrate the manifestly "
            "unfounded or excessive character of a request. Please demonstrate it, or answer my "
            "request in full. If you do not intend to act on it, you must tell me why, and that I "
            "may lodge a complaint with a supervisory authority ([[12(4)]]).",
        ],
        "excessive_first": "According to my records, this is the first request I have made to "
        "you: it is not repetitive, the example of an excessive request that [[12(5)]] gives.",
        "excessive_access": "A first request for access is not excessive, and the first copy of "
        "my data is free of charge ([[15(3)]]; CJEU, C-307/22).",
        "other_channel": [
            "You asked me to make my request again through another channel, on a form of yours "
            "or in another language.",
            "Under [[12(2)]] you must facilitate the exercise of my rights. Your own channels and "
            "forms are optional: my request of {original_date} is valid as sent, and the time for "
            "answering it ([[12(3)]]) runs from its receipt, not from any new submission.",
        ],
        "partial": [
            "Your reply answers my request only in part. The following is still missing:",
        ],
        "missing": {
            "a": "the purposes of the processing ([[15(1)(a)]]);",
            "b": "the categories of personal data concerned ([[15(1)(b)]]);",
            "c": "the recipients to whom my data have been or will be disclosed, named "
            "individually ([[15(1)(c)]]; CJEU, C-154/21);",
            "d": "how long my data will be stored, or the criteria used to decide this "
            "([[15(1)(d)]]);",
            "e": "my rights to rectification, erasure, restriction and objection ([[15(1)(e)]]);",
            "f": "my right to lodge a complaint with a supervisory authority ([[15(1)(f)]]);",
            "g": "all available information on the source of data not collected from me "
            "([[15(1)(g)]]);",
            "h": "whether automated decision-making, including profiling, takes place, with "
            "meaningful information about the logic involved ([[15(1)(h)]]);",
            "copy": "a copy of my personal data, faithful and intelligible ([[15(3)]]; CJEU, "
            "C-487/21).",
        },
        "partial_ask": "Please provide what is missing without further delay.",
        "deadline_open": "This letter opens no new period: the time for answering my request "
        "([[12(3)]]) runs from the receipt of my request of {original_date} and ends on "
        "{original_due}.",
        "deadline_passed": "This letter opens no new period: the time for answering my request "
        "([[12(3)]]) ran from the receipt of my request of {original_date} and ended on "
        "{original_due}; that deadline has passed. Please answer without further delay.",
    },
    "uk": {
        "reply_pause": "Under [[12A]] the time for answering is paused only while you wait for "
        "information you reasonably require to identify me; as my request already identifies "
        "me, in my view it is not paused.",
        "complaint_subject": "Complaint under section 165 of the Data Protection Act 2018 about "
        "{controller}",
        "complaint_first": "I make a complaint to you under section 165 of the Data Protection Act "
        "2018 about the controller named below, concerning personal data that include images of "
        "my face.",
        "complaint_ask": "I consider that the controller has infringed [[12(3)]] and [[12(4)]] and "
        "the rights I exercised ({rights}). I ask you to investigate, to order the controller to "
        "comply with my request ([[58(2)(c)]]), and to inform me of the progress and outcome of "
        "my complaint (sections 165 and 166 of the Data Protection Act 2018).",
        "time_limit": "If you need information from me to identify me or to find the data, "
        "please ask for it promptly; the time limit is paused only while you wait for that "
        "information ([[12A]]).",
        "remedies": "If I receive no complete answer in time, I will complain to you under "
        "section 164A of the Data Protection Act 2018 and then to the Information "
        "Commissioner's Office (section 165 of the Data Protection Act 2018), and consider my other remedies, including court "
        "proceedings ([[79]]) and compensation ([[82]]).",
        "persuasive": "Decisions of the Court of Justice of the European Union after 2020 and "
        "guidance of the European Data Protection Board are cited as persuasive only.",
        "reminder_last": "If I have no complete answer by {reminder_due}, I will complain to you "
        "under section 164A of the Data Protection Act 2018 and then to the Information "
        "Commissioner's Office.",
        "controller_complaint_subject": "Complaint under section 164A of the Data Protection "
        "Act 2018 about my request of {original_date} ({reference})",
        "controller_complaint": [
            "I make a complaint to you under section 164A of the Data Protection Act 2018. On "
            "{original_date} I sent you a request under the {law} (reference {reference}): "
            "{rights}. The time for answering it ([[12(3)]]) ended on {original_due} without a "
            "complete answer, which infringes the {law}.",
            "Please acknowledge this complaint within 30 days of receiving it, deal with it "
            "without undue delay and tell me the outcome (section 164A(3) and (4) of the Data "
            "Protection Act 2018). If this does not resolve the matter, I will complain to the "
            "Information Commissioner's Office.",
        ],
        "complained_to_controller": "I complained to the controller under section 164A of the "
        "Data Protection Act 2018 on {controller_complaint_date}; this did not resolve the "
        "matter.",
    },
    "face_search": {
        "intro": "I am writing as the data subject about photographs of my face that your "
        "service may have collected from the internet, and about the biometric data (face "
        "vectors) you derive from them to make faces searchable ([[4(14)]], [[9(1)]]).",
        "reach": "The {law} applies to you although you have no establishment in {territory}: "
        "by collecting images of people in {territory}, indexing their faces and letting "
        "others search for them, you monitor their behaviour ([[3(2)(b)]]).",
        "reach_established": "As you are established in the Union, the {law} applies to your "
        "processing ([[3(1)]]).",
        "representative": "You must therefore have designated in writing a representative in "
        "{territory} ([[27]]). Please tell me who it is; I may also address it.",
        "record": "Supervisory authorities have found this kind of processing unlawful: the "
        "Dutch Data Protection Authority fined Clearview AI EUR 30.5 million (2024); the CNIL, "
        "the Italian Garante and the Hellenic Data Protection Authority fined it EUR 20 million "
        "each (2022); the UK Information Commissioner fined it GBP 7.5 million (2022), and in "
        "2025 the Upper Tribunal confirmed the Commissioner's jurisdiction ([2025] UKUT 319 "
        "(AAC)) and sent the case back to the First-tier Tribunal.",
        "no_account": "I have no account with you, so there are no account details by which to "
        "identify me.",
        "photo_enclosed": "I enclose one photograph of my face solely so that you can search for "
        "my data. You may use it for no other purpose, must not add it to your index or compare "
        "it with anything else, and must delete it as soon as my request is answered "
        "([[5(1)(b)]], [[5(1)(c)]], [[11(2)]], [[12(6)]]).",
        "no_id": "I will not send a copy of an identity document. The photograph is all you need "
        "to find the data you hold about the person it shows; an ID copy would add data you do "
        "not need ([[5(1)(c)]]). Additional information may be requested only where you have "
        "reasonable doubts about my identity, and you must say what they are ([[12(6)]]; EDPB "
        "Guidelines 01/2022, paras 69-79).",
        "no_photo": "I do not enclose a photograph of myself. If you cannot find my data without "
        "one, please tell me so ([[11(2)]]); I will then decide whether to provide one for that "
        "purpose only.",
        "evidence": "The annex lists {count_items}: photographs of me that were public on the "
        "internet, which is where services like yours collect images. I name them only so "
        "that you can locate your copies; please use them for no other purpose ([[5(1)(b)]]).",
        "access": [
            "Under [[15]] please confirm whether you process personal data relating to me and, "
            "if so, give me:",
            "1. a copy of every image of me you hold, with the address (URL) it was collected "
            "from and the date of collection ([[15(3)]]);",
            "2. every face vector or other biometric template derived from those images, and "
            "the exception in [[9(2)]] you rely on to create it;",
            "3. the purposes of the processing and how long you keep these data ([[15(1)(a)]], "
            "[[15(1)(d)]]);",
            "4. the recipients of my data ([[15(1)(c)]]): who searched for my face, when, and "
            "which results each of them was shown;",
            "5. where each image came from ([[15(1)(g)]]) and whether automated decisions are "
            "made about me ([[15(1)(h)]]);",
            "6. the categories of personal data concerned ([[15(1)(b)]]);",
            "7. my rights to rectification, erasure, restriction and objection ([[15(1)(e)]]) and "
            "to lodge a complaint with a supervisory authority ([[15(1)(f)]]);",
            "8. where my data are transferred to a third country or an international "
            "organisation, the appropriate safeguards ([[15(2)]]).",
        ],
        "erasure": "Under [[17(1)(d)]] and [[17(1)(c)]] I ask you to erase without undue delay "
        "every image of me, every face vector and template derived from them, and the source "
        "addresses (URLs) and other data linked to them, including copies in backups. No "
        "exception in [[9(2)]] allows you to create biometric templates of my face; that a "
        "photograph is public does not make its template manifestly made public by me (EDPB "
        "Guidelines 05/2022, paras 74-75).",
        "objection": "Under [[21(1)]] I object to any processing of images of me and of data "
        "derived from them, including any future collection. Please make sure that images of "
        "me are not collected again, and tell me how you do that.",
        "enclosure_photo": "One photograph of my face, for the search only (to be deleted)",
    },
}
