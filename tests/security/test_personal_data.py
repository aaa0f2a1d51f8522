"""No personal data in the logs, and none on public pages."""

import io
import logging

import pytest

from django.urls import reverse

from lms.core.log_filters import RedactPersonalData, redact
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PHONE = "+223 76 12 34 56"
EMAIL = "aminata.traore@example.org"


@pytest.mark.parametrize("text, expected", [
    (f"failed login for {PHONE}", "failed login for [phone]"),
    ("user 76123456 locked", "user [phone] locked"),
    ("user 0022376123456 locked", "user [phone] locked"),
    ("number 76-12-34-56", "number [phone]"),
    (f"mail to {EMAIL} failed", "mail to [email] failed"),
    ("cleaned up before 2026-11-24 20:38:10.836441+00:00", None),
    ("Not Found: /verify/ABCD-EFGH-JKLM/", None),
    ("rendered certificate 1234567 in 0.25 s", None),
])
def test_redact(text, expected):
    assert redact(text) == (expected or text)


@pytest.fixture
def console_output():
    """The output of the configured root console handler, filter included."""
    handlers = [h for h in logging.getLogger().handlers
                if any(isinstance(f, RedactPersonalData) for f in h.filters)]
    assert handlers, "LOGGING must attach the personal-data filter to the console handler"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_library_log_lines_are_redacted(console_output):
    logging.getLogger("some.library").warning("cannot reach %s or %s", PHONE, EMAIL)
    output = console_output.getvalue()
    assert "cannot reach [phone] or [email]" in output
    assert "76 12 34 56" not in output and EMAIL not in output


def test_failed_logins_and_lockout_log_no_phone_or_email(client, console_output):
    phone_user = UserFactory(username="76123456", phone="+22376123456", email=EMAIL)
    mail_user = UserFactory(username=EMAIL.replace("@", ".at."), email=EMAIL)
    url = reverse("accounts:login")
    for attempt in range(6):
        client.post(url, {"username": phone_user.username, "password": f"wrong-{attempt}"})
    client.post(url, {"username": EMAIL, "password": "wrong"})
    client.post(url, {"username": mail_user.username, "password": "wrong"})
    client.post(reverse("accounts:password_reset"), {"email": EMAIL})

    output = console_output.getvalue()
    assert "AXES" in output  # the failures were logged ...
    assert "76123456" not in output  # ... without the person
    assert EMAIL not in output
    assert mail_user.username not in output


def test_public_pages_show_no_personal_data(client, site_tree):
    trainee = UserFactory(first_name="Aminata", last_name="Traoré", phone="+22376123456",
                          email=EMAIL)
    pages = [reverse("accounts:login"), site_tree["home"].url, site_tree["catalogue"].url,
             site_tree["course"].url, site_tree["modules"][0].url]
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        for private in (trainee.phone, "76123456", EMAIL, trainee.username):
            assert private not in html, (url, private)
