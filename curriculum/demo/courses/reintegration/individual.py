"""Reintegration module 2: individual support, from the first interview to follow-up visits."""

MODULE = {
    "slug": "individual-support",
    "duration_minutes": 180,
    "en": {
        "title": "Individual support: skills, training, certification and follow-up",
        "introduction": (
            "Matching a returnee's real skills and wishes with real opportunities: interviews, "
            "vocational training, skills certification, starter kits and the visits that follow."
        ),
        "body": [
            ("paragraph", (
                "<h2>Start from the person, not from the kit</h2>"
                "<p>Many returnees left as teenagers and spent years abroad. Back home, they "
                "often know little about local opportunities or about which of their skills are "
                "in demand. Some ask for the same equipment as a friend without knowing how to "
                "use it; others say they master a trade because they fear that admitting a gap "
                "will cost them the assistance. Both lead to lost resources and abandoned "
                "projects.</p>"
                "<p>Individual support therefore starts with two or three interviews, not one: "
                "what the person did before leaving and during the journey, what they enjoy, "
                "what their household needs, and what they would like to be doing in two years. "
                "The interviews are recorded in an individual reintegration plan that the person "
                "keeps a copy of.</p>"
                "<h2>Check skills, then train or certify</h2>"
                "<p>In Mali, IOM mapped vocational training centres in Bamako and Kayes, the main "
                "areas of return, visited them to check equipment and teachers, and contracted "
                "twelve centres in Bamako. A returnee who says they can practise a trade is "
                "assessed by certified trainers at a matching centre: if the skills are there, "
                "they receive a certificate; if not, they are offered training, with the "
                "equipment provided once the course is passed. Those who want to run their own "
                "business also follow a short course in business management.</p>"
                "<p>More than 1,200 returnees completed such training, in business management, "
                "tailoring, construction trades, livestock fattening and poultry, driving and "
                "transport. Drop-outs from the reintegration process fell markedly once skills "
                "were checked before equipment was handed over.</p>"
            )),
            ("paragraph", (
                "<h2>Remove what stops people from training</h2>"
                "<p>Training pays off in the long run but costs income today. A monthly "
                "allowance slightly above the legal minimum wage lets trainees attend without "
                "going hungry. Women with young children are often excluded unless childcare is "
                "arranged: paying a nearby day-care centre during the course is a small cost "
                "with a large effect. Starter kits are designed with the trainers from the "
                "minimum needs of each trade, then reviewed by returnees' representatives so "
                "that they match what people actually use.</p>"
                "<h2>Follow-up visits</h2>"
                "<p>Once the activity starts, the officer visits at one, three and six months. "
                "The visit checks whether the activity is running and profitable, whether the "
                "equipment is still in use, and how the person is coping. It is also the moment "
                "to offer additional support or a referral. A visit that only ticks boxes is "
                "wasted: sit down, look at the accounts together, ask about the family. Module 5 "
                "shows how to use what the visits reveal.</p>"
            )),
            ("download", {
                "document": "plan",
                "title": "Individual reintegration plan",
                "kind": "form",
            }),
            ("group_activity", {
                "title": "From interview to plan",
                "duration_minutes": 45,
                "instructions": (
                    "<p>In pairs, one person plays a returnee using a profile card, the other "
                    "conducts a 15-minute interview and drafts the first page of the individual "
                    "reintegration plan. Swap roles with a second card. Then discuss: what did "
                    "you learn in the interview that the profile card did not say?</p>"
                ),
                "facilitator_notes": (
                    "<p>Prepare six profile cards in advance, including one returnee who "
                    "overstates his welding skills, one mother of three who cannot attend a "
                    "course without childcare, and one young man whose family expects him to "
                    "repay a debt quickly. Listen for interviewers who jump to the kit in the "
                    "first five minutes: use their example, anonymously, in the debrief.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "L'accompagnement individuel : compétences, formation, certification et suivi",
        "introduction": (
            "Faire correspondre les compétences et les souhaits réels d'une personne de retour "
            "avec des opportunités réelles : entretiens, formation professionnelle, certification "
            "des compétences, kits d'installation et visites de suivi."
        ),
        "body": [
            ("paragraph", (
                "<h2>Partir de la personne, pas du kit</h2>"
                "<p>Beaucoup de migrants de retour sont partis adolescents et ont passé des "
                "années à l'étranger. De retour, ils connaissent mal les opportunités locales et "
                "ignorent lesquelles de leurs compétences sont recherchées. Certains demandent le "
                "même matériel qu'un ami sans savoir s'en servir ; d'autres affirment maîtriser "
                "un métier de peur qu'avouer une lacune ne leur fasse perdre l'aide. Dans les "
                "deux cas, les ressources sont perdues et les projets abandonnés.</p>"
                "<p>L'accompagnement individuel commence donc par deux ou trois entretiens, et "
                "non un seul : ce que la personne faisait avant de partir et pendant le voyage, "
                "ce qu'elle aime faire, les besoins de son ménage, et ce qu'elle aimerait faire "
                "dans deux ans. Les entretiens sont consignés dans un plan de réintégration "
                "individuel dont la personne garde une copie.</p>"
                "<h2>Vérifier les compétences, puis former ou certifier</h2>"
                "<p>Au Mali, l'OIM a recensé les centres de formation professionnelle de Bamako "
                "et de Kayes, principales zones de retour, les a visités pour vérifier leurs "
                "équipements et leurs formateurs, et a conventionné douze centres à Bamako. Une "
                "personne qui dit savoir exercer un métier passe une évaluation devant des "
                "formateurs certifiés d'un centre adapté : si les compétences sont là, elle "
                "obtient une certification ; sinon, on lui propose une formation, le matériel "
                "étant remis une fois la formation réussie. Ceux qui veulent créer leur propre "
                "activité suivent aussi une courte formation en gestion.</p>"
                "<p>Plus de 1 200 migrants de retour ont suivi ces formations : gestion "
                "d'entreprise, couture, métiers du bâtiment, embouche bovine et ovine, "
                "aviculture, conduite et transport. Les abandons en cours de réintégration ont "
                "nettement diminué dès lors que les compétences étaient vérifiées avant la remise "
                "du matériel.</p>"
            )),
            ("paragraph", (
                "<h2>Lever les obstacles à la formation</h2>"
                "<p>La formation paie à long terme, mais elle coûte un revenu aujourd'hui. Une "
                "allocation mensuelle légèrement supérieure au salaire minimum légal permet aux "
                "stagiaires de suivre les cours sans avoir faim. Les femmes qui ont de jeunes "
                "enfants sont souvent exclues si rien n'est prévu pour la garde : prendre en "
                "charge une garderie proche pendant la formation coûte peu et change beaucoup. "
                "Les kits d'installation sont définis avec les formateurs à partir des besoins "
                "minimaux de chaque métier, puis revus par des représentants des migrants de "
                "retour pour coller à ce que les gens utilisent vraiment.</p>"
                "<h2>Les visites de suivi</h2>"
                "<p>Une fois l'activité lancée, l'agent se rend sur place à un, trois et six "
                "mois. La visite vérifie que l'activité tourne et qu'elle est rentable, que le "
                "matériel est toujours utilisé, et comment la personne fait face. C'est aussi le "
                "moment de proposer un appui complémentaire ou une orientation. Une visite qui se "
                "contente de cocher des cases est perdue : asseyez-vous, regardez les comptes "
                "ensemble, prenez des nouvelles de la famille. Le module 5 montre comment "
                "exploiter ce que révèlent les visites.</p>"
            )),
            ("download", {
                "document": "plan",
                "title": "Plan de réintégration individuel",
                "kind": "form",
            }),
            ("group_activity", {
                "title": "De l'entretien au plan",
                "duration_minutes": 45,
                "instructions": (
                    "<p>Par deux : l'un joue une personne de retour à partir d'une fiche de "
                    "profil, l'autre mène un entretien de 15 minutes et rédige la première page "
                    "du plan de réintégration individuel. Inversez les rôles avec une deuxième "
                    "fiche. Discutez ensuite : qu'avez-vous appris pendant l'entretien que la "
                    "fiche ne disait pas ?</p>"
                ),
                "facilitator_notes": (
                    "<p>Préparez six fiches de profil à l'avance, dont un homme qui surestime ses "
                    "compétences en soudure, une mère de trois enfants qui ne peut pas suivre de "
                    "formation sans garde d'enfants, et un jeune homme dont la famille attend "
                    "qu'il rembourse vite une dette. Repérez les intervieweurs qui parlent du kit "
                    "dans les cinq premières minutes : servez-vous de leur exemple, de façon "
                    "anonyme, au débriefing.</p>"
                ),
            }),
        ],
    },
}
