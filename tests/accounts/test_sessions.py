"""Database sessions read by a statement compiled once (`lms/accounts/sessions.py`): the same
rows and answers as Django's `db` engine, which writes them."""

import datetime

import pytest

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from lms.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_engine_in_use():
    assert settings.SESSION_ENGINE == "lms.accounts.sessions"


def test_reads_what_django_wrote_and_forgets_what_expired():
    written = DjangoStore()
    written["who"] = "trainee"
    written.create()
    assert SessionStore(written.session_key)["who"] == "trainee"
    Session.objects.filter(pk=written.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))
    expired = SessionStore(written.session_key)
    assert expired.load() == {}
    assert expired.session_key is None  # as Django's: a new key on the next save


def test_unknown_key_and_round_trip():
    assert SessionStore("x" * 32).load() == {}
    ours = SessionStore()
    ours["n"] = 1
    ours.save()
    assert DjangoStore(ours.session_key)["n"] == SessionStore(ours.session_key)["n"] == 1


def test_a_signed_in_page(client, django_user_model):
    user = django_user_model.objects.create_user(username="reader", password="pw-123456789")
    client.force_login(user)
    assert client.get("/bench/bare").status_code == 200
    assert client.session["_auth_user_id"] == str(user.pk)
