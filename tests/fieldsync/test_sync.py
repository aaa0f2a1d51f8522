"""The sync endpoint: each queued change applied once through the online services, replays
answered from the log, refusals with their reason, scope and privilege as online."""

import datetime
import uuid

import pytest

from lms.accounts.models import User
from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.fieldsync.models import ClientChange

from .conftest import enrol, mark, outcomes, post

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 4)


def test_a_mark_applies_once_and_a_replay_changes_nothing(client, world):
    client.force_login(world["people"]["facilitator"])
    change = mark(world["cohorts"]["kayes"], enrollment=world["enrollments"]["kayes"])
    assert outcomes(post(client, change)) == ["applied"]
    replay = post(client, change).json()["results"][0]
    assert replay["outcome"] == "applied" and replay["replayed"] is True
    assert Attendance.objects.get(enrollment=world["enrollments"]["kayes"], date=DAY).status \
        == "present"
    assert ClientChange.objects.count() == 1


def test_people_enrolled_offline_get_their_marks_and_a_replay_doubles_nobody(client, world):
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    people = [enrol(cohort, first_name=name, phone=phone)
              for name, phone in (("Awa", "76123456"), ("Binta", ""), ("Chaka", "66000001"))]
    marks = [mark(cohort, enrol=person["id"], day=day)
             for person in people for day in (DAY, DAY + datetime.timedelta(days=1))]
    queue = [*people, *marks]
    assert outcomes(post(client, *queue)) == ["applied"] * 9
    assert outcomes(post(client, *queue)) == ["applied"] * 9  # the whole queue again
    assert cohort.enrollments.count() == 4
    assert Attendance.objects.filter(enrollment__cohort=cohort).count() == 6
    assert User.objects.filter(first_name__in=["Awa", "Binta", "Chaka"]).count() == 3
    assert ClientChange.objects.count() == 9


def test_an_enrolment_is_checked_like_the_online_form(client, world):
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    bad = enrol(cohort, first_name="", phone="12")
    result = post(client, bad).json()["results"][0]
    assert result["outcome"] == "refused" and "First name" in result["reason"]
    # A mark for the person whose enrolment was refused is refused too, with its reason.
    result = post(client, mark(cohort, enrol=bad["id"])).json()["results"][0]
    assert result["outcome"] == "refused" and "enrolment" in result["reason"]
    assert cohort.enrollments.count() == 1 and not Attendance.objects.exists()


def test_enrolment_never_matches_an_account_the_sender_may_not_enrol(client, world):
    """people_match's privilege rule, as online: the regional coordinator's name cannot be
    used to pull their account into a session."""
    coordinator = world["people"]["coord_mopti"]
    coordinator.first_name, coordinator.last_name, coordinator.phone = "Hawa", "Toure", \
        "+22376999999"
    coordinator.save()
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    result = post(client, enrol(cohort, first_name="Hawa", last_name="Toure",
                                phone="76999999")).json()["results"][0]
    assert result["outcome"] == "refused"
    assert "may not enrol" in result["reason"]
    assert not Enrollment.objects.filter(trainee=coordinator).exists()


@pytest.mark.parametrize(("sender", "target", "reason"), [
    ("trainee", "kayes", "may not take attendance"),  # sees the cohort, may not change it
    ("coord_mopti", "kayes", "not in your scope"),
    ("facilitator", "mopti", "not in your scope"),
])
def test_changes_outside_the_senders_scope_are_refused_and_write_nothing(
        client, world, sender, target, reason):
    client.force_login(world["people"][sender])
    cohort = world["cohorts"][target]
    response = post(client, mark(cohort, enrollment=world["enrollments"][target]),
                    enrol(cohort, first_name="Intruse"))
    results = response.json()["results"]
    assert [r["outcome"] for r in results] == ["refused", "refused"]
    assert all(reason in r["reason"] for r in results)
    assert not Attendance.objects.exists()
    assert cohort.enrollments.count() == 1
    assert not User.objects.filter(first_name="Intruse").exists()


def test_the_regions_coordinator_may_sync_like_online(client, world):
    client.force_login(world["people"]["coord_kayes"])
    cohort = world["cohorts"]["kayes"]
    assert outcomes(post(client, mark(cohort, enrollment=world["enrollments"]["kayes"]))) \
        == ["applied"]


def test_a_session_closed_meanwhile_refuses_the_change_with_the_reason(client, world):
    cohort = world["cohorts"]["kayes"]
    Cohort.objects.filter(pk=cohort.pk).update(status=Cohort.Status.COMPLETED)
    client.force_login(world["people"]["facilitator"])
    result = post(client, mark(cohort, enrollment=world["enrollments"]["kayes"]),
                  language="fr").json()["results"][0]
    assert result["outcome"] == "refused" and "clôturée" in result["reason"]
    assert not Attendance.objects.exists()


def test_a_day_that_has_not_come_is_refused_by_the_attendance_service(client, world):
    cohort = world["cohorts"]["kayes"]
    Cohort.objects.filter(pk=cohort.pk).update(end_date=datetime.date(2100, 1, 1))
    client.force_login(world["people"]["facilitator"])
    result = post(client, mark(cohort, enrollment=world["enrollments"]["kayes"],
                               day=datetime.date(2099, 1, 1))).json()["results"][0]
    assert result["outcome"] == "refused" and "not come yet" in result["reason"]


def test_conflict_the_latest_mark_wins_and_both_are_logged(client, world):
    """The coordinator marked absent at 10:00 and synced late; the facilitator marked present
    at 11:00 and synced first: present stays, the older change is logged as not kept."""
    cohort, enrollment = world["cohorts"]["kayes"], world["enrollments"]["kayes"]
    ten = datetime.datetime(2024, 3, 4, 10, tzinfo=datetime.UTC)
    client.force_login(world["people"]["facilitator"])
    assert outcomes(post(client, mark(cohort, enrollment=enrollment, status="present",
                                      at=ten + datetime.timedelta(hours=1)))) == ["applied"]
    client.force_login(world["people"]["coord_kayes"])
    late = post(client, mark(cohort, enrollment=enrollment, status="absent", at=ten))
    assert late.json()["results"][0]["outcome"] == "superseded"
    assert late.json()["results"][0]["reason"]
    assert Attendance.objects.get(enrollment=enrollment, date=DAY).status == "present"
    # A newer change still wins; a tie goes to the one that arrived last.
    noon = ten + datetime.timedelta(hours=2)
    assert outcomes(post(client, mark(cohort, enrollment=enrollment, status="excused",
                                      at=noon))) == ["applied"]
    client.force_login(world["people"]["facilitator"])
    assert outcomes(post(client, mark(cohort, enrollment=enrollment, status="absent",
                                      at=noon))) == ["applied"]
    assert Attendance.objects.get(enrollment=enrollment, date=DAY).status == "absent"
    logged = ClientChange.objects.order_by("received_at").values_list("status", "outcome")
    assert list(logged) == [("present", "applied"), ("absent", "superseded"),
                            ("excused", "applied"), ("absent", "applied")]


def test_a_mark_saved_online_after_the_phones_wins_over_it(client, world):
    from django.utils import timezone

    from lms.cohorts.services import attendance_record

    cohort, enrollment = world["cohorts"]["kayes"], world["enrollments"]["kayes"]
    made_offline = timezone.now() - datetime.timedelta(hours=1)
    attendance_record(cohort=cohort, date=DAY, statuses={enrollment.pk: "excused"},
                      by=world["people"]["coord_kayes"])
    client.force_login(world["people"]["facilitator"])
    assert outcomes(post(client, mark(cohort, enrollment=enrollment, status="absent",
                                      at=made_offline))) == ["superseded"]
    assert Attendance.objects.get(enrollment=enrollment, date=DAY).status == "excused"


def test_a_clock_in_the_future_does_not_win_every_conflict(client, world):
    cohort, enrollment = world["cohorts"]["kayes"], world["enrollments"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    future = datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)
    post(client, mark(cohort, enrollment=enrollment, status="absent", at=future))
    assert ClientChange.objects.get().client_at.year < 2100
    assert outcomes(post(client, mark(cohort, enrollment=enrollment, status="present"))) \
        == ["applied"]


def test_someone_elses_change_id_is_not_replayed_to_them(client, world):
    cohort, enrollment = world["cohorts"]["kayes"], world["enrollments"]["kayes"]
    change = mark(cohort, enrollment=enrollment)
    client.force_login(world["people"]["facilitator"])
    post(client, change)
    client.force_login(world["people"]["coord_kayes"])
    result = post(client, {**change, "status": "absent"}).json()["results"][0]
    assert result["outcome"] == "refused" and result["replayed"]
    assert Attendance.objects.get().status == "present"


def test_unreadable_changes_are_refused_one_by_one(client, world):
    client.force_login(world["people"]["facilitator"])
    good = mark(world["cohorts"]["kayes"], enrollment=world["enrollments"]["kayes"])
    response = post(client, {"id": "nope", "kind": "attendance"},
                    {"id": str(uuid.uuid4()), "kind": "delete_everything"}, good)
    assert outcomes(response) == ["refused", "refused", "applied"]


def test_the_endpoint_needs_a_session_and_the_csrf_token(world):
    from django.test import Client

    anonymous = Client()
    change = mark(world["cohorts"]["kayes"], enrollment=world["enrollments"]["kayes"])
    assert post(anonymous, change).status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["people"]["facilitator"])
    assert post(strict, change).status_code == 403
    strict.get(f"/en/offline/cohorts/{world['cohorts']['kayes'].pk}/")
    token = strict.cookies["csrftoken"].value
    response = strict.post("/en/offline/sync/", {"changes": [change]},
                           content_type="application/json", headers={"X-CSRFToken": token})
    assert outcomes(response) == ["applied"]
    assert post(strict, *[change] * 201).status_code in (400, 403)


def test_too_many_changes_at_once_are_refused_whole(client, world):
    client.force_login(world["people"]["facilitator"])
    change = mark(world["cohorts"]["kayes"], enrollment=world["enrollments"]["kayes"])
    assert post(client, *[change] * 201).status_code == 400
    assert not ClientChange.objects.exists()


def test_a_session_closed_by_its_trainer_refuses_until_sent_back(client, world):
    from django.utils import timezone

    cohort = world["cohorts"]["kayes"]
    Cohort.objects.filter(pk=cohort.pk).update(submitted_at=timezone.now(),
                                               validation=Cohort.Validation.PENDING)
    client.force_login(world["people"]["facilitator"])
    enrollment = world["enrollments"]["kayes"]
    assert outcomes(post(client, mark(cohort, enrollment=enrollment))) == ["refused"]
    Cohort.objects.filter(pk=cohort.pk).update(validation=Cohort.Validation.RETURNED)
    assert outcomes(post(client, mark(cohort, enrollment=enrollment))) == ["applied"]


def test_the_cohort_page_links_the_field_roster_for_those_who_manage_it(client, world):
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    assert f"/en/offline/cohorts/{cohort.pk}/" in client.get(
        f"/en/cohorts/{cohort.pk}/").content.decode()


def test_a_session_the_sender_may_no_longer_change_because_it_closed_says_so(world):
    """A trainer's session stops being theirs to change once closed (the online check then
    refuses): the phone is told it was closed, not that it is out of scope."""
    from django.core.exceptions import PermissionDenied
    from django.utils import timezone

    from lms.fieldsync import services

    cohort = world["cohorts"]["kayes"]
    Cohort.objects.filter(pk=cohort.pk).update(submitted_at=timezone.now(),
                                               validation=Cohort.Validation.PENDING)

    def refuse(pk):
        raise PermissionDenied

    result = services.change_apply(
        user=world["people"]["facilitator"], cohort_for=refuse,
        change=mark(cohort, enrollment=world["enrollments"]["kayes"]))
    assert result.outcome == "refused" and "closed" in result.reason
    assert not Attendance.objects.exists()


def test_the_log_keeps_no_phone_or_email_of_people_enrolled_offline(client, world):
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    change = enrol(cohort, first_name="Rokia", phone="76112233", email="rokia@example.org")
    assert outcomes(post(client, change)) == ["applied"]
    assert User.objects.get(first_name="Rokia").phone.endswith("76112233")
    logged = ClientChange.objects.get().payload["person"]
    assert logged["first_name"] == "Rokia" and "phone" not in logged and "email" not in logged
