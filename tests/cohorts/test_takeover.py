"""Account takeover through enrolment (issue #10): enrol a staff account by name, change its
e-mail, reset its password. Every step is refused, from a facilitator and from a regional
coordinator; trainees' contact changes are logged and the old address told."""

import pytest

from django.core import mail
from django.urls import reverse

from lms.accounts.models import AccountEvent, User
from lms.cohorts.models import Enrollment
from tests.factories import UserFactory, enroll, region

pytestmark = pytest.mark.django_db
REFUSED = "may not enrol"


@pytest.fixture
def targets(world):
    """The accounts an attacker would like: a superuser and the national coordinator."""
    root = UserFactory(username="root", first_name="Aminata", last_name="Traoré",
                       email="root@example.org", phone="+22370000001", is_superuser=True,
                       is_staff=True)
    national = world["people"]["national"]
    national.first_name, national.last_name = "Fatoumata", "Sissoko"
    national.email, national.phone = "national@example.org", "+22370000002"
    national.save()
    return {"superuser": root, "national": national}


def _enrol(client, cohort, **values):
    data = {"first_name": "", "last_name": "", "sex": "", "function": "", "organisation": "",
            "region": cohort.region.pk, "phone": "", "email": ""}
    data.update(values)
    return client.post(reverse("cohorts:enrol", args=[cohort.pk]), data)


def _trainee_form(person, **changes):
    data = {"first_name": person.first_name, "last_name": person.last_name,
            "sex": person.sex, "function": person.function, "organisation": "",
            "region": person.region_id or "", "phone": person.phone, "email": person.email,
            "language": person.language}
    data.update(changes)
    return data


@pytest.mark.parametrize("attacker", ["facilitator_kayes", "coord_kayes"])
@pytest.mark.parametrize("target", ["superuser", "national"])
def test_the_whole_takeover_chain_is_refused(client, world, targets, attacker, target):
    victim = targets[target]
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"][attacker])

    # 1. "Enrol a person" with the victim's name, then with their phone: a form error that
    #    does not say who matched, and no enrolment.
    for values in ({"first_name": victim.first_name, "last_name": victim.last_name},
                   {"first_name": victim.first_name, "last_name": victim.last_name,
                    "phone": victim.phone}):
        response = _enrol(client, cohort, **values)
        body = response.content.decode()
        assert response.status_code == 200 and REFUSED in body
        assert victim.email not in body  # nothing about the account that matched
    # ... nor through the admin's Enrollments screen
    client.post(reverse("enrollment:add"), {"cohort": cohort.pk, "trainee": victim.pk})
    assert not Enrollment.objects.filter(trainee=victim).exists()

    # 2. Even enrolled by someone else, the victim's e-mail cannot be changed: not in the
    #    Trainees screen, not in Wagtail's user admin.
    enroll(cohort, victim)
    response = client.post(reverse("trainees:edit", args=[victim.pk]),
                           _trainee_form(victim, email="attacker@example.org"))
    assert response.status_code in (302, 404)
    client.post(reverse("wagtailusers_users:edit", args=[victim.pk]),
                {"email": "attacker@example.org", "username": victim.username})
    victim.refresh_from_db()
    assert victim.email != "attacker@example.org"

    # 3. So a password reset to the attacker's address sends nothing.
    mail.outbox.clear()
    client.logout()
    client.post(reverse("accounts:password_reset"), {"email": "attacker@example.org"})
    assert mail.outbox == []


def test_out_of_scope_trainee_is_not_matched(client, world):
    moptien = world["people"]["trainee_mopti"]
    client.force_login(world["people"]["coord_kayes"])
    response = _enrol(client, world["cohorts"]["kayes"], first_name=moptien.first_name,
                      last_name=moptien.last_name)
    assert REFUSED in response.content.decode()
    assert not Enrollment.objects.filter(trainee=moptien,
                                         cohort=world["cohorts"]["kayes"]).exists()


def test_plain_trainee_in_scope_is_matched_and_enrolled(client, world, course):
    from tests.factories import make_cohort

    kadia = world["people"]["trainee_kayes"]
    second = make_cohort(course=course, region_name="Kayes", name="Kayes second")
    client.force_login(world["people"]["coord_kayes"])
    response = _enrol(client, second, first_name="kadia", last_name="KAYESIENNE")
    assert response.status_code == 302
    assert Enrollment.objects.filter(cohort=second, trainee=kadia).exists()
    assert User.objects.filter(last_name="Kayesienne").count() == 1


def test_contact_changes_by_someone_else_are_logged_and_notified(
        client, world, django_capture_on_commit_callbacks):
    kadia = world["people"]["trainee_kayes"]
    kadia.email, kadia.phone, kadia.region = "kadia@example.org", "+22376000001", region("Kayes")
    kadia.save()
    coordinator = world["people"]["coord_kayes"]
    client.force_login(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("trainees:edit", args=[kadia.pk]), _trainee_form(
            kadia, email="kadia.new@example.org", phone="+22376000009"))
    assert response.status_code == 302
    events = {e.kind: e for e in AccountEvent.objects.filter(person=kadia)}
    assert (events["email"].old_value, events["email"].new_value) == (
        "kadia@example.org", "kadia.new@example.org")
    assert (events["phone"].old_value, events["phone"].new_value) == (
        "+22376000001", "+22376000009")
    assert events["email"].actor == coordinator and events["email"].created_at
    assert [m.to for m in mail.outbox] == [["kadia@example.org"]]
    assert "E-mail address changed" in mail.outbox[0].body

    # national staff read the log in the admin; a regional coordinator does not
    assert client.get(reverse("account_events:index")).status_code in (302, 403)
    client.force_login(world["people"]["national"])
    listing = client.get(reverse("account_events:index"))
    assert listing.status_code == 200 and "kadia.new@example.org" in listing.content.decode()


def test_user_admin_holder_cannot_touch_a_higher_account(client, world, targets):
    """A non-superuser given Django's user permissions still cannot edit a superuser nor hand
    out rights they do not hold."""
    from django.contrib.auth.models import Group, Permission

    helper = UserFactory(username="helpdesk", is_staff=True)
    helper.user_permissions.add(*Permission.objects.filter(
        content_type__app_label__in=["accounts", "wagtailadmin"],
        codename__in=["add_user", "change_user", "delete_user", "access_admin"]))
    client.force_login(helper)
    root = targets["superuser"]
    kadia = world["people"]["trainee_kayes"]
    assert client.get(reverse("wagtailusers_users:edit", args=[kadia.pk])).status_code == 200
    # Wagtail answers a refusal with a redirect to the dashboard and a message
    assert client.get(reverse("wagtailusers_users:edit", args=[root.pk])).status_code in (
        302, 403)
    client.post(reverse("wagtailusers_users:edit", args=[root.pk]), {
        "username": "root", "email": "attacker@example.org", "is_active": "on"})
    client.post(reverse("wagtailusers_users:delete", args=[root.pk]))
    root.refresh_from_db()
    assert root.email == "root@example.org"
    administrators = Group.objects.get(name="Administrators")
    client.post(reverse("wagtailusers_users:edit", args=[kadia.pk]), {
        "username": kadia.username, "first_name": "Kadia", "last_name": "Kayesienne",
        "email": "", "is_active": "on", "groups": [administrators.pk], "language": "en"})
    assert not kadia.groups.filter(pk=administrators.pk).exists()


def test_user_admin_changes_of_contact_details_are_logged_too(client, world, targets):
    kadia = world["people"]["trainee_kayes"]
    client.force_login(targets["superuser"])
    response = client.post(reverse("wagtailusers_users:edit", args=[kadia.pk]), {
        "username": kadia.username, "first_name": "Kadia", "last_name": "Kayesienne",
        "email": "kadia@example.org", "is_active": "on", "language": "en", "phone": "",
        "groups": [g.pk for g in kadia.groups.all()]})
    assert response.status_code == 302, response.content.decode()[-1500:]
    event = AccountEvent.objects.get(person=kadia)
    assert (event.kind, event.old_value, event.new_value, event.actor) == (
        "email", "", "kadia@example.org", targets["superuser"])
