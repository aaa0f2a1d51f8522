"""The question an attempt shows and grades, read once per change of the bank.

A trainee's question page and answer both need the question with its options: two wide
queries per request on the quiz server's hot path, for rows that change only when an editor
saves or publishes. They are kept in the configured cache under the `QUESTIONS` generation
(`lms/core/generations.py`), replaced whenever a question or an option is saved or deleted
(publishing a revision saves both), so every web process sees a change on its next request.

The question page's answer widgets (radio buttons, checkboxes...) are rendered from the same
rows: their HTML is kept under the same generation, per language.

Starting an attempt draws among the quiz's live questions (in the order of their category's
name, then id) and copies the drawn questions' answer key: both come from one entry per quiz,
kept under this generation and the quiz list's (`quiz_draw`), so an edited, published or
unpublished question, a renamed category or a quiz published with other questions shows on the
next start. The result page reviews the drawn questions from the cache too (`review_questions`).

A course page lists the course's quizzes, and an attempt's pages show its quiz: the same rows
for every reader, kept under the `QUIZ_LISTS` generation, replaced whenever a quiz is saved
(published, unpublished, edited) or deleted. Each reader's attempts are read per request.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

from lms.core.generations import Generation
from lms.core.i18n import pick

from . import grading
from .models import Answer, Category, Question, Quiz

QUESTIONS = Generation("quiz-bank")
QUIZ_LISTS = Generation("quiz-lists")


def question_with_answers(question_id: int, *, request=None) -> Question:
    """The question with its options prefetched (`question.answers.all()` reads no table);
    raises Question.DoesNotExist like `.get()`."""
    question = QUESTIONS.cached(
        request, "question", (question_id,),
        lambda: Question.objects.prefetch_related("answers").filter(pk=question_id).first())
    if question is None:
        raise Question.DoesNotExist(question_id)
    return question


def quiz_draw(quiz: Quiz, *, request=None) -> tuple[list[int], dict[str, dict]]:
    """The ids of `quiz`'s live questions in draw order (category name, then id) and each
    one's answer key entry (`grading.key_entry`), as the database has them now: once per
    change of the bank (questions, options, categories) or of any quiz (its questions)."""
    def compute() -> tuple[list[int], dict[str, dict]]:
        questions = list(quiz.questions.filter(live=True).order_by("category__name_en", "pk")
                         .prefetch_related("answers"))
        return [q.pk for q in questions], {str(q.pk): grading.key_entry(q) for q in questions}

    return QUESTIONS.cached(request, "draw", (quiz.pk, QUIZ_LISTS.token(request)), compute)


def review_questions(question_ids, *, request=None) -> dict[int, Question]:
    """Question id → the question with its category and options (`answers.all()` reads no
    table), for these ids that still exist: once per change of the bank and set of ids (every
    attempt at a quiz drawing all its questions shares one entry)."""
    ids = sorted(set(question_ids))

    def compute() -> dict[int, Question]:
        questions = Question.objects.filter(pk__in=ids).select_related(
            "category").prefetch_related("answers")
        return {q.pk: q for q in questions}

    return QUESTIONS.cached(request, "review", tuple(ids), compute)


def answer_widget(question_id: int, name: str, language: str, render) -> str:
    """The HTML of an unbound answer form's field `name` for this question in `language`
    (`render()`), once per change of the bank: the options' labels come from the question's
    rows, nothing else (no input, no error) goes into it. Rendering the widgets' templates
    was a third of a question page's rendering."""
    return QUESTIONS.cached(None, "widget", (question_id, name, language), render)


def course_quiz_list(translation_key, *, drafts: bool, compute, request=None) -> list[Quiz]:
    """`compute()` (the course's quizzes, drafts included or not) once per change of any
    quiz."""
    return QUIZ_LISTS.cached(request, "course", (translation_key, drafts), compute)


def quiz_labels(quizzes: list[Quiz], *, request=None) -> dict[int, tuple[str, str, str]]:
    """Quiz id → (title, purpose, URL of its page) in the active language, what a course
    page's list prints: once per language and change of any quiz, instead of a `reverse`
    and two translations per quiz on every request."""
    def compute() -> dict[int, tuple[str, str, str]]:
        return {quiz.pk: (pick(quiz, "title"), str(quiz.get_purpose_display()),
                          reverse("quizzes:detail", kwargs={"slug": quiz.slug}))
                for quiz in quizzes}

    parts = (get_language(), get_script_prefix(), *sorted(quiz.pk for quiz in quizzes))
    return QUIZ_LISTS.cached(request, "labels", parts, compute)


def quiz_by_id(quiz_id: int, *, request=None) -> Quiz | None:
    """The quiz row an attempt belongs to, once per change of any quiz (None if deleted)."""
    return QUIZ_LISTS.cached(request, "quiz", (quiz_id,),
                             lambda: Quiz.objects.filter(pk=quiz_id).first())


def quiz_by_slug(slug: str, *, request=None) -> Quiz | None:
    """The quiz row with this slug, live or not (callers apply the visibility rule), once
    per change of any quiz (None if there is none)."""
    return QUIZ_LISTS.cached(request, "slug", (slug,),
                             lambda: Quiz.objects.filter(slug=slug).first())


def connect_invalidation() -> None:
    """Called once from `QuizzesConfig.ready()`."""
    for model in (Question, Answer, Category):  # a category's name orders the draw
        post_save.connect(QUESTIONS.invalidate, sender=model,
                          dispatch_uid=f"quiz-bank-save-{model.__name__}")
        post_delete.connect(QUESTIONS.invalidate, sender=model,
                            dispatch_uid=f"quiz-bank-delete-{model.__name__}")
    post_save.connect(QUIZ_LISTS.invalidate, sender=Quiz, dispatch_uid="quiz-lists-save")
    post_delete.connect(QUIZ_LISTS.invalidate, sender=Quiz, dispatch_uid="quiz-lists-delete")
    # A quiz's questions are written after its row and its post_save (modelcluster commits
    # the relation then): their own change forgets the draws again, after the write.
    m2m_changed.connect(QUIZ_LISTS.invalidate, sender=Quiz.questions.through,
                        dispatch_uid="quiz-lists-questions")
