"""Psychosocial module 2: psychological first aid."""

MODULE = {
    "slug": "psychological-first-aid",
    "duration_minutes": 180,
    "en": {
        "title": "Psychological first aid",
        "introduction": (
            "A humane, practical response to someone in distress that any trained helper can "
            "give: prepare, look, listen and link, and what to avoid."
        ),
        "body": [
            ("paragraph", (
                "<h2>What psychological first aid is, and is not</h2>"
                "<p>Psychological first aid (PFA) is the support one person gives another who "
                "has just been through a very distressing event, or who is overwhelmed right "
                "now: at a bus station at dawn when a convoy of returnees arrives, in a transit "
                "centre, during a home visit. It means offering comfort and safety, listening "
                "without pressure, helping with basic needs, and connecting the person with "
                "information, loved ones and services.</p>"
                "<p>PFA is <b>not</b> therapy, not a diagnosis, and not a debriefing in which the "
                "person must tell everything that happened. Pushing someone to recount painful "
                "events in detail can do harm. Nor is it reserved to psychologists: a nurse, a "
                "social worker, a community relay or a police officer can give it after a short "
                "training.</p>"
                "<h2>Prepare, look, listen, link</h2>"
                "<ul><li><b>Prepare</b>: before you go, learn what happened, who else is there, "
                "and which services are open today.</li>"
                "<li><b>Look</b>: check safety first, then obvious urgent needs, then people "
                "showing serious distress (unable to move, confused, very agitated).</li>"
                "<li><b>Listen</b>: approach calmly, introduce yourself, ask about needs and "
                "concerns, let the person speak or stay silent, help them feel calmer.</li>"
                "<li><b>Link</b>: help with practical needs, give accurate information, put the "
                "person in touch with family and services, and make sure someone follows "
                "up.</li></ul>"
            )),
            ("paragraph", (
                "<h2>Words that help</h2>"
                "<p>Speak in the person's language, or find an interpreter they trust. Sit at "
                "the same level; respect cultural norms about distance, eye contact and touch, "
                "and gender (a woman may prefer to speak with a woman). Say what you can and "
                "cannot do. Useful phrases: <i>\"You are safe here now.\"</i> <i>\"Take your "
                "time.\"</i> <i>\"What would help you most right now?\"</i> Phrases to avoid: "
                "<i>\"I know how you feel\"</i>, <i>\"You were lucky\"</i>, <i>\"Be strong, "
                "don't cry\"</i>, and any judgement about the decision to leave.</p>"
            )),
            ("download", {
                "document": "pfa_card",
                "title": "PFA pocket card",
                "kind": "handout",
            }),
            ("group_activity", {
                "title": "Role play: the arrival at the bus station",
                "duration_minutes": 45,
                "instructions": (
                    "<p>In groups of three (helper, returnee, observer), play a 10-minute "
                    "scene: a returnee arrives at dawn at the Bamako bus station, exhausted, "
                    "with no phone and no one waiting. The helper uses the look, listen and link "
                    "steps. The observer notes what the helper said and did that helped, and what "
                    "did not. Rotate roles twice.</p>"
                ),
                "facilitator_notes": (
                    "<p>Brief the \"returnees\" privately: one is silent, one is angry at the "
                    "authorities, one keeps asking for money to travel on to his village. Remind "
                    "everyone that role plays can stir real memories: anyone may step out at any "
                    "time, without explanation. In the debrief, ask helpers first what they "
                    "found hard, then observers; end with one thing each will do differently.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Les premiers secours psychologiques",
        "introduction": (
            "Une réponse humaine et concrète à une personne en détresse, que tout intervenant "
            "formé peut apporter : se préparer, observer, écouter, orienter, et ce qu'il faut "
            "éviter."
        ),
        "body": [
            ("paragraph", (
                "<h2>Ce que sont les premiers secours psychologiques, et ce qu'ils ne sont pas</h2>"
                "<p>Les premiers secours psychologiques (PSP) désignent le soutien qu'une "
                "personne apporte à une autre qui vient de vivre un événement très éprouvant, ou "
                "qui est submergée sur le moment : à la gare routière, à l'aube, quand arrive un "
                "convoi de migrants de retour, dans un centre de transit, lors d'une visite à "
                "domicile. Il s'agit d'offrir réconfort et sécurité, d'écouter sans insister, "
                "d'aider à répondre aux besoins essentiels et de mettre la personne en lien avec "
                "des informations, ses proches et des services.</p>"
                "<p>Les PSP ne sont <b>pas</b> une thérapie, ni un diagnostic, ni un débriefing "
                "où la personne devrait tout raconter. Pousser quelqu'un à relater en détail des "
                "événements douloureux peut lui nuire. Ils ne sont pas non plus réservés aux "
                "psychologues : une infirmière, un travailleur social, un relais communautaire "
                "ou un policier peut les apporter après une courte formation.</p>"
                "<h2>Se préparer, observer, écouter, orienter</h2>"
                "<ul><li><b>Se préparer</b> : avant d'intervenir, savoir ce qui s'est passé, qui "
                "d'autre est présent et quels services sont ouverts aujourd'hui.</li>"
                "<li><b>Observer</b> : vérifier d'abord la sécurité, puis les besoins urgents "
                "évidents, puis les personnes en grande détresse (figées, confuses, très "
                "agitées).</li>"
                "<li><b>Écouter</b> : s'approcher calmement, se présenter, demander quels sont "
                "les besoins et les inquiétudes, laisser la personne parler ou se taire, "
                "l'aider à s'apaiser.</li>"
                "<li><b>Orienter</b> : aider aux besoins pratiques, donner des informations "
                "exactes, mettre la personne en contact avec sa famille et les services, et "
                "s'assurer que quelqu'un assurera le suivi.</li></ul>"
            )),
            ("paragraph", (
                "<h2>Des mots qui aident</h2>"
                "<p>Parlez la langue de la personne, ou trouvez un interprète en qui elle a "
                "confiance. Asseyez-vous à sa hauteur ; respectez les usages sur la distance, le "
                "regard et le toucher, ainsi que le genre (une femme peut préférer parler à une "
                "femme). Dites ce que vous pouvez faire et ce que vous ne pouvez pas faire. "
                "Phrases utiles : <i>« Ici, vous êtes en sécurité. »</i> <i>« Prenez votre "
                "temps. »</i> <i>« Qu'est-ce qui vous aiderait le plus maintenant ? »</i> "
                "Phrases à éviter : <i>« Je sais ce que vous ressentez »</i>, <i>« Vous avez eu "
                "de la chance »</i>, <i>« Sois fort, ne pleure pas »</i>, et tout jugement sur la "
                "décision de partir.</p>"
            )),
            ("download", {
                "document": "pfa_card",
                "title": "Carte de poche PSP",
                "kind": "handout",
            }),
            ("group_activity", {
                "title": "Jeu de rôle : l'arrivée à la gare routière",
                "duration_minutes": 45,
                "instructions": (
                    "<p>Par groupes de trois (intervenant, migrant de retour, observateur), "
                    "jouez une scène de 10 minutes : un migrant de retour arrive à l'aube à la "
                    "gare routière de Bamako, épuisé, sans téléphone, et personne ne l'attend. "
                    "L'intervenant applique les étapes observer, écouter, orienter. "
                    "L'observateur note ce que l'intervenant a dit et fait qui a aidé, et ce qui "
                    "n'a pas aidé. Changez de rôle deux fois.</p>"
                ),
                "facilitator_notes": (
                    "<p>Donnez des consignes en aparté aux « migrants de retour » : l'un reste "
                    "muet, l'un est en colère contre les autorités, l'un réclame sans cesse de "
                    "l'argent pour rejoindre son village. Rappelez à tous qu'un jeu de rôle peut "
                    "raviver de vrais souvenirs : chacun peut sortir à tout moment, sans se "
                    "justifier. Au débriefing, interrogez d'abord les intervenants sur ce qui a "
                    "été difficile, puis les observateurs ; terminez par une chose que chacun "
                    "fera autrement.</p>"
                ),
            }),
        ],
    },
}
