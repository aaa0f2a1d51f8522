"""What the test settings change to keep the suite fast (and nothing a test relies on)."""

import pytest

from django.db import connection

from tests.conftest import uses_database


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_commits_in_tests_do_not_wait_for_the_disk():
    """Building the test database (every migration commits) and each transactional test's
    flush commit without waiting for the WAL flush: the pass on PostgreSQL is faster."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"


def test_the_postgresql_pass_keeps_a_test_that_touches_the_database(request, db):
    # CI's second pass (CASCADE_DATABASE_ONLY) runs this one again on PostgreSQL...
    assert uses_database(request.node)


def test_the_postgresql_pass_leaves_out_a_test_without_the_database(request):
    # ...and not this one, which ran in the first pass and cannot differ.
    assert not uses_database(request.node)
