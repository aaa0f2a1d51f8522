"""Starting, resuming, single attempts, the time limit, answers after the end."""

import datetime

import pytest

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.quizzes import services
from lms.quizzes.models import Sitting
from tests.factories import enroll, make_cohort

from .factories import make_quiz, tf_question

pytestmark = pytest.mark.django_db


def test_start_records_the_draw_and_the_latest_cohort(course, quiz, trainee):
    old, recent = make_cohort(course=course), make_cohort(course=course)
    enroll(old, trainee)
    enroll(recent, trainee)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    assert sorted(sitting.question_ids) == sorted(quiz.questions.values_list("pk", flat=True))
    assert sitting.cohort == recent
    assert sitting.single_attempt is False and sitting.deadline is None


def test_start_without_enrollment_has_no_cohort(quiz, trainee):
    assert services.sitting_start(user=trainee, quiz=quiz).cohort is None


def test_unfinished_attempt_is_resumed(quiz, trainee, bank):
    first = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=first, question_id=bank["tf"].pk, boolean=True)
    again = services.sitting_start(user=trainee, quiz=quiz)
    assert again.pk == first.pk
    assert services.sitting_next_question_id(sitting=again) != bank["tf"].pk
    assert Sitting.objects.filter(user=trainee).count() == 1


def test_new_attempt_after_finishing_when_allowed(quiz, trainee):
    first = services.sitting_finish(sitting=services.sitting_start(user=trainee, quiz=quiz))
    second = services.sitting_start(user=trainee, quiz=quiz)
    assert second.pk != first.pk
    assert Sitting.objects.filter(user=trainee, quiz=quiz).count() == 2  # every paper kept


def test_single_attempt_refuses_a_second_attempt(course, trainee):
    quiz = make_quiz(course=course, questions=[tf_question()], single_attempt=True)
    services.sitting_finish(sitting=services.sitting_start(user=trainee, quiz=quiz))
    with pytest.raises(services.AlreadyTaken):
        services.sitting_start(user=trainee, quiz=quiz)


def test_single_attempt_is_enforced_by_the_database(course, trainee):
    """Even code that skips the service check cannot store a second attempt."""
    quiz = make_quiz(course=course, questions=[tf_question()], single_attempt=True)
    done = services.sitting_finish(sitting=services.sitting_start(user=trainee, quiz=quiz))
    assert done.is_complete
    with pytest.raises(IntegrityError), transaction.atomic():
        Sitting.objects.create(user=trainee, quiz=quiz, single_attempt=True,
                               question_ids=done.question_ids)


def test_one_open_attempt_per_quiz_in_the_database(quiz, trainee):
    services.sitting_start(user=trainee, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sitting.objects.create(user=trainee, quiz=quiz, question_ids=[1])


def test_losing_a_start_race_resumes_the_winner(quiz, trainee, monkeypatch):
    """Simulate the second of two simultaneous requests: it saw no open attempt, then hit
    the constraint, and must hand back the winner's attempt."""
    winner = services.sitting_start(user=trainee, quiz=quiz)
    monkeypatch.setattr(services, "sitting_open_for",
                        lambda *, user, quiz, _calls=[]: (_calls.append(1), None)[1]
                        if not _calls else Sitting.objects.get(pk=winner.pk))
    assert services.sitting_start(user=trainee, quiz=quiz).pk == winner.pk
    assert Sitting.objects.filter(user=trainee, quiz=quiz).count() == 1


def test_quiz_without_questions_cannot_start(course, trainee):
    with pytest.raises(services.QuizError):
        services.sitting_start(user=trainee, quiz=make_quiz(course=course))


def test_answers_cannot_change_or_repeat(quiz, trainee, bank):
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=False)
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=True)
    assert sitting.answers.get().boolean is False


def test_no_answer_after_the_attempt_is_finished(quiz, trainee, bank):
    sitting = services.sitting_finish(sitting=services.sitting_start(user=trainee, quiz=quiz))
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=True)
    assert not sitting.answers.exists()


def test_question_outside_the_attempt_is_refused(course, trainee, bank):
    quiz = make_quiz(course=course, questions=[bank["single"]])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=True)


def test_question_not_drawn_is_refused(course, trainee):
    questions = [tf_question() for _ in range(5)]
    quiz = make_quiz(course=course, questions=questions, max_questions=2)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    left_out = next(q for q in questions if q.pk not in sitting.question_ids)
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=left_out.pk, boolean=True)


class TestTimeLimit:
    def start(self, course, trainee, questions):
        quiz = make_quiz(course=course, questions=questions, time_limit_minutes=10)
        now = timezone.now()
        return services.sitting_start(user=trainee, quiz=quiz, now=now), now

    def test_deadline_is_set(self, course, trainee):
        sitting, now = self.start(course, trainee, [tf_question()])
        assert sitting.deadline == now + datetime.timedelta(minutes=10)

    def test_late_answer_is_not_counted_and_closes_the_attempt(self, course, trainee):
        questions = [tf_question(answer=True), tf_question(answer=True)]
        sitting, now = self.start(course, trainee, questions)
        first, second = sitting.question_ids
        services.sitting_answer(sitting=sitting, question_id=first, boolean=True,
                                now=now + datetime.timedelta(minutes=9))
        with pytest.raises(services.TimeIsUp):
            services.sitting_answer(sitting=sitting, question_id=second, boolean=True,
                                    now=now + datetime.timedelta(minutes=11))
        sitting.refresh_from_db()
        assert sitting.is_complete
        assert sitting.answers.count() == 1
        assert sitting.score_percent == 50

    def test_expired_attempt_is_closed_instead_of_resumed(self, course, trainee):
        question = tf_question()
        sitting, now = self.start(course, trainee, [question])
        later = now + datetime.timedelta(minutes=30)
        fresh = services.sitting_start(user=trainee, quiz=sitting.quiz, now=later)
        sitting.refresh_from_db()
        assert sitting.is_complete and sitting.score_percent == 0
        assert fresh.pk != sitting.pk

    def test_answer_in_time_counts(self, course, trainee):
        question = tf_question(answer=True)
        sitting, now = self.start(course, trainee, [question])
        answer = services.sitting_answer(sitting=sitting, question_id=question.pk, boolean=True,
                                         now=now + datetime.timedelta(minutes=9, seconds=59))
        assert answer.is_correct

