"""The demo step: bilingual tests for each course and realistic attempts, loaded once."""

import datetime

import pytest

from django.utils import timezone

from lms.cohorts.models import Enrollment
from lms.quizzes import demo, services
from lms.quizzes.models import Question, Quiz, Sitting
from lms.quizzes.selectors import gain_summary
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohorts(course):
    today = timezone.localdate()
    past = make_cohort(course=course, start_date=today - datetime.timedelta(days=60),
                       end_date=today - datetime.timedelta(days=58))
    ongoing = make_cohort(course=course, start_date=today - datetime.timedelta(days=1),
                          end_date=today + datetime.timedelta(days=1))
    future = make_cohort(course=course, start_date=today + datetime.timedelta(days=30),
                         end_date=today + datetime.timedelta(days=32))
    enroll(past, *[UserFactory() for _ in range(30)])
    enroll(ongoing, *[UserFactory() for _ in range(5)], UserFactory(username="trainee"))
    enroll(future, *[UserFactory() for _ in range(3)])
    return {"past": past, "ongoing": ongoing, "future": future}


def test_demo_quizzes_and_attempts(cohorts, completion):
    summary = demo.load()
    assert "3 quizzes for 1 courses" in summary
    pre, post = Quiz.objects.get(slug="nrm-pre-test"), Quiz.objects.get(slug="nrm-post-test")
    assert pre.questions.count() >= 10 and post.questions.count() >= 10
    kinds = set(post.questions.values_list("kind", flat=True))
    assert kinds == {"mc", "tf", "essay"}
    multi = [q for q in post.questions.filter(kind="mc")
             if q.answers.filter(is_correct=True).count() > 1]
    assert multi
    assert not Question.objects.filter(text_fr="").exists()
    assert not pre.questions.filter(kind="essay").exists()
    # Nothing in the demo gives a post-test's answers away (issue 10): the pre-test shows
    # no answers and the practice quiz has questions of its own.
    practice = Quiz.objects.get(slug="nrm-practice")
    assert not pre.show_answers and practice.show_answers
    assert not set(practice.questions.all()) & set(post.questions.all())
    for quiz in Quiz.objects.all():
        assert services.questions_leaking(
            purpose=quiz.purpose, show_answers=quiz.show_answers,
            questions=list(quiz.questions.all()), quiz_pk=quiz.pk) == []

    # 30 past trainees took both tests; 5 ongoing only the pre-test; the future cohort none.
    assert Sitting.objects.filter(quiz=pre).count() == 35
    assert Sitting.objects.filter(quiz=post).values("user").distinct().count() == 30
    assert not Sitting.objects.filter(user__username="trainee").exists()
    assert not Sitting.objects.filter(cohort=cohorts["future"]).exists()
    assert completion.call_count == 30

    figures = gain_summary(enrollments=Enrollment.objects.filter(cohort=cohorts["past"]))
    assert 40 <= figures["avg_pre"] <= 65
    assert 65 <= figures["avg_post"] <= 95
    assert figures["avg_gain"] > 10
    scores = list(Sitting.objects.filter(quiz=post).values_list("score_percent", flat=True))
    assert len(set(scores)) > 3


def test_demo_is_idempotent(cohorts, completion):
    demo.load()
    counts = (Quiz.objects.count(), Question.objects.count(), Sitting.objects.count())
    assert "0 new attempts" in demo.load()
    assert counts == (Quiz.objects.count(), Question.objects.count(), Sitting.objects.count())


def test_demo_without_courses_does_nothing(db):
    assert "skipped" in demo.load()
    assert not Quiz.objects.exists()
