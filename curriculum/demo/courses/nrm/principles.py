"""NRM module 2: the principles that apply at every step of the pathway."""

MODULE = {
    "slug": "principles",
    "duration_minutes": 120,
    "en": {
        "title": "Principles: do no harm, confidentiality, consent, best interest",
        "introduction": (
            "The pathway says where to send a person; the principles say how to treat them on the "
            "way. They apply to every actor, at every step, including when time is short."
        ),
        "body": [
            ("paragraph", (
                "<h2>Do no harm</h2>"
                "<p>Any contact with a service can make a person's situation worse: an interview "
                "held in a corridor where others can hear, a photograph posted on a social "
                "network, a phone call to a family that the person had fled, a child handed back "
                "to the adult who exploited them. Before acting, ask what could go wrong for this "
                "person if you do it, and if you do nothing. When in doubt, choose the option "
                "that keeps the most choices open for them.</p>"
                "<h2>Confidentiality and data protection</h2>"
                "<p>What a migrant tells you belongs to them. Share only what the receiving "
                "service needs in order to help, only with that service, and only with consent. "
                "Use case numbers rather than names in messages, keep paper files locked and "
                "never discuss a case in public transport or on a group chat. Confidentiality has "
                "limits that you must explain at the start: if a life is in immediate danger, or "
                "a child is at risk of serious harm, you will act even without agreement, and you "
                "will say so.</p>"
            )),
            ("paragraph", (
                "<h2>Informed consent</h2>"
                "<p>Consent is informed when the person understands what will happen, who will "
                "know what, the benefits and risks, and that they can refuse or change their mind "
                "without losing access to basic help. It must be given in a language they master, "
                "with an interpreter if needed, and without pressure: a person who is hungry, "
                "exhausted or afraid of the police may say yes to anything. Record consent in the "
                "case file and check it again before each new referral.</p>"
                "<h2>The best interest of the child</h2>"
                "<p>For anyone under eighteen, every decision is guided by what best protects "
                "the child's safety, development and rights, not by what is quickest for the "
                "service. Children are listened to and their opinion weighs more as they grow "
                "older. A child travelling alone is referred at once to the social development "
                "services responsible for child protection; family tracing and reunification are "
                "only pursued after checking that returning to the family is safe.</p>"
                "<h2>Non-discrimination and participation</h2>"
                "<p>Assistance depends on need, not on nationality, sex, religion, ethnicity or "
                "migration status. People take part in the decisions about their own case: they "
                "are not files to be moved but adults (or children) with their own plans.</p>"
            )),
            ("case_study", {
                "title": "Awa at the transit centre",
                "situation": (
                    "<p>Awa, 24, arrives at a transit centre in Bamako after being returned from "
                    "a neighbouring country. During a medical check the nurse notices old "
                    "injuries. Awa says she worked in a bar where she was not paid and could not "
                    "leave. She does not want the police involved because she fears that the man "
                    "who brought her there knows her family in Sikasso. A journalist visiting the "
                    "centre asks to interview women who were exploited.</p>"
                ),
                "questions": [
                    "Which signs suggest that Awa may be a victim of trafficking?",
                    "What must Awa understand before she agrees to any referral?",
                    "How do you respect her refusal to involve the police while keeping her safe?",
                    "What do you answer the journalist?",
                ],
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Ask before you share, share only what is needed, and explain the limits of "
                    "confidentiality <b>before</b> the person starts talking.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Principes : ne pas nuire, confidentialité, consentement, intérêt supérieur",
        "introduction": (
            "Le circuit indique où orienter une personne ; les principes disent comment la "
            "traiter en chemin. Ils s'imposent à tous les acteurs, à chaque étape, même dans "
            "l'urgence."
        ),
        "body": [
            ("paragraph", (
                "<h2>Ne pas nuire</h2>"
                "<p>Tout contact avec un service peut aggraver la situation d'une personne : un "
                "entretien mené dans un couloir où d'autres écoutent, une photo publiée sur un "
                "réseau social, un appel à une famille que la personne avait fuie, un enfant "
                "remis à l'adulte qui l'exploitait. Avant d'agir, demandez-vous ce qui pourrait "
                "mal tourner pour cette personne si vous agissez, et si vous n'agissez pas. Dans "
                "le doute, choisissez l'option qui lui laisse le plus de choix ouverts.</p>"
                "<h2>Confidentialité et protection des données</h2>"
                "<p>Ce qu'un migrant vous confie lui appartient. Ne transmettez que ce dont le "
                "service destinataire a besoin pour l'aider, à ce seul service, et avec son "
                "consentement. Utilisez des numéros de dossier plutôt que des noms dans les "
                "messages, rangez les dossiers papier sous clé et ne parlez jamais d'un cas dans "
                "les transports ou sur un groupe de discussion. La confidentialité a des limites "
                "qu'il faut annoncer dès le début : si une vie est en danger immédiat, ou si un "
                "enfant risque un préjudice grave, vous agirez même sans accord, et vous le "
                "direz.</p>"
            )),
            ("paragraph", (
                "<h2>Le consentement éclairé</h2>"
                "<p>Le consentement est éclairé lorsque la personne comprend ce qui va se passer, "
                "qui saura quoi, les avantages et les risques, et qu'elle peut refuser ou changer "
                "d'avis sans perdre l'accès à l'aide de base. Il est recueilli dans une langue "
                "qu'elle maîtrise, avec un interprète si nécessaire, et sans pression : une "
                "personne affamée, épuisée ou qui craint la police peut accepter n'importe quoi. "
                "Notez le consentement dans le dossier et vérifiez-le à nouveau avant chaque "
                "nouveau référencement.</p>"
                "<h2>L'intérêt supérieur de l'enfant</h2>"
                "<p>Pour toute personne de moins de dix-huit ans, chaque décision est guidée par "
                "ce qui protège le mieux la sécurité, le développement et les droits de l'enfant, "
                "et non par ce qui arrange le service. L'enfant est écouté, et son avis compte "
                "davantage à mesure qu'il grandit. Un enfant qui voyage seul est orienté sans "
                "délai vers les services du développement social chargés de la protection de "
                "l'enfance ; la recherche familiale et la réunification ne sont engagées qu'après "
                "avoir vérifié que le retour en famille est sans danger.</p>"
                "<h2>Non-discrimination et participation</h2>"
                "<p>L'assistance dépend des besoins, non de la nationalité, du sexe, de la "
                "religion, de l'ethnie ou du statut migratoire. Les personnes participent aux "
                "décisions qui les concernent : ce ne sont pas des dossiers à déplacer, mais des "
                "adultes (ou des enfants) qui ont leurs propres projets.</p>"
            )),
            ("case_study", {
                "title": "Awa au centre de transit",
                "situation": (
                    "<p>Awa, 24 ans, arrive dans un centre de transit de Bamako après avoir été "
                    "renvoyée d'un pays voisin. Lors de la visite médicale, l'infirmière remarque "
                    "d'anciennes blessures. Awa explique qu'elle travaillait dans un bar sans être "
                    "payée et sans pouvoir partir. Elle ne veut pas que la police soit prévenue, "
                    "car elle craint que l'homme qui l'y a emmenée connaisse sa famille à "
                    "Sikasso. Un journaliste en visite au centre demande à interroger des femmes "
                    "qui ont été exploitées.</p>"
                ),
                "questions": [
                    "Quels signes laissent penser qu'Awa pourrait être victime de traite ?",
                    "Que doit comprendre Awa avant d'accepter un référencement ?",
                    "Comment respecter son refus d'impliquer la police tout en assurant sa "
                    "sécurité ?",
                    "Que répondez-vous au journaliste ?",
                ],
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Demandez avant de partager, ne partagez que le nécessaire, et expliquez "
                    "les limites de la confidentialité <b>avant</b> que la personne ne commence à "
                    "parler.</p>"
                ),
            }),
        ],
    },
}
