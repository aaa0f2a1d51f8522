"""The question an attempt shows and grades, read once per change of the bank.

A trainee's question page and answer both need the question with its options: two wide
queries per request on the quiz server's hot path, for rows that change only when an editor
saves or publishes. They are kept in the configured cache under the `QUESTIONS` generation
(`lms/core/generations.py`), replaced whenever a question or an option is saved or deleted
(publishing a revision saves both), so every web process sees a change on its next request.

The question page's answer widgets (radio buttons, checkboxes...) are rendered from the same
rows: their HTML is kept under the same generation, per language.

A course page lists the course's quizzes, and an attempt's pages show its quiz: the same rows
for every reader, kept under the `QUIZ_LISTS` generation, replaced whenever a quiz is saved
(published, unpublished, edited) or deleted. Each reader's attempts are read per request.
"""

from django.db.models.signals import post_delete, post_save
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

from lms.core.generations import Generation
from lms.core.i18n import pick

from .models import Answer, Question, Quiz

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


def connect_invalidation() -> None:
    """Called once from `QuizzesConfig.ready()`."""
    for model in (Question, Answer):
        post_save.connect(QUESTIONS.invalidate, sender=model,
                          dispatch_uid=f"quiz-bank-save-{model.__name__}")
        post_delete.connect(QUESTIONS.invalidate, sender=model,
                            dispatch_uid=f"quiz-bank-delete-{model.__name__}")
    post_save.connect(QUIZ_LISTS.invalidate, sender=Quiz, dispatch_uid="quiz-lists-save")
    post_delete.connect(QUIZ_LISTS.invalidate, sender=Quiz, dispatch_uid="quiz-lists-delete")
