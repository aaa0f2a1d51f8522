"""The public verification page: states, no personal data, the typed-code form, rate limit."""

from types import SimpleNamespace

import pytest

from django.core.cache import cache
from django.urls import reverse

from lms.certificates import services
from tests.certificates.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def certificate(site_tree):
    enrollment = completed_enrollment(
        course=site_tree["course"], first_name="Mariam", last_name="Coulibaly",
        email="mariam@example.org", phone="+22376000000")
    return services.certificate_issue(enrollment=enrollment, render=False)


def test_valid_certificate_shows_only_public_facts(client, certificate):
    response = client.get(f"/verify/{certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "genuine and valid" in html
    assert "Mariam Coulibaly" in html and "National Referral Mechanism" in html
    assert "Cascade" in html and "March 4, 2024" in html
    assert "mariam@example.org" not in html and "+22376000000" not in html
    assert "noindex" in html


def test_code_typed_loosely_still_verifies(client, certificate):
    response = client.get(f"/verify/{certificate.code.lower().replace('-', '')}/")
    assert response.status_code == 200 and certificate.code in response.content.decode()


def test_revoked_and_replaced_certificates_say_so(client, certificate):
    new = services.certificate_reissue(certificate=certificate, actor=None, reason="typo",
                                       trainee_name="Mariam Koulibaly")
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert "replaced" in html and "no longer valid" in html
    assert new.code not in html
    services.certificate_revoke(certificate=new, actor=None, reason="Exam fraud")
    html = client.get(f"/verify/{new.code}/").content.decode()
    assert "revoked" in html and "Exam fraud" not in html


def test_unknown_code(client, db):
    response = client.get("/verify/ABCD-EFGH-JKMN/")
    assert response.status_code == 200 and "Unknown code" in response.content.decode()
    response = client.get("/verify/%3Cscript%3E/")
    assert response.status_code == 200 and "<script>" not in response.content.decode()


def test_form_normalises_and_redirects(client, certificate):
    assert client.get(reverse("certificates_public:verify_form")).status_code == 200
    typed = " " + certificate.code.lower().replace("-", " ") + " "
    response = client.get("/verify/", {"code": typed})
    assert response.status_code == 302 and response.url == f"/verify/{certificate.code}/"
    response = client.get("/verify/", {"code": "12"})
    assert response.status_code == 400 and "12 letters and digits" in response.content.decode()


def test_rate_limit_per_client_address(client, certificate, settings, monkeypatch):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    # One fixed window for the whole test: a slow machine must not cross a minute boundary.
    monkeypatch.setattr("lms.certificates.ratelimit.time", SimpleNamespace(time=lambda: 6e8))
    url = f"/verify/{certificate.code}/"
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Too many checks" in response.content.decode()
    assert client.get("/verify/", {"code": "x"}).status_code == 429
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200  # another client


def test_page_language_follows_the_browser(client, certificate):
    response = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200 and '<html lang="fr">' in response.content.decode()
