"""National staff create, see and revoke their own API tokens; the key is shown once on the
page, never in a message (cookie) or the admin."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from lms.accounts import roles
from lms.reporting.models import ApiToken
from lms.reporting.services import api_token_create
from tests.factories import UserFactory, region

pytestmark = pytest.mark.django_db

URL = "/en/dashboard/api-tokens/"


@pytest.fixture
def national(client, roles_ready):
    user = UserFactory(roles=[roles.NATIONAL_COORDINATOR])
    client.force_login(user)
    return user


def _api(client, key: str):
    return client.get("/api/cohorts", headers={"Authorization": f"Bearer {key}"})


def test_create_shows_the_key_once_on_the_page_and_never_in_messages(client, national):
    response = client.post(URL, {"name": "DHIS2"})
    assert response.status_code == 200
    token = ApiToken.objects.get(owner=national)
    key = response.context["new_key"]
    assert key.startswith(token.prefix) and key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert [str(m) for m in get_messages(response.wsgi_request)] == []
    assert key not in str(response.cookies)
    assert _api(client, key).status_code == 200

    again = client.get(URL)  # listed by name and prefix, the key is gone
    assert "DHIS2" in again.content.decode() and token.prefix in again.content.decode()
    assert key not in again.content.decode()


def test_revoke_closes_the_api(client, national):
    token, key = api_token_create(owner=national, name="old")
    response = client.post(reverse("reporting:api_token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked
    assert _api(client, key).status_code == 401


def test_nobody_revokes_or_sees_another_persons_token(client, national):
    other = UserFactory(roles=[roles.NATIONAL_COORDINATOR])
    token, _key = api_token_create(owner=other, name="theirs")
    assert "theirs" not in client.get(URL).content.decode()
    response = client.post(reverse("reporting:api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert not token.revoked


@pytest.mark.parametrize("role", [roles.REGIONAL_COORDINATOR, roles.FACILITATOR, roles.TRAINEE])
def test_other_roles_may_not_create_tokens(client, roles_ready, role):
    client.force_login(UserFactory(roles=[role], regions=[region("Kayes")]))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_django_admin_cannot_create_tokens_nor_put_keys_in_messages(client, roles_ready):
    admin_user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin_user)
    assert client.get("/django-admin/reporting/apitoken/add/").status_code == 403
    token, _key = api_token_create(owner=admin_user, name="x")
    response = client.post("/django-admin/reporting/apitoken/", {
        "action": "revoke", "_selected_action": [token.pk]}, follow=True)
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.revoked


def test_dashboard_links_to_the_tokens_page_for_national_staff(client, national):
    assert URL in client.get("/en/dashboard/").content.decode()
