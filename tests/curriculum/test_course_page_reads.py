"""The course page's three per-trainee reads run as prepared SQL (`lms/core/prepared.py`):
module completions, open enrollments with their cohorts, the latest attempt at each quiz.
Each must return what its ORM version returns, field by field and type by type, for a
trainee with nothing yet, an enrolled one, a completed or withdrawn one and one with
attempts; and a change shows on the course page at the next request (nothing is cached)."""

import datetime
from decimal import Decimal

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from curriculum import selectors as curriculum_selectors
from curriculum import services
from curriculum.models import ModuleCompletion
from lms.cohorts.completion import open_enrollments
from lms.cohorts.models import Enrollment
from lms.quizzes import selectors as quiz_selectors
from lms.quizzes.models import Sitting
from tests.curriculum.factories import translate_tree
from tests.factories import UserFactory, enroll, make_cohort
from tests.quizzes.factories import make_quiz, mc_question
from tests.rows import as_loaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee():
    return UserFactory(roles=["Trainees"])


# --- Module completions ------------------------------------------------------------------

def _orm_keys(user) -> frozenset:
    return frozenset(ModuleCompletion.objects.filter(user=user)
                     .values_list("module_key", flat=True))


def test_completed_keys_equal_the_orm_s(site_tree, trainee):
    other = UserFactory(roles=["Trainees"])
    services.module_mark_complete(user=other, module=site_tree["modules"][1])
    assert curriculum_selectors.completed_module_keys(user=trainee) == frozenset()
    services.module_mark_complete(user=trainee, module=site_tree["modules"][0])
    keys = curriculum_selectors.completed_module_keys(user=trainee)
    assert keys == _orm_keys(trainee) == {site_tree["modules"][0].translation_key}
    assert curriculum_selectors.completed_module_keys(user=AnonymousUser()) == frozenset()


def test_progress_counts_only_the_course_s_modules(site_tree, trainee):
    """Completions are read whole; progress keeps the course's keys among them."""
    unrelated = ModuleCompletion.objects.create(user=trainee)  # a module since deleted
    services.module_mark_complete(user=trainee, module=site_tree["modules"][1])
    course = site_tree["course"]
    progress = services.course_progress(user=trainee, course=course)
    assert (progress.completed, progress.total) == (1, 2)
    assert unrelated.module_key not in progress.completed_keys


# --- Open enrollments --------------------------------------------------------------------

def _orm_enrollments(user, course=None) -> list[Enrollment]:
    enrollments = Enrollment.objects.filter(
        trainee=user, status=Enrollment.Status.ENROLLED).select_related(
        "cohort").order_by("cohort__start_date", "pk")
    if course is not None:
        enrollments = enrollments.filter(cohort__course__translation_key=course.translation_key)
    return list(enrollments)


def _same_enrollments(found: list[Enrollment], expected: list[Enrollment]) -> None:
    assert [as_loaded(e) for e in found] == [as_loaded(e) for e in expected]
    assert [as_loaded(e.cohort) for e in found] == [as_loaded(e.cohort) for e in expected]


def test_open_enrollments_equal_the_orm_s(site_tree, trainee):
    course = site_tree["course"]
    assert open_enrollments(user=trainee, course_key=course.translation_key) == []

    other_course = site_tree["catalogue"].add_child(instance=type(course)(
        title="Other", slug="other", code="other", summary="Another course."))
    later = make_cohort(course=course, start_date=datetime.date(2025, 1, 6),
                        end_date=datetime.date(2025, 1, 8))
    earlier = make_cohort(course=course)
    elsewhere = make_cohort(course=other_course)
    done, withdrawn = make_cohort(course=course), make_cohort(course=course)
    for cohort in (later, earlier, elsewhere, done, withdrawn):
        enroll(cohort, trainee)
    Enrollment.objects.filter(cohort=done).update(status=Enrollment.Status.COMPLETED,
                                                  completed_at=timezone.now())
    Enrollment.objects.filter(cohort=withdrawn).update(status=Enrollment.Status.WITHDRAWN)
    enroll(earlier, UserFactory(roles=["Trainees"]))  # someone else's

    found = open_enrollments(user=trainee, course_key=course.translation_key)
    assert [e.cohort for e in found] == [earlier, later]
    _same_enrollments(found, _orm_enrollments(trainee, course))
    assert all(e.trainee is trainee for e in found)

    everywhere = open_enrollments(user=trainee)
    assert {e.cohort for e in everywhere} == {earlier, later, elsewhere}
    _same_enrollments(everywhere, _orm_enrollments(trainee))

    # The French page shares the course's translation key: the same cohorts.
    french = translate_tree(site_tree)["course"]
    assert french.pk != course.pk
    _same_enrollments(open_enrollments(user=trainee, course_key=french.translation_key),
                      _orm_enrollments(trainee, course))


# --- Latest attempt at each quiz ---------------------------------------------------------

def _orm_latest(user, quiz) -> Sitting | None:
    return Sitting.objects.filter(user=user, quiz=quiz).order_by("-started_at", "-pk").first()


def test_latest_sittings_equal_the_orm_s(site_tree, trainee):
    course = site_tree["course"]
    question = mc_question()
    attempted, tied, untouched = (make_quiz(course=course, questions=[question])
                                  for _ in range(3))
    assert quiz_selectors.latest_sittings(user=trainee, quiz_ids=[attempted.pk]) == {}
    assert quiz_selectors.latest_sittings(user=trainee, quiz_ids=[]) == {}

    now = timezone.now()
    Sitting.objects.create(user=trainee, quiz=attempted, question_ids=[question.pk],
                           started_at=now - datetime.timedelta(days=2),
                           completed_at=now - datetime.timedelta(days=2),
                           score_percent=Decimal("40.00"))
    newest = Sitting.objects.create(user=trainee, quiz=attempted, question_ids=[question.pk],
                                    started_at=now - datetime.timedelta(days=1),
                                    completed_at=now, score_percent=Decimal("87.50"),
                                    passed=True, key={str(question.pk): {"points": 1}})
    Sitting.objects.create(user=trainee, quiz=attempted, started_at=now
                           - datetime.timedelta(days=3))  # older, still open
    for _ in range(2):  # started at the same instant: the later row wins
        Sitting.objects.create(user=trainee, quiz=tied, started_at=now, completed_at=now)
    Sitting.objects.create(user=UserFactory(roles=["Trainees"]), quiz=untouched,
                           started_at=now)  # someone else's

    quiz_ids = [attempted.pk, tied.pk, untouched.pk]
    latest = quiz_selectors.latest_sittings(user=trainee, quiz_ids=quiz_ids)
    assert set(latest) == {attempted.pk, tied.pk}
    assert latest[attempted.pk].pk == newest.pk
    for quiz in (attempted, tied):
        assert as_loaded(latest[quiz.pk]) == as_loaded(_orm_latest(trainee, quiz))
    assert set(quiz_selectors.latest_sittings(user=trainee, quiz_ids=[tied.pk])) == {tied.pk}


# --- On the page: every change shows on the next request ---------------------------------

def test_the_course_page_shows_each_change_at_once(client, site_tree, trainee):
    course, modules = site_tree["course"], site_tree["modules"]
    quiz = make_quiz(course=course, questions=[mc_question()], title_en="Practice one")
    client.force_login(trainee)

    def page() -> str:
        response = client.get(course.url)
        assert response.status_code == 200
        return response.content.decode()

    html = page()
    assert "0 of 2 modules completed" in html and "Not started" in html
    assert "What is left for your certificate" not in html

    services.module_mark_complete(user=trainee, module=modules[0])
    assert "1 of 2 modules completed" in page()

    enroll(make_cohort(course=course, name="Kayes workshop"), trainee)
    html = page()
    assert "What is left for your certificate" in html and "Kayes workshop" in html

    Sitting.objects.create(user=trainee, quiz=quiz)
    assert "In progress" in page()

    Enrollment.objects.filter(trainee=trainee).update(status=Enrollment.Status.WITHDRAWN)
    assert "What is left for your certificate" not in page()
