"""Selectors other apps use: post-test passed, knowledge gain computed in the database."""

from decimal import Decimal

import pytest

from django.db.models import Q

from lms.cohorts.models import Enrollment
from lms.quizzes import selectors, services
from lms.quizzes.models import Quiz
from tests.factories import UserFactory, enroll, make_cohort

from .factories import essay_question, make_quiz, tf_question

pytestmark = pytest.mark.django_db


def sit(user, quiz, right: int, *, essay_text=None):
    """Answer the quiz's true/false questions, `right` of them correctly."""
    sitting = services.sitting_start(user=user, quiz=quiz)
    for i, pk in enumerate(sitting.question_ids):
        question = quiz.questions.get(pk=pk)
        if question.is_essay:
            services.sitting_answer(sitting=sitting, question_id=pk, essay_text=essay_text)
        else:
            services.sitting_answer(sitting=sitting, question_id=pk, boolean=i < right)
    sitting.refresh_from_db()
    return sitting


@pytest.fixture
def tests_of(course, completion):
    questions = [tf_question(answer=True) for _ in range(4)]
    return {
        "pre": make_quiz(course=course, questions=questions, purpose=Quiz.Purpose.PRE_TEST),
        "post": make_quiz(course=course, questions=questions, purpose=Quiz.Purpose.POST_TEST,
                          pass_mark=75),
    }


def test_post_test_passed_in_any_locale(course, tests_of, trainee):
    from wagtail.models import Locale

    french = course.copy_for_translation(Locale.objects.get(language_code="fr"),
                                         copy_parents=True)
    assert not selectors.post_test_passed(user=trainee, course=course)
    sit(trainee, tests_of["post"], right=2)
    assert not selectors.post_test_passed(user=trainee, course=french)
    sit(trainee, tests_of["post"], right=3)
    assert selectors.post_test_passed(user=trainee, course=course)
    assert selectors.post_test_passed(user=trainee, course=french)


def test_passed_pre_test_or_practice_does_not_count(course, tests_of, trainee):
    sit(trainee, tests_of["pre"], right=4)
    practice = make_quiz(course=course, questions=[tf_question()])
    sit(trainee, practice, right=1)
    assert not selectors.post_test_passed(user=trainee, course=course)


def test_post_test_awaiting_marking_is_not_passed(course, trainee, completion):
    quiz = make_quiz(course=course, questions=[essay_question()],
                     purpose=Quiz.Purpose.POST_TEST, pass_mark=0)
    sit(trainee, quiz, right=0, essay_text="My essay")
    assert not selectors.post_test_passed(user=trainee, course=course)


def test_enrollments_with_scores_and_gain(course, tests_of, django_assert_num_queries):
    cohort = make_cohort(course=course)
    ada, ben, cat = (UserFactory() for _ in range(3))
    enroll(cohort, ada, ben, cat)
    sit(ada, tests_of["pre"], right=1)   # 25
    sit(ada, tests_of["pre"], right=4)   # a second pre-test does not replace the first
    sit(ada, tests_of["post"], right=2)  # 50
    sit(ada, tests_of["post"], right=4)  # 100: best post-test counts
    sit(ben, tests_of["pre"], right=2)   # 50, no post-test yet
    with django_assert_num_queries(1):
        rows = {e.trainee_id: e for e in selectors.enrollments_with_scores(
            enrollments=Enrollment.objects.filter(cohort=cohort))}
    assert (rows[ada.pk].pre_score, rows[ada.pk].post_score, rows[ada.pk].gain) == (
        Decimal("25"), Decimal("100"), Decimal("75"))
    assert (rows[ben.pk].pre_score, rows[ben.pk].post_score, rows[ben.pk].gain) == (
        Decimal("50"), None, None)
    assert rows[cat.pk].pre_score is None and rows[cat.pk].gain is None


def test_scores_belong_to_the_enrollments_course(course, tests_of, site_tree):
    from curriculum.models import CoursePage

    other_course = site_tree["catalogue"].add_child(instance=CoursePage(
        title="Psychosocial", slug="psy", code="psychosocial", summary="x"))
    trainee = UserFactory()
    enroll(make_cohort(course=other_course), trainee)
    sit(trainee, tests_of["pre"], right=4)
    row = selectors.enrollments_with_scores(
        enrollments=Enrollment.objects.filter(trainee=trainee)).get()
    assert row.pre_score is None


def test_gain_summary_per_cohort(course, tests_of, django_assert_num_queries):
    kayes, mopti = make_cohort(course=course), make_cohort(course=course, region_name="Mopti")
    people = [UserFactory() for _ in range(3)]
    enroll(kayes, people[0], people[1])
    enroll(mopti, people[2])
    for person, (pre, post) in zip(people, [(1, 3), (2, 4), (0, 4)], strict=True):
        sit(person, tests_of["pre"], right=pre)
        sit(person, tests_of["post"], right=post)
    with django_assert_num_queries(1):
        summary = selectors.gain_summary(enrollments=Enrollment.objects.filter(cohort=kayes))
    assert summary == {"avg_pre": Decimal("37.5"), "avg_post": Decimal("87.5"),
                       "avg_gain": Decimal("50.0"), "n_pre": 2, "n_post": 2, "n": 2}
    region = selectors.gain_summary(
        enrollments=Enrollment.objects.filter(Q(cohort__region__name="Mopti")))
    assert region["avg_gain"] == Decimal("100.0") and region["n"] == 1
    empty = selectors.gain_summary(enrollments=Enrollment.objects.none())
    assert empty["n"] == 0 and empty["avg_gain"] is None


def test_quizzes_for_course_hides_drafts_except_for_editors(course, roles_ready):
    published = make_quiz(course=course, questions=[tf_question()])
    draft = make_quiz(course=course, questions=[tf_question()], live=False)
    trainee = UserFactory(roles=["Trainees"])
    editor = UserFactory(roles=["Curriculum editors"])
    assert list(selectors.quizzes_for_course(course=course, user=trainee)) == [published]
    assert set(selectors.quizzes_for_course(course=course, user=editor)) == {published, draft}
    assert list(selectors.quizzes_for_course(course=course)) == [published]


def test_course_quizzes_in_teaching_order(course):
    post = make_quiz(course=course, questions=[tf_question()], purpose=Quiz.Purpose.POST_TEST)
    practice = make_quiz(course=course, questions=[tf_question()])
    pre = make_quiz(course=course, questions=[tf_question()], purpose=Quiz.Purpose.PRE_TEST)
    assert list(selectors.quizzes_for_course(course=course)) == [pre, practice, post]
