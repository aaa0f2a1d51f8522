"""Offline journey (b): a facilitator opens the session's field roster online, loses the
connection, enrols three people and takes two days of attendance (French, phone). The
database has nothing yet; back online the queue syncs; the same queue sent a second time
doubles nothing (neither a person, nor an enrolment, nor a mark).
"""

import json
import re

import pytest
from playwright.sync_api import expect

from .steps import site_login, wait_for

pytestmark = pytest.mark.browser

SETUP = """
import json
from lms.accounts.models import User
from lms.cohorts.models import Enrollment
from lms.cohorts.services import cohort_days

facilitator = User.objects.get(username="facilitator")
cohort = Enrollment.objects.filter(trainee__username="trainee", cohort__course__code="nrm") \\
    .order_by("-cohort__start_date")[0].cohort
cohort.facilitators.add(facilitator)
first = cohort.enrollments.active().order_by("trainee__last_name", "trainee__first_name")[0]
days = [day.isoformat() for day in cohort_days(cohort=cohort)][:2]
print(json.dumps({"cohort": cohort.pk, "user": facilitator.pk, "days": days,
                  "first": first.pk, "first_name": first.trainee.display_name}))
"""
STATE = """
import json
from lms.accounts.models import User
from lms.cohorts.models import Attendance, Enrollment
from lms.fieldsync.models import ClientChange

names = ["Awa Hors-Ligne", "Bakary Hors-Ligne", "Coumba Hors-Ligne"]
people = User.objects.filter(last_name="Hors-Ligne")
marks = Attendance.objects.filter(enrollment__cohort_id={cohort}, date__in={days!r})
print(json.dumps({{
    "people": people.count(),
    "enrolled": Enrollment.objects.filter(cohort_id={cohort}, trainee__in=people).count(),
    "marks": sorted([a.enrollment.trainee.first_name, str(a.date), a.status]
                    for a in marks.filter(enrollment__trainee__in=people)),
    "first": sorted([str(a.date), a.status] for a in marks.filter(enrollment_id={first})),
    "logged": ClientChange.objects.filter(user_id={user}).count(),
}}))
"""
PEOPLE = [("Awa", "F", "+223 76 00 11 01"), ("Bakary", "M", "76001102"), ("Coumba", "F", "")]


def state(live_site, data) -> dict:
    code = STATE.format(cohort=data["cohort"], days=data["days"], first=data["first"],
                        user=data["user"])
    return json.loads(live_site.python(code).strip().splitlines()[-1])


def mark(page, name: str, status: str) -> None:
    row = page.locator("#field-roster li").filter(has_text=name)
    row.get_by_label(status).check()


def test_a_facilitator_enrols_and_takes_attendance_offline_and_nothing_doubles(
        live_site, phone, shot):
    data = json.loads(live_site.python(SETUP).strip().splitlines()[-1])
    page, context = phone, phone.context
    site_login(page, "facilitator", language="fr")
    page.goto("/fr/my-learning/")
    wait_for(page, "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)")
    url = f"/fr/offline/cohorts/{data['cohort']}/"
    page.goto(url)  # online, once
    expect(page.get_by_role("heading", level=1, name="Liste de terrain")).to_be_visible()
    before = state(live_site, data)
    assert before["people"] == 0 and before["logged"] == 0

    context.set_offline(True)
    assert page.reload().from_service_worker
    expect(page.get_by_role("status").filter(has_text="Vous êtes hors ligne")).to_be_visible()
    form = page.locator("#field-enrol")
    for first_name, sex, phone_number in PEOPLE:
        form.get_by_label("Prénom").fill(first_name)
        form.get_by_label(re.compile(r"^Nom\s*:?$")).fill("Hors-Ligne")
        form.get_by_label("Sexe").select_option(sex)
        form.get_by_label("Téléphone").fill(phone_number)
        form.get_by_role("button", name="Inscrire").click()
        expect(page.locator("#field-roster li").filter(
            has_text=f"{first_name} Hors-Ligne")).to_contain_text("pas encore envoyé")
    day_one, day_two = data["days"]
    page.get_by_label("Jour").select_option(day_one)
    for first_name, _sex, _phone in PEOPLE:
        mark(page, first_name, "Présent")
    mark(page, data["first_name"], "Absent")
    page.get_by_label("Jour").select_option(day_two)
    mark(page, "Awa", "Présent")
    mark(page, "Bakary", "Excusé")
    mark(page, "Coumba", "Absent")
    mark(page, data["first_name"], "Présent")
    page.get_by_label("Jour").select_option(day_one)  # day one's marks are still shown
    expect(page.locator("#field-roster li").filter(has_text="Bakary").get_by_label(
        "Présent")).to_be_checked()
    expect(page.locator("#pending-count")).to_have_text("11")
    shot(page, "offline queue waiting")
    assert state(live_site, data) == before  # nothing reached the server

    queue_key = f"cascade.queue.{data['user']}"
    kept = page.evaluate("(key) => localStorage.getItem(key)", queue_key)
    context.set_offline(False)
    expect(page.locator("#pending-count")).to_have_text("0")
    shot(page, "queue sent")
    after = state(live_site, data)
    assert after["people"] == 3 and after["enrolled"] == 3 and after["logged"] == 11
    assert after["marks"] == sorted([
        ["Awa", day_one, "present"], ["Bakary", day_one, "present"],
        ["Coumba", day_one, "present"], ["Awa", day_two, "present"],
        ["Bakary", day_two, "excused"], ["Coumba", day_two, "absent"]])
    assert after["first"] == [[day_one, "absent"], [day_two, "present"]]

    # The whole queue once more (a phone that lost the answer): all answered from the log.
    result = page.evaluate("""(args) => {
        localStorage.setItem(args[0], args[1]);
        return window.CascadeQueue.send();
    }""", [queue_key, kept])
    assert len(result["results"]) == 11
    assert all(r["replayed"] and r["outcome"] == "applied" for r in result["results"])
    assert state(live_site, data) == after

    page.reload()  # online: the server's roster, each person once
    for first_name, _sex, _phone in PEOPLE:
        expect(page.locator("#field-roster li").filter(
            has_text=f"{first_name} Hors-Ligne")).to_have_count(1)
    shot(page, "roster after sync")
    assert not page.js_errors


TRAINER_SETUP = """
import datetime, json
from lms.accounts.models import User
from lms.accounts.roles import TRAINEE
from django.contrib.auth.models import Group
from lms.cohorts import services, sessions
from lms.cohorts.models import Cohort, Enrollment
from lms.regions.models import Region

kayes = Region.objects.get(name="Kayes")
tot = Cohort.objects.filter(region=kayes, is_training_of_trainers=True).order_by("pk")[0]
user, _ = User.objects.get_or_create(username="formatrice.hl", defaults={
    "first_name": "Assitan", "last_name": "Formatrice", "region": kayes, "language": "fr"})
user.set_password("cascade-demo")
user.save()
user.groups.add(Group.objects.get(name=TRAINEE))
Enrollment.objects.update_or_create(cohort=tot, trainee=user,
                                    defaults={"status": Enrollment.Status.COMPLETED})
coordinator = User.objects.get(username="coord.kayes")
if not user.trainer_records.exists():
    services.trainer_record(user=user, cohort=tot, by=coordinator)
today = services.training_today()
session = sessions.session_create(by=user, course=tot.course, venue="Mairie",
    commune="Kayes N'di", start_date=today - datetime.timedelta(days=1), end_date=today)
print(json.dumps({"session": session.pk, "day": (today - datetime.timedelta(days=1)).isoformat()}))
"""


def test_a_recorded_trainer_records_offline_in_their_own_session(live_site, phone):
    data = json.loads(live_site.python(TRAINER_SETUP).strip().splitlines()[-1])
    page, context = phone, phone.context
    site_login(page, "formatrice.hl", language="fr")
    page.goto("/fr/my-learning/")
    wait_for(page, "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)")
    page.goto(f"/fr/offline/cohorts/{data['session']}/")
    expect(page.get_by_role("heading", level=1, name="Liste de terrain")).to_be_visible()
    context.set_offline(True)
    assert page.reload().from_service_worker
    form = page.locator("#field-enrol")
    form.get_by_label("Prénom").fill("Nana")
    form.get_by_label(re.compile(r"^Nom\s*:?$")).fill("Hors-Ligne-Formatrice")
    form.get_by_role("button", name="Inscrire").click()
    page.get_by_label("Jour").select_option(data["day"])
    mark(page, "Nana", "Présent")
    expect(page.locator("#pending-count")).to_have_text("2")
    context.set_offline(False)
    expect(page.locator("#pending-count")).to_have_text("0")
    expect(page.locator("#refused")).to_be_hidden()
    count = live_site.python(
        "from lms.cohorts.models import Attendance\n"
        f"print(Attendance.objects.filter(enrollment__cohort_id={data['session']}, "
        "enrollment__trainee__first_name='Nana', status='present').count())")
    assert count.strip().splitlines()[-1] == "1"
