"""Course `nrm`: the National Referral Mechanism for migrants in the most vulnerable situations."""

from . import case_management, identification, passing_it_on, principles, what_is_the_nrm

COURSE = {
    "code": "nrm",
    "duration_hours": 24,
    "colour": "#8a4b0f",
    "en": {
        "title": "The National Referral Mechanism for migrants in vulnerable situations",
        "cover_title": "Cover: National Referral Mechanism",
        "tagline": "Identify, assist, refer: one pathway for every frontline actor",
        "summary": (
            "How frontline actors in Mali identify migrants in the most vulnerable situations, "
            "assist them safely and refer them to the right service, following the National "
            "Referral Mechanism validated by government and partners in 2021."
        ),
        "audience": (
            "Government technicians, social workers, health and police staff, and the teams of "
            "non-governmental and international partners who meet migrants in transit centres, "
            "at borders, in hospitals or in the community; and the trainers who will pass this "
            "course on in their region."
        ),
        "learning_objectives": (
            "<ul><li>Explain what the National Referral Mechanism is, who developed it and who "
            "it protects.</li><li>Apply the principles of do no harm, confidentiality, informed "
            "consent and the best interest of the child in every contact.</li><li>Identify signs "
            "of vulnerability and follow the referral pathway from first contact to follow-up."
            "</li><li>Open, manage and close a case file together with the other actors.</li>"
            "<li>Run a half-day session on the mechanism for colleagues in your region.</li></ul>"
        ),
    },
    "fr": {
        "title": (
            "Le Mécanisme national de référencement des migrants en situation de vulnérabilité"
        ),
        "cover_title": "Couverture : Mécanisme national de référencement",
        "tagline": "Identifier, assister, référer : un seul circuit pour tous les acteurs",
        "summary": (
            "Comment les acteurs de terrain au Mali repèrent les migrants en situation de grande "
            "vulnérabilité, les assistent en toute sécurité et les orientent vers le bon service, "
            "selon le Mécanisme national de référencement validé par l'État et ses partenaires en "
            "2021."
        ),
        "audience": (
            "Techniciens de l'État, travailleurs sociaux, personnels de santé et de police, "
            "équipes des partenaires non gouvernementaux et internationaux qui rencontrent des "
            "migrants dans les centres de transit, aux frontières, à l'hôpital ou dans les "
            "quartiers ; et "
            "les formateurs qui démultiplieront cette formation dans leur région."
        ),
        "learning_objectives": (
            "<ul><li>Expliquer ce qu'est le Mécanisme national de référencement, qui l'a élaboré "
            "et qui il protège.</li><li>Appliquer à chaque contact les principes de ne pas nuire, "
            "de confidentialité, de consentement éclairé et d'intérêt supérieur de l'enfant.</li>"
            "<li>Repérer les signes de vulnérabilité et suivre le circuit de référencement, du "
            "premier contact au suivi.</li><li>Ouvrir, gérer et clôturer un dossier en lien avec "
            "les autres acteurs.</li><li>Animer une demi-journée de restitution sur le mécanisme "
            "pour les collègues de votre région.</li></ul>"
        ),
    },
    "figures": {
        "pathway": {
            "drawer": "pathway",
            "en": {
                "title": "Diagram: the referral pathway (EN)",
                "drawing": {
                    "title": "The referral pathway",
                    "steps": [
                        "Identification and first contact",
                        "Immediate safety and basic needs",
                        "Informed consent and initial assessment",
                        "Referral to the lead service",
                        "Case management and follow-up",
                        "Case closure",
                    ],
                },
            },
            "fr": {
                "title": "Schéma : le circuit de référencement (FR)",
                "drawing": {
                    "title": "Le circuit de référencement",
                    "steps": [
                        "Identification et premier contact",
                        "Mise en sécurité et besoins essentiels",
                        "Consentement éclairé et évaluation initiale",
                        "Référencement vers le service chef de file",
                        "Gestion de cas et suivi",
                        "Clôture du dossier",
                    ],
                },
            },
        },
    },
    "documents": {
        "referral_form": {
            "en": {
                "title": "NRM referral form (template)",
                "lines": [
                    "Fill in one form per person. Share it only with the receiving service, with "
                    "the person's consent, and keep a copy in the locked case file.",
                    "# 1. Referring service",
                    "Organisation, name of the officer, telephone, date and place of contact.",
                    "# 2. The person",
                    "Case number (no name on copies sent by message), age or estimated age, sex, "
                    "nationality, language spoken, whether an interpreter is needed.",
                    "# 3. Reason for referral",
                    "- Protection (trafficking, violence, unaccompanied child)",
                    "- Health or mental health",
                    "- Shelter, food, return or reintegration support",
                    "# 4. Consent",
                    "The person was told what will be shared, with whom and why, and agreed: "
                    "yes / no. For a child: who gave consent, and the child's own opinion.",
                    "# 5. Urgency and follow-up",
                    "Immediate (same day), priority (within 3 days) or ordinary. Date by which the "
                    "receiving service confirms that it has taken the case on.",
                ],
            },
            "fr": {
                "title": "Fiche de référencement du MNR (modèle)",
                "lines": [
                    "Une fiche par personne. Ne la transmettre qu'au service destinataire, avec le "
                    "consentement de la personne, et en garder une copie dans le dossier sous clé.",
                    "# 1. Service qui réfère",
                    "Structure, nom de l'agent, téléphone, date et lieu du contact.",
                    "# 2. La personne",
                    "Numéro de dossier (pas de nom sur les copies envoyées par message), âge ou "
                    "âge estimé, sexe, nationalité, langue parlée, besoin d'un interprète.",
                    "# 3. Motif du référencement",
                    "- Protection (traite, violences, enfant non accompagné)",
                    "- Santé ou santé mentale",
                    "- Hébergement, alimentation, retour ou réintégration",
                    "# 4. Consentement",
                    "La personne a été informée de ce qui sera transmis, à qui et pourquoi, et a "
                    "donné son accord : oui / non. Pour un enfant : qui a consenti, et l'avis de "
                    "l'enfant.",
                    "# 5. Urgence et suivi",
                    "Immédiate (le jour même), prioritaire (sous 3 jours) ou ordinaire. Date à "
                    "laquelle le service destinataire confirme la prise en charge.",
                ],
            },
        },
        "facilitator_guide": {
            "en": {
                "title": "Facilitator guide: passing on the NRM in your region",
                "lines": [
                    "This guide helps trained participants run a half-day session on the National "
                    "Referral Mechanism for colleagues who could not attend the workshop.",
                    "# Before the session",
                    "- Invite a mix of services: social development, health, police, NGOs.",
                    "- Update the list of focal points and telephone numbers for your region.",
                    "- Print the referral form and the pathway diagram, one per participant.",
                    "# Suggested plan (4 hours)",
                    "- 30 min: why a common mechanism; who is in a vulnerable situation.",
                    "- 45 min: the principles, with the consent case study.",
                    "- 60 min: the pathway, mapped with local services.",
                    "- 60 min: case management role play.",
                    "- 45 min: commitments, questions, attendance and evaluation.",
                    "# After the session",
                    "Send the attendance list and evaluation forms to your coordinator within one "
                    "week, so the session counts in the cascade figures.",
                ],
            },
            "fr": {
                "title": "Guide de l'animateur : démultiplier le MNR dans votre région",
                "lines": [
                    "Ce guide aide les participants formés à animer une demi-journée sur le "
                    "Mécanisme national de référencement pour les collègues absents de l'atelier.",
                    "# Avant la séance",
                    "- Invitez des services variés : développement social, santé, police, ONG.",
                    "- Mettez à jour la liste des points focaux et des numéros de votre région.",
                    "- Imprimez la fiche de référencement et le schéma du circuit pour chacun.",
                    "# Déroulé proposé (4 heures)",
                    "- 30 min : pourquoi un mécanisme commun ; qui est en situation de "
                    "vulnérabilité.",
                    "- 45 min : les principes, avec l'étude de cas sur le consentement.",
                    "- 60 min : le circuit, cartographié avec les services locaux.",
                    "- 60 min : jeu de rôle sur la gestion de cas.",
                    "- 45 min : engagements, questions, liste de présence et évaluation.",
                    "# Après la séance",
                    "Envoyez la liste de présence et les fiches d'évaluation à votre coordinateur "
                    "dans la semaine, pour que la séance soit comptée dans la cascade.",
                ],
            },
        },
    },
    "modules": [
        what_is_the_nrm.MODULE,
        principles.MODULE,
        identification.MODULE,
        case_management.MODULE,
        passing_it_on.MODULE,
    ],
}
