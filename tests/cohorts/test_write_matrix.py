"""The role x write matrix (issue #10): every write endpoint, on the site and in the Wagtail
admin, is allowed exactly to the roles that manage its object, and a refused write changes
nothing. Beside it, the admin's writes follow the same rules as the site's pages because they
call the same services."""

import datetime

import pytest

from django.urls import reverse
from django.utils import translation

from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.organisations.models import Organisation
from tests.factories import OrganisationFactory, UserFactory, enroll, make_cohort, region

pytestmark = pytest.mark.django_db

MANAGERS = {"facilitator_kayes", "coord_kayes", "national", "admin"}
COHORT_CREATORS = {"facilitator_kayes", "facilitator_mopti", "coord_kayes", "national", "admin"}
ORGANISATION_EDITORS = {"coord_kayes", "national", "admin"}
ALL = ["facilitator_kayes", "facilitator_mopti", "coord_kayes", "coord_mopti", "national",
       "admin", "trainee_kayes", "trainee_mopti"]


def _cohort_form(course, **extra) -> dict:
    data = {"name": "Made here", "code": "made-here", "course": course.pk,
            "region": region("Kayes").pk, "venue": "", "start_date": "2024-03-04",
            "end_date": "2024-03-06", "hours": "12", "capacity": "25", "language": "fr",
            "status": "planned", "is_training_of_trainers": "", "facilitators": []}
    data.update(extra)
    return data


@pytest.fixture
def targets(world, course):
    kayes = world["cohorts"]["kayes"]
    second = make_cohort(course=course, region_name="Kayes", name="Kayes second")
    second.facilitators.add(world["people"]["facilitator_kayes"])
    organisation = OrganisationFactory(name="Association de Kayes", region=region("Kayes"))
    return {"kayes": kayes, "second": second, "organisation": organisation,
            "enrollment": world["enrollments"]["kayes"],
            "trainee": world["people"]["trainee_kayes"]}


def _writes(client, course, t) -> dict:
    """Each write endpoint: (allowed roles, do it, did it write?)."""
    kayes, second = t["kayes"], t["second"]
    day = kayes.start_date.isoformat()
    runs = [f.pk for f in kayes.facilitators.all()]
    return {
        "site: edit cohort": (MANAGERS, lambda: client.post(
            reverse("cohorts:edit", args=[kayes.pk]),
            _cohort_form(course, name="Renamed", code=kayes.code, facilitators=runs)),
            lambda: Cohort.objects.filter(pk=kayes.pk, name="Renamed").exists()),
        "site: enrol a person": (MANAGERS, lambda: client.post(
            reverse("cohorts:enrol", args=[kayes.pk]),
            {"first_name": "Nouvelle", "last_name": "Personne", "region": region("Kayes").pk}),
            lambda: Enrollment.objects.filter(trainee__last_name="Personne").exists()),
        "site: attendance": (MANAGERS, lambda: client.post(
            reverse("cohorts:attendance_day", args=[kayes.pk, day]),
            {f"e{t['enrollment'].pk}": "present"}),
            lambda: Attendance.objects.filter(enrollment=t["enrollment"]).exists()),
        "site: create cohort": (COHORT_CREATORS, lambda: client.post(
            reverse("cohorts:create"), _cohort_form(course, code="site-made")),
            lambda: Cohort.objects.filter(code="site-made").exists()),
        "admin: edit cohort": (MANAGERS, lambda: client.post(
            reverse("cohort:edit", args=[kayes.pk]),
            _cohort_form(course, name="Admin renamed", code=kayes.code, facilitators=runs)),
            lambda: Cohort.objects.filter(pk=kayes.pk, name="Admin renamed").exists()),
        "admin: create cohort": (COHORT_CREATORS, lambda: client.post(
            reverse("cohort:add"), _cohort_form(course, code="admin-made")),
            lambda: Cohort.objects.filter(code="admin-made").exists()),
        "admin: enrol": (MANAGERS, lambda: client.post(
            reverse("enrollment:add"), {"cohort": second.pk, "trainee": t["trainee"].pk}),
            lambda: Enrollment.objects.filter(cohort=second).exists()),
        "admin: enrollment status": (MANAGERS, lambda: client.post(
            reverse("enrollment:edit", args=[t["enrollment"].pk]), {"status": "withdrawn"}),
            lambda: Enrollment.objects.filter(pk=t["enrollment"].pk,
                                              status="withdrawn").exists()),
        "admin: trainee profile": (MANAGERS, lambda: client.post(
            reverse("trainees:edit", args=[t["trainee"].pk]), {
                "first_name": "Kadia", "last_name": "Kayesienne", "sex": "F",
                "function": "technician", "organisation": "", "region": region("Kayes").pk,
                "phone": "", "email": "", "language": "fr"}),
            lambda: type(t["trainee"]).objects.filter(pk=t["trainee"].pk,
                                                      function="technician").exists()),
        "admin: edit organisation": (ORGANISATION_EDITORS, lambda: client.post(
            reverse("organisation:edit", args=[t["organisation"].pk]),
            {"name": "Renommée", "acronym": "", "kind": "community_based",
             "region": region("Kayes").pk}),
            lambda: Organisation.objects.filter(name="Renommée").exists()),
        "admin: create organisation": (ORGANISATION_EDITORS, lambda: client.post(
            reverse("organisation:add"), {"name": "Nouvelle ONG", "acronym": "",
                                          "kind": "non_governmental",
                                          "region": region("Kayes").pk}),
            lambda: Organisation.objects.filter(name="Nouvelle ONG").exists()),
    }


@pytest.mark.parametrize("who", ALL)
def test_role_write_matrix(client, world, course, targets, who):
    client.force_login(world["people"][who])
    for name, (allowed, write, wrote) in _writes(client, course, targets).items():
        response = write()
        assert wrote() is (who in allowed), (name, response.status_code)
        if who not in allowed:
            assert response.status_code in (200, 302, 403, 404), name


def test_regional_coordinator_cannot_move_an_organisation_out_of_their_regions(client, world):
    ngo = OrganisationFactory(name="ONG de Kayes", region=region("Kayes"))
    mopti_ngo = OrganisationFactory(name="ONG de Mopti", region=region("Mopti"))
    client.force_login(world["people"]["coord_kayes"])
    client.post(reverse("organisation:edit", args=[ngo.pk]),
                {"name": "ONG de Kayes", "kind": "community_based", "region": region("Mopti").pk})
    client.post(reverse("organisation:edit", args=[mopti_ngo.pk]),
                {"name": "Renamed by Kayes", "kind": "community_based",
                 "region": region("Kayes").pk})
    client.post(reverse("organisation:add"), {"name": "Sans région", "kind": "un_agency"})
    ngo.refresh_from_db()
    mopti_ngo.refresh_from_db()
    assert ngo.region.name == "Kayes" and mopti_ngo.name == "ONG de Mopti"
    assert not Organisation.objects.filter(name="Sans région").exists()
    listing = client.get(reverse("organisation:index")).content.decode()
    assert "ONG de Mopti" in listing  # every staff role still reads the list


def test_admin_completion_sets_completed_at_and_issues_the_certificate(
        client, world, certificate_issue):
    enrollment = world["enrollments"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    response = client.post(reverse("enrollment:edit", args=[enrollment.pk]),
                           {"status": "completed"})
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == "completed" and enrollment.completed_at is not None
    certificate_issue.assert_called_once()
    # a completed enrollment stays completed: the admin refuses to reopen it
    client.post(reverse("enrollment:edit", args=[enrollment.pk]), {"status": "enrolled"})
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"
    certificate_issue.assert_called_once()


def test_admin_enrolment_respects_capacity(client, world, course):
    full = make_cohort(course=course, region_name="Kayes", capacity=1)
    enroll(full, UserFactory(region=region("Kayes")))
    client.force_login(world["people"]["coord_kayes"])
    response = client.post(reverse("enrollment:add"),
                           {"cohort": full.pk, "trainee": world["people"]["trainee_kayes"].pk})
    assert response.status_code == 200 and "full" in response.content.decode()
    assert full.enrollments.count() == 1


def test_cohort_created_in_the_admin_by_a_facilitator_is_theirs(client, world, course):
    facilitator = world["people"]["facilitator_kayes"]
    client.force_login(facilitator)
    response = client.post(reverse("cohort:add"), _cohort_form(course))
    assert response.status_code == 302
    cohort = Cohort.objects.get(code="made-here")
    assert list(cohort.facilitators.all()) == [facilitator]
    assert cohort.created_by == facilitator
    # saved through the service, and still in the object's admin history
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(object_id=str(cohort.pk))
    assert (entry.action, entry.user_id) == ("wagtail.create", facilitator.pk)


def test_attendance_for_a_day_still_to_come_is_refused_in_french(client, world, course,
                                                                monkeypatch):
    from lms.cohorts import services

    today = datetime.date(2024, 3, 5)
    monkeypatch.setattr(services, "training_today", lambda: today)
    cohort = world["cohorts"]["kayes"]  # 4-6 March 2024
    enrollment = world["enrollments"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    with translation.override("fr"):
        url = reverse("cohorts:attendance_day", args=[cohort.pk, "2024-03-06"])
    response = client.post(url, {f"e{enrollment.pk}": "present"})
    assert response.status_code == 200
    assert "pas encore arrivé" in response.content.decode()
    assert not Attendance.objects.filter(enrollment=enrollment).exists()
    services.attendance_record(cohort=cohort, date=today,
                               statuses={enrollment.pk: "present"}, by=None)
    assert Attendance.objects.filter(enrollment=enrollment, date=today).exists()


def test_a_recorded_trainer_is_refused_every_staff_write(client, field, course, targets):
    """A trainee recorded as a trainer (run_sessions) runs their own sessions only: every
    write of the matrix, on staff cohorts of their own region, is refused and writes nothing
    (their own sessions: tests/cohorts/test_sessions.py)."""
    client.force_login(field["trainer"])
    for name, (_allowed, write, wrote) in _writes(client, course, targets).items():
        response = write()
        assert not wrote(), (name, response.status_code)
        assert response.status_code in (200, 302, 403, 404), name
