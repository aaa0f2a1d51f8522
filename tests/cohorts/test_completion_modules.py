"""The completion rule can require every module of the course; trainees see what is left."""

import datetime

import pytest

from django.urls import reverse

from curriculum import services as curriculum_services
from lms.cohorts import services
from lms.cohorts.models import Attendance, Enrollment
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db
DAYS = [datetime.date(2024, 3, d) for d in (4, 5, 6)]
P = Attendance.Status.PRESENT


@pytest.fixture
def requiring(course):
    course.completion_requires_modules = True
    course.save_revision().publish()
    course.refresh_from_db()
    return course


def _enrolment(course):
    trainee = UserFactory()
    (enrollment,) = enroll(make_cohort(course=course), trainee)
    return trainee, enrollment


def _attend(enrollment, days):
    Attendance.objects.bulk_create(
        [Attendance(enrollment=enrollment, date=day, status=P) for day in days])


def test_modules_left_hold_the_certificate_back_until_the_last_is_done(
        requiring, site_tree, post_test, certificate_issue):
    trainee, enrollment = _enrolment(requiring)
    post_test.add(trainee.pk)
    _attend(enrollment, DAYS)
    first, second = site_tree["modules"]
    curriculum_services.module_mark_complete(user=trainee, module=first)

    assert services.completion_evaluate(enrollment=enrollment) is False
    checklist = services.completion_checklist(enrollment=enrollment)
    assert checklist.attendance_met and checklist.post_test_met
    assert not checklist.modules_met
    assert (checklist.modules.completed, checklist.modules.total) == (1, 2)
    assert certificate_issue.call_count == 0

    # Marking the last module (the page's button calls this service) completes the course.
    curriculum_services.module_mark_complete(user=trainee, module=second)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert certificate_issue.call_count == 1


def test_a_french_module_counts_for_the_rule(requiring, site_tree, post_test, certificate_issue):
    from wagtail.models import Locale

    trainee, enrollment = _enrolment(requiring)
    post_test.add(trainee.pk)
    _attend(enrollment, DAYS)
    french = Locale.objects.get(language_code="fr")
    for module in site_tree["modules"]:
        translated = module.copy_for_translation(french, copy_parents=True)
        translated.save_revision().publish()
        curriculum_services.module_mark_complete(user=trainee, module=translated)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_without_the_setting_modules_are_not_required(course, post_test, certificate_issue):
    assert course.completion_requires_modules is False  # existing courses keep their rule
    trainee, enrollment = _enrolment(course)
    post_test.add(trainee.pk)
    _attend(enrollment, DAYS)
    assert services.completion_evaluate(enrollment=enrollment) is True


def test_checklist_counts_attendance_so_far(requiring, post_test):
    _trainee, enrollment = _enrolment(requiring)
    _attend(enrollment, DAYS[:2])
    checklist = services.completion_checklist(enrollment=enrollment, today=DAYS[1])
    assert (checklist.attendance.present, checklist.attendance.counted_days) == (2, 3)
    assert checklist.days_to_come == 1
    assert checklist.days_needed == 3  # 80 % of 3 days, rounded up
    assert not checklist.attendance_met
    assert checklist.post_test_required and not checklist.post_test_met


def _checklist_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="checklist"' in html
    return html[html.index('class="checklist"'):]


def test_trainee_sees_what_is_left_on_my_learning_and_the_course_page(
        client, requiring, site_tree, post_test):
    trainee, enrollment = _enrolment(requiring)
    _attend(enrollment, DAYS[:2])
    curriculum_services.module_mark_complete(user=trainee, module=site_tree["modules"][0])
    client.force_login(trainee)

    for url in (reverse("curriculum:my_learning"), requiring.url):
        html = _checklist_html(client, url)
        assert "Attendance: 2 of 3 days present so far" in html
        assert "at least 3 days needed (80 %)" in html
        assert "Modules: 1 of 2 completed." in html
        assert "Post-test: not passed yet." in html


def test_the_checklist_in_french(client, requiring, site_tree, post_test):
    trainee, enrollment = _enrolment(requiring)
    _attend(enrollment, DAYS[:2])
    client.force_login(trainee)
    html = _checklist_html(client, "/fr/my-learning/")
    assert "Ce qui reste pour obtenir votre certificat" in html
    assert "Présence jusqu\u2019ici : 2 sur 3 jours" in html
    assert "il faut au moins 3 jours (80 %)" in html
    assert "Modules : 0 sur 2 terminés." in html
    assert "Post-test : pas encore réussi." in html


def test_no_checklist_once_completed_or_for_other_people(client, requiring, post_test):
    _trainee, enrollment = _enrolment(requiring)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.COMPLETED)
    client.force_login(enrollment.trainee)
    assert 'class="checklist"' not in client.get(reverse("curriculum:my_learning")).content.decode()
    client.force_login(UserFactory())
    assert 'class="checklist"' not in client.get(requiring.url).content.decode()


def test_demo_courses_require_their_modules():
    from curriculum.demo.courses import COURSES
    from curriculum.demo.loader import _course_fields

    fields = _course_fields(COURSES[0], "en", {"cover": None})
    assert fields["completion_requires_modules"] is True


def test_a_module_published_or_unpublished_changes_the_count_on_the_next_request(
        client, requiring, site_tree, post_test):
    """The pages count the course's modules as the published pages cache has them: a
    publication shows on the next request (my learning and the course page)."""
    from tests.curriculum.factories import add_module

    trainee, _enrollment = _enrolment(requiring)
    client.force_login(trainee)
    for url in (reverse("curriculum:my_learning"), requiring.url):
        assert "Modules: 0 of 2 completed." in _checklist_html(client, url)
    third = add_module(requiring, title="Module 3", live=False)
    third.save_revision().publish()
    for url in (reverse("curriculum:my_learning"), requiring.url):
        assert "Modules: 0 of 3 completed." in _checklist_html(client, url)
    type(third).objects.get(pk=third.pk).unpublish()
    for url in (reverse("curriculum:my_learning"), requiring.url):
        assert "Modules: 0 of 2 completed." in _checklist_html(client, url)
