"""Save parsed GIFT questions into the bank: everything or nothing."""

from django.db import transaction

from ..models import Answer, Category, Question
from .parser import GiftQuestion, parse_gift


def _category(path: list[str], root: Category | None, cache: dict) -> Category:
    parent = root
    for name in path:
        key = (parent.pk if parent else None, name)
        if key not in cache:
            cache[key], _created = Category.objects.get_or_create(parent=parent, name_en=name)
        parent = cache[key]
    return parent


@transaction.atomic
def gift_import(*, source: str, root: Category | None = None, language: str = "en",
                quiz=None) -> list[Question]:
    """Create the file's questions (text in `language`, "en" or "fr"), in `root` or the
    file's `$CATEGORY` paths (below `root` when both). Raises GiftError before writing
    anything when the file has any problem."""
    parsed: list[GiftQuestion] = parse_gift(source)
    suffix = "fr" if language == "fr" else "en"
    cache: dict = {}
    default = root or _category(["Imported"], None, cache)
    created = []
    for item in parsed:
        category = _category(item.category, root, cache) if item.category else default
        # English is the fallback language, so it is always filled.
        texts = {"text_en": item.text, f"text_{suffix}": item.text,
                 f"explanation_{suffix}": item.explanation}
        question = Question.objects.create(
            category=category, kind=item.kind, title=item.title[:200],
            true_false_answer=item.true_false, **texts,
        )
        Answer.objects.bulk_create([
            Answer(question=question, sort_order=i, is_correct=a.correct,
                   **{"text_en": a.text[:500], f"text_{suffix}": a.text[:500]})
            for i, a in enumerate(item.answers)
        ])
        created.append(question)
    if quiz is not None:
        quiz.questions.add(*created)
        quiz.save()  # a ParentalManyToManyField is written on save
    return created
