"""Demo question bank of the `reintegration` course: the integrated approach (EN + FR)."""

from .spec import mc, tf

ROOT = ("Reintegration", "Réintégration")
CATEGORIES = {
    "levels": ("The integrated approach", "L'approche intégrée"),
    "economic": ("Economic reintegration", "Réintégration économique"),
    "coordination": ("Coordination of actors", "Coordination des acteurs"),
}

QUESTIONS = [
    mc("levels",
       "At which levels does the integrated approach to reintegration act?",
       "À quels niveaux agit l'approche intégrée de la réintégration ?",
       [("Individual, community and structural", "Individuel, communautaire et structurel",
         True),
        ("Only the individual level", "Uniquement le niveau individuel", False),
        ("Only the national budget", "Uniquement le budget national", False)],
       "Support to the returnee is combined with projects that benefit the community and "
       "with work on policies and services, so that reintegration lasts.",
       "L'appui au migrant de retour se combine avec des projets qui profitent à la "
       "communauté et un travail sur les politiques et les services, pour une "
       "réintégration durable."),
    mc("levels",
       "Which dimensions does sustainable reintegration cover? (Choose every right answer.)",
       "Quelles dimensions couvre une réintégration durable ? (Cochez toutes les bonnes "
       "réponses.)",
       [("Economic", "Économique", True), ("Social", "Sociale", True),
        ("Psychosocial", "Psychosociale", True),
        ("Military", "Militaire", False)],
       "A returnee may have an income yet remain isolated or distressed; the three "
       "dimensions are worked on together.",
       "Une personne de retour peut avoir un revenu mais rester isolée ou en détresse ; "
       "les trois dimensions se travaillent ensemble."),
    tf("levels",
       "Reintegration efforts in Mali long focused mainly on individual support, which is "
       "why community-level projects are stressed today.",
       "Au Mali, les efforts de réintégration ont longtemps porté surtout sur l'appui "
       "individuel : c'est pourquoi on insiste aujourd'hui sur les projets communautaires.",
       True,
       "Community projects spread benefits to non-migrants too and reduce tensions between "
       "returnees and those who stayed.",
       "Les projets communautaires profitent aussi aux non-migrants et réduisent les "
       "tensions entre les personnes de retour et celles restées sur place."),
    mc("levels",
       "What is a community reintegration project?",
       "Qu'est-ce qu'un projet communautaire de réintégration ?",
       [("An activity run with returnees and local residents that benefits both",
         "Une activité menée avec des personnes de retour et des habitants, au bénéfice "
         "de tous", True),
        ("A camp reserved for returnees", "Un camp réservé aux personnes de retour", False),
        ("A cash gift to the village chief", "Un don en espèces au chef de village", False)],
       "Examples include a market garden, a grain bank or a shared workshop owned by a "
       "mixed group.",
       "Par exemple un jardin maraîcher, une banque de céréales ou un atelier partagé "
       "géré par un groupe mixte."),
    mc("economic",
       "Why are individual interviews held before offering vocational training?",
       "Pourquoi mène-t-on des entretiens individuels avant de proposer une formation "
       "professionnelle ?",
       [("To match the training to the person's skills and aspirations",
         "Pour adapter la formation aux compétences et aux aspirations de la personne",
         True),
        ("To check the person's criminal record", "Pour vérifier le casier judiciaire",
         False),
        ("To choose the cheapest training", "Pour choisir la formation la moins chère",
         False)],
       "Profiling avoids sending everyone to the same trade and leads to better jobs and "
       "businesses.",
       "Le profilage évite d'orienter tout le monde vers le même métier et mène à de "
       "meilleurs emplois et entreprises."),
    tf("economic",
       "A returnee who already mastered a trade abroad may have their skills certified "
       "instead of repeating a full training.",
       "Une personne qui maîtrise déjà un métier appris à l'étranger peut faire certifier "
       "ses compétences au lieu de refaire toute une formation.",
       True,
       "Certification recognises existing skills and opens the labour market faster.",
       "La certification reconnaît les compétences acquises et ouvre plus vite l'accès "
       "au marché du travail."),
    mc("economic",
       "Which support helps a returnee start a small business? (Choose every right "
       "answer.)",
       "Quels appuis aident une personne de retour à créer une petite entreprise ? "
       "(Cochez toutes les bonnes réponses.)",
       [("Training in basic business management", "Une formation à la gestion de base",
         True),
        ("Equipment or a start-up kit", "Du matériel ou un kit de démarrage", True),
        ("A promise of a visa", "La promesse d'un visa", False)],
       "Management skills and equipment together give the activity a real chance.",
       "Les compétences de gestion et l'équipement ensemble donnent une vraie chance à "
       "l'activité."),
    mc("coordination",
       "What is the main aim of the National Framework for Migrant Reintegration created "
       "in Mali in 2024?",
       "Quel est le but principal du Cadre national de réintégration des migrants créé au "
       "Mali en 2024 ?",
       [("To coordinate and harmonise the interventions of reintegration actors",
         "Coordonner et harmoniser les interventions des acteurs de la réintégration",
         True),
        ("To stop all returns", "Arrêter tous les retours", False),
        ("To replace NGOs", "Remplacer les ONG", False)],
       "The framework promotes synergy between actors, capacity building, partnerships "
       "and migrants' rights.",
       "Le cadre favorise la synergie entre acteurs, le renforcement des capacités, les "
       "partenariats et les droits des migrants."),
    tf("coordination",
       "Follow-up visits after the assistance are optional and rarely useful.",
       "Les visites de suivi après l'assistance sont facultatives et rarement utiles.",
       False,
       "Follow-up visits show whether the reintegration holds and when to adjust support "
       "or refer the person on.",
       "Les visites de suivi montrent si la réintégration tient et quand ajuster l'appui "
       "ou orienter la personne ailleurs."),
    mc("coordination",
       "Who should take part in reintegration planning at community level?",
       "Qui doit participer à la planification de la réintégration au niveau "
       "communautaire ?",
       [("Local authorities, returnees, community members and service providers",
         "Les autorités locales, les personnes de retour, les membres de la communauté et "
         "les prestataires", True),
        ("Only the donor", "Seulement le bailleur", False),
        ("Only the returnees' families", "Seulement les familles des personnes de retour",
         False)],
       "Ownership by local actors is what keeps projects alive after funding ends.",
       "L'appropriation par les acteurs locaux est ce qui fait vivre les projets après la "
       "fin du financement."),
    tf("economic",
       "Sustainable reintegration means the returnee no longer has any need to migrate "
       "again for survival.",
       "Une réintégration durable signifie que la personne de retour n'a plus besoin de "
       "repartir pour survivre.",
       True,
       "Remigration may still be a choice, but it is no longer a necessity.",
       "Repartir peut rester un choix, mais ce n'est plus une nécessité."),
]

ESSAY = (
    "levels",
    "Awa returned to Kayes after two years in Libya. She wants to open a tailoring "
    "workshop but her family blames her for the debt of the journey. Propose a plan that "
    "uses the three levels of the integrated approach.",
    "Awa est revenue à Kayes après deux ans en Libye. Elle veut ouvrir un atelier de "
    "couture mais sa famille lui reproche la dette du voyage. Proposez un plan qui "
    "mobilise les trois niveaux de l'approche intégrée.",
    "Expect: individual support (skills, kit, psychosocial follow-up), family and community "
    "dialogue or a community project, and links to local services and the coordination "
    "framework.",
    "Attendu : un appui individuel (compétences, kit, suivi psychosocial), un dialogue avec "
    "la famille et la communauté ou un projet communautaire, et des liens avec les services "
    "locaux et le cadre de coordination.",
)

# Practice questions: a bank of their own. The practice quiz shows the right answer after each
# question, so none of these may sit in the post-test (services.questions_leaking).
PRACTICE = [
    tf("levels",
       "Reintegration support starts with listening to what the returnee wants.",
       "L'appui à la réintégration commence par l'écoute de ce que souhaite la personne "
       "de retour.",
       True,
       "A plan the person did not choose rarely lasts: their own project comes first.",
       "Un plan que la personne n'a pas choisi tient rarement : son propre projet passe "
       "d'abord."),
    tf("economic",
       "A business idea needs no market check if the returnee is motivated.",
       "Une idée d'activité n'a pas besoin d'étude de marché si la personne est motivée.",
       False,
       "Motivation matters, but a quick look at demand and competitors avoids costly failures.",
       "La motivation compte, mais un coup d'œil à la demande et à la concurrence évite des "
       "échecs coûteux."),
    mc("economic",
       "Which support helps most to keep a small business running in its first year?",
       "Quel appui aide le plus une petite activité à tenir pendant sa première année ?",
       [("Regular follow-up and coaching", "Un suivi et un accompagnement réguliers", True),
        ("A single cash payment with no follow-up", "Un versement unique sans suivi", False),
        ("A loan from the first lender met", "Un prêt du premier prêteur rencontré", False)],
       "Coaching and follow-up help adjust the activity before problems grow.",
       "L'accompagnement et le suivi aident à ajuster l'activité avant que les problèmes ne "
       "grandissent."),
    tf("coordination",
       "Sharing a returnee's plan with partners needs their consent.",
       "Partager le plan d'une personne de retour avec des partenaires demande son "
       "consentement.",
       True,
       "Consent applies to every sharing of personal information, reintegration included.",
       "Le consentement s'applique à tout partage d'informations personnelles, réintégration "
       "comprise."),
    tf("coordination",
       "Two organisations helping the same returnee never need to talk to each other.",
       "Deux organisations qui aident la même personne n'ont jamais besoin de se parler.",
       False,
       "Without coordination support is duplicated or contradictory.",
       "Sans coordination, l'appui est dupliqué ou contradictoire."),
]
