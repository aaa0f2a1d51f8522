"""The same queue delivered by several requests at once (a phone retrying while the first
request is still running): the unique client id lets one apply it, the others read its outcome.
Nothing doubles: one mark, one person, one enrolment, one log row per change."""

import threading

import pytest

from django.db import connection

from lms.accounts.models import User
from lms.cohorts.models import Attendance
from lms.cohorts.views.access import managed_cohort
from lms.fieldsync import services
from lms.fieldsync.models import ClientChange

from .conftest import enrol, mark


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queue_replayed_concurrently_applies_each_change_once(world, rf):
    cohort = world["cohorts"]["kayes"]
    facilitator = world["people"]["facilitator"]
    person = enrol(cohort, first_name="Djeneba", phone="76554433")
    queue = [person, mark(cohort, enrol=person["id"]),
             mark(cohort, enrollment=world["enrollments"]["kayes"], status="absent")]
    request = rf.post("/")
    request.user = facilitator
    barrier = threading.Barrier(4)
    results, errors = [], []

    def deliver():
        try:
            barrier.wait()
            results.append(services.changes_apply(
                user=facilitator, changes=queue,
                cohort_for=lambda pk: managed_cohort(request, pk)))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all([r.outcome for r in batch] == ["applied"] * 3 for batch in results)
    assert sum(r.replayed for batch in results for r in batch) == 9  # 3 changes x 3 late
    assert User.objects.filter(first_name="Djeneba").count() == 1
    assert cohort.enrollments.count() == 2
    assert Attendance.objects.filter(enrollment__cohort=cohort).count() == 2
    assert ClientChange.objects.count() == 3
