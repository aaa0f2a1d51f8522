"""Reintegration module 4: the structural level, national policy and coordination of actors."""

MODULE = {
    "slug": "structural-level",
    "duration_minutes": 120,
    "en": {
        "title": "The structural level: national framework and coordination",
        "introduction": (
            "Reintegration lasts when public services, local authorities and partners work to "
            "common rules. This module presents Mali's policy framework and the practice of "
            "coordination."
        ),
        "body": [
            ("paragraph", (
                "<h2>The policy framework</h2>"
                "<p>Mali's National Migration Policy (PONAM) treats returnees as contributors to "
                "national development, not only as people in need of help. Reintegration "
                "activities are expected to align with it: building returnees' skills, using "
                "national vocational training centres, and involving the ministries concerned. "
                "Because training centres depend on different ministries, working with them "
                "requires formal approval from each; this takes time but makes the partnership "
                "part of the public system rather than a side arrangement.</p>"
                "<p>On 9 July 2024, the Minister of Malians Abroad and African Integration signed "
                "a decision creating the National Framework for Migrant Reintegration. Its "
                "purpose is to make the actors pull in the same direction: coordinate and "
                "harmonise interventions, build the capacities of the main actors, develop "
                "partnerships, promote migrants' fundamental rights and good practice, and make "
                "reintegration work visible. It also marks a step towards stronger national "
                "ownership of reintegration, which had long been driven by projects funded from "
                "abroad.</p>"
            )),
            ("paragraph", (
                "<h2>Coordination in practice</h2>"
                "<p>Coordination is not a monthly meeting where each organisation reads its "
                "figures. It is a set of habits that prevent duplication and gaps:</p>"
                "<ul><li><b>A shared map of actors</b> per region: who offers training, "
                "psychosocial care, health care, credit, legal aid; with contacts and "
                "criteria.</li>"
                "<li><b>Referral agreements</b> so that a returnee sent from one service to "
                "another is expected and received.</li>"
                "<li><b>Agreements with technical services</b>: in the Kayes region, for example, "
                "the regional directorates of social development and of livestock have trained "
                "returnees in business management and cattle fattening.</li>"
                "<li><b>Common tools</b>: the same plan and follow-up forms, the same "
                "definitions, so that figures can be added up.</li>"
                "<li><b>Local authorities in the lead</b> for community projects, since they "
                "remain when projects end.</li></ul>"
                "<p>The proposal, discussed in Bamako in 2022, to build a national network of "
                "reintegration actors follows the same logic. Your regional coordination meeting "
                "is where this network becomes real.</p>"
            )),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Every reintegration activity should answer two questions: <b>which public "
                    "service will carry this on</b>, and <b>who else needs to know</b> that we "
                    "are doing it?</p>"
                ),
            }),
            ("group_activity", {
                "title": "Our regional map of actors",
                "duration_minutes": 40,
                "instructions": (
                    "<p>By region, list the actors involved in reintegration under four "
                    "headings: economic, social, psychosocial, coordination. For each, note "
                    "what they offer, to whom, and a contact. Circle the actors nobody in the "
                    "room has ever referred a returnee to, and agree who will contact them "
                    "within a month.</p>"
                ),
                "facilitator_notes": (
                    "<p>Compare the maps across regions at the end: differences in available "
                    "services are useful feedback for the national framework. Collect the "
                    "commitments (who contacts whom) and send them to the regional "
                    "coordinators with the workshop report. Avoid turning the exercise into a "
                    "debate about which organisation does the most.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Le niveau structurel : cadre national et coordination",
        "introduction": (
            "La réintégration dure lorsque services publics, collectivités et partenaires "
            "travaillent selon des règles communes. Ce module présente le cadre politique du Mali "
            "et la pratique de la coordination."
        ),
        "body": [
            ("paragraph", (
                "<h2>Le cadre politique</h2>"
                "<p>La Politique nationale de migration du Mali (PONAM) considère les migrants "
                "de retour comme des acteurs du développement national, et pas seulement comme "
                "des personnes à aider. Les activités de réintégration doivent s'y inscrire : "
                "renforcer les compétences des migrants de retour, s'appuyer sur les centres "
                "nationaux de formation professionnelle et associer les ministères concernés. "
                "Comme les centres de formation relèvent de ministères différents, travailler "
                "avec eux exige l'accord formel de chacun ; c'est plus long, mais le partenariat "
                "s'inscrit alors dans le système public au lieu de rester un arrangement à "
                "part.</p>"
                "<p>Le 9 juillet 2024, le ministre des Maliens établis à l'extérieur et de "
                "l'Intégration africaine a signé une décision portant création du Cadre national "
                "de réintégration des migrants. Son objet est de faire agir les acteurs dans le "
                "même sens : coordonner et harmoniser les interventions, renforcer les capacités "
                "des principaux acteurs, développer les partenariats, promouvoir les droits "
                "fondamentaux des migrants et les bonnes pratiques, et rendre visibles les "
                "actions de réintégration. Il marque aussi une étape vers une meilleure "
                "appropriation nationale d'un domaine longtemps porté par des projets financés "
                "de l'extérieur.</p>"
            )),
            ("paragraph", (
                "<h2>La coordination en pratique</h2>"
                "<p>La coordination n'est pas une réunion mensuelle où chaque organisation lit "
                "ses chiffres. C'est un ensemble d'habitudes qui évitent les doublons et les "
                "trous :</p>"
                "<ul><li><b>Une cartographie commune des acteurs</b> par région : qui offre "
                "formation, soutien psychosocial, soins, crédit, aide juridique ; avec contacts "
                "et critères.</li>"
                "<li><b>Des accords de référencement</b>, pour qu'une personne orientée d'un "
                "service à l'autre soit attendue et reçue.</li>"
                "<li><b>Des conventions avec les services techniques</b> : dans la région de "
                "Kayes, par exemple, les directions régionales du développement social et de "
                "l'élevage ont formé des migrants de retour à la gestion et à l'embouche "
                "bovine.</li>"
                "<li><b>Des outils communs</b> : les mêmes fiches de plan et de suivi, les mêmes "
                "définitions, pour que les chiffres puissent s'additionner.</li>"
                "<li><b>Les collectivités aux commandes</b> des projets communautaires, "
                "puisqu'elles restent quand les projets s'achèvent.</li></ul>"
                "<p>La proposition, discutée à Bamako en 2022, de constituer un réseau national "
                "des acteurs de la réintégration suit la même logique. C'est dans votre réunion "
                "régionale de coordination que ce réseau prend corps.</p>"
            )),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>Chaque activité de réintégration doit répondre à deux questions : "
                    "<b>quel service public la poursuivra</b>, et <b>qui d'autre doit savoir</b> "
                    "que nous la menons ?</p>"
                ),
            }),
            ("group_activity", {
                "title": "Notre cartographie régionale des acteurs",
                "duration_minutes": 40,
                "instructions": (
                    "<p>Par région, listez les acteurs de la réintégration sous quatre "
                    "rubriques : économique, sociale, psychosociale, coordination. Pour chacun, "
                    "indiquez ce qu'il propose, à qui, et un contact. Entourez les acteurs vers "
                    "lesquels personne dans la salle n'a jamais orienté quelqu'un, et décidez qui "
                    "les contactera dans le mois.</p>"
                ),
                "facilitator_notes": (
                    "<p>Comparez les cartographies des régions à la fin : les écarts de services "
                    "disponibles sont un retour utile pour le cadre national. Recueillez les "
                    "engagements (qui contacte qui) et transmettez-les aux coordinateurs "
                    "régionaux avec le rapport d'atelier. Évitez que l'exercice ne tourne au "
                    "débat sur l'organisation qui en fait le plus.</p>"
                ),
            }),
        ],
    },
}
