"""NRM module 4: case management, coordination between services, and passing the course on."""

MODULE = {
    "slug": "case-management",
    "duration_minutes": 150,
    "en": {
        "title": "Case management and coordination",
        "introduction": (
            "Several services often work on the same person. Case management makes sure one of "
            "them leads, that the person is heard, and that nobody drops out unnoticed."
        ),
        "body": [
            ("paragraph", (
                "<h2>One lead service, one plan</h2>"
                "<p>When a case needs more than one service, the actors agree on a lead: "
                "usually the social development service for children and for survivors of "
                "violence, a health facility while medical care dominates, or the organisation "
                "that manages return and reintegration assistance. The lead appoints a case "
                "manager, the person's single point of contact.</p>"
                "<p>The case manager opens a file with a unique number, records consent, and "
                "draws up a short plan with the person: the needs, the agreed actions, who does "
                "what and by when. The plan is reviewed at each contact. It is written in plain "
                "words, so that the person could read it, and it is never shared beyond the "
                "services named in it.</p>"
                "<h2>Case conferences</h2>"
                "<p>For complex cases (a trafficked child, a person with a severe mental health "
                "condition, a family under threat) the lead calls a case conference: a short "
                "meeting of the services involved, in person or by phone. The conference agrees "
                "on decisions, not on opinions; the person, or the child's guardian, is consulted "
                "beforehand and informed afterwards.</p>"
            )),
            ("paragraph", (
                "<h2>Follow-up and closure</h2>"
                "<p>Follow-up checks that each referral actually happened and that the services "
                "delivered what they promised. A missed appointment is a warning sign, not a "
                "reason to close a file: call, visit, ask what got in the way (transport money, "
                "fear, a family event). A case is closed when the goals of the plan are met, when "
                "the person asks for it, or when another service formally takes over. The reason "
                "is written in the file, and the person knows how to come back.</p>"
                "<h2>Passing it on</h2>"
                "<p>As a participant in this training of trainers, you will explain case "
                "management to colleagues in your region, and they will ask practical questions: "
                "who leads when two services disagree, what to do when a file goes quiet. Keep "
                "notes of the cases you meet in the coming months (without names): they will be "
                "your best examples. The last module prepares you for that session.</p>"
            )),
            ("case_study", {
                "title": "Ibrahim's file goes quiet",
                "situation": (
                    "<p>Ibrahim, 31, returned to Mopti from Libya with a leg injury. The "
                    "hospital treated him and referred him to an NGO for psychosocial support and "
                    "to the reintegration programme for a business plan. Six weeks later, the NGO "
                    "says he came once; the reintegration officer thinks the NGO is following "
                    "him; the hospital has closed its file. Nobody has spoken to Ibrahim for a "
                    "month.</p>"
                ),
                "questions": [
                    "Who should have been the lead service, and when should it have been agreed?",
                    "What should the first contact with Ibrahim now look like?",
                    "Which information may the three services share, and under what conditions?",
                ],
            }),
            ("group_activity", {
                "title": "Role play: a case conference",
                "duration_minutes": 40,
                "instructions": (
                    "<p>In groups of five, take the roles of a social development officer, a "
                    "nurse, an NGO psychosocial worker, a reintegration officer and an observer. "
                    "Hold a 15-minute case conference on Ibrahim's file and agree a plan with a "
                    "lead, three actions and dates. The observer then reports what helped and "
                    "what blocked the discussion.</p>"
                ),
                "facilitator_notes": (
                    "<p>Hand each role a card with one hidden constraint (no fuel budget this "
                    "month; a supervisor who wants the case closed; Ibrahim's phone is off; a "
                    "rule that forbids sharing medical details). These constraints are what make "
                    "real conferences hard. In the debrief, insist on two points: the person's "
                    "consent for what is shared, and a written decision on who leads.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "La gestion de cas et la coordination",
        "introduction": (
            "Plusieurs services interviennent souvent auprès d'une même personne. La gestion de "
            "cas garantit que l'un d'eux pilote, que la personne est écoutée, et que personne ne "
            "décroche sans qu'on le remarque."
        ),
        "body": [
            ("paragraph", (
                "<h2>Un service chef de file, un plan</h2>"
                "<p>Lorsqu'un cas mobilise plusieurs services, les acteurs conviennent d'un chef "
                "de file : en général le service du développement social pour les enfants et les "
                "survivants de violences, une structure de santé tant que les soins priment, ou "
                "l'organisation chargée de l'aide au retour et à la réintégration. Le chef de "
                "file désigne un gestionnaire de cas, interlocuteur unique de la personne.</p>"
                "<p>Le gestionnaire de cas ouvre un dossier sous un numéro unique, consigne le "
                "consentement et établit avec la personne un plan court : les besoins, les "
                "actions convenues, qui fait quoi et pour quand. Le plan est revu à chaque "
                "contact. Il est rédigé en termes simples, pour que la personne puisse le lire, "
                "et n'est jamais communiqué au-delà des services qui y figurent.</p>"
                "<h2>Les réunions de cas</h2>"
                "<p>Pour les situations complexes (un enfant victime de traite, une personne "
                "atteinte d'un trouble psychique grave, une famille menacée), le chef de file "
                "convoque une réunion de cas : une courte rencontre des services concernés, sur "
                "place ou par téléphone. La réunion arrête des décisions, pas des opinions ; la "
                "personne, ou le tuteur de l'enfant, est consultée avant et informée après.</p>"
            )),
            ("paragraph", (
                "<h2>Suivi et clôture</h2>"
                "<p>Le suivi vérifie que chaque référencement a bien eu lieu et que les services "
                "ont fourni ce qu'ils avaient promis. Un rendez-vous manqué est un signal "
                "d'alerte, pas un motif de clôture : appelez, rendez visite, demandez ce qui a "
                "fait obstacle (argent du transport, peur, événement familial). Le dossier est "
                "clos lorsque les objectifs du plan sont atteints, lorsque la personne le "
                "demande, ou lorsqu'un autre service prend formellement le relais. Le motif est "
                "consigné, et la personne sait comment revenir.</p>"
                "<h2>Transmettre à son tour</h2>"
                "<p>En tant que participant à cette formation de formateurs, vous expliquerez la "
                "gestion de cas aux collègues de votre région, et ils poseront des questions "
                "concrètes : qui pilote quand deux services sont en désaccord, que faire quand un "
                "dossier s'endort. Notez les cas que vous rencontrerez dans les mois à venir "
                "(sans les noms) : ce seront vos meilleurs exemples. Le dernier module vous "
                "prépare à cette séance.</p>"
            )),
            ("case_study", {
                "title": "Le dossier d'Ibrahim s'endort",
                "situation": (
                    "<p>Ibrahim, 31 ans, est rentré de Libye à Mopti avec une blessure à la "
                    "jambe. L'hôpital l'a soigné puis orienté vers une ONG pour un soutien "
                    "psychosocial et vers le programme de réintégration pour un plan d'affaires. "
                    "Six semaines plus tard, l'ONG indique qu'il n'est venu qu'une fois ; l'agent "
                    "de réintégration croit que l'ONG le suit ; l'hôpital a clos son dossier. "
                    "Personne n'a parlé à Ibrahim depuis un mois.</p>"
                ),
                "questions": [
                    "Quel service aurait dû être chef de file, et quand fallait-il en convenir ?",
                    "À quoi doit ressembler le prochain contact avec Ibrahim ?",
                    "Quelles informations les trois services peuvent-ils partager, et à quelles "
                    "conditions ?",
                ],
            }),
            ("group_activity", {
                "title": "Jeu de rôle : une réunion de cas",
                "duration_minutes": 40,
                "instructions": (
                    "<p>Par groupes de cinq, jouez un agent du développement social, une "
                    "infirmière, un intervenant psychosocial d'ONG, un agent de réintégration et "
                    "un observateur. Tenez une réunion de cas de 15 minutes sur le dossier "
                    "d'Ibrahim et arrêtez un plan : un chef de file, trois actions et des dates. "
                    "L'observateur rapporte ensuite ce qui a aidé et ce qui a bloqué la "
                    "discussion.</p>"
                ),
                "facilitator_notes": (
                    "<p>Remettez à chaque rôle une carte portant une contrainte cachée (pas de "
                    "budget carburant ce mois-ci ; un supérieur qui veut clore le dossier ; le "
                    "téléphone d'Ibrahim est éteint ; une règle qui interdit de partager les "
                    "informations médicales). Ce sont ces contraintes qui rendent les vraies "
                    "réunions difficiles. Au débriefing, insistez sur deux points : le "
                    "consentement de la personne pour ce qui est partagé, et une décision écrite "
                    "sur le chef de file.</p>"
                ),
            }),
        ],
    },
}
