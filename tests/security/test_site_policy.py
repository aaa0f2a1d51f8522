"""Content-Security-Policy without inline scripts on the site, Permissions-Policy, the API
docs served from the site itself, no external avatar in the admin, and a favicon."""

import re

import pytest

from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def _inline_scripts(html: str) -> list[str]:
    """<script> elements with a body the browser would run (JSON data blocks do not run)."""
    found = []
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        if "src=" in attributes or "application/json" in attributes or not body.strip():
            continue
        found.append(body.strip()[:80])
    return found


@pytest.mark.parametrize("path", ["/en/accounts/login/", "/verify/", "/api/docs"])
def test_site_pages_allow_no_inline_script(client, path):
    response = client.get(path)
    assert response.status_code == 200
    script_src = _directives(response)["script-src"]
    assert script_src == ["'self'"]
    assert _inline_scripts(response.content.decode()) == []


def test_site_pages_of_the_page_tree_have_no_inline_script(client, site_tree):
    trainee = UserFactory()
    client.force_login(trainee)
    for page in [site_tree["course"], site_tree["modules"][0]]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert "'unsafe-inline'" not in _directives(response)["script-src"]
        assert _inline_scripts(response.content.decode()) == []


def test_the_admin_keeps_its_own_script_policy(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "'unsafe-inline'" in _directives(response)["script-src"]
    assert _directives(response)["object-src"] == ["'none'"]


def test_permissions_policy_turns_off_unused_features(client):
    response = client.get("/en/accounts/login/")
    policy = dict(item.strip().split("=", 1)
                  for item in response.headers["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert policy[feature] == "()"


def test_api_docs_load_swagger_from_the_site(client):
    response = client.get("/api/docs")
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets)
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert "cdn.jsdelivr.net" not in html
    for asset in assets:  # shipped with the site (collectstatic publishes them)
        assert finders.find(asset.removeprefix("/static/")), asset


def test_the_admin_fetches_no_external_avatar(client):
    user = UserFactory(is_superuser=True, is_staff=True, email="aminata@example.org")
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html
    assert not re.search(r'<img[^>]+src="https?://(?!testserver)', html)


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO header
