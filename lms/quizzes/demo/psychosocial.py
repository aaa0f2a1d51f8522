"""Demo question bank of the `psychosocial` course: support to returned migrants (EN + FR)."""

from .spec import mc, tf

ROOT = ("Psychosocial support", "Soutien psychosocial")
CATEGORIES = {
    "pfa": ("Psychological first aid", "Premiers secours psychologiques"),
    "referral": ("Specialised care and referral", "Soins spécialisés et orientation"),
    "selfcare": ("Community support and self-care", "Soutien communautaire et soin de soi"),
}

QUESTIONS = [
    mc("pfa",
       "What are the three action principles of psychological first aid?",
       "Quels sont les trois principes d'action des premiers secours psychologiques ?",
       [("Look, listen, link", "Observer, écouter, orienter", True),
        ("Diagnose, treat, discharge", "Diagnostiquer, traiter, libérer", False),
        ("Question, record, report", "Interroger, consigner, signaler", False)],
       "Look for safety and urgent needs, listen without pressure, and link the person to "
       "information, loved ones and services.",
       "Observer la sécurité et les besoins urgents, écouter sans forcer, et orienter la "
       "personne vers l'information, ses proches et les services."),
    tf("pfa",
       "In psychological first aid, you should push the person to tell every detail of "
       "what happened.",
       "Dans les premiers secours psychologiques, il faut pousser la personne à raconter "
       "chaque détail de ce qui s'est passé.",
       False,
       "Forcing a detailed account can re-traumatise; let the person share what they "
       "choose.",
       "Forcer un récit détaillé peut raviver le traumatisme ; on laisse la personne "
       "partager ce qu'elle choisit."),
    mc("pfa",
       "Which reactions are common after a hard journey or detention? (Choose every right "
       "answer.)",
       "Quelles réactions sont fréquentes après un voyage difficile ou une détention ? "
       "(Cochez toutes les bonnes réponses.)",
       [("Trouble sleeping", "Des troubles du sommeil", True),
        ("Feelings of shame or guilt", "Un sentiment de honte ou de culpabilité", True),
        ("Irritability", "De l'irritabilité", True),
        ("Proof of a mental illness in every case",
         "La preuve d'une maladie mentale dans tous les cas", False)],
       "These are normal reactions to abnormal events; most fade with support and time.",
       "Ce sont des réactions normales à des événements anormaux ; la plupart "
       "s'atténuent avec du soutien et du temps."),
    mc("pfa",
       "Where should a first supportive conversation with a returnee take place?",
       "Où doit se tenir une première conversation de soutien avec une personne de retour ?",
       [("In a quiet, private place where they feel safe",
         "Dans un endroit calme et discret où elle se sent en sécurité", True),
        ("In front of the whole family", "Devant toute la famille", False),
        ("At the police station", "Au commissariat", False)],
       "Privacy and a sense of safety make it possible to speak.",
       "La discrétion et le sentiment de sécurité permettent de parler."),
    mc("referral",
       "In the intervention pyramid of mental health and psychosocial support, who needs "
       "specialised services?",
       "Dans la pyramide d'intervention en santé mentale et soutien psychosocial, qui a "
       "besoin de services spécialisés ?",
       [("A small share of people with severe distress or disorders",
         "Une petite partie des personnes en grande détresse ou souffrant de troubles",
         True),
        ("Every returnee", "Toutes les personnes de retour", False),
        ("Nobody", "Personne", False)],
       "Most people need basic services, family and community support; fewer need "
       "focused support, and a small share specialised care.",
       "La plupart ont besoin de services de base et du soutien familial et "
       "communautaire ; moins ont besoin d'un soutien ciblé, et une petite partie de "
       "soins spécialisés."),
    tf("referral",
       "Thoughts of suicide are a reason for immediate referral to specialised care.",
       "Des idées suicidaires justifient une orientation immédiate vers des soins "
       "spécialisés.",
       True,
       "A risk to life is an emergency: stay with the person and contact the specialised "
       "service at once.",
       "Un risque pour la vie est une urgence : restez avec la personne et contactez "
       "immédiatement le service spécialisé."),
    mc("referral",
       "Which signs call for referral to a health or mental health professional? "
       "(Choose every right answer.)",
       "Quels signes justifient une orientation vers un professionnel de santé ou de santé "
       "mentale ? (Cochez toutes les bonnes réponses.)",
       [("The person can no longer care for themself", "La personne ne peut plus "
         "s'occuper d'elle-même", True),
        ("Distress that lasts and worsens over weeks", "Une détresse qui dure et "
         "s'aggrave au fil des semaines", True),
        ("Being sad for one day after arrival", "Être triste un jour après l'arrivée",
         False)],
       "Lasting, worsening distress or loss of daily functioning goes beyond what "
       "community support can handle.",
       "Une détresse durable qui s'aggrave ou une perte du fonctionnement quotidien "
       "dépasse ce que le soutien communautaire peut prendre en charge."),
    mc("selfcare",
       "Why does community-based support matter for returnees?",
       "Pourquoi le soutien communautaire compte-t-il pour les personnes de retour ?",
       [("It restores belonging and reduces stigma",
         "Il rétablit l'appartenance et réduit la stigmatisation", True),
        ("It replaces all medical care", "Il remplace tous les soins médicaux", False),
        ("It makes the returnee leave again", "Il pousse la personne à repartir", False)],
       "Peer groups, family dialogue and community activities rebuild the social ties "
       "that migration and return may have broken.",
       "Les groupes de pairs, le dialogue familial et les activités communautaires "
       "reconstruisent les liens que la migration et le retour ont pu rompre."),
    tf("selfcare",
       "Helpers who listen to painful stories every day also need to look after their "
       "own wellbeing.",
       "Les aidants qui écoutent chaque jour des récits douloureux doivent aussi prendre "
       "soin de leur propre bien-être.",
       True,
       "Rest, supervision and peer support protect helpers from burnout and keep the care "
       "they give good.",
       "Le repos, la supervision et le soutien entre pairs protègent les aidants de "
       "l'épuisement et préservent la qualité de leur aide."),
    mc("selfcare",
       "Which is a sign of burnout in a social worker?",
       "Lequel de ces signes indique un épuisement chez un travailleur social ?",
       [("Feeling numb and detached from the people they help",
         "Se sentir vidé et détaché des personnes aidées", True),
        ("Taking a lunch break", "Prendre une pause déjeuner", False),
        ("Asking a colleague for advice", "Demander conseil à un collègue", False)],
       "Emotional numbness and cynicism are warning signs to talk about in supervision.",
       "L'engourdissement émotionnel et le cynisme sont des signaux d'alerte à aborder en "
       "supervision."),
    tf("pfa",
       "Psychosocial support should come before talking about a returnee's economic "
       "reintegration.",
       "Le soutien psychosocial doit précéder la discussion sur la réintégration "
       "économique d'une personne de retour.",
       True,
       "A person overwhelmed by distress cannot yet plan a business or a training.",
       "Une personne submergée par la détresse ne peut pas encore planifier une activité "
       "ou une formation."),
]

ESSAY = (
    "selfcare",
    "Aissata works in a transit centre in Bamako. A young woman who was detained on the "
    "route has not spoken since she arrived. What would you do in the first days?",
    "Aissata travaille dans un centre de transit à Bamako. Une jeune femme détenue sur la "
    "route n'a pas parlé depuis son arrivée. Que feriez-vous les premiers jours ?",
    "Expect: safety and basic needs, a calm private presence without pressure, looking for "
    "danger signs, linking with trusted people and services, referral to specialised care "
    "if needed, and the helper's own supervision.",
    "Attendu : sécurité et besoins de base, une présence calme et discrète sans pression, "
    "le repérage des signes de danger, le lien avec des personnes de confiance et les "
    "services, une orientation spécialisée si nécessaire, et la supervision de l'aidant.",
)

# Practice questions: a bank of their own. The practice quiz shows the right answer after each
# question, so none of these may sit in the post-test (services.questions_leaking).
PRACTICE = [
    tf("pfa",
       "Psychological first aid means asking the person to tell every detail of what happened.",
       "Les premiers secours psychologiques consistent à faire raconter chaque détail de ce "
       "qui s'est passé.",
       False,
       "Listen without pressing: the person decides what they share.",
       "Écoutez sans insister : la personne décide de ce qu'elle partage."),
    tf("pfa",
       "Meeting basic needs (water, food, a safe place) is part of psychological first aid.",
       "Répondre aux besoins de base (eau, nourriture, lieu sûr) fait partie des premiers "
       "secours psychologiques.",
       True,
       "Look, listen, link: practical help comes first and calms.",
       "Observer, écouter, orienter : l'aide pratique vient d'abord et apaise."),
    mc("referral",
       "Someone speaks of ending their life. What do you do?",
       "Quelqu'un parle de mettre fin à ses jours. Que faites-vous ?",
       [("Stay with them and refer them at once to specialised care",
         "Rester avec la personne et l'orienter tout de suite vers des soins spécialisés",
         True),
        ("Change the subject to avoid upsetting them", "Changer de sujet pour ne pas la "
         "bouleverser", False),
        ("Promise to keep it secret", "Promettre de garder le secret", False)],
       "A risk to life needs immediate specialised help; do not leave the person alone.",
       "Un risque pour la vie demande une aide spécialisée immédiate ; ne laissez pas la "
       "personne seule."),
    tf("selfcare",
       "Helpers who feel exhausted should talk about it with their team or supervisor.",
       "Les aidants épuisés devraient en parler à leur équipe ou à leur superviseur.",
       True,
       "Caring for yourself keeps you able to care for others.",
       "Prendre soin de soi permet de continuer à prendre soin des autres."),
    tf("selfcare",
       "Community groups have no role in psychosocial support.",
       "Les groupes communautaires n'ont aucun rôle dans le soutien psychosocial.",
       False,
       "Family, community and peer groups are the first layer of support.",
       "La famille, la communauté et les groupes de pairs sont le premier niveau de soutien."),
]
