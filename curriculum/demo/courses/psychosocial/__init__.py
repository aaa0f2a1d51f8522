"""Course `psychosocial`: psychosocial support for returned migrants and for those who help them."""

from . import children, first_aid, needs, referral_and_community, self_care

COURSE = {
    "code": "psychosocial",
    "duration_hours": 24,
    "colour": "#38761d",
    "en": {
        "title": "Psychosocial support for returned migrants",
        "cover_title": "Cover: Psychosocial support",
        "tagline": "Listen, support, refer, and look after yourself",
        "summary": (
            "How social workers, health staff and community actors can support returned migrants "
            "after difficult journeys and detention: understanding distress, giving psychological "
            "first aid, referring to specialised care, building community support, and caring "
            "for the helpers themselves."
        ),
        "audience": (
            "Social workers, nurses and doctors, staff of transit centres, community relays and "
            "NGO teams in the main regions of return (Bamako, Kita, Kayes and beyond), who are "
            "not mental health specialists but meet returnees every day."
        ),
        "learning_objectives": (
            "<ul><li>Recognise common reactions to hardship and the signs that call for "
            "specialised care.</li><li>Give psychological first aid using the look, listen and "
            "link steps.</li><li>Refer safely to specialised services and mobilise community "
            "support.</li><li>Place each activity on the intervention pyramid.</li><li>Adapt "
            "support to children and adolescents.</li><li>Build a "
            "personal and team self-care plan.</li></ul>"
        ),
    },
    "fr": {
        "title": "Le soutien psychosocial aux migrants de retour",
        "cover_title": "Couverture : Soutien psychosocial",
        "tagline": "Écouter, soutenir, orienter, et prendre soin de soi",
        "summary": (
            "Comment travailleurs sociaux, soignants et acteurs communautaires peuvent soutenir "
            "les migrants de retour après des voyages éprouvants et la détention : comprendre la "
            "détresse, apporter les premiers secours psychologiques, orienter vers des soins "
            "spécialisés, mobiliser le soutien communautaire et prendre soin des aidants "
            "eux-mêmes."
        ),
        "audience": (
            "Travailleurs sociaux, infirmiers et médecins, personnels des centres de transit, "
            "relais communautaires et équipes d'ONG des principales régions de retour (Bamako, "
            "Kita, Kayes et au-delà), qui ne sont pas spécialistes de la santé mentale mais "
            "rencontrent chaque jour des migrants de retour."
        ),
        "learning_objectives": (
            "<ul><li>Reconnaître les réactions courantes face à l'épreuve et les signes qui "
            "appellent des soins spécialisés.</li><li>Apporter les premiers secours "
            "psychologiques selon les étapes observer, écouter, orienter.</li><li>Orienter en "
            "toute sécurité vers les services spécialisés et mobiliser le soutien "
            "communautaire.</li><li>Situer chaque activité sur la pyramide des "
            "interventions.</li><li>Adapter le soutien aux enfants et aux adolescents.</li>"
            "<li>Élaborer un plan, personnel et d'équipe, pour prendre soin de soi.</li></ul>"
        ),
    },
    "figures": {
        "pyramid": {
            "drawer": "pyramid",
            "en": {
                "title": "Diagram: the intervention pyramid (EN)",
                "drawing": {
                    "title": "The intervention pyramid",
                    "layers": [
                        "Basic services and security",
                        "Community and family support",
                        "Focused, non-specialised support",
                        "Specialised care",
                    ],
                },
            },
            "fr": {
                "title": "Schéma : la pyramide des interventions (FR)",
                "drawing": {
                    "title": "La pyramide des interventions",
                    "layers": [
                        "Services de base et sécurité",
                        "Soutien communautaire et familial",
                        "Soutien ciblé non spécialisé",
                        "Soins spécialisés",
                    ],
                },
            },
        },
    },
    "documents": {
        "pfa_card": {
            "en": {
                "title": "Psychological first aid: pocket card",
                "lines": [
                    "# Prepare",
                    "- Know which services exist nearby and how to reach them today.",
                    "# Look",
                    "- Is the person safe? Injured? Hungry, thirsty, cold?",
                    "- Is the person very agitated, withdrawn or confused?",
                    "# Listen",
                    "- Introduce yourself, sit at the same level, speak calmly.",
                    "- Ask about needs and worries. Do not push for details of what happened.",
                    "- Accept silence. Do not judge, promise or minimise.",
                    "# Link",
                    "- Help with practical needs: water, a call to family, a place to rest.",
                    "- Give accurate information; say what you do not know.",
                    "- Refer with consent; note the name of the person who will follow up.",
                    "# Do not",
                    "Force anyone to talk, make promises you cannot keep, share their story, "
                    "or diagnose.",
                ],
            },
            "fr": {
                "title": "Premiers secours psychologiques : carte de poche",
                "lines": [
                    "# Se préparer",
                    "- Connaître les services disponibles à proximité et comment les joindre "
                    "aujourd'hui.",
                    "# Observer",
                    "- La personne est-elle en sécurité ? Blessée ? A-t-elle faim, soif, froid ?",
                    "- Est-elle très agitée, repliée sur elle-même ou confuse ?",
                    "# Écouter",
                    "- Présentez-vous, asseyez-vous à sa hauteur, parlez calmement.",
                    "- Demandez quels sont ses besoins et ses inquiétudes, sans insister sur les "
                    "détails de ce qui s'est passé.",
                    "- Acceptez le silence. Ne jugez pas, ne promettez pas, ne minimisez pas.",
                    "# Orienter",
                    "- Aidez aux besoins pratiques : eau, appel à la famille, lieu de repos.",
                    "- Donnez des informations exactes ; dites ce que vous ne savez pas.",
                    "- Orientez avec son accord ; notez le nom de la personne qui assurera le "
                    "suivi.",
                    "# À éviter",
                    "Forcer quelqu'un à parler, faire des promesses intenables, divulguer son "
                    "histoire, poser un diagnostic.",
                ],
            },
        },
        "reading": {
            "en": {
                "title": "Psychosocial support: further reading",
                "lines": [
                    "Reference documents used to prepare this course, for trainers who want to go "
                    "further.",
                    "- IASC Guidelines on Mental Health and Psychosocial Support in Emergency "
                    "Settings (Inter-Agency Standing Committee, 2007): the intervention pyramid.",
                    "- Psychological First Aid: Guide for Field Workers (WHO, War Trauma "
                    "Foundation and World Vision International, 2011).",
                    "- IOM Manual on Community-Based Mental Health and Psychosocial Support in "
                    "Emergencies and Displacement.",
                    "# Using them",
                    "Adapt examples to the context of return in Mali; never use the material to "
                    "diagnose. Specialised care remains the work of trained clinicians.",
                ],
            },
            "fr": {
                "title": "Soutien psychosocial : pour aller plus loin",
                "lines": [
                    "Documents de référence ayant servi à préparer cette formation, pour les "
                    "formateurs qui souhaitent approfondir.",
                    "- Directives du CPI concernant la santé mentale et le soutien psychosocial "
                    "dans les situations d'urgence (Comité permanent interorganisations, 2007) : "
                    "la pyramide des interventions.",
                    "- Les premiers secours psychologiques : guide pour les acteurs de terrain "
                    "(OMS, War Trauma Foundation et World Vision International, 2011).",
                    "- Manuel de l'OIM sur la santé mentale et le soutien psychosocial "
                    "communautaires dans les situations d'urgence et de déplacement.",
                    "# Les utiliser",
                    "Adaptez les exemples au contexte du retour au Mali ; n'utilisez jamais ces "
                    "documents pour poser un diagnostic. Les soins spécialisés restent l'affaire "
                    "de cliniciens formés.",
                ],
            },
        },
    },
    "modules": [
        needs.MODULE,
        first_aid.MODULE,
        referral_and_community.MODULE,
        children.MODULE,
        self_care.MODULE,
    ],
}
