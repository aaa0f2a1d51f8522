"""PgBouncer in transaction mode (issue 17): no state may outlive a transaction on a server
connection. DATABASE_POOLER=transaction turns off server-side cursors and psycopg's prepared
statements, checked on a real PostgreSQL; the code takes no session-level advisory lock."""

import re
from pathlib import Path

import pytest

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

from lms.accounts.models import User
from lms.core import prepared
from lms.settings.database import database_for_pooler, prepared_statements
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "cascade", "OPTIONS": {}}


def test_transaction_mode_turns_off_server_side_state():
    pooled = database_for_pooler(POSTGRES, pooler="transaction")
    assert pooled["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert pooled["OPTIONS"]["prepare_threshold"] is None
    assert database_for_pooler(POSTGRES, pooler="session") == POSTGRES
    assert database_for_pooler(POSTGRES, pooler="") == POSTGRES
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}
    assert database_for_pooler(sqlite, pooler="transaction") == sqlite
    with pytest.raises(ValueError, match="DATABASE_POOLER"):
        database_for_pooler(POSTGRES, pooler="statement")
    assert settings.DATABASE_POOLER == ""  # wired in base.py, off unless asked for


def test_no_session_level_advisory_lock_in_the_code():
    """pg_advisory_xact_lock ends with its transaction; pg_advisory_lock would stay on a
    pooled server connection and be released for (or leak to) another client."""
    session_level = re.compile(r"pg_(try_)?advisory_lock(_shared)?\s*\(", re.I)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("lms", "curriculum", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if session_level.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _count(sql: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def _open_cursors() -> int:
    return _count("SELECT count(*) FROM pg_cursors WHERE name IS NOT NULL")


@pytest.mark.postgres
@pytest.mark.django_db
def test_iterators_use_no_server_side_cursor_behind_a_transaction_pooler(monkeypatch):
    UserFactory.create_batch(3)
    seen = []
    for _user in User.objects.iterator(chunk_size=1):
        seen.append(_open_cursors())
    assert max(seen) >= 1  # by default Django streams through a server-side cursor
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    seen = [_open_cursors() for _user in User.objects.iterator(chunk_size=1)]
    assert seen and max(seen) == 0


@pytest.mark.postgres
@pytest.mark.django_db
def test_no_prepared_statements_behind_a_transaction_pooler():
    def prepared_after_repeats(database: dict) -> int:
        probe = type(connections[DEFAULT_DB_ALIAS])(database)  # a connection of its own
        try:
            with probe.cursor() as cursor:
                for _ in range(8):  # psycopg prepares a query from its 5th run by default
                    cursor.execute("SELECT count(*) FROM django_migrations WHERE id > %s", [0])
                cursor.execute("SELECT count(*) FROM pg_prepared_statements")
                return cursor.fetchone()[0]
        finally:
            probe.close()

    database = {**connection.settings_dict}
    assert prepared_after_repeats(database) == 0  # Django's default: none prepared
    # Someone tuning for a direct connection (server-side binding, psycopg's threshold)
    # would get prepared statements; behind a transaction pooler the setting removes them.
    tuned = {**database, "OPTIONS": {**database["OPTIONS"], "server_side_binding": True,
                                     "prepare_threshold": 5}}
    assert prepared_after_repeats(tuned) >= 1
    assert prepared_after_repeats(database_for_pooler(tuned, pooler="transaction")) == 0


def test_the_hot_reads_are_prepared_unless_behind_a_transaction_pooler():
    assert prepared_statements(requested=True, pooler="") is True
    assert prepared_statements(requested=True, pooler="session") is True
    assert prepared_statements(requested=True, pooler="transaction") is False
    assert prepared_statements(requested=False, pooler="") is False


def _prepared_count() -> int:
    return _count("SELECT count(*) FROM pg_prepared_statements")


@pytest.mark.postgres
@pytest.mark.django_db
def test_prepared_reads_are_prepared_statements_only_when_allowed(settings):
    """`lms.core.prepared` prepares its statements on PostgreSQL; the ORM's queries are never
    prepared (Django's default, kept); off, or behind a transaction pooler, nothing is."""
    user = UserFactory()
    sql = "SELECT id FROM accounts_user WHERE id = %s"
    before = _prepared_count()
    for _ in range(8):
        list(User.objects.filter(pk=user.pk))
    assert _prepared_count() == before
    with prepared.cursor() as cursor:
        cursor.execute(sql, [user.pk])
        assert cursor.fetchone() == (user.pk,)
    assert _prepared_count() == before + 1

    settings.DATABASE_PREPARED_STATEMENTS = False
    with prepared.cursor() as cursor:
        cursor.execute("SELECT username FROM accounts_user WHERE id = %s", [user.pk])
        assert cursor.fetchone() == (user.username,)
    assert _prepared_count() == before + 1
