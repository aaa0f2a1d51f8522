"""The demo's follow-ups: the 2022 workshops' done and overdue ones, a refresher's due ones in
Kayes and Mopti; nothing sent, and loading twice changes nothing."""

import datetime

import pytest

from django.core import mail

from lms.cohorts.models import Enrollment
from lms.followups import demo
from lms.followups.models import FollowUp, FollowUpNotice
from lms.followups.rules import State
from lms.followups.selectors import followup_list
from lms.followups.services import followups_run
from tests.factories import UserFactory, enroll, make_cohort, region
from tests.followups.factories import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshops(world, course):
    """A Kayes and a Mopti 2022 workshop (codes as the cohorts demo names them), whose
    trainees completed, the completion dated when the demo was loaded (now)."""
    for name in ("Kayes", "Mopti"):
        cohort = make_cohort(course=course, region_name=name, code=f"nrm-tot-2022-{name.lower()}",
                             start_date=datetime.date(2022, 5, 17),
                             end_date=datetime.date(2022, 5, 19))
        people = [UserFactory(region=region(name), phone=f"+2237000{name[0] == 'K':d}{n:03d}")
                  for n in range(10)]
        for enrollment in enroll(cohort, *people):
            complete(enrollment)


def test_the_demo_has_done_overdue_and_due_follow_ups_and_sends_nothing(
        workshops, world, sms_outbox):
    summary = demo.load()
    assert "answered" in summary
    old = Enrollment.objects.filter(cohort__code="nrm-tot-2022-kayes").first()
    assert old.completed_at.date() == datetime.date(2022, 5, 19)
    states = {state: followup_list(user=world["people"]["national"], state=state).count()
              for state in State}
    assert states[State.DONE] > 0 and states[State.OVERDUE] > 0
    assert states[State.DUE] == 12  # the refreshers' 3-month follow-ups
    assert followup_list(user=world["people"]["coord_kayes"], state=State.DUE).count() == 6
    assert FollowUp.objects.filter(answered_at__isnull=False, channel="phone_call").exists()

    assert demo.load() == "demo follow-ups already loaded"
    followups_run()
    assert sms_outbox == [] and mail.outbox == []
    assert not FollowUpNotice.objects.exclude(status=FollowUpNotice.Status.SKIPPED).exists()
