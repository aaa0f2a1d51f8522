"""django-axes: repeated failed logins lock the account from that address, on both login pages."""

import re

import pytest
from axes.models import AccessAttempt

from django.conf import settings
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pass-w0rd!"


def _fail(client, url: str, username: str, times: int) -> None:
    for attempt in range(1, times + 1):
        response = client.post(url, {"username": username, "password": "wrong-password"})
        # The form again with its error; the failure that reaches the limit gets the locked page.
        assert response.status_code == (429 if attempt == settings.AXES_FAILURE_LIMIT else 200)


def test_sixth_attempt_is_locked_even_with_the_right_password(client):
    user = UserFactory(username="76123456")
    url = reverse("accounts:login")
    _fail(client, url, user.username, settings.AXES_FAILURE_LIMIT)

    response = client.post(url, {"username": user.username, "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert settings.AXES_LOCKOUT_TEMPLATE in [t.name for t in response.templates]
    assert re.search(r"<h1>[^<]*attempts[^<]*</h1>", page), "the page says why"
    assert "try again later" in page.lower()
    assert 'name="password"' not in page  # no login form inviting more guesses


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client):
    user = UserFactory()
    url = reverse("accounts:login")
    _fail(client, url, user.username, settings.AXES_FAILURE_LIMIT - 1)

    response = client.post(url, {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not AccessAttempt.objects.filter(username=user.username).exists()  # reset on success


def test_lockout_is_per_account_and_address(client):
    locked, other = UserFactory(), UserFactory()
    url = reverse("accounts:login")
    _fail(client, url, locked.username, settings.AXES_FAILURE_LIMIT)

    assert client.post(url, {"username": other.username, "password": PASSWORD}).status_code == 302
    elsewhere = client.__class__(REMOTE_ADDR="10.1.2.3")
    response = elsewhere.post(url, {"username": locked.username, "password": PASSWORD})
    assert response.status_code == 302


def test_wagtail_admin_login_is_locked_too(client):
    editor = UserFactory(is_staff=True, roles=["Curriculum editors"])
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": editor.username, "password": "wrong-password"})

    response = client.post(url, {"username": editor.username, "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_authenticate_needs_the_request_for_axes():
    """AxesStandaloneBackend refuses to authenticate without a request: every login path must
    pass it (Django's and Wagtail's login forms do), so none silently bypasses the lockout."""
    from axes.exceptions import AxesBackendRequestParameterRequired

    user = UserFactory()
    with pytest.raises(AxesBackendRequestParameterRequired):
        authenticate(username=user.username, password=PASSWORD)
    request = RequestFactory().post("/")
    assert authenticate(request, username=user.username, password=PASSWORD) == user
