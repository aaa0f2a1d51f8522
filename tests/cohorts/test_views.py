import datetime
import re
from pathlib import Path

import pytest

from django.urls import reverse

from lms.accounts import roles
from lms.cohorts.models import Attendance, Cohort, Enrollment, Trainer
from tests.factories import UserFactory, enroll, make_cohort, region

pytestmark = pytest.mark.django_db
DAY1 = "2024-03-04"


@pytest.fixture
def kayes(world, post_test, certificate_issue):
    """The Kayes cohort with two more trainees, seen by its facilitator."""
    cohort = world["cohorts"]["kayes"]
    enroll(cohort, UserFactory(last_name="Berthé"), UserFactory(last_name="Camara"))
    return cohort


def _login(client, world, who="facilitator_kayes"):
    client.force_login(world["people"][who])


def test_attendance_day_form_has_one_radio_group_per_trainee(client, world, kayes):
    _login(client, world)
    response = client.get(reverse("cohorts:attendance_day", args=[kayes.pk, DAY1]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('type="radio"') == 3 * 3
    assert body.count("<fieldset>") == 3 and "<legend>" in body
    assert 'name="viewport"' in body


def test_attendance_post_records_the_day_and_fills_others_present(client, world, kayes):
    _login(client, world)
    first, *others = Enrollment.objects.filter(cohort=kayes).order_by("pk")
    url = reverse("cohorts:attendance_day", args=[kayes.pk, DAY1])
    response = client.post(url, {f"e{first.pk}": "excused", "all_present": "1"})
    assert response.status_code == 302
    marks = dict(Attendance.objects.values_list("enrollment_id", "status"))
    assert marks == {first.pk: "excused", **{e.pk: "present" for e in others}}
    # the saved day shows the recorded choice when reopened
    reopened = client.get(url).content.decode()
    assert re.search(rf'name="e{first.pk}" value="excused"[^>]*checked', reopened)
    # correcting one mark later
    client.post(url, {f"e{first.pk}": "absent"})
    assert Attendance.objects.get(enrollment=first).status == "absent"
    assert Attendance.objects.count() == 3


def test_attendance_bad_value_loses_nothing(client, world, kayes):
    _login(client, world)
    enrollment = Enrollment.objects.filter(cohort=kayes).first()
    url = reverse("cohorts:attendance_day", args=[kayes.pk, DAY1])
    response = client.post(url, {f"e{enrollment.pk}": "late"})
    assert response.status_code == 200 and b"errorlist" in response.content
    assert Attendance.objects.count() == 0


def test_day_outside_the_cohort_and_day_picker(client, world, kayes):
    _login(client, world)
    outside = client.get(reverse("cohorts:attendance_day", args=[kayes.pk, "2024-03-09"]))
    assert outside.status_code == 302
    assert client.get(reverse("cohorts:attendance_day", args=[kayes.pk, "not-a-day"])
                      ).status_code == 404
    picked = client.get(reverse("cohorts:attendance", args=[kayes.pk]), {"date": "2024-03-05"})
    assert picked["Location"] == reverse("cohorts:attendance_day", args=[kayes.pk, "2024-03-05"])


def test_print_sheet_blank_and_filled(client, world, kayes):
    _login(client, world)
    enrollment = Enrollment.objects.filter(cohort=kayes).first()
    Attendance.objects.create(enrollment=enrollment, date=datetime.date(2024, 3, 4),
                              status="present")
    blank = client.get(reverse("cohorts:sheet", args=[kayes.pk])).content.decode()
    filled = client.get(reverse("cohorts:sheet", args=[kayes.pk]) + "?filled=1").content.decode()
    assert "Present" not in blank.split("<tbody>")[1]
    assert "Present" in filled.split("<tbody>")[1]
    assert blank.count('class="sign"') == (3 + 3) * 3  # trainees + blank rows, three days
    assert "@media print" in Path("lms/cohorts/static/cohorts/cohorts.css").read_text()


def test_roster_import_preview_then_confirm(client, world, kayes):
    _login(client, world)
    url = reverse("cohorts:roster_import", args=[kayes.pk])
    bad = ("first_name,last_name,region,phone\nAwa,Touré,Kayes,+22376000001\n"
           "Bad,Row,Atlantis,\n").encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {"file": SimpleUploadedFile("r.csv", bad)})
    body = response.content.decode()
    assert "Unknown region" in body and "Confirm the import" not in body
    assert client.post(reverse("cohorts:roster_confirm", args=[kayes.pk])).status_code == 302
    assert not Enrollment.objects.filter(trainee__phone="+22376000001").exists()

    good = b"first_name,last_name,region,phone\nAwa,Toure,Kayes,+22376000001\n"
    response = client.post(url, {"file": SimpleUploadedFile("r.csv", good)})
    assert "Confirm the import" in response.content.decode()
    assert not Enrollment.objects.filter(trainee__phone="+22376000001").exists()
    confirmed = client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]))
    assert confirmed["Location"] == reverse("cohorts:detail", args=[kayes.pk])
    assert Enrollment.objects.filter(cohort=kayes, trainee__phone="+22376000001").exists()


def test_roster_upload_rejects_other_file_types(client, world, kayes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _login(client, world)
    response = client.post(reverse("cohorts:roster_import", args=[kayes.pk]),
                           {"file": SimpleUploadedFile("r.exe", b"MZ")})
    assert ".csv or .xlsx" in response.content.decode()


@pytest.mark.parametrize("fmt, content_type", [
    ("csv", "text/csv; charset=utf-8"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_template_downloads(client, world, fmt, content_type):
    _login(client, world)
    response = client.get(reverse("cohorts:roster_template", args=[fmt]))
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert client.get(reverse("cohorts:roster_template", args=["pdf"])).status_code == 404


def test_enrol_one_person_uses_the_roster_rules(client, world, kayes):
    _login(client, world)
    url = reverse("cohorts:enrol", args=[kayes.pk])
    bad = client.post(url, {"first_name": "Issa", "last_name": "Ba",
                            "region": region("Kayes").pk, "phone": "12"})
    assert "expected +223" in bad.content.decode()
    client.post(url, {"first_name": "Issa", "last_name": "Ba", "region": region("Kayes").pk,
                      "phone": "+223 70 11 22 33"})
    assert Enrollment.objects.filter(cohort=kayes, trainee__phone="+22370112233").exists()


def test_facilitator_creates_a_cohort_they_run(client, world, course):
    _login(client, world)
    response = client.post(reverse("cohorts:create"), {
        "name": "Kita session", "code": "", "course": course.pk, "region": region("Kayes").pk,
        "venue": "Kita", "start_date": "2024-05-02", "end_date": "2024-05-03", "hours": 12,
        "capacity": 20, "language": "fr", "status": "planned"})
    cohort = Cohort.objects.get(name="Kita session")
    assert response["Location"] == reverse("cohorts:detail", args=[cohort.pk])
    assert cohort.code == "kita-session"
    assert list(cohort.facilitators.all()) == [world["people"]["facilitator_kayes"]]


def test_regional_coordinator_creates_only_in_their_regions(client, world, course):
    _login(client, world, "coord_kayes")
    response = client.post(reverse("cohorts:create"), {
        "name": "Mopti session", "course": course.pk, "region": region("Mopti").pk,
        "start_date": "2024-05-02", "end_date": "2024-05-01", "hours": 12, "capacity": 20,
        "language": "fr", "status": "planned"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "region" in form.errors and "end_date" in form.errors
    assert not Cohort.objects.filter(name="Mopti session").exists()


def test_trainee_cannot_create(client, world):
    _login(client, world, "trainee_kayes")
    assert client.get(reverse("cohorts:create")).status_code == 403


def test_record_trainer_from_the_cohort_page(client, world, kayes):
    kayes.is_training_of_trainers = True
    kayes.save()
    enrollment = world["enrollments"]["kayes"]
    _login(client, world, "coord_kayes")
    url = reverse("cohorts:trainer_record", args=[kayes.pk, enrollment.pk])
    client.post(url)
    assert not Trainer.objects.exists()  # not completed yet
    Enrollment.objects.filter(pk=enrollment.pk).update(status="completed")
    assert "Record as trainer" in client.get(
        reverse("cohorts:detail", args=[kayes.pk])).content.decode()
    client.post(url)
    assert Trainer.objects.filter(user=enrollment.trainee, trained_in=kayes).exists()
    _login(client, world, "coord_mopti")
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["national", "coord_kayes", "facilitator_kayes"])
def test_cohort_list_query_count_does_not_grow(client, world, course, who,
                                               django_assert_max_num_queries):
    _login(client, world, who)
    client.get(reverse("cohorts:list"))  # warm caches (site, locale)
    with django_assert_max_num_queries(15) as few:
        client.get(reverse("cohorts:list"))
    for _n in range(15):
        cohort = make_cohort(course=course, region_name="Kayes")
        cohort.facilitators.add(world["people"]["facilitator_kayes"])
        enroll(cohort, UserFactory(), UserFactory(roles=[roles.TRAINEE]))
    with django_assert_max_num_queries(15) as many:
        response = client.get(reverse("cohorts:list"))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert response.content.decode().count("<tr>") >= 16
