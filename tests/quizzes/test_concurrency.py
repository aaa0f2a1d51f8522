"""Two requests at once cannot create two attempts or answer a question twice (PostgreSQL)."""

import threading

import pytest

from django.db import connection

from lms.quizzes import services
from lms.quizzes.models import Sitting, SittingAnswer
from tests.factories import UserFactory

from .factories import make_quiz, tf_question


@pytest.fixture
def tree(transactional_db, django_db_serialized_rollback):
    """Committed rows (threads use their own connections). Serialized rollback restores the
    migrations' data (Wagtail's root, regions) afterwards, as every transactional test here does:
    mixing flushed and restored transactional tests duplicates content types on PostgreSQL."""
    from wagtail.models import Locale, Page

    from tests.factories import build_site_tree

    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    return build_site_tree()


def _race(target, n: int = 4) -> list:
    barrier = threading.Barrier(n)
    results: list = []

    def run():
        try:
            barrier.wait()
            results.append(target())
        except Exception as exc:
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.mark.postgres
def test_simultaneous_starts_make_one_attempt(tree):
    quiz = make_quiz(course=tree["course"], questions=[tf_question()],
                     single_attempt=True)
    trainee = UserFactory()
    results = _race(lambda: services.sitting_start(user=trainee, quiz=quiz).pk)
    assert Sitting.objects.filter(user=trainee, quiz=quiz).count() == 1
    only = Sitting.objects.get(user=trainee, quiz=quiz).pk
    assert all(result == only for result in results), results


@pytest.mark.postgres
def test_simultaneous_second_attempts_of_a_single_attempt_quiz(tree):
    question = tf_question()
    quiz = make_quiz(course=tree["course"], questions=[question], single_attempt=True)
    trainee = UserFactory()
    services.sitting_finish(sitting=services.sitting_start(user=trainee, quiz=quiz))
    results = _race(lambda: services.sitting_start(user=trainee, quiz=quiz))
    assert all(isinstance(result, services.AlreadyTaken) for result in results), results
    assert Sitting.objects.filter(user=trainee, quiz=quiz).count() == 1


@pytest.mark.postgres
def test_simultaneous_answers_to_one_question(tree):
    questions = [tf_question(answer=True), tf_question(answer=True)]
    quiz = make_quiz(course=tree["course"], questions=questions)
    sitting = services.sitting_start(user=UserFactory(), quiz=quiz)
    first = sitting.question_ids[0]
    values = iter([True, False, True, False])
    lock = threading.Lock()

    def answer():
        with lock:
            value = next(values)
        return services.sitting_answer(sitting=sitting, question_id=first, boolean=value)

    results = _race(answer)
    stored = [r for r in results if isinstance(r, SittingAnswer)]
    assert len(stored) == 1
    assert SittingAnswer.objects.filter(sitting=sitting, question_id=first).count() == 1
    assert all(isinstance(r, services.QuizError) for r in results if r not in stored)
