"""Reintegration module 1: what sustainable reintegration means and why one level is not enough."""

MODULE = {
    "slug": "integrated-approach",
    "duration_minutes": 120,
    "en": {
        "title": "Sustainable reintegration and the integrated approach",
        "introduction": (
            "Returning home is not the end of a migration story. This module defines sustainable "
            "reintegration, its three dimensions, and the three levels at which support must act."
        ),
        "body": [
            ("paragraph", (
                "<h2>What we mean by sustainable reintegration</h2>"
                "<p>Reintegration is sustainable when returnees reach a level of economic "
                "self-sufficiency, social stability within their community and psychosocial "
                "well-being that allows them to cope with the pressures that pushed them to "
                "leave. Whether they migrate again later then becomes a choice, not a necessity. "
                "This definition has three consequences for our work.</p>"
                "<ul><li><b>Economic</b>: an income, a trade, access to credit and markets.</li>"
                "<li><b>Social</b>: housing, documents, health care, schooling for the children, "
                "a place in the family and the neighbourhood.</li>"
                "<li><b>Psychosocial</b>: coping with what happened on the route, with shame or "
                "disappointment, and with the expectations of relatives.</li></ul>"
                "<p>A business kit given to someone who cannot sleep, who is rejected by his "
                "family and who owes money to the person who financed the journey rarely "
                "survives a year. The three dimensions stand or fall together.</p>"
            )),
            ("figure", {
                "image": "levels",
                "alt_text": (
                    "Three nested circles. The centre is the individual returnee; around it, the "
                    "community of families, neighbours and local projects; the outer ring is the "
                    "structural level of policies, services and coordination."
                ),
                "caption": (
                    "Support for the person sits inside support for the community, which depends "
                    "on policies and services at the structural level."
                ),
            }),
            ("paragraph", (
                "<h2>Three levels of action</h2>"
                "<p>The integrated approach acts at three levels at the same time. At the "
                "<b>individual</b> level, assistance is tailored to the person and, where "
                "relevant, the household: counselling, training, a starter kit, medical or "
                "psychosocial care. At the <b>community</b> level, projects involve returnees and "
                "people who never left, so that return strengthens the place rather than "
                "creating envy. At the <b>structural</b> level, public services, local "
                "authorities and partners are equipped and coordinated so that support continues "
                "after a project ends.</p>"
                "<p>In Mali, reintegration work has long focused on individual assistance: "
                "between 2017 and 2021, more than 18,600 of the 25,600 registered Malian "
                "returnees received individual support under the EU-IOM Joint Initiative. A "
                "workshop held in Bamako in March 2022 brought state and non-state actors "
                "together precisely to give more weight to the community level, and to the "
                "coordination that makes the whole system last.</p>"
            )),
            ("case_study", {
                "title": "Moussa comes back to Kayes",
                "situation": (
                    "<p>Moussa, 22, left his village near Kayes at sixteen. After two years in "
                    "Libya, including four months in detention, he accepted assisted voluntary "
                    "return. His father had sold two cows to pay for the journey. Moussa received "
                    "a motorcycle to start a transport business. Three months later the "
                    "motorcycle is sold, Moussa spends his days alone, and his younger brother is "
                    "talking about leaving.</p>"
                ),
                "questions": [
                    "Which dimensions of reintegration were covered, and which were missed?",
                    "What could have been done at community level for Moussa and his brother?",
                    "Which services in Kayes should have been involved from the start?",
                ],
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Individual assistance is necessary but not sufficient: reintegration lasts "
                    "when the <b>person</b>, the <b>community</b> and the <b>system</b> are "
                    "supported together.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "La réintégration durable et l'approche intégrée",
        "introduction": (
            "Le retour n'est pas la fin d'un parcours migratoire. Ce module définit la "
            "réintégration durable, ses trois dimensions et les trois niveaux auxquels "
            "l'accompagnement doit agir."
        ),
        "body": [
            ("paragraph", (
                "<h2>Ce que l'on entend par réintégration durable</h2>"
                "<p>La réintégration est durable lorsque les migrants de retour atteignent un "
                "niveau d'autonomie économique, de stabilité sociale au sein de leur communauté "
                "et de bien-être psychosocial qui leur permet de faire face aux pressions qui les "
                "avaient poussés à partir. Repartir un jour devient alors un choix, et non une "
                "nécessité. Cette définition a trois conséquences pour notre travail.</p>"
                "<ul><li><b>Économique</b> : un revenu, un métier, l'accès au crédit et aux "
                "marchés.</li><li><b>Sociale</b> : un logement, des papiers, l'accès aux soins, "
                "l'école pour les enfants, une place dans la famille et le quartier.</li>"
                "<li><b>Psychosociale</b> : surmonter ce qui s'est passé sur la route, la honte "
                "ou la déception, et les attentes des proches.</li></ul>"
                "<p>Un kit d'installation remis à quelqu'un qui ne dort plus, que sa famille "
                "rejette et qui doit de l'argent à celui qui a financé son voyage résiste rarement "
                "plus d'un an. Les trois dimensions tiennent ou tombent ensemble.</p>"
            )),
            ("figure", {
                "image": "levels",
                "alt_text": (
                    "Trois cercles imbriqués. Au centre, la personne de retour ; autour, la "
                    "communauté des familles, des voisins et des projets locaux ; l'anneau "
                    "extérieur représente le niveau structurel des politiques, des services et de "
                    "la coordination."
                ),
                "caption": (
                    "L'appui à la personne s'inscrit dans l'appui à la communauté, qui dépend "
                    "lui-même des politiques et des services du niveau structurel."
                ),
            }),
            ("paragraph", (
                "<h2>Trois niveaux d'action</h2>"
                "<p>L'approche intégrée agit simultanément à trois niveaux. Au niveau "
                "<b>individuel</b>, l'aide est adaptée à la personne et, le cas échéant, à son "
                "ménage : conseil, formation, kit d'installation, soins médicaux ou "
                "psychosociaux. Au niveau <b>communautaire</b>, les projets associent les "
                "migrants de retour et ceux qui ne sont jamais partis, afin que le retour "
                "renforce la localité au lieu de susciter des jalousies. Au niveau "
                "<b>structurel</b>, les services publics, les collectivités et les partenaires "
                "sont outillés et coordonnés pour que l'accompagnement se poursuive après la fin "
                "d'un projet.</p>"
                "<p>Au Mali, la réintégration a longtemps privilégié l'aide individuelle : entre "
                "2017 et 2021, plus de 18 600 des 25 600 migrants maliens de retour enregistrés "
                "ont bénéficié d'un appui individuel dans le cadre de l'Initiative conjointe "
                "UE-OIM. Un atelier organisé à Bamako en mars 2022 a réuni acteurs étatiques et "
                "non étatiques justement pour donner plus de poids au niveau communautaire, et à "
                "la coordination qui fait durer l'ensemble du dispositif.</p>"
            )),
            ("case_study", {
                "title": "Moussa rentre à Kayes",
                "situation": (
                    "<p>Moussa, 22 ans, a quitté son village près de Kayes à seize ans. Après deux "
                    "ans en Libye, dont quatre mois en détention, il a accepté un retour "
                    "volontaire assisté. Son père avait vendu deux vaches pour payer le voyage. "
                    "Moussa a reçu une moto pour lancer une activité de transport. Trois mois "
                    "plus tard, la moto est vendue, Moussa passe ses journées seul, et son petit "
                    "frère parle de partir à son tour.</p>"
                ),
                "questions": [
                    "Quelles dimensions de la réintégration ont été prises en compte, et "
                    "lesquelles ont été négligées ?",
                    "Qu'aurait-on pu faire au niveau communautaire pour Moussa et son frère ?",
                    "Quels services de Kayes auraient dû être associés dès le départ ?",
                ],
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>L'aide individuelle est nécessaire mais ne suffit pas : la réintégration "
                    "dure lorsque la <b>personne</b>, la <b>communauté</b> et le <b>dispositif</b> "
                    "sont soutenus ensemble.</p>"
                ),
            }),
        ],
    },
}
