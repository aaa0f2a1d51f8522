"""Wagtail's Settings → Users forms carry the profile fields."""

import pytest

from django.urls import reverse

from lms.accounts.models import User
from tests.factories import UserFactory, region

pytestmark = pytest.mark.django_db
PROFILE = ("sex", "function", "organisation", "region", "phone", "language",
           "coordinated_regions")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_create_and_edit_forms_show_profile_fields(admin_client):
    user = UserFactory()
    for url in (reverse("wagtailusers_users:add"),
                reverse("wagtailusers_users:edit", args=[user.pk])):
        html = admin_client.get(url).content.decode()
        for name in PROFILE:
            assert f'name="{name}"' in html, (url, name)


def test_edit_saves_profile_fields(admin_client):
    user = UserFactory(username="awa")
    kayes, mopti = region("Kayes"), region("Mopti")
    response = admin_client.post(reverse("wagtailusers_users:edit", args=[user.pk]), {
        "username": "awa", "email": "", "first_name": "Awa", "last_name": "Coulibaly",
        "is_active": "on", "sex": "F", "function": "psychologist", "region": kayes.pk,
        "phone": "+22370000000", "language": "fr",
        "coordinated_regions": [kayes.pk, mopti.pk],
    })
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert (user.function, user.region, user.phone, user.language) == (
        "psychologist", kayes, "+22370000000", "fr")
    assert set(user.coordinated_regions.all()) == {kayes, mopti}


def test_create_rejects_a_bad_choice(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), {
        "username": "newcomer", "email": "", "first_name": "A", "last_name": "B",
        "password1": "a-long-secret-99", "password2": "a-long-secret-99",
        "sex": "X", "language": "fr",
    })
    assert response.status_code == 200
    assert "sex" in response.context["form"].errors
    assert not User.objects.filter(username="newcomer").exists()


def test_create_without_email_is_allowed(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), {
        "username": "moussa", "email": "", "first_name": "Moussa", "last_name": "Diarra",
        "password1": "a-long-secret-99", "password2": "a-long-secret-99",
        "sex": "M", "language": "fr", "region": region("Bamako").pk,
    })
    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(username="moussa")
    assert (user.email, user.region.name, user.sex) == ("", "Bamako", "M")
