"""Production settings, checked in a fresh interpreter exactly as a deployment would load them."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "CELERY_")) and key not in {
            "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CACHE_URL"}
    }
    env.update({
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "cascade.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://cascade.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "smtp+tls://cascade:secret@smtp.example.org:587",
        # One process on this disk: the multi-process warnings (cascade.W001/W002) are
        # tested in tests/storage/test_settings.py.
        "CASCADE_MULTI_PROCESS": "0",
    })
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  _production_env(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _production_env(tmp_path)
    env["SECRET_KEY"] = ""
    result = _run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_real_email_backend(tmp_path):
    """Base's console backend would print reset links and addresses into the logs."""
    for email_url in ("", "consolemail://", "filemail:///tmp/mail", "dummymail://"):
        env = _production_env(tmp_path)
        env.pop("EMAIL_URL")
        if email_url:
            env["EMAIL_URL"] = email_url
        result = _run(["manage.py", "check"], env)
        assert result.returncode != 0, email_url
        assert "EMAIL_URL" in result.stderr and "ALLOW_NO_EMAIL" in result.stderr


def test_production_runs_without_email_only_when_told_and_prints_none(tmp_path):
    env = _production_env(tmp_path, ALLOW_NO_EMAIL="true")
    env.pop("EMAIL_URL")
    probe = ("import django; django.setup(); from django.conf import settings; "
             "from django.core.mail import send_mail; "
             "send_mail('Reset', 'https://x/reset/abc', 'a@example.org', ['b@example.org']); "
             "print(settings.EMAIL_BACKEND)")
    result = _run(["-c", probe], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "django.core.mail.backends.dummy.EmailBackend")
    assert "reset/abc" not in result.stdout + result.stderr


PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name) for name in [
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS",
    "AXES_ENABLED", "AXES_FAILURE_LIMIT", "LANGUAGE_COOKIE_SECURE"]}))
"""


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory) -> dict:
    result = _run(["-c", PROBE], _production_env(tmp_path_factory.mktemp("prod")))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cookies_are_secure_and_http_only(production_settings):
    assert production_settings["DEBUG"] is False
    assert production_settings["SESSION_COOKIE_SECURE"] is True
    assert production_settings["CSRF_COOKIE_SECURE"] is True
    assert production_settings["LANGUAGE_COOKIE_SECURE"] is True
    assert production_settings["SESSION_COOKIE_HTTPONLY"] is True
    assert production_settings["SESSION_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert production_settings["CSRF_COOKIE_SAMESITE"] in {"Lax", "Strict"}


def test_https_is_enforced(production_settings):
    assert production_settings["SECURE_SSL_REDIRECT"] is True
    assert production_settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert production_settings["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production_settings["X_FRAME_OPTIONS"] == "DENY"


def test_login_lockout_is_on_in_production(production_settings):
    assert production_settings["AXES_ENABLED"] is True
    assert production_settings["AXES_FAILURE_LIMIT"] == 5
