"""Reintegration module 3: community-based reintegration projects."""

MODULE = {
    "slug": "community-level",
    "duration_minutes": 150,
    "en": {
        "title": "Community-based reintegration",
        "introduction": (
            "Projects that bring returnees and their neighbours together: why they matter, how "
            "to choose them with the community, and how to avoid the usual traps."
        ),
        "body": [
            ("paragraph", (
                "<h2>Why work at community level</h2>"
                "<p>A returnee does not come back to an empty place. Families may have borrowed "
                "to finance the departure; neighbours may see a returnee who receives equipment "
                "while their own sons receive nothing; a returnee may be seen as someone who "
                "failed. Community-level reintegration responds to this by supporting activities "
                "that involve returnees and residents together, and that benefit the locality as "
                "a whole: a shared market garden, a cooperative for livestock fattening, a "
                "rehabilitated well with a water committee, a brick-making workshop that "
                "supplies local builders.</p>"
                "<p>Such projects pool individual assistance into something larger and more "
                "viable, reduce resentment, rebuild ties, and address some of the local reasons "
                "why young people leave. They also reach returnees who are not ready to run a "
                "business alone.</p>"
                "<h2>Choosing the project with the community</h2>"
                "<p>A community project is chosen, not delivered. The steps are simple but take "
                "time:</p>"
                "<ol><li>Meet the local authorities and village or neighbourhood chiefs; explain "
                "the purpose and the budget honestly.</li>"
                "<li>Hold separate discussions with returnees, women, young people who stayed, "
                "and elders, so that each group can speak freely.</li>"
                "<li>Check the market: who will buy the vegetables, the bricks, the fattened "
                "sheep, and at what price?</li>"
                "<li>Agree the rules in writing: membership, how income is shared, who repairs "
                "the equipment, how conflicts are settled.</li>"
                "<li>Link the group to the technical services (agriculture, livestock, social "
                "development) that will remain after the project.</li></ol>"
            )),
            ("case_study", {
                "title": "The market garden in Kita",
                "situation": (
                    "<p>In a neighbourhood of Kita, eleven returnees and fourteen young people "
                    "who never left started a market garden on land lent by the municipality. "
                    "The first season went well. In the second, two returnees stopped coming, "
                    "the pump broke down and nobody agreed on who should pay for it, and a "
                    "rumour spread that the returnees were receiving money in secret.</p>"
                ),
                "questions": [
                    "Which steps of project design were skipped or done too quickly?",
                    "How would you respond to the rumour without breaching anyone's "
                    "confidentiality?",
                    "Which local service could help the group keep the pump running?",
                ],
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>A community project succeeds when the community <b>chose</b> it, "
                    "<b>checked</b> its market, and <b>wrote down</b> its rules before the first "
                    "purchase.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Design a community project",
                "duration_minutes": 50,
                "instructions": (
                    "<p>In groups, choose a commune you know. Propose one community project "
                    "involving returnees and residents. Present it on one flip chart page: the "
                    "need it answers, who decided, the market, the rules for sharing income, "
                    "and the technical service that will support it after the first year.</p>"
                ),
                "facilitator_notes": (
                    "<p>Give each group a budget (for example the value of ten individual kits) "
                    "so that proposals stay realistic. Challenge groups that chose the project "
                    "themselves without consulting women or young people. If participants come "
                    "from Kayes, Kita or Bamako, invite them to use their own localities; the "
                    "best proposals can feed the regional coordination meeting.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "La réintégration communautaire",
        "introduction": (
            "Des projets qui réunissent les migrants de retour et leurs voisins : pourquoi ils "
            "comptent, comment les choisir avec la communauté, et comment éviter les pièges "
            "habituels."
        ),
        "body": [
            ("paragraph", (
                "<h2>Pourquoi agir au niveau communautaire</h2>"
                "<p>Un migrant ne revient pas dans un lieu vide. Sa famille s'est parfois "
                "endettée pour financer le départ ; les voisins voient un migrant de retour "
                "recevoir du matériel alors que leurs propres fils ne reçoivent rien ; le retour "
                "est parfois perçu comme un échec. La réintégration communautaire y répond en "
                "soutenant des activités qui associent migrants de retour et habitants et qui "
                "profitent à toute la localité : un jardin maraîcher collectif, une coopérative "
                "d'embouche, un puits réhabilité géré par un comité de l'eau, un atelier de "
                "fabrication de briques qui approvisionne les maçons du coin.</p>"
                "<p>Ces projets regroupent des aides individuelles en un ensemble plus important "
                "et plus viable, apaisent les rancœurs, retissent des liens et s'attaquent à "
                "certaines des raisons locales du départ des jeunes. Ils touchent aussi des "
                "personnes qui ne sont pas prêtes à gérer seules une activité.</p>"
                "<h2>Choisir le projet avec la communauté</h2>"
                "<p>Un projet communautaire se choisit, il ne se livre pas. Les étapes sont "
                "simples mais demandent du temps :</p>"
                "<ol><li>Rencontrer les autorités locales et les chefs de village ou de quartier ; "
                "présenter honnêtement l'objectif et le budget.</li>"
                "<li>Organiser des discussions séparées avec les migrants de retour, les femmes, "
                "les jeunes restés sur place et les anciens, pour que chacun s'exprime "
                "librement.</li>"
                "<li>Vérifier le marché : qui achètera les légumes, les briques, les moutons "
                "engraissés, et à quel prix ?</li>"
                "<li>Fixer les règles par écrit : adhésion, partage des revenus, entretien du "
                "matériel, règlement des conflits.</li>"
                "<li>Relier le groupe aux services techniques (agriculture, élevage, "
                "développement social) qui resteront après le projet.</li></ol>"
            )),
            ("case_study", {
                "title": "Le jardin maraîcher de Kita",
                "situation": (
                    "<p>Dans un quartier de Kita, onze migrants de retour et quatorze jeunes qui "
                    "ne sont jamais partis ont lancé un jardin maraîcher sur un terrain prêté par "
                    "la mairie. La première saison s'est bien passée. À la deuxième, deux "
                    "migrants de retour ont cessé de venir, la pompe est tombée en panne sans que "
                    "personne s'accorde sur qui devait payer la réparation, et la rumeur a couru "
                    "que les migrants de retour recevaient de l'argent en secret.</p>"
                ),
                "questions": [
                    "Quelles étapes de la conception du projet ont été sautées ou bâclées ?",
                    "Comment répondre à la rumeur sans trahir la confidentialité de quiconque ?",
                    "Quel service local pourrait aider le groupe à entretenir la pompe ?",
                ],
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Un projet communautaire réussit lorsque la communauté l'a <b>choisi</b>, "
                    "a <b>vérifié</b> son marché et a <b>écrit</b> ses règles avant le premier "
                    "achat.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Concevoir un projet communautaire",
                "duration_minutes": 50,
                "instructions": (
                    "<p>En groupes, choisissez une commune que vous connaissez. Proposez un "
                    "projet communautaire associant migrants de retour et habitants. Présentez-le "
                    "sur une page de tableau de papier : le besoin auquel il répond, qui a "
                    "décidé, le marché, les règles de partage des revenus, et le service "
                    "technique qui l'appuiera après la première année.</p>"
                ),
                "facilitator_notes": (
                    "<p>Donnez à chaque groupe un budget (par exemple la valeur de dix kits "
                    "individuels) pour que les propositions restent réalistes. Interpellez les "
                    "groupes qui ont choisi le projet eux-mêmes sans consulter les femmes ni les "
                    "jeunes. Si des participants viennent de Kayes, de Kita ou de Bamako, "
                    "invitez-les à partir de leurs propres localités ; les meilleures "
                    "propositions peuvent nourrir la réunion de coordination régionale.</p>"
                ),
            }),
        ],
    },
}
