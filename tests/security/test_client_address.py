"""The client's address behind reverse proxies: one rule (lms/core/client_address.py) for the
login lockout (django-axes) and the verification page's rate limit, tested with
X-Forwarded-For."""

import pytest

from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from lms.core.client_address import client_address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
CLIENT_A, CLIENT_B = "203.0.113.5", "198.51.100.7"
PASSWORD = "pass-w0rd!"
VERIFY_URL = "/verify/ABCD-EFGH-JKMN/"  # any code: the limit counts before the lookup


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def _request(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize("proxies, forwarded, expected", [
    (0, None, PROXY),
    (0, CLIENT_A, PROXY),  # no proxy configured: the header is the client's word, ignored
    (1, CLIENT_A, CLIENT_A),
    (1, f"6.6.6.6, {CLIENT_A}", CLIENT_A),  # what the client wrote itself is ignored
    (2, f"6.6.6.6, {CLIENT_A}, 10.0.0.2", CLIENT_A),
    (1, None, PROXY),  # did not come through the proxy
    (2, CLIENT_A, PROXY),
    (1, "not-an-address", PROXY),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_client_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(_request(PROXY, forwarded)) == expected


def test_default_is_no_proxy_and_axes_uses_the_same_rule():
    assert django_settings.TRUSTED_PROXY_COUNT == 0
    assert django_settings.AXES_CLIENT_IP_CALLABLE == (  # client_address, None if not an IP
        "lms.core.client_address.client_ip_or_none")


def _behind_proxy(address: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def _fail_five_times(client: Client, username: str) -> None:
    url = reverse("accounts:login")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": username, "password": "wrong-password"})


def test_failures_from_one_client_do_not_lock_another_behind_the_same_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = UserFactory()
    url = reverse("accounts:login")
    _fail_five_times(_behind_proxy(CLIENT_A), user.username)

    assert _behind_proxy(CLIENT_A).post(
        url, {"username": user.username, "password": PASSWORD}).status_code == 429
    client_b = _behind_proxy(CLIENT_B)
    assert client_b.post(url, {"username": user.username, "password": PASSWORD}).status_code == 302
    assert client_b.session["_auth_user_id"] == str(user.pk)


def test_spoofed_forwarded_for_does_not_escape_the_lockout_without_a_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    user = UserFactory()
    url = reverse("accounts:login")
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}").post(
            url, {"username": user.username, "password": "wrong-password"})

    fresh_header = Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert fresh_header.post(
        url, {"username": user.username, "password": PASSWORD}).status_code == 429


def test_verification_rate_limit_per_client_behind_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 2
    client_a = _behind_proxy(CLIENT_A)
    assert [client_a.get(VERIFY_URL).status_code == 429 for _ in range(3)] == [
        False, False, True]
    assert _behind_proxy(CLIENT_B).get(VERIFY_URL).status_code != 429


def test_verification_rate_limit_ignores_spoofed_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 2
    limited = [Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").get(VERIFY_URL)
               .status_code == 429 for n in range(3)]
    assert limited == [False, False, True]
