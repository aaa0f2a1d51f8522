"""Beat's run: follow-ups scheduled, each notice sent exactly once (two runs, retries)."""

import datetime

import pytest

from django.core import mail
from django.utils import timezone

from lms.followups import services
from lms.followups.models import FollowUp, FollowUpNotice
from lms.followups.tasks import followups_due_task
from lms.notifications.sms import SmsTemporaryError
from lms.notifications.sms.console import MemoryBackend
from tests.followups.factories import complete

pytestmark = pytest.mark.django_db


def _completed_days_ago(enrollment, days: int) -> None:
    complete(enrollment, on=timezone.now() - datetime.timedelta(days=days))


def _run(capture) -> dict:
    with capture(execute=True):
        return followups_due_task.delay().get()


def test_due_notices_go_once_by_sms_or_email_over_two_runs(
        world, sms_outbox, django_capture_on_commit_callbacks):
    for key in ("kayes", "mopti", "staff"):
        _completed_days_ago(world["enrollments"][key], 95)
    first = _run(django_capture_on_commit_callbacks)
    second = _run(django_capture_on_commit_callbacks)

    assert first == {"scheduled": 6, "notices": 3}
    assert second == {"scheduled": 0, "notices": 0}
    assert FollowUp.objects.count() == 6
    # Kadia has only a phone: one SMS, to her number in E.164, linking to her follow-ups.
    assert [m["to"] for m in sms_outbox] == ["+22376123456"]
    assert "/en/follow-ups/mine/" in sms_outbox[0]["text"]
    # Moussa has an address: one e-mail.
    assert [m.to for m in mail.outbox] == [["moussa@example.org"]]
    notices = {n.follow_up.enrollment.trainee.username: n
               for n in FollowUpNotice.objects.select_related("follow_up__enrollment__trainee")}
    assert notices["trainee.kayes"].status == FollowUpNotice.Status.SENT
    assert notices["trainee.kayes"].channel == "sms"
    assert notices["trainee.mopti"].channel == "email"
    # Nobody to write to: recorded, not retried.
    assert notices["fac.kayes"].status == FollowUpNotice.Status.FAILED
    assert "no e-mail address" in notices["fac.kayes"].error
    # Only the 3-month follow-ups are due; nothing was sent about the 6-month ones.
    assert set(FollowUpNotice.objects.values_list("follow_up__months", flat=True)) == {3}


def test_a_send_that_fails_is_retried_and_sent_once(
        world, sms_outbox, monkeypatch, django_capture_on_commit_callbacks):
    _completed_days_ago(world["enrollments"]["kayes"], 95)
    real_send, calls = MemoryBackend.send, []

    def flaky(self, *, to, text):
        calls.append(to)
        if len(calls) == 1:
            raise SmsTemporaryError("Orange SMS failed (HTTP 503)")
        return real_send(self, to=to, text=text)

    monkeypatch.setattr(MemoryBackend, "send", flaky)
    _run(django_capture_on_commit_callbacks)  # eager: the task's retry runs at once
    _run(django_capture_on_commit_callbacks)  # and a second beat run changes nothing

    assert len(calls) == 2
    assert len(sms_outbox) == 1
    notice = FollowUpNotice.objects.get()
    assert (notice.status, notice.attempts, notice.error) == (FollowUpNotice.Status.SENT, 2, "")


def test_a_notice_claimed_by_one_sender_is_not_sent_by_another(world, sms_outbox):
    _completed_days_ago(world["enrollments"]["kayes"], 95)
    services.followups_schedule()
    [notice_id] = services.notices_claim()
    # A second run while the first is still sending: the row exists, it creates nothing.
    FollowUpNotice.objects.filter(pk=notice_id).update(status=FollowUpNotice.Status.SENDING)
    assert services.notices_claim() == []
    assert services.notice_send(notice_id=notice_id) is False
    FollowUpNotice.objects.filter(pk=notice_id).update(status=FollowUpNotice.Status.PENDING)
    assert services.notice_send(notice_id=notice_id) is True
    assert services.notice_send(notice_id=notice_id) is False  # a duplicate delivery
    assert len(sms_outbox) == 1


def test_a_reminder_follows_two_weeks_later_unless_answered(world, sms_outbox):
    _completed_days_ago(world["enrollments"]["kayes"], 95)
    _completed_days_ago(world["enrollments"]["mopti"], 95)
    services.followups_schedule()
    for notice_id in services.notices_claim():
        services.notice_send(notice_id=notice_id)
    FollowUp.objects.filter(enrollment=world["enrollments"]["mopti"]).update(
        answered_at=timezone.now())
    later = timezone.localdate() + datetime.timedelta(days=20)
    for notice_id in services.notices_claim(today=later):
        services.notice_send(notice_id=notice_id)
    kinds = list(FollowUpNotice.objects.filter(status="sent").order_by("pk")
                 .values_list("follow_up__enrollment__trainee__username", "kind"))
    assert kinds == [("trainee.kayes", "due"), ("trainee.mopti", "due"),
                     ("trainee.kayes", "reminder")]
    assert len(sms_outbox) == 2


def test_follow_ups_due_long_ago_are_not_notified(world, sms_outbox):
    # Trained in 2022: the follow-ups are overdue, but nobody is messaged years later.
    complete(world["enrollments"]["kayes"],
             on=datetime.datetime(2022, 6, 1, 12, tzinfo=datetime.UTC))
    services.followups_schedule()
    assert services.notices_claim() == []
    assert FollowUpNotice.objects.count() == 0


def test_the_coordinator_sees_whether_the_trainee_was_told(
        client, world, sms_outbox, django_capture_on_commit_callbacks,
        django_assert_max_num_queries):
    for key in ("kayes", "staff"):
        _completed_days_ago(world["enrollments"][key], 95)
    _run(django_capture_on_commit_callbacks)
    client.force_login(world["people"]["coord_kayes"])
    with django_assert_max_num_queries(15):  # fixed: the notices in one prefetch
        page = client.get("/en/follow-ups/").content.decode()
    assert "SMS sent on" in page  # Kadia, by SMS
    assert "Notice not sent: call them" in page  # the facilitator has no address
