"""Psychosocial module 5: supporting children and adolescents who return."""

MODULE = {
    "slug": "children-and-adolescents",
    "duration_minutes": 120,
    "en": {
        "title": "Supporting children and adolescents who return",
        "introduction": (
            "Many returnees left as teenagers, and some come back as children travelling alone. "
            "This module adapts psychosocial support to their age and to their families."
        ),
        "body": [
            ("paragraph", (
                "<h2>How distress shows in children</h2>"
                "<p>Children and adolescents react to hardship in ways that depend on their age. "
                "Younger children may cling to adults, wet the bed again, stop playing or "
                "re-enact frightening events in their games. Adolescents may become withdrawn, "
                "aggressive or reckless, refuse school, or take on adult roles too early. Many "
                "hide their distress to avoid worrying their parents. As with adults, most of "
                "these reactions ease when the child feels safe, has a routine and is "
                "surrounded by caring adults.</p>"
                "<h2>Talking with a child</h2>"
                "<ul><li>Sit at the child's level, use simple words, and explain who you are and "
                "what will happen next.</li>"
                "<li>Let the child choose whether to talk, draw or play; do not question them "
                "about what happened on the route.</li>"
                "<li>Tell the truth in a way they can understand; never promise what you cannot "
                "guarantee, such as \"you will see your mother tomorrow\".</li>"
                "<li>Involve a trusted adult, unless that adult may be the source of harm.</li>"
                "</ul>"
            )),
            ("paragraph", (
                "<h2>Unaccompanied and separated children</h2>"
                "<p>A child who returns alone is first a child in need of protection. Refer them "
                "at once to the social development services responsible for child protection, "
                "who will arrange safe interim care and assess the family situation before any "
                "reunification. Family tracing takes time; during that time the child needs "
                "stable care, activities and someone who explains each step. The best interest "
                "of the child guides every decision, and the child's own opinion is heard.</p>"
                "<h2>Working with families and schools</h2>"
                "<p>Parents often feel guilt, anger or shame, especially if the family paid for "
                "the journey. Help them understand their child's reactions, and support them too: "
                "a calm parent is the best protection for a child. Returning to school or "
                "starting an apprenticeship restores routine and peers. Sport, art and group "
                "activities open to all local young people help returnees fit back in without "
                "being singled out.</p>"
            )),
            ("case_study", {
                "title": "Oumar, 15, returns alone to Kayes",
                "situation": (
                    "<p>Oumar, 15, is among a group of returnees arriving in Kayes. He says his "
                    "parents live in a village two hours away but that he cannot go home because "
                    "his father \"will be ashamed\". He does not sleep at the transit centre, "
                    "refuses to join activities and asks the staff for work so that he can "
                    "leave again.</p>"
                ),
                "questions": [
                    "Who must be informed immediately, and why?",
                    "How would you talk to Oumar about his family without promising anything?",
                    "What could make the transit centre feel safer for him in the coming days?",
                ],
            }),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>A child who returns alone is <b>referred to child protection at once</b>; "
                    "reunification follows only when it is safe and in the child's best "
                    "interest.</p>"
                ),
            }),
            ("group_activity", {
                "title": "A safe corner for children",
                "duration_minutes": 40,
                "instructions": (
                    "<p>In groups, plan a child-friendly space in a transit centre or a "
                    "community hall: where it is, who supervises it, a daily timetable of "
                    "activities for two age groups, and how staff spot a child who needs "
                    "individual support. Present your plan in five minutes.</p>"
                ),
                "facilitator_notes": (
                    "<p>Check that every plan includes supervision by at least two vetted adults "
                    "and a way for children to raise concerns safely; groups often forget "
                    "safeguarding. Ask who is trained in child protection in each participant's "
                    "service, and note the gaps for the coordinators.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Accompagner les enfants et les adolescents de retour",
        "introduction": (
            "Beaucoup de migrants de retour sont partis adolescents, et certains reviennent "
            "enfants, seuls. Ce module adapte le soutien psychosocial à leur âge et à leur "
            "famille."
        ),
        "body": [
            ("paragraph", (
                "<h2>Comment la détresse se manifeste chez l'enfant</h2>"
                "<p>Les enfants et les adolescents réagissent à l'épreuve selon leur âge. Les plus "
                "jeunes peuvent s'accrocher aux adultes, se remettre à mouiller leur lit, cesser "
                "de jouer ou rejouer dans leurs jeux des scènes effrayantes. Les adolescents "
                "peuvent se replier sur eux-mêmes, devenir agressifs ou prendre des risques, "
                "refuser l'école, ou endosser trop tôt des rôles d'adulte. Beaucoup cachent leur "
                "détresse pour ne pas inquiéter leurs parents. Comme chez l'adulte, la plupart de "
                "ces réactions s'apaisent lorsque l'enfant se sent en sécurité, retrouve une "
                "routine et est entouré d'adultes bienveillants.</p>"
                "<h2>Parler avec un enfant</h2>"
                "<ul><li>Mettez-vous à sa hauteur, employez des mots simples, expliquez qui vous "
                "êtes et ce qui va se passer.</li>"
                "<li>Laissez l'enfant choisir de parler, de dessiner ou de jouer ; ne "
                "l'interrogez pas sur ce qui s'est passé en route.</li>"
                "<li>Dites la vérité d'une façon qu'il peut comprendre ; ne promettez jamais ce "
                "que vous ne pouvez pas garantir, comme « tu verras ta maman demain ».</li>"
                "<li>Associez un adulte de confiance, sauf si cet adulte risque d'être à "
                "l'origine du danger.</li></ul>"
            )),
            ("paragraph", (
                "<h2>Les enfants non accompagnés ou séparés</h2>"
                "<p>Un enfant qui rentre seul est d'abord un enfant à protéger. Orientez-le sans "
                "délai vers les services du développement social chargés de la protection de "
                "l'enfance, qui organiseront une prise en charge temporaire sûre et évalueront "
                "la situation familiale avant toute réunification. La recherche familiale prend "
                "du temps ; pendant ce temps, l'enfant a besoin d'une prise en charge stable, "
                "d'activités et de quelqu'un qui lui explique chaque étape. L'intérêt supérieur "
                "de l'enfant guide chaque décision, et son avis est entendu.</p>"
                "<h2>Travailler avec les familles et l'école</h2>"
                "<p>Les parents éprouvent souvent culpabilité, colère ou honte, surtout si la "
                "famille a payé le voyage. Aidez-les à comprendre les réactions de leur enfant, "
                "et soutenez-les aussi : un parent apaisé est la meilleure protection d'un "
                "enfant. Le retour à l'école ou l'entrée en apprentissage rend une routine et "
                "des camarades. Le sport, l'art et les activités de groupe ouverts à tous les "
                "jeunes du quartier aident les enfants de retour à retrouver leur place sans "
                "être montrés du doigt.</p>"
            )),
            ("case_study", {
                "title": "Oumar, 15 ans, rentre seul à Kayes",
                "situation": (
                    "<p>Oumar, 15 ans, fait partie d'un groupe de migrants de retour arrivé à "
                    "Kayes. Il dit que ses parents vivent dans un village à deux heures de route, "
                    "mais qu'il ne peut pas rentrer parce que son père « aura honte ». Il ne dort "
                    "pas au centre de transit, refuse de participer aux activités et demande du "
                    "travail au personnel pour pouvoir repartir.</p>"
                ),
                "questions": [
                    "Qui faut-il informer immédiatement, et pourquoi ?",
                    "Comment parler à Oumar de sa famille sans rien lui promettre ?",
                    "Qu'est-ce qui pourrait rendre le centre de transit plus rassurant pour lui "
                    "dans les prochains jours ?",
                ],
            }),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Un enfant qui rentre seul est <b>orienté sans délai vers la protection "
                    "de l'enfance</b> ; la réunification n'intervient que si elle est sûre et "
                    "conforme à son intérêt supérieur.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Un espace sûr pour les enfants",
                "duration_minutes": 40,
                "instructions": (
                    "<p>En groupes, concevez un espace adapté aux enfants dans un centre de "
                    "transit ou une salle communautaire : son emplacement, qui l'encadre, un "
                    "programme quotidien d'activités pour deux tranches d'âge, et la manière dont "
                    "le personnel repère un enfant qui a besoin d'un soutien individuel. "
                    "Présentez votre projet en cinq minutes.</p>"
                ),
                "facilitator_notes": (
                    "<p>Vérifiez que chaque projet prévoit l'encadrement par au moins deux adultes "
                    "dont le profil a été vérifié, et un moyen sûr pour les enfants de signaler un "
                    "problème ; les groupes oublient souvent la protection. Demandez qui est formé "
                    "à la protection de l'enfance dans le service de chaque participant, et notez "
                    "les manques pour les coordinateurs.</p>"
                ),
            }),
        ],
    },
}
