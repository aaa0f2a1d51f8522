"""Exactly once under a real race: two beat runs at once (two threads, two PostgreSQL
connections) both find the same notices pending and both try to send them."""

import datetime
import threading

import pytest

from django.db import connection
from django.utils import timezone

from lms.followups import services
from lms.followups.models import FollowUp, FollowUpNotice
from tests.followups.factories import complete


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_runs_send_each_notice_once(world, sms_outbox, monkeypatch):
    for key in ("kayes", "mopti"):
        complete(world["enrollments"][key], on=timezone.now() - datetime.timedelta(days=95))
    both_claimed = threading.Barrier(2, timeout=20)
    original = services.notices_claim

    def claimed_then_wait(**kwargs):
        pending = original(**kwargs)
        both_claimed.wait()  # both runs hold the same pending notices: now both send
        return pending

    monkeypatch.setattr(services, "notices_claim", claimed_then_wait)
    sent, errors = [], []

    def run() -> None:
        try:
            services.followups_schedule()
            for notice_id in services.notices_claim():
                sent.append(services.notice_send(notice_id=notice_id))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(sent) == [False, False, True, True]  # each notice tried twice, sent once
    assert FollowUp.objects.count() == 4
    assert [m["to"] for m in sms_outbox] == ["+22376123456"]
    assert list(FollowUpNotice.objects.values_list("status", "attempts")) == [
        ("sent", 1), ("sent", 1)]
