"""NRM module 1: what the mechanism is, who it protects and how it is being passed on."""

MODULE = {
    "slug": "what-is-the-nrm",
    "duration_minutes": 90,
    "en": {
        "title": "What the National Referral Mechanism is",
        "introduction": (
            "A shared map of who does what, so that no migrant in danger is sent from office to "
            "office. This module explains where the mechanism comes from and whom it protects."
        ),
        "body": [
            ("paragraph", (
                "<h2>One framework for many actors</h2>"
                "<p>A migrant who has been abandoned in the desert, a teenager travelling alone, a "
                "woman who escaped a trafficking network: each may first meet a border police "
                "officer, a nurse, a community leader or an NGO worker. Before the mechanism "
                "existed, what happened next depended on whom they happened to meet. Some were "
                "helped quickly; others told their story five times and still waited for care.</p>"
                "<p>The National Referral Mechanism (NRM) for migrants in the most vulnerable "
                "situations is an operational framework. It tells every frontline actor in Mali "
                "how to assist a migrant directly, or to whom to refer them, and what each service "
                "commits to do once a case reaches it. It does not create a new institution: it "
                "connects the services that already exist and sets common rules for working "
                "together.</p>"
            )),
            ("paragraph", (
                "<h2>Built and owned in Mali</h2>"
                "<p>The mechanism was drafted by more than twenty governmental, intergovernmental "
                "and non-governmental partners and validated in January 2021 by all the actors "
                "involved in migrant protection, with technical support from IOM and funding from "
                "the European Union. Mali was among the first countries of the sub-region to adopt "
                "such a framework.</p>"
                "<p>A framework only works if people use it. In 2022 a series of eight training of "
                "trainers workshops took it to Bamako and seven administrative regions, reaching "
                "more than 220 government technicians, service providers and social workers. Each "
                "of them was asked to pass the knowledge on to colleagues: this course continues "
                "that cascade, and you are part of it.</p>"
            )),
            ("paragraph", (
                "<h2>Who is in a vulnerable situation?</h2>"
                "<p>Vulnerability is not a label attached to a nationality or a route. It comes "
                "from a combination of personal factors, circumstances and the absence of "
                "protection. The mechanism pays particular attention to:</p>"
                "<ul><li>unaccompanied or separated children;</li>"
                "<li>presumed victims of trafficking, forced labour or exploitation;</li>"
                "<li>survivors of physical, sexual or gender-based violence, including during "
                "detention;</li>"
                "<li>people with serious illness, injury, disability or acute psychological "
                "distress;</li>"
                "<li>pregnant women, older people and migrants stranded without resources.</li>"
                "</ul>"
                "<p>The same person may move in and out of vulnerability: a returnee who was safe "
                "on arrival may be at risk three months later if debts and family pressure "
                "accumulate.</p>"
            )),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>The mechanism is a <b>promise between services</b>: whoever meets a "
                    "migrant in danger knows what to do, and the person is helped without having "
                    "to find the right door alone.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Who do we already work with?",
                "duration_minutes": 30,
                "instructions": (
                    "<p>In groups of four or five from the same region, list every service you "
                    "referred a migrant to, or received one from, in the last year. For each, "
                    "note the contact person and how the referral was made (call, letter, "
                    "accompanying the person). Mark the links that worked well and the ones that "
                    "failed.</p>"
                ),
                "facilitator_notes": (
                    "<p>Keep the flip charts: they are the starting point of the pathway mapping "
                    "in module 3. Expect gaps around mental health and shelter for men; do not "
                    "solve them now, just make them visible. If a group has only one service "
                    "represented, mix it with a neighbouring region.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Ce qu'est le Mécanisme national de référencement",
        "introduction": (
            "Une carte commune de qui fait quoi, pour qu'aucun migrant en danger ne soit renvoyé "
            "d'un bureau à l'autre. Ce module présente l'origine du mécanisme et les personnes "
            "qu'il protège."
        ),
        "body": [
            ("paragraph", (
                "<h2>Un cadre pour de nombreux acteurs</h2>"
                "<p>Un migrant abandonné dans le désert, un adolescent qui voyage seul, une femme "
                "qui a échappé à un réseau de traite : chacun peut d'abord croiser un policier des "
                "frontières, une infirmière, un chef de quartier ou l'agent d'une ONG. Avant le "
                "mécanisme, la suite dépendait du hasard de cette rencontre. Certains étaient "
                "aidés rapidement ; d'autres racontaient cinq fois leur histoire et attendaient "
                "encore une prise en charge.</p>"
                "<p>Le Mécanisme national de référencement (MNR) des migrants en situation de "
                "grande vulnérabilité est un cadre opérationnel. Il indique à chaque acteur de "
                "terrain au Mali comment assister directement un migrant, ou vers qui l'orienter, "
                "et ce que chaque service s'engage à faire lorsqu'un cas lui parvient. Il ne crée "
                "pas de nouvelle institution : il relie les services existants et fixe des règles "
                "communes pour travailler ensemble.</p>"
            )),
            ("paragraph", (
                "<h2>Conçu et porté au Mali</h2>"
                "<p>Le mécanisme a été rédigé par plus de vingt partenaires gouvernementaux, "
                "intergouvernementaux et non gouvernementaux, puis validé en janvier 2021 par "
                "l'ensemble des acteurs de la protection des migrants, avec l'appui technique de "
                "l'OIM et un financement de l'Union européenne. Le Mali a été l'un des premiers "
                "pays de la sous-région à se doter d'un tel cadre.</p>"
                "<p>Un cadre ne vaut que s'il est appliqué. En 2022, huit ateliers de formation de "
                "formateurs l'ont porté à Bamako et dans sept régions administratives, auprès de "
                "plus de 220 techniciens de l'État, prestataires de services et travailleurs "
                "sociaux. Chacun s'est engagé à transmettre ces connaissances à ses collègues : "
                "cette formation prolonge la cascade, et vous en faites partie.</p>"
            )),
            ("paragraph", (
                "<h2>Qui est en situation de vulnérabilité ?</h2>"
                "<p>La vulnérabilité n'est pas une étiquette liée à une nationalité ou à un "
                "itinéraire. Elle naît d'une combinaison de facteurs personnels, de circonstances "
                "et d'un manque de protection. Le mécanisme accorde une attention particulière "
                "aux :</p>"
                "<ul><li>enfants non accompagnés ou séparés ;</li>"
                "<li>victimes présumées de traite, de travail forcé ou d'exploitation ;</li>"
                "<li>survivants de violences physiques, sexuelles ou basées sur le genre, y "
                "compris en détention ;</li>"
                "<li>personnes atteintes d'une maladie grave, blessées, en situation de handicap "
                "ou en détresse psychologique aiguë ;</li>"
                "<li>femmes enceintes, personnes âgées et migrants bloqués sans ressources.</li>"
                "</ul>"
                "<p>Une même personne peut entrer dans la vulnérabilité ou en sortir : un migrant "
                "de retour, en sécurité à son arrivée, peut être en danger trois mois plus tard si "
                "les dettes et la pression familiale s'accumulent.</p>"
            )),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Le mécanisme est un <b>engagement entre services</b> : quiconque rencontre "
                    "un migrant en danger sait quoi faire, et la personne est aidée sans avoir à "
                    "chercher seule la bonne porte.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Avec qui travaillons-nous déjà ?",
                "duration_minutes": 30,
                "instructions": (
                    "<p>Par groupes de quatre ou cinq personnes d'une même région, listez tous les "
                    "services vers lesquels vous avez orienté un migrant, ou dont vous en avez "
                    "reçu un, au cours de l'année écoulée. Pour chacun, notez la personne contact "
                    "et la manière dont l'orientation s'est faite (appel, courrier, "
                    "accompagnement). Signalez les liens qui ont bien fonctionné et ceux qui ont "
                    "échoué.</p>"
                ),
                "facilitator_notes": (
                    "<p>Conservez les tableaux de papier : ils serviront de point de départ à la "
                    "cartographie du circuit au module 3. Attendez-vous à des manques en santé "
                    "mentale et en hébergement pour les hommes ; ne cherchez pas à les combler "
                    "maintenant, rendez-les simplement visibles. Si un groupe ne représente qu'un "
                    "seul service, fusionnez-le avec une région voisine.</p>"
                ),
            }),
        ],
    },
}
