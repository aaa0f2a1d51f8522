"""CSRF on every form, and the security headers every page carries."""

import pytest

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Views that may skip Django's CSRF check, and why. Nothing else may.
CSRF_EXEMPT_ALLOWED = (
    # The read-only M&E API authenticates with a bearer token, never with the session cookie.
    "api/",
    # Wagtail's admin API is Django REST framework: as_view() marks views exempt and DRF's
    # SessionAuthentication enforces CSRF itself (tested below).
    "admin/api/",
)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_no_view_is_csrf_exempt_except_token_authenticated_ones():
    exempt = []
    for route, pattern in _walk(get_resolver().url_patterns):
        callback = pattern.callback
        if getattr(callback, "csrf_exempt", False):
            exempt.append(route)
    unexpected = [route for route in exempt if not route.startswith(CSRF_EXEMPT_ALLOWED)]
    assert unexpected == []


def test_login_post_without_token_is_refused():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"),
                           {"username": user.username, "password": "pass-w0rd!"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_login_post_with_token_works():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:login"), {
        "username": user.username, "password": "pass-w0rd!", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_logged_in_post_without_token_is_refused(site_tree):
    """A signed-in trainee's session cookie alone cannot drive a state change."""
    from curriculum.models import ModuleCompletion

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    module = site_tree["modules"][0]
    response = client.post(reverse("curriculum:module_complete", args=[module.pk]))
    assert response.status_code == 403
    assert ModuleCompletion.objects.count() == 0
    assert client.post(reverse("accounts:logout")).status_code == 403


def test_wagtail_admin_post_without_token_is_refused():
    editor = UserFactory(is_superuser=True, is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("wagtailimages:add"), {"title": "x"})
    assert response.status_code == 403


def test_wagtail_admin_api_action_without_token_is_refused(site_tree):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    module = site_tree["modules"][0]
    url = f"/admin/api/main/pages/{module.pk}/action/unpublish/"
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code == 403
    module.refresh_from_db()
    assert module.live


def test_content_security_policy_on_pages(client):
    response = client.get(reverse("accounts:login"))
    policy = response.headers["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] in (["'self'"], ["'none'"])
    assert "'unsafe-eval'" not in policy
    assert "*" not in policy.split()


def test_other_security_headers(client):
    response = client.get(reverse("accounts:login"))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_session_cookie_is_http_only(client):
    user = UserFactory()
    client.post(reverse("accounts:login"), {"username": user.username, "password": "pass-w0rd!"})
    assert client.cookies["sessionid"]["httponly"] is True


def test_bench_bare_view_goes_through_the_whole_stack(client, django_assert_num_queries):
    """The benchmarks' yardstick must pay for every middleware like the real pages do."""
    with django_assert_num_queries(0):
        response = client.get(reverse("bench_bare"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
