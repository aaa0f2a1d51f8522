import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_anonymous_to_browser_language(client):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})["Location"] == "/fr/"
    assert client.get("/", headers={"accept-language": "sw"})["Location"] == "/en/"


def test_root_redirects_to_the_users_language(client):
    client.force_login(UserFactory(language="fr"))
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/fr/"


def test_root_honours_the_language_cookie(client):
    client.cookies["django_language"] = "fr"
    assert client.get("/")["Location"] == "/fr/"


def test_localized_home_is_served(client, site_tree):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"] == site_tree["home"]


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "checks": {
        "database": "ok", "cache": "ok", "broker": "in-process", "storage": "ok"}}
