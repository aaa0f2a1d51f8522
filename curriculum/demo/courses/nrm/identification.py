"""NRM module 3: identification and the referral pathway, step by step."""

MODULE = {
    "slug": "identification-and-referral",
    "duration_minutes": 150,
    "en": {
        "title": "Identification and the referral pathway",
        "introduction": (
            "From the first conversation to the moment another service confirms it has taken the "
            "case on: six steps, and what each actor does at each of them."
        ),
        "body": [
            ("paragraph", (
                "<h2>Identification happens everywhere</h2>"
                "<p>Most migrants in danger do not present themselves as victims. They ask for "
                "water, a phone charge, a bus ticket or a medical consultation. Identification is "
                "therefore the job of everyone who meets migrants: transport unions, health "
                "workers, police and gendarmes, community relays, religious leaders and NGO "
                "teams. You do not need to prove anything to refer someone; you need to notice "
                "signs and ask a few careful questions.</p>"
                "<p>Useful signs include: someone who does not hold their own documents; a child "
                "who travels with adults who are not relatives; injuries the person avoids "
                "explaining; debts owed to a travel organiser; fear of a specific person; "
                "confusion, extreme fatigue or silence that does not lift. None proves anything "
                "on its own; together they justify a private conversation.</p>"
            )),
            ("figure", {
                "image": "pathway",
                "alt_text": (
                    "Flowchart of six boxes joined by downward arrows: identification and first "
                    "contact; immediate safety and basic needs; informed consent and initial "
                    "assessment; referral to the lead service; case management and follow-up; "
                    "case closure."
                ),
                "caption": "The six steps of the referral pathway, from first contact to closure.",
            }),
            ("paragraph", (
                "<h2>The six steps</h2>"
                "<ol><li><b>Identification and first contact.</b> Introduce yourself and your "
                "service, find a private place, speak the person's language.</li>"
                "<li><b>Immediate safety and basic needs.</b> Urgent medical care, water, food, a "
                "safe place to sleep come before any interview.</li>"
                "<li><b>Informed consent and initial assessment.</b> Explain the options and "
                "collect only the information needed to choose the right service.</li>"
                "<li><b>Referral.</b> Call the focal point of the lead service, send the referral "
                "form, and accompany the person when the distance or the risk requires it.</li>"
                "<li><b>Case management and follow-up.</b> One service leads, the others "
                "contribute; the person knows whom to call.</li>"
                "<li><b>Closure.</b> The case closes when the goals agreed with the person are "
                "reached, or when they leave the service's responsibility, with a handover.</li>"
                "</ol><p>A referral is only complete when the receiving service confirms it has "
                "taken the case on. Until then, the referring service remains responsible.</p>"
            )),
            ("download", {
                "document": "referral_form",
                "title": "Referral form template",
                "kind": "form",
            }),
            ("group_activity", {
                "title": "Mapping the pathway in our region",
                "duration_minutes": 45,
                "instructions": (
                    "<p>Using the lists from module 1, draw your region's pathway on a flip "
                    "chart: for each of the six steps, write the service that acts, its focal "
                    "point and a telephone number that answers at night and at weekends. Then "
                    "follow one imaginary case (an unaccompanied 15-year-old boy found at the bus "
                    "station) through your map.</p>"
                ),
                "facilitator_notes": (
                    "<p>Walk between groups and ask: who acts on a Sunday night? Who pays for "
                    "transport to the hospital? Most maps break at those two points. Photograph "
                    "each map and send it to the regional coordinator after the workshop: it "
                    "becomes the region's working directory. Remind groups not to write names of "
                    "real beneficiaries.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "L'identification et le circuit de référencement",
        "introduction": (
            "De la première conversation au moment où un autre service confirme la prise en "
            "charge : six étapes, et ce que fait chaque acteur à chacune d'elles."
        ),
        "body": [
            ("paragraph", (
                "<h2>L'identification se fait partout</h2>"
                "<p>La plupart des migrants en danger ne se présentent pas comme des victimes. "
                "Ils demandent de l'eau, de quoi recharger un téléphone, un ticket de car ou une "
                "consultation. L'identification est donc l'affaire de tous ceux qui rencontrent "
                "des migrants : syndicats de transporteurs, agents de santé, policiers et "
                "gendarmes, relais communautaires, responsables religieux et équipes des ONG. Il "
                "n'est pas nécessaire de prouver quoi que ce soit pour orienter quelqu'un : il "
                "suffit de remarquer des signes et de poser quelques questions avec tact.</p>"
                "<p>Parmi les signes utiles : une personne qui ne détient pas ses propres "
                "papiers ; un enfant qui voyage avec des adultes qui ne sont pas de sa famille ; "
                "des blessures que la personne évite d'expliquer ; une dette envers un "
                "organisateur de voyage ; la peur d'une personne précise ; une confusion, une "
                "fatigue extrême ou un mutisme qui ne se dissipe pas. Aucun ne prouve rien à lui "
                "seul ; ensemble, ils justifient un entretien en privé.</p>"
            )),
            ("figure", {
                "image": "pathway",
                "alt_text": (
                    "Organigramme de six cases reliées par des flèches vers le bas : "
                    "identification et premier contact ; mise en sécurité et besoins essentiels ; "
                    "consentement éclairé et évaluation initiale ; référencement vers le service "
                    "chef de file ; gestion de cas et suivi ; clôture du dossier."
                ),
                "caption": "Les six étapes du circuit de référencement, du premier contact à la "
                           "clôture.",
            }),
            ("paragraph", (
                "<h2>Les six étapes</h2>"
                "<ol><li><b>Identification et premier contact.</b> Présentez-vous ainsi que votre "
                "service, trouvez un endroit à l'écart, parlez la langue de la personne.</li>"
                "<li><b>Mise en sécurité et besoins essentiels.</b> Soins urgents, eau, nourriture "
                "et un endroit sûr pour dormir passent avant tout entretien.</li>"
                "<li><b>Consentement éclairé et évaluation initiale.</b> Expliquez les options et "
                "ne recueillez que les informations nécessaires pour choisir le bon service.</li>"
                "<li><b>Référencement.</b> Appelez le point focal du service chef de file, "
                "envoyez la fiche de référencement et accompagnez la personne si la distance ou "
                "le risque l'exige.</li>"
                "<li><b>Gestion de cas et suivi.</b> Un service pilote, les autres contribuent ; "
                "la personne sait qui appeler.</li>"
                "<li><b>Clôture.</b> Le dossier est clos lorsque les objectifs convenus avec la "
                "personne sont atteints, ou lorsqu'elle ne relève plus du service, avec une "
                "passation.</li></ol>"
                "<p>Un référencement n'est achevé que lorsque le service destinataire confirme la "
                "prise en charge. D'ici là, le service qui a référé reste responsable.</p>"
            )),
            ("download", {
                "document": "referral_form",
                "title": "Modèle de fiche de référencement",
                "kind": "form",
            }),
            ("group_activity", {
                "title": "Cartographier le circuit de notre région",
                "duration_minutes": 45,
                "instructions": (
                    "<p>À partir des listes du module 1, dessinez le circuit de votre région sur "
                    "un tableau de papier : pour chacune des six étapes, indiquez le service qui "
                    "intervient, son point focal et un numéro qui répond la nuit et le week-end. "
                    "Suivez ensuite un cas fictif (un garçon de 15 ans non accompagné, trouvé à la "
                    "gare routière) sur votre carte.</p>"
                ),
                "facilitator_notes": (
                    "<p>Passez entre les groupes et demandez : qui intervient un dimanche soir ? "
                    "Qui paie le transport jusqu'à l'hôpital ? La plupart des cartes cassent à ces "
                    "deux endroits. Photographiez chaque carte et envoyez-la au coordinateur "
                    "régional après l'atelier : elle devient l'annuaire de travail de la région. "
                    "Rappelez aux groupes de ne jamais écrire le nom de bénéficiaires réels.</p>"
                ),
            }),
        ],
    },
}
