"""Save parsed GIFT questions into the bank: everything or nothing, in a few bulk queries."""

from decimal import Decimal

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


def _both(field: str, value: str, suffix: str) -> dict:
    """The file's language, and English too: it is the fallback every page can show."""
    return {f"{field}_en": value, f"{field}_{suffix}": value}


def _question(item: GiftQuestion, category: Category, suffix: str, live: bool) -> Question:
    return Question(
        live=live, has_unpublished_changes=not live,
        category=category, kind=item.kind, title=item.title, text_format=item.text_format,
        true_false_answer=item.true_false,
        **_both("text", item.text, suffix), **_both("explanation", item.explanation, suffix),
        **_both("feedback_right", item.feedback_right, suffix),
        **_both("feedback_wrong", item.feedback_wrong, suffix),
    )


def _answers(item: GiftQuestion, question: Question, suffix: str) -> list[Answer]:
    return [
        Answer(question=question, sort_order=i, is_correct=a.correct,
               weight=None if a.weight is None else Decimal(str(a.weight)),
               number=a.number, tolerance=a.tolerance,
               **_both("text", a.text, suffix), **_both("feedback", a.feedback, suffix),
               **_both("match", a.match, suffix))
        for i, a in enumerate(item.answers)
    ]


@transaction.atomic
def gift_import(*, source: str, root: Category | None = None, language: str = "en",
                quiz=None, live: bool = True) -> list[Question]:
    """Create the file's questions (text in `language`, "en" or "fr"), in `root` or the
    file's `$CATEGORY` paths (below `root` when both). Raises GiftError before writing
    anything when the file has any problem. The number of queries does not grow with the
    number of questions (bulk inserts), only with the number of categories.

    With `live=False` (an importer who may not publish questions) the questions are drafts:
    no attempt draws them until a curriculum editor publishes them (lms/quizzes/review.py)."""
    parsed: list[GiftQuestion] = parse_gift(source)
    suffix = "fr" if language == "fr" else "en"
    cache: dict = {}
    default = root or _category(["Imported"], None, cache)
    questions = [
        _question(item, _category(item.category, root, cache) if item.category else default,
                  suffix, live)
        for item in parsed
    ]
    created = Question.objects.bulk_create(questions, batch_size=500)
    Answer.objects.bulk_create(
        [answer for item, question in zip(parsed, created, strict=True)
         for answer in _answers(item, question, suffix)],
        batch_size=1000)
    if quiz is not None:
        link = Question.quizzes.through
        link.objects.bulk_create([link(quiz_id=quiz.pk, question_id=q.pk) for q in created],
                                 batch_size=1000, ignore_conflicts=True)
    return created
