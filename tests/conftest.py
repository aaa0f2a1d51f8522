"""Shared fixtures and the service markers.

Tests marked `postgres`, `redis` or `browser` skip, with a clear reason, when that service is
not available on this machine. CI sets CASCADE_REQUIRE=postgres,redis,browser (any subset):
a required service that is missing then FAILS the test instead of skipping it.
"""

import os
import shutil
import socket
import sqlite3
from urllib.parse import urlparse

import pytest

REQUIRED = {name.strip() for name in os.environ.get("CASCADE_REQUIRE", "").split(",") if name}
# CI's second pass runs the suite again on PostgreSQL: only the tests that touch the database
# (the others, settings and pure functions, ran in the first pass and cannot differ).
DATABASE_ONLY = os.environ.get("CASCADE_DATABASE_ONLY") == "1"
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences",
                     "django_db_serialized_rollback", "live_server"}
_skipped: dict[str, int] = {}


def redis_url(db: int | None = None) -> str:
    """The Redis server the tests use (CASCADE_TEST_REDIS, else REDIS_URL, else the local
    one), or database `db` of it. CI runs its two passes at once, each on its own server."""
    url = os.environ.get("CASCADE_TEST_REDIS") or os.environ.get("REDIS_URL") or (
        "redis://127.0.0.1:6379")
    server = url.split("://", 1)[0] + "://" + urlparse(url).netloc
    return server if db is None else f"{server}/{db}"


def _redis_available() -> tuple[bool, str]:
    url = urlparse(redis_url())
    try:
        with socket.create_connection((url.hostname or "127.0.0.1", url.port or 6379), 1):
            return True, ""
    except OSError as exc:
        return False, f"no Redis at {redis_url()} ({exc})"


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which(
        "chromium-browser"
    )


def _browser_available() -> tuple[bool, str]:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False, "playwright is not installed"
    if not chromium_path():
        return False, "no chromium executable (apt-get install chromium, or set CHROMIUM_PATH)"
    return True, ""


def _postgres_available() -> tuple[bool, str]:
    from django.db import connection

    if connection.vendor == "postgresql":
        return True, ""
    return False, "the default database is not PostgreSQL (set DATABASE_URL=postgres://...)"


CHECKS = {"postgres": _postgres_available, "redis": _redis_available, "browser": _browser_available}
_cache: dict[str, tuple[bool, str]] = {}


def uses_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items: list[pytest.Item]) -> None:
    if not DATABASE_ONLY:
        return
    kept, left_out = [], []
    for item in items:
        (kept if uses_database(item) else left_out).append(item)
    config.hook.pytest_deselected(items=left_out)
    items[:] = kept


def pytest_runtest_setup(item: pytest.Item) -> None:
    for name, check in CHECKS.items():
        if item.get_closest_marker(name) is None:
            continue
        if name not in _cache:
            _cache[name] = check()
        ok, why = _cache[name]
        if ok:
            continue
        if name in REQUIRED:
            pytest.fail(f"{name} is required here (CASCADE_REQUIRE) but unavailable: {why}")
        _skipped[name] = _skipped.get(name, 0) + 1
        pytest.skip(f"needs {name}: {why}")


def pytest_terminal_summary(terminalreporter) -> None:
    if not _skipped:
        return
    terminalreporter.section("services not available: these tests were skipped")
    for name, count in sorted(_skipped.items()):
        terminalreporter.write_line(f"{count} test(s) needing {name}: {_cache[name][1]}")
    terminalreporter.write_line("CI runs them all (see .ci/run).")


# A copy of the test database as migrations built it (SQLite only), taken before any test
# writes to it: the browser journeys' server starts from it instead of migrating again.
MIGRATED_COPY: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory, request):
    """pytest-django's test database, then (SQLite, when browser journeys are to run) a file
    copy of it for `live_site`."""
    from django.db import connection

    if not any(item.get_closest_marker("browser") for item in request.session.items):
        return
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            target = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(target) as copy:
                connection.connection.backup(copy)
            MIGRATED_COPY["path"] = str(target)


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test's rolled-back database: start each test with
    nothing cached (published pages, site, renditions...)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def roles_ready(db):
    from lms.accounts.roles import ALL_ROLES
    from tests.factories import role_groups

    return dict(zip(ALL_ROLES, role_groups(*ALL_ROLES), strict=True))


@pytest.fixture
def site_tree(db):
    from tests.factories import build_site_tree

    return build_site_tree()
