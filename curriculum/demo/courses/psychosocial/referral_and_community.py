"""Psychosocial module 3: referral to specialised care and community-based support."""

MODULE = {
    "slug": "referral-and-community-support",
    "duration_minutes": 150,
    "en": {
        "title": "Referral to specialised care and community-based support",
        "introduction": (
            "Knowing when a person needs more than we can give, referring them safely, and "
            "building the community activities that help most people recover."
        ),
        "body": [
            ("paragraph", (
                "<h2>When to refer</h2>"
                "<p>Refer to a doctor, psychologist or psychiatrist, the same day if needed, when "
                "a person:</p>"
                "<ul><li>talks about ending their life, or has tried to;</li>"
                "<li>may harm someone else;</li>"
                "<li>hears or sees things others do not, or is deeply confused;</li>"
                "<li>can no longer eat, sleep, wash or look after their children for weeks;</li>"
                "<li>drinks or uses drugs in a way that endangers them;</li>"
                "<li>has been sexually assaulted (medical care is urgent, ideally within 72 "
                "hours).</li></ul>"
                "<p>Specialised services are few and mostly in Bamako and regional capitals, so "
                "know them in advance: the psychiatric service of the hospital, psychologists "
                "working with NGOs, and the health centres where trained staff can prescribe. "
                "Refer with the person's consent (except where a life is at immediate risk), "
                "explain what will happen there, help with transport and, if possible, go with "
                "them the first time. Then check that the appointment took place.</p>"
            )),
            ("paragraph", (
                "<h2>Community-based support</h2>"
                "<p>For most returnees, recovery happens in the community. In Bamako, Kita and "
                "Kayes, psychosocial projects have combined care with theatre, artistic creation "
                "and sport, together with awareness campaigns and training of social and medical "
                "workers. These activities work because they give people a role, a routine and "
                "a group, without making them patients.</p>"
                "<ul><li><b>Peer groups</b> of returnees, facilitated by a trained social worker, "
                "where people share what helps.</li>"
                "<li><b>Forum theatre</b> in which the audience replays scenes of return and "
                "stigma and looks for other endings.</li>"
                "<li><b>Sport and art</b> open to returnees and local youth alike.</li>"
                "<li><b>Family mediation</b> when expectations, debts or shame block the return "
                "home.</li>"
                "<li><b>Religious and traditional leaders</b> who can speak against stigma and "
                "encourage families to welcome returnees.</li></ul>"
            )),
            ("case_study", {
                "title": "Kadiatou does not leave her room",
                "situation": (
                    "<p>Kadiatou, 27, returned to Kita from Algeria four months ago with her "
                    "young son. Her mother tells the social worker that Kadiatou hardly eats, "
                    "does not leave her room, and once said that her son would be better off "
                    "without her. Neighbours say she \"brought shame\" on the family. Kadiatou "
                    "agrees to talk, but only at home and only with a woman.</p>"
                ),
                "questions": [
                    "Which signs call for a specialised referral, and how urgently?",
                    "How do you organise the referral while respecting her conditions?",
                    "What community support could help Kadiatou and her mother in the "
                    "following months?",
                ],
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Thoughts of suicide are <b>always</b> taken seriously: ask directly, stay "
                    "with the person, and refer the same day.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "L'orientation vers des soins spécialisés et le soutien communautaire",
        "introduction": (
            "Savoir quand une personne a besoin de plus que ce que nous pouvons offrir, l'orienter "
            "en toute sécurité, et construire les activités communautaires qui aident la plupart "
            "des gens à se rétablir."
        ),
        "body": [
            ("paragraph", (
                "<h2>Quand orienter</h2>"
                "<p>Orientez vers un médecin, un psychologue ou un psychiatre, le jour même si "
                "nécessaire, lorsqu'une personne :</p>"
                "<ul><li>parle de mettre fin à ses jours, ou a déjà tenté de le faire ;</li>"
                "<li>risque de s'en prendre à autrui ;</li>"
                "<li>entend ou voit des choses que les autres ne perçoivent pas, ou est très "
                "confuse ;</li>"
                "<li>ne parvient plus depuis des semaines à manger, dormir, se laver ou s'occuper "
                "de ses enfants ;</li>"
                "<li>consomme de l'alcool ou des drogues au point de se mettre en danger ;</li>"
                "<li>a subi une agression sexuelle (les soins médicaux sont urgents, idéalement "
                "dans les 72 heures).</li></ul>"
                "<p>Les services spécialisés sont rares et concentrés à Bamako et dans les "
                "capitales régionales : connaissez-les à l'avance, qu'il s'agisse du service de "
                "psychiatrie de l'hôpital, des psychologues des ONG ou des centres de santé où "
                "un personnel formé peut prescrire. Orientez avec le consentement de la personne "
                "(sauf danger immédiat pour sa vie), expliquez ce qui se passera sur place, "
                "aidez pour le transport et, si possible, accompagnez-la la première fois. "
                "Vérifiez ensuite que le rendez-vous a bien eu lieu.</p>"
            )),
            ("paragraph", (
                "<h2>Le soutien communautaire</h2>"
                "<p>Pour la plupart des migrants de retour, le rétablissement se joue dans la "
                "communauté. À Bamako, Kita et Kayes, des projets psychosociaux ont associé la "
                "prise en charge à des ateliers de théâtre, de création artistique et de sport, "
                "ainsi qu'à des campagnes de sensibilisation et à la formation des acteurs "
                "sociaux et médicaux. Ces activités fonctionnent parce qu'elles donnent à chacun "
                "un rôle, un rythme et un groupe, sans faire de lui un malade.</p>"
                "<ul><li>Des <b>groupes de pairs</b> de migrants de retour, animés par un "
                "travailleur social formé, où chacun partage ce qui l'aide.</li>"
                "<li>Le <b>théâtre-forum</b>, où le public rejoue des scènes de retour et de "
                "stigmatisation et cherche d'autres dénouements.</li>"
                "<li>Le <b>sport et l'art</b>, ouverts aux migrants de retour comme aux jeunes "
                "du quartier.</li>"
                "<li>La <b>médiation familiale</b>, lorsque les attentes, les dettes ou la honte "
                "empêchent le retour au foyer.</li>"
                "<li>Les <b>responsables religieux et coutumiers</b>, qui peuvent s'élever "
                "contre la stigmatisation et encourager les familles à accueillir les leurs.</li>"
                "</ul>"
            )),
            ("case_study", {
                "title": "Kadiatou ne sort plus de sa chambre",
                "situation": (
                    "<p>Kadiatou, 27 ans, est rentrée d'Algérie à Kita il y a quatre mois avec son "
                    "jeune fils. Sa mère confie à la travailleuse sociale que Kadiatou ne mange "
                    "presque plus, ne quitte pas sa chambre, et a dit un jour que son fils serait "
                    "mieux sans elle. Les voisins disent qu'elle a « fait honte » à la famille. "
                    "Kadiatou accepte de parler, mais seulement chez elle et seulement avec une "
                    "femme.</p>"
                ),
                "questions": [
                    "Quels signes appellent une orientation spécialisée, et avec quelle urgence ?",
                    "Comment organiser l'orientation en respectant ses conditions ?",
                    "Quel soutien communautaire pourrait aider Kadiatou et sa mère dans les mois "
                    "qui viennent ?",
                ],
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Les idées suicidaires sont <b>toujours</b> prises au sérieux : posez la "
                    "question directement, restez avec la personne et orientez-la le jour "
                    "même.</p>"
                ),
            }),
        ],
    },
}
