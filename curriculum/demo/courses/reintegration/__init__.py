"""Course `reintegration`: the integrated approach at individual, community and structural level."""

from . import community, individual, integrated_approach, monitoring, structural

COURSE = {
    "code": "reintegration",
    "duration_hours": 30,
    "colour": "#2f6fa3",
    "en": {
        "title": "Sustainable reintegration: the integrated approach",
        "cover_title": "Cover: Sustainable reintegration",
        "tagline": "Individual, community and structural support for returnees",
        "summary": (
            "How to support returning migrants so that they can rebuild their lives at home: "
            "economic, social and psychosocial support for the person, projects that benefit the "
            "whole community, and the coordination of actors under Mali's national framework."
        ),
        "audience": (
            "Reintegration officers, social workers, staff of regional directorates, local "
            "authorities, vocational training centres and partner NGOs who design or deliver "
            "reintegration assistance; and the trainers who will pass the course on."
        ),
        "learning_objectives": (
            "<ul><li>Define sustainable reintegration and its economic, social and "
            "psychosocial dimensions.</li><li>Build an individual reintegration plan based on "
            "the returnee's skills and aspirations, including training and skills "
            "certification.</li><li>Design a community project with returnees and their "
            "neighbours.</li><li>Place your work within the National Migration Policy and the "
            "National Framework for Migrant Reintegration, and coordinate with the other "
            "actors.</li><li>Organise follow-up visits and use what they reveal.</li></ul>"
        ),
    },
    "fr": {
        "title": "La réintégration durable : l'approche intégrée",
        "cover_title": "Couverture : La réintégration durable",
        "tagline": "Accompagner les migrants de retour : personne, communauté, dispositif",
        "summary": (
            "Comment accompagner les migrants de retour pour qu'ils reconstruisent leur vie au "
            "pays : un soutien économique, social et psychosocial à la personne, des projets qui "
            "profitent à toute la communauté, et la coordination des acteurs dans le cadre "
            "national du Mali."
        ),
        "audience": (
            "Agents de réintégration, travailleurs sociaux, personnels des directions "
            "régionales, collectivités territoriales, centres de formation professionnelle et "
            "ONG partenaires qui conçoivent ou mettent en œuvre l'aide à la réintégration ; et "
            "les formateurs qui démultiplieront la formation."
        ),
        "learning_objectives": (
            "<ul><li>Définir la réintégration durable et ses dimensions économique, sociale et "
            "psychosociale.</li><li>Construire un plan de réintégration individuel à partir des "
            "compétences et des aspirations de la personne, y compris la formation et la "
            "certification des compétences.</li><li>Concevoir un projet communautaire avec les "
            "migrants de retour et leurs voisins.</li><li>Situer votre action dans la Politique "
            "nationale de migration et le Cadre national de réintégration des migrants, et vous "
            "coordonner avec les autres acteurs.</li><li>Organiser des visites de suivi et tirer "
            "parti de ce qu'elles révèlent.</li></ul>"
        ),
    },
    "figures": {
        "levels": {
            "drawer": "levels",
            "en": {
                "title": "Diagram: the three levels of reintegration (EN)",
                "drawing": {
                    "title": "Three levels of reintegration support",
                    "labels": [
                        "Structural: policies, services, coordination",
                        "Community: families, neighbours, local projects",
                        "Individual: the returnee",
                    ],
                },
            },
            "fr": {
                "title": "Schéma : les trois niveaux de la réintégration (FR)",
                "drawing": {
                    "title": "Trois niveaux d'accompagnement",
                    "labels": [
                        "Structurel : politiques, services, coordination",
                        "Communautaire : familles, voisins, projets locaux",
                        "Individuel : la personne de retour",
                    ],
                },
            },
        },
    },
    "documents": {
        "plan": {
            "en": {
                "title": "Individual reintegration plan (template)",
                "lines": [
                    "Filled in with the returnee during two or three interviews, reviewed at every "
                    "follow-up visit. Keep it in the case file; give the returnee a copy.",
                    "# 1. Situation on return",
                    "Place of return, household, housing, health, debts, urgent needs.",
                    "# 2. Skills and aspirations",
                    "- Trades practised before and during migration, for how long",
                    "- Skills the returnee wants certified, and the centre that will assess them",
                    "- What the returnee would like to be doing in two years",
                    "# 3. Economic dimension",
                    "Chosen activity, training or certification, starter kit, market checked with "
                    "whom, allowance during training, childcare if needed.",
                    "# 4. Social and psychosocial dimensions",
                    "Family relations, community ties, documents, schooling of children, need for "
                    "psychosocial support or referral.",
                    "# 5. Follow-up",
                    "Dates of the three follow-up visits (1, 3 and 6 months) and the officer "
                    "responsible.",
                ],
            },
            "fr": {
                "title": "Plan de réintégration individuel (modèle)",
                "lines": [
                    "Rempli avec la personne au cours de deux ou trois entretiens, revu à chaque "
                    "visite de suivi. À conserver dans le dossier ; une copie pour la personne.",
                    "# 1. Situation au retour",
                    "Lieu de retour, ménage, logement, santé, dettes, besoins urgents.",
                    "# 2. Compétences et aspirations",
                    "- Métiers exercés avant et pendant la migration, et pendant combien de temps",
                    "- Compétences à faire certifier, et le centre qui les évaluera",
                    "- Ce que la personne aimerait faire dans deux ans",
                    "# 3. Dimension économique",
                    "Activité choisie, formation ou certification, kit d'installation, marché "
                    "vérifié auprès de qui, allocation pendant la formation, garde d'enfants si "
                    "nécessaire.",
                    "# 4. Dimensions sociale et psychosociale",
                    "Relations familiales, liens avec la communauté, papiers d'identité, "
                    "scolarité des enfants, besoin de soutien psychosocial ou d'orientation.",
                    "# 5. Suivi",
                    "Dates des trois visites de suivi (1, 3 et 6 mois) et agent responsable.",
                ],
            },
        },
        "follow_up": {
            "en": {
                "title": "Follow-up visit checklist",
                "lines": [
                    "Use at each visit; compare with the previous visit before leaving the office.",
                    "# The activity",
                    "- Is the activity running? Since when, how many days a week?",
                    "- Is the equipment in use, sold, broken or lent to someone else?",
                    "- Income and costs this month; does the activity pay for itself?",
                    "# The person",
                    "- Health, sleep, mood; any worry the person raises without being asked",
                    "- Relations with family and neighbours; any pressure to leave again",
                    "# Decision",
                    "No action / advice given / additional support requested / referral made. "
                    "Date of the next visit.",
                ],
            },
            "fr": {
                "title": "Liste de contrôle pour la visite de suivi",
                "lines": [
                    "À utiliser à chaque visite ; comparez avec la visite précédente avant de "
                    "quitter le bureau.",
                    "# L'activité",
                    "- L'activité fonctionne-t-elle ? Depuis quand, combien de jours par semaine ?",
                    "- Le matériel est-il utilisé, vendu, en panne ou prêté à quelqu'un ?",
                    "- Recettes et dépenses du mois ; l'activité couvre-t-elle ses coûts ?",
                    "# La personne",
                    "- Santé, sommeil, moral ; toute inquiétude exprimée spontanément",
                    "- Relations avec la famille et le voisinage ; pression pour repartir",
                    "# Décision",
                    "Aucune action / conseil donné / appui complémentaire demandé / orientation "
                    "effectuée. Date de la prochaine visite.",
                ],
            },
        },
    },
    "modules": [
        integrated_approach.MODULE,
        individual.MODULE,
        community.MODULE,
        structural.MODULE,
        monitoring.MODULE,
    ],
}
