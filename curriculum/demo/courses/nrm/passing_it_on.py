"""NRM module 5: running a session for colleagues, the next step of the cascade."""

MODULE = {
    "slug": "passing-it-on",
    "duration_minutes": 120,
    "en": {
        "title": "Passing the mechanism on: your own session",
        "introduction": (
            "A referral mechanism only works if every frontline actor knows it. This module "
            "prepares you to run a half-day session for colleagues in your region and to report "
            "it so that it counts."
        ),
        "body": [
            ("paragraph", (
                "<h2>Why a cascade</h2>"
                "<p>The mechanism concerns thousands of people: nurses in district health "
                "centres, gendarmes at checkpoints, social development officers, transport "
                "unions, community relays. No central team can train them all. The 2022 "
                "workshops therefore trained more than 220 people in Bamako and seven regions "
                "as trainers, each expected to pass the mechanism on. You are now part of that "
                "chain: what you explain, and how, is what your colleagues will apply.</p>"
                "<h2>How adults learn</h2>"
                "<ul><li><b>Start from experience.</b> Your colleagues have all met migrants in "
                "difficulty. Ask what happened, then show how the mechanism would have "
                "helped.</li>"
                "<li><b>Practise more than you present.</b> Ten minutes of explanation, then an "
                "exercise: a case study, a pathway to draw, a role play.</li>"
                "<li><b>Use local examples</b> and the real contacts of your region, not "
                "examples from elsewhere.</li>"
                "<li><b>Say what you do not know.</b> Note the question and find the answer "
                "with your coordinator; never invent a service or a rule.</li></ul>"
            )),
            ("paragraph", (
                "<h2>Preparing and running the session</h2>"
                "<p>Invite a mix of services, since the mechanism is about links between them; "
                "twelve to twenty participants is a good size. Update the regional directory "
                "built in module 3 and print the referral form and the pathway diagram. The "
                "facilitator guide below proposes a four-hour plan that you can adapt. Keep to "
                "time: a session that overruns loses the participants who have to return to "
                "their posts.</p>"
                "<p>Protect confidentiality in training too. Examples must be invented or "
                "changed so that no real person can be recognised, and nobody should be asked "
                "to talk about their own experiences of violence.</p>"
                "<h2>Recording and reporting</h2>"
                "<p>Have every participant sign the attendance list, run the short pre- and "
                "post-test, and collect the evaluation forms. Send them to your coordinator "
                "within a week. These records are how the cascade is counted: they show which "
                "regions and services the mechanism has reached, and where another session is "
                "needed.</p>"
            )),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>A good session is <b>short on slides and long on practice</b>, uses "
                    "<b>your region's real contacts</b>, and ends with an attendance list sent to "
                    "the coordinator.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Micro-teaching",
                "duration_minutes": 60,
                "instructions": (
                    "<p>In groups of four, each person prepares and delivers a 10-minute "
                    "segment of the regional session (for example the principles, or one step of "
                    "the pathway) to the others, who act as participants. After each segment, "
                    "the group gives feedback: one thing that worked, one thing to change.</p>"
                ),
                "facilitator_notes": (
                    "<p>Time the segments strictly and stop speakers at 10 minutes: running "
                    "over is the most common problem in real sessions. Steer feedback towards "
                    "behaviour (\"you asked a question before explaining\") rather than "
                    "personality. Note participants who seem unready to train alone and suggest "
                    "to the coordinator that they co-facilitate their first session.</p>"
                ),
            }),
            ("download", {
                "document": "facilitator_guide",
                "title": "Facilitator guide for a regional session",
                "kind": "facilitator_guide",
            }),
        ],
    },
    "fr": {
        "title": "Démultiplier le mécanisme : votre propre séance",
        "introduction": (
            "Un mécanisme de référencement ne fonctionne que si chaque acteur de terrain le "
            "connaît. Ce module vous prépare à animer une demi-journée pour les collègues de "
            "votre région et à en rendre compte pour qu'elle soit comptabilisée."
        ),
        "body": [
            ("paragraph", (
                "<h2>Pourquoi une cascade</h2>"
                "<p>Le mécanisme concerne des milliers de personnes : infirmiers des centres de "
                "santé de cercle, gendarmes aux postes de contrôle, agents du développement "
                "social, syndicats de transporteurs, relais communautaires. Aucune équipe "
                "centrale ne peut tous les former. Les ateliers de 2022 ont donc formé plus de "
                "220 personnes à Bamako et dans sept régions en tant que formateurs, chacune "
                "devant transmettre le mécanisme à son tour. Vous faites désormais partie de "
                "cette chaîne : ce que vous expliquerez, et la manière de le faire, est ce que "
                "vos collègues appliqueront.</p>"
                "<h2>Comment apprennent les adultes</h2>"
                "<ul><li><b>Partir de l'expérience.</b> Vos collègues ont tous rencontré des "
                "migrants en difficulté. Demandez-leur ce qui s'est passé, puis montrez en quoi "
                "le mécanisme aurait aidé.</li>"
                "<li><b>Faire pratiquer plus que présenter.</b> Dix minutes d'explication, puis "
                "un exercice : étude de cas, circuit à dessiner, jeu de rôle.</li>"
                "<li><b>Prendre des exemples locaux</b> et les vrais contacts de votre région, "
                "pas des exemples venus d'ailleurs.</li>"
                "<li><b>Dire ce que l'on ne sait pas.</b> Notez la question et cherchez la "
                "réponse avec votre coordinateur ; n'inventez jamais un service ou une "
                "règle.</li></ul>"
            )),
            ("paragraph", (
                "<h2>Préparer et animer la séance</h2>"
                "<p>Invitez des services variés, puisque le mécanisme repose sur les liens "
                "entre eux ; douze à vingt participants est une bonne taille. Mettez à jour "
                "l'annuaire régional construit au module 3 et imprimez la fiche de "
                "référencement et le schéma du circuit. Le guide de l'animateur ci-dessous "
                "propose un déroulé de quatre heures à adapter. Tenez les horaires : une séance "
                "qui déborde perd les participants qui doivent regagner leur poste.</p>"
                "<p>Protégez la confidentialité pendant la formation aussi. Les exemples doivent "
                "être inventés ou modifiés pour qu'aucune personne réelle ne soit "
                "reconnaissable, et personne ne doit être invité à parler des violences qu'il "
                "aurait lui-même subies.</p>"
                "<h2>Consigner et rendre compte</h2>"
                "<p>Faites signer la liste de présence à chaque participant, faites passer le "
                "court pré-test et post-test, et recueillez les fiches d'évaluation. "
                "Transmettez-les à votre coordinateur dans la semaine. Ces documents permettent "
                "de compter la cascade : ils montrent quelles régions et quels services le "
                "mécanisme a atteints, et où une nouvelle séance est nécessaire.</p>"
            )),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Une bonne séance est <b>courte en diapositives et longue en pratique</b>, "
                    "s'appuie sur <b>les vrais contacts de votre région</b> et se termine par une "
                    "liste de présence envoyée au coordinateur.</p>"
                ),
            }),
            ("group_activity", {
                "title": "Micro-enseignement",
                "duration_minutes": 60,
                "instructions": (
                    "<p>Par groupes de quatre, chacun prépare et anime devant les autres, qui "
                    "jouent les participants, une séquence de 10 minutes de la séance régionale "
                    "(par exemple les principes, ou une étape du circuit). Après chaque "
                    "séquence, le groupe fait un retour : une chose qui a fonctionné, une chose à "
                    "changer.</p>"
                ),
                "facilitator_notes": (
                    "<p>Chronométrez strictement et arrêtez l'orateur à 10 minutes : le "
                    "dépassement est le problème le plus fréquent dans les vraies séances. "
                    "Orientez les retours vers les comportements (« tu as posé une question avant "
                    "d'expliquer ») plutôt que vers la personne. Repérez les participants qui ne "
                    "semblent pas prêts à former seuls et proposez au coordinateur qu'ils "
                    "co-animent leur première séance.</p>"
                ),
            }),
            ("download", {
                "document": "facilitator_guide",
                "title": "Guide de l'animateur pour une séance régionale",
                "kind": "facilitator_guide",
            }),
        ],
    },
}
