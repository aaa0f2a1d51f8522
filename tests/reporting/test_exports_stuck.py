"""A background export whose worker died is marked failed by beat's sweep, so its page stops
refreshing and says so; recent and finished exports are left alone."""

import datetime

import pytest

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from lms.reporting import tasks
from lms.reporting.filters import Filters
from lms.reporting.models import Export
from lms.reporting.services import export_build
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _export(owner, *, minutes_ago: float, status=Export.Status.PENDING) -> Export:
    export = Export.objects.create(owner=owner, table="trainees", format="csv",
                                   filters=Filters().as_query(), status=status)
    Export.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return export


def test_stuck_exports_are_marked_failed(client):
    owner = UserFactory(is_superuser=True)
    limit = settings.BACKGROUND_JOBS_STUCK_AFTER_MINUTES
    pending = _export(owner, minutes_ago=limit + 1)
    running = _export(owner, minutes_ago=limit + 30, status=Export.Status.RUNNING)
    recent = _export(owner, minutes_ago=limit - 1, status=Export.Status.RUNNING)
    done = _export(owner, minutes_ago=limit * 10, status=Export.Status.DONE)

    assert tasks.exports_stuck_task() == 2
    assert tasks.exports_stuck_task() == 0
    statuses = dict(Export.objects.values_list("pk", "status"))
    assert statuses == {pending.pk: "failed", running.pk: "failed", recent.pk: "running",
                        done.pk: "done"}
    assert "Interrupted" in Export.objects.get(pk=pending.pk).error
    client.force_login(owner)
    page = client.get(reverse("reporting:export_detail", args=[pending.uuid])).content.decode()
    assert "The export failed" in page and 'http-equiv="refresh"' not in page

    # A late delivery of the lost task still builds it: the owner gets the file after all.
    export_build(export=Export.objects.get(pk=pending.pk))
    assert Export.objects.get(pk=pending.pk).status == Export.Status.DONE
