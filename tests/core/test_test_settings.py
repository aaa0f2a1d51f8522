"""What the test settings change to keep the suite fast (and nothing a test relies on)."""

import pytest

from django.db import connection


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_commits_in_tests_do_not_wait_for_the_disk():
    """Building the test database (every migration commits) and each transactional test's
    flush commit without waiting for the WAL flush: the pass on PostgreSQL is faster."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"
