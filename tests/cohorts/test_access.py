"""Giving people access (issue #11): log-in slips per cohort, "reset this trainee's access",
the one-time code used up at the first sign-in, the forced password choice, and where each
role lands after signing in."""

import re

import pytest

from django.contrib.auth.hashers import make_password
from django.urls import reverse

from lms.accounts.models import AccountEvent, User
from tests.factories import UserFactory, enroll

pytestmark = pytest.mark.django_db
PASSWORD = "pass-w0rd!"


def _codes(response) -> dict[str, str]:
    """username → code, read off the printed slips."""
    body = response.content.decode()
    usernames = re.findall(r'<dt>Username</dt><dd class="slip-code">([^<]+)</dd>', body)
    codes = re.findall(r'<dd class="slip-code" data-code>([^<]+)</dd>', body)
    return dict(zip(usernames, codes, strict=True))


@pytest.fixture
def newcomer(world):
    """A trainee imported without a password, in the Kayes cohort."""
    person = UserFactory(username="22376000001", first_name="Awa", last_name="Nouvelle",
                         roles=["Trainees"])
    User.objects.filter(pk=person.pk).update(password=make_password(None))  # as imported
    enroll(world["cohorts"]["kayes"], person)
    return person


@pytest.mark.parametrize("who", ["coord_kayes", "facilitator_kayes"])
def test_slips_give_one_time_codes_to_trainees_without_a_password(client, world, newcomer, who):
    actor = world["people"][who]
    client.force_login(actor)
    url = reverse("cohorts:access_slips", args=[world["cohorts"]["kayes"].pk])
    page = client.get(url).content.decode()
    assert "Nouvelle" in page and "Reset this trainee" in page  # Kadia has her password
    response = client.post(url)
    assert response["Cache-Control"].startswith("max-age=0")
    codes = _codes(response)
    assert list(codes) == ["22376000001"]  # Kadia keeps her own password
    newcomer.refresh_from_db()
    assert newcomer.must_change_password and newcomer.check_password(codes["22376000001"])
    assert codes["22376000001"] not in newcomer.password  # stored hashed
    event = AccountEvent.objects.get(person=newcomer)
    assert (event.kind, event.actor) == ("access_code", actor)

    # the trainee signs in with the slip: the code is used up, a password must be chosen
    client.logout()
    response = client.post(reverse("accounts:login"),
                           {"username": "22376000001", "password": codes["22376000001"]})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_choose")
    assert client.get(reverse("curriculum:my_learning")).status_code == 302  # not before
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()
    response = client.post(reverse("accounts:password_choose"),
                           {"new_password1": "Bamako-2026!", "new_password2": "Bamako-2026!"})
    assert response["Location"] == reverse("curriculum:my_learning")
    assert client.get(reverse("curriculum:my_learning")).status_code == 200
    client.logout()
    login = reverse("accounts:login")
    assert client.post(login, {"username": "22376000001",
                               "password": codes["22376000001"]}).status_code == 200
    assert client.post(login, {"username": "22376000001",
                               "password": "Bamako-2026!"}).status_code == 302


def test_reset_access_for_a_trainee_who_forgot_their_password(client, world):
    kadia = world["people"]["trainee_kayes"]
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    response = client.post(reverse("cohorts:access_reset", args=[cohort.pk, kadia.pk]))
    code = _codes(response)[kadia.username]
    kadia.refresh_from_db()
    assert not kadia.check_password(PASSWORD) and kadia.check_password(code)
    assert AccountEvent.objects.filter(person=kadia, kind="access_code").count() == 1


def test_nobody_gives_access_to_a_staff_account_or_outside_their_cohorts(client, world):
    cohort = world["cohorts"]["kayes"]
    national = world["people"]["national"]
    enroll(cohort, national)  # a staff account that is also enrolled
    client.force_login(world["people"]["facilitator_kayes"])
    response = client.post(reverse("cohorts:access_reset", args=[cohort.pk, national.pk]))
    assert response.status_code == 404
    slips = client.post(reverse("cohorts:access_slips", args=[cohort.pk]))
    assert national.username not in slips.content.decode()
    national.refresh_from_db()
    assert national.check_password(PASSWORD) and not national.must_change_password
    # another region's coordinator, a trainee: refused, nothing written
    kadia = world["people"]["trainee_kayes"]
    for who in ("coord_mopti", "facilitator_mopti", "trainee_kayes"):
        client.force_login(world["people"][who])
        assert client.post(reverse("cohorts:access_slips", args=[cohort.pk])).status_code in (
            403, 404)
        assert client.post(reverse("cohorts:access_reset", args=[cohort.pk, kadia.pk])
                           ).status_code in (403, 404)
    kadia.refresh_from_db()
    assert kadia.check_password(PASSWORD)
    assert not AccountEvent.objects.exists()


@pytest.mark.parametrize("who, landing", [
    ("national", "reporting:dashboard"), ("coord_kayes", "cohorts:list"),
    ("facilitator_kayes", "cohorts:list"), ("trainee_kayes", "curriculum:my_learning"),
])
def test_each_role_lands_on_its_own_start_page(client, world, who, landing):
    person = world["people"][who]
    response = client.post(reverse("accounts:login"),
                           {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse(landing)


def test_password_reset_page_points_to_the_slips(client):
    body = client.get(reverse("accounts:password_reset")).content.decode()
    assert "log-in slip" in body


def test_staff_accounts_cannot_be_pulled_in_by_an_access_code(world):
    from django.core.exceptions import PermissionDenied

    from lms.cohorts import people

    with pytest.raises(PermissionDenied):
        people.trainee_access_reset(by=world["people"]["coord_kayes"],
                                    trainee=world["people"]["admin"])
    assert not User.objects.filter(must_change_password=True).exists()
