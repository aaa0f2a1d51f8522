"""Reintegration module 5: monitoring, learning and sharing what works."""

MODULE = {
    "slug": "monitoring-and-learning",
    "duration_minutes": 90,
    "en": {
        "title": "Monitoring and learning: is reintegration lasting?",
        "introduction": (
            "Counting kits delivered says little about whether people have rebuilt their lives. "
            "This module shows what to measure, how to use follow-up data, and how to share what "
            "works."
        ),
        "body": [
            ("paragraph", (
                "<h2>Measure the three dimensions</h2>"
                "<p>Activity figures (people trained, kits delivered, projects funded) show what "
                "we did. They do not show whether reintegration is sustainable. For that, look at "
                "each dimension over time, with the same simple questions at each follow-up "
                "visit:</p>"
                "<ul><li><b>Economic</b>: is there a regular income? Does the activity cover its "
                "costs? Has debt gone down?</li>"
                "<li><b>Social</b>: does the person have housing, documents, access to health "
                "care? Are the children at school? Does the person take part in community "
                "life?</li>"
                "<li><b>Psychosocial</b>: how does the person sleep and feel? Do they feel "
                "accepted? Do they feel they must leave again?</li></ul>"
                "<p>Asking the same questions at one, three and six months lets you see a "
                "trend, and spot early the person whose situation is sliding.</p>"
                "<h2>Use what the records already tell you</h2>"
                "<p>Much of the evidence is already on paper. Attendance lists show who actually "
                "follows a training; post-training examinations show what was learnt, and only "
                "those who pass receive a certificate. Follow-up visit forms show which "
                "activities survive. When reviewed together, these records answer practical "
                "questions: which trades lead to work, which centres produce drop-outs, which "
                "kits are sold within weeks. In Mali, checking skills before handing over "
                "equipment was adopted precisely because such records showed equipment being "
                "wasted.</p>"
            )),
            ("paragraph", (
                "<h2>Learn from drop-outs and failures</h2>"
                "<p>A returnee who abandons a training or closes a business is not a statistic "
                "to hide. Ask why, without blame: the allowance was too low, the centre too far, "
                "the trade chosen under pressure, the family in crisis. Group the reasons every "
                "quarter and adjust the programme: many improvements (childcare for trainees, "
                "kits reviewed by returnees) came from listening to people who had dropped "
                "out.</p>"
                "<h2>Share good practices</h2>"
                "<p>Write down what works in a short, factual form: what was done, for whom, "
                "with which partners, what changed, what it cost, and under which conditions it "
                "could be repeated elsewhere. Present it at the regional coordination meeting "
                "and, through the national framework, to other regions. A practice that worked "
                "in Bamako may need adapting before it works in Gao or Mopti, and saying so is "
                "part of the practice.</p>"
            )),
            ("download", {
                "document": "follow_up",
                "title": "Follow-up visit checklist",
                "kind": "form",
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Ask the <b>same questions</b> on the three dimensions at every visit, "
                    "<b>listen</b> to those who drop out, and <b>share</b> what you learn with "
                    "the other actors.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Reading a follow-up record",
                "duration_minutes": 30,
                "instructions": (
                    "<p>In pairs, study the three follow-up visit forms of an invented returnee "
                    "(handed out by the facilitator). Score each dimension as improving, stable "
                    "or worsening, decide whether additional support or a referral is needed, "
                    "and write the one question you would ask at the next visit.</p>"
                ),
                "facilitator_notes": (
                    "<p>Prepare the forms so that income improves while the psychosocial answers "
                    "worsen (poor sleep, talk of leaving again): many pairs focus on income and "
                    "miss the warning. In the debrief, link back to module 1: the three "
                    "dimensions stand or fall together.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Suivre et apprendre : la réintégration dure-t-elle ?",
        "introduction": (
            "Compter les kits distribués ne dit pas grand-chose de la reconstruction d'une vie. Ce "
            "module montre quoi mesurer, comment exploiter les données de suivi, et comment "
            "partager ce qui fonctionne."
        ),
        "body": [
            ("paragraph", (
                "<h2>Mesurer les trois dimensions</h2>"
                "<p>Les chiffres d'activité (personnes formées, kits remis, projets financés) "
                "montrent ce que nous avons fait. Ils ne disent pas si la réintégration est "
                "durable. Pour cela, il faut observer chaque dimension dans le temps, avec les "
                "mêmes questions simples à chaque visite de suivi :</p>"
                "<ul><li><b>Économique</b> : y a-t-il un revenu régulier ? L'activité "
                "couvre-t-elle ses coûts ? La dette a-t-elle diminué ?</li>"
                "<li><b>Sociale</b> : la personne a-t-elle un logement, des papiers, l'accès "
                "aux soins ? Les enfants vont-ils à l'école ? Participe-t-elle à la vie de la "
                "communauté ?</li>"
                "<li><b>Psychosociale</b> : comment dort-elle, comment se sent-elle ? Se "
                "sent-elle acceptée ? Pense-t-elle devoir repartir ?</li></ul>"
                "<p>Poser les mêmes questions à un, trois et six mois permet de dégager une "
                "tendance et de repérer tôt la personne dont la situation se dégrade.</p>"
                "<h2>Exploiter ce que disent déjà les registres</h2>"
                "<p>Une bonne partie des éléments existe déjà sur papier. Les listes de présence "
                "montrent qui suit réellement une formation ; les examens de fin de formation "
                "montrent ce qui a été appris, et seuls ceux qui réussissent reçoivent une "
                "attestation. Les fiches de visite de suivi montrent quelles activités tiennent. "
                "Lus ensemble, ces documents répondent à des questions concrètes : quels métiers "
                "mènent à l'emploi, quels centres connaissent des abandons, quels kits sont "
                "revendus en quelques semaines. Au Mali, la vérification des compétences avant "
                "la remise du matériel a justement été adoptée parce que ces registres montraient "
                "du matériel gaspillé.</p>"
            )),
            ("paragraph", (
                "<h2>Apprendre des abandons et des échecs</h2>"
                "<p>Une personne qui abandonne une formation ou ferme son activité n'est pas un "
                "chiffre à cacher. Demandez pourquoi, sans reproche : allocation trop faible, "
                "centre trop éloigné, métier choisi sous la pression, famille en crise. "
                "Regroupez les raisons chaque trimestre et ajustez le programme : bien des "
                "améliorations (garde d'enfants pour les stagiaires, kits revus par les migrants "
                "de retour) sont nées de l'écoute de ceux qui avaient abandonné.</p>"
                "<h2>Partager les bonnes pratiques</h2>"
                "<p>Consignez ce qui fonctionne sous une forme courte et factuelle : ce qui a été "
                "fait, pour qui, avec quels partenaires, ce qui a changé, ce que cela a coûté, "
                "et à quelles conditions cela pourrait être reproduit ailleurs. Présentez-le à la "
                "réunion régionale de coordination et, par le cadre national, aux autres régions. "
                "Une pratique qui a réussi à Bamako devra parfois être adaptée avant de réussir à "
                "Gao ou à Mopti, et le dire fait partie de la pratique.</p>"
            )),
            ("download", {
                "document": "follow_up",
                "title": "Liste de contrôle pour la visite de suivi",
                "kind": "form",
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Posez <b>les mêmes questions</b> sur les trois dimensions à chaque visite, "
                    "<b>écoutez</b> ceux qui abandonnent, et <b>partagez</b> ce que vous apprenez "
                    "avec les autres acteurs.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Lire un dossier de suivi",
                "duration_minutes": 30,
                "instructions": (
                    "<p>Par deux, étudiez les trois fiches de visite de suivi d'une personne de "
                    "retour fictive (distribuées par l'animateur). Notez chaque dimension comme en "
                    "progrès, stable ou en recul, décidez si un appui complémentaire ou une "
                    "orientation est nécessaire, et écrivez la question que vous poseriez lors de "
                    "la prochaine visite.</p>"
                ),
                "facilitator_notes": (
                    "<p>Préparez les fiches de sorte que le revenu progresse tandis que les "
                    "réponses psychosociales se dégradent (mauvais sommeil, envie de repartir) : "
                    "beaucoup de binômes se concentrent sur le revenu et passent à côté du "
                    "signal. Au débriefing, faites le lien avec le module 1 : les trois "
                    "dimensions tiennent ou tombent ensemble.</p>"
                ),
            }),
        ],
    },
}
