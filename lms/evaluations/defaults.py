"""The reaction question set every site starts with (data migration 0002): Likert items on
content, facilitation, relevance to their work, venue and logistics, then two open questions.
"""

DEFAULT_SET = {
    "name_en": "End-of-training evaluation",
    "name_fr": "Évaluation de fin de formation",
    "intro_en": "Your answers help the facilitators improve the next trainings. Tick how far "
                "you agree with each sentence.",
    "intro_fr": "Vos réponses aident les formateurs à améliorer les prochaines formations. "
                "Indiquez à quel point vous êtes d'accord avec chaque phrase.",
}
# (kind, topic, required, English, French)
DEFAULT_ITEMS = [
    ("likert", "content", True, "The content of the training was clear and useful.",
     "Le contenu de la formation était clair et utile."),
    ("likert", "facilitation", True, "The facilitators explained well and let us take part.",
     "Les formateurs ont bien expliqué et nous ont fait participer."),
    ("likert", "relevance", True, "What I learnt is relevant to my work.",
     "Ce que j'ai appris est utile pour mon travail."),
    ("likert", "venue", True, "The venue, materials and logistics were suitable.",
     "Le lieu, le matériel et la logistique étaient adaptés."),
    ("open", "apply", False, "What will you apply in your work?",
     "Qu'allez-vous appliquer dans votre travail ?"),
    ("open", "missing", False, "What was missing from this training?",
     "Qu'est-ce qui a manqué à cette formation ?"),
]


def default_set_ensure(*, question_set_model, item_model):
    """Create the default set when no set is the default (idempotent)."""
    existing = question_set_model.objects.filter(is_default=True).first()
    if existing is not None:
        return existing
    question_set = question_set_model.objects.create(is_default=True, **DEFAULT_SET)
    item_model.objects.bulk_create([
        item_model(question_set=question_set, sort_order=index, kind=kind, topic=topic,
                   required=required, text_en=english, text_fr=french)
        for index, (kind, topic, required, english, french) in enumerate(DEFAULT_ITEMS)
    ])
    return question_set
