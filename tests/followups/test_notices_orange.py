"""End to end through the real gateway code: beat's task, Orange's API (a local fake server)
answering 503 first, the task's retry sending the SMS once."""

import datetime

import pytest

from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from lms.followups.models import FollowUpNotice
from lms.followups.tasks import followups_due_task
from tests.followups.factories import complete
from tests.notifications.fake_orange import FakeOrange

pytestmark = pytest.mark.django_db


def test_a_503_from_orange_is_retried_and_the_sms_sent_once(
        world, django_capture_on_commit_callbacks):
    complete(world["enrollments"]["kayes"], on=timezone.now() - datetime.timedelta(days=92))
    cache.clear()
    with FakeOrange(client_id="id", client_secret="secret") as orange, override_settings(
            SMS_BACKEND="lms.notifications.sms.orange.OrangeBackend",
            SMS_ORANGE_BASE_URL=orange.url, SMS_ORANGE_CLIENT_ID="id",
            SMS_ORANGE_CLIENT_SECRET="secret", SMS_SENDER="+22300000000"):
        orange.sms_statuses = [503]
        for _run in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                followups_due_task.delay()
    cache.clear()
    sent = orange.sms_sent()
    assert [s["address"] for s in sent] == ["tel:+22376123456", "tel:+22376123456"]  # 503, 201
    notice = FollowUpNotice.objects.get()
    assert (notice.status, notice.channel, notice.attempts) == ("sent", "sms", 2)
    assert notice.reference.startswith("msg-")
