"""Psychosocial module 4: looking after the helpers."""

MODULE = {
    "slug": "self-care-for-helpers",
    "duration_minutes": 120,
    "en": {
        "title": "Self-care for helpers",
        "introduction": (
            "Listening to painful stories every day leaves marks. This module helps you notice "
            "stress in yourself and your team, and build habits that keep you able to help."
        ),
        "body": [
            ("paragraph", (
                "<h2>The cost of caring</h2>"
                "<p>Helpers in transit centres and return areas hear accounts of violence, "
                "detention and loss, often with too few resources to respond to every need. "
                "Over time this can lead to <b>stress</b> (tiredness, irritability, poor sleep), "
                "<b>secondary traumatic stress</b> (images from other people's stories that "
                "intrude into your own thoughts) and <b>burnout</b> (exhaustion, cynicism, the "
                "feeling that nothing you do makes a difference). These are not signs of "
                "weakness; they are occupational risks, like back pain for a porter.</p>"
                "<p>Warning signs to watch for in yourself and in colleagues: working longer and "
                "longer hours, avoiding certain cases, losing patience with beneficiaries, "
                "drinking more, withdrawing from family, feeling numb.</p>"
                "<h2>What helps</h2>"
                "<ul><li><b>Basics</b>: sleep, meals, breaks during the day, and days off that "
                "are really off.</li>"
                "<li><b>Boundaries</b>: do not give your personal number to beneficiaries; agree "
                "with your team who answers out of hours.</li>"
                "<li><b>Talking</b>: regular supervision and peer support, where you can say "
                "that a case affected you without being judged. Never share identifying details "
                "outside the team.</li>"
                "<li><b>Meaning</b>: notice what went well; keep a record of people you "
                "helped.</li>"
                "<li><b>Organisations</b> have duties too: reasonable caseloads, supervision, "
                "and access to psychological support for staff.</li></ul>"
            )),
            ("video", {
                "video": "https://www.youtube.com/watch?v=XiCrniLQGYc",
                "title": "I had a black dog, his name was depression (WHO)",
                "transcript": (
                    "A short animated film from the World Health Organization in which a man "
                    "describes depression as a black dog that follows him everywhere: it steals "
                    "his sleep, appetite and concentration and makes him hide the problem from "
                    "others. With professional help, honest talk with people close to him and "
                    "daily habits such as exercise, he learns to keep the dog on a lead. Use it "
                    "to open a discussion on how distress shows in helpers too."
                ),
            }),
            ("group_activity", {
                "title": "My self-care plan",
                "duration_minutes": 30,
                "instructions": (
                    "<p>On your own for 10 minutes, write three warning signs that tell you that "
                    "you are overloaded, three things that help you recover, and one person you "
                    "can talk to. Then, in your regional team, agree two team practices (for "
                    "example a weekly case discussion, or a rota for out-of-hours calls).</p>"
                ),
                "facilitator_notes": (
                    "<p>Personal plans stay private: do not collect them. Some participants may "
                    "realise during this session that they are not well; give the contact of a "
                    "psychologist or counsellor available to staff, and check in discreetly with "
                    "anyone who seemed affected. End the workshop on the team commitments, which "
                    "can be shared with the coordinators.</p>"
                ),
            }),
            ("download", {
                "document": "reading",
                "title": "Further reading on psychosocial support",
                "kind": "reading",
            }),
        ],
    },
    "fr": {
        "title": "Prendre soin de soi quand on aide les autres",
        "introduction": (
            "Écouter chaque jour des récits douloureux laisse des traces. Ce module vous aide à "
            "repérer le stress chez vous et dans votre équipe, et à prendre des habitudes qui vous "
            "permettent de continuer à aider."
        ),
        "body": [
            ("paragraph", (
                "<h2>Le prix de l'engagement</h2>"
                "<p>Les intervenants des centres de transit et des zones de retour entendent des "
                "récits de violence, de détention et de perte, souvent avec trop peu de moyens "
                "pour répondre à tous les besoins. À la longue, cela peut entraîner du "
                "<b>stress</b> (fatigue, irritabilité, mauvais sommeil), un <b>stress "
                "traumatique secondaire</b> (des images tirées des récits d'autrui qui "
                "s'imposent à vos propres pensées) et l'<b>épuisement professionnel</b> "
                "(fatigue extrême, cynisme, sentiment que rien de ce que vous faites ne compte). "
                "Ce ne sont pas des signes de faiblesse, mais des risques du métier, comme le mal "
                "de dos pour un porteur.</p>"
                "<p>Signes d'alerte à surveiller chez soi et chez ses collègues : des journées "
                "de plus en plus longues, l'évitement de certains dossiers, l'impatience envers "
                "les bénéficiaires, une consommation d'alcool en hausse, le repli sur soi en "
                "famille, une sensation d'engourdissement.</p>"
                "<h2>Ce qui aide</h2>"
                "<ul><li><b>L'essentiel</b> : sommeil, repas, pauses dans la journée, et des "
                "jours de repos vraiment libres.</li>"
                "<li><b>Des limites</b> : ne donnez pas votre numéro personnel aux "
                "bénéficiaires ; convenez avec l'équipe de qui répond en dehors des heures.</li>"
                "<li><b>La parole</b> : une supervision régulière et le soutien entre pairs, où "
                "l'on peut dire qu'un cas nous a touché sans être jugé. Ne partagez jamais de "
                "détails permettant d'identifier quelqu'un hors de l'équipe.</li>"
                "<li><b>Le sens</b> : remarquez ce qui a bien marché ; gardez une trace des "
                "personnes que vous avez aidées.</li>"
                "<li><b>Les organisations</b> ont aussi des devoirs : une charge de travail "
                "raisonnable, de la supervision et l'accès à un soutien psychologique pour le "
                "personnel.</li></ul>"
            )),
            ("video", {
                "video": "https://www.youtube.com/watch?v=XiCrniLQGYc",
                "title": "« J'avais un chien noir, il s'appelait dépression » (OMS, en anglais)",
                "transcript": (
                    "Un court film d'animation de l'Organisation mondiale de la Santé dans "
                    "lequel un homme décrit la dépression comme un chien noir qui le suit "
                    "partout : il lui vole le sommeil, l'appétit et la concentration, et le "
                    "pousse à cacher son mal aux autres. Grâce à une aide professionnelle, à des "
                    "échanges sincères avec ses proches et à des habitudes quotidiennes comme "
                    "l'exercice physique, il apprend à tenir le chien en laisse. À utiliser pour "
                    "ouvrir une discussion sur la façon dont la détresse touche aussi les "
                    "aidants."
                ),
            }),
            ("group_activity", {
                "title": "Mon plan pour prendre soin de moi",
                "duration_minutes": 30,
                "instructions": (
                    "<p>Seul pendant 10 minutes, notez trois signes qui vous indiquent que vous "
                    "êtes surchargé, trois choses qui vous aident à récupérer, et une personne à "
                    "qui vous pouvez parler. Puis, avec votre équipe régionale, convenez de deux "
                    "pratiques d'équipe (par exemple une discussion de cas hebdomadaire, ou un "
                    "tour de rôle pour les appels hors horaires).</p>"
                ),
                "facilitator_notes": (
                    "<p>Les plans personnels restent privés : ne les ramassez pas. Certains "
                    "participants peuvent réaliser pendant la séance qu'ils ne vont pas bien ; "
                    "donnez le contact d'un psychologue ou d'un conseiller accessible au "
                    "personnel, et prenez discrètement des nouvelles de quiconque a semblé "
                    "touché. Terminez l'atelier sur les engagements d'équipe, qui peuvent être "
                    "partagés avec les coordinateurs.</p>"
                ),
            }),
            ("download", {
                "document": "reading",
                "title": "Pour aller plus loin sur le soutien psychosocial",
                "kind": "reading",
            }),
        ],
    },
}
