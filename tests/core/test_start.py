"""`manage.py start [addrport]`: documented, short output, links follow the address served."""

import io
import logging

import pytest

from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from lms.core.management.commands import start
from lms.core.management.commands.start import served_url


@pytest.mark.parametrize(("addrport", "url"), [
    ("8105", "http://127.0.0.1:8105"), ("127.0.0.1:8000", "http://127.0.0.1:8000"),
    ("0.0.0.0:8080", "http://127.0.0.1:8080"), ("localhost:9000", "http://localhost:9000"),
])
def test_served_url(addrport, url):
    assert served_url(addrport) == url


def test_a_bad_address_is_refused():
    with pytest.raises(CommandError):
        served_url("http://x")


def test_help_documents_addrport(capsys):
    with pytest.raises(SystemExit):
        call_command("start", "--help")
    help_text = capsys.readouterr().out
    assert "addrport" in help_text and "8105" in help_text and "127.0.0.1:8000" in help_text


def _noisy_demo():
    def step():
        log = logging.getLogger("django_tasks")
        for n in range(4400):
            log.info("Task %s state=SUCCESSFUL", n)
        mail.send_mail("Votre certificat", "Bonjour", None, ["a@example.org"])
        from lms.certificates.rendering import verify_url

        return verify_url("ABCD-EFGH-JKMN")

    return [("certificates", step)]


def test_first_run_prints_a_short_summary_and_links_follow_the_port(
        db, monkeypatch, settings, capsys):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    monkeypatch.setattr("lms.core.management.commands.load_demo.demo_steps", _noisy_demo)
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = io.StringIO()
    call_command("start", "8105", "--no-serve", stdout=out)
    printed = out.getvalue() + "".join(capsys.readouterr())
    lines = [line for line in printed.splitlines() if line.strip()]
    assert len(lines) <= 10, printed[:3000]
    assert "state=SUCCESSFUL" not in printed and "Bonjour" not in printed
    assert "certificates: http://127.0.0.1:8105/verify/ABCD-EFGH-JKMN/" in printed
    assert settings.SITE_URL == settings.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8105"
    assert settings.EMAIL_BACKEND.endswith("console.EmailBackend")  # restored
    assert logging.root.manager.disable == logging.NOTSET


def test_an_explicit_site_url_wins(db, monkeypatch, settings):
    monkeypatch.setenv("SITE_URL", "https://cascade.example.org")
    monkeypatch.setattr("lms.core.management.commands.load_demo.demo_steps", lambda: [])
    settings.SITE_URL = "https://cascade.example.org"
    call_command("start", "8105", "--no-serve", stdout=io.StringIO())
    assert settings.SITE_URL == "https://cascade.example.org"
    assert start.DEFAULT_ADDRPORT == "127.0.0.1:8000"
