"""Follow-up rules: the schedule, the notices (exactly once), answers and visits.

The schedule is materialised by `followups_schedule`, run by beat before the notices: every
completed enrollment gets its 3- and 6-month follow-ups (`bulk_create(ignore_conflicts=True)`
on the (enrollment, months) constraint, so two runs at once create each row once). Notices are
claimed before they are sent: a row per (follow-up, kind) — a concurrent run finds it taken —
then PENDING -> SENDING by a conditional UPDATE in `notice_send`, so a retry or a second
delivery of the task sends nothing twice. A send that fails for a reason that may pass (gateway
down) puts the row back to PENDING and raises, and the task retries; a refusal is recorded.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.cohorts import figures
from lms.cohorts.models import Enrollment
from lms.notifications.channels import NoAddress, Notice, notify
from lms.notifications.sms import SmsRejected

from . import selectors
from .models import FollowUp, FollowUpNotice, FollowUpVisit, Practice
from .rules import (
    MILESTONES,
    NOTICE_MAX_AGE_DAYS,
    REMINDER_AFTER_DAYS,
    due_date,
    mali_today,
)


@dataclass
class Queue:
    """Where the notices go to be sent: `tasks.notice_send_enqueue`, plugged in at start-up
    (`FollowupsConfig.ready`). The default sends nothing."""

    send: Callable[[int], object] = lambda notice_id: None


queue = Queue()


# The schedule ------------------------------------------------------------------------------

@transaction.atomic
def followups_schedule(*, enrollments: Iterable[Enrollment] | None = None) -> int:
    """Create the missing follow-ups of completed enrollments (all of them, or `enrollments`),
    and refresh those cohorts' totals. Idempotent; returns how many were created."""
    completed = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED,
                                          completed_at__isnull=False)
    if enrollments is not None:
        completed = completed.filter(pk__in=[e.pk for e in enrollments])
    missing = completed.exclude(
        Exists(FollowUp.objects.filter(enrollment=OuterRef("pk"), months=MILESTONES[-1]))
    ).values_list("pk", "completed_at")
    rows = [FollowUp(enrollment_id=pk, months=months,
                     due_date=due_date(completed_at=completed_at, months=months))
            for pk, completed_at in missing.iterator(chunk_size=2000) for months in MILESTONES]
    FollowUp.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    if rows:  # the dashboard's follow-up totals of those cohorts
        figures.cohorts_changed(cohort_ids=Enrollment.objects.filter(
            pk__in={row.enrollment_id for row in rows}).values_list("cohort_id", flat=True))
    return len(rows)


# Notices -----------------------------------------------------------------------------------

def notices_claim(*, today: datetime.date | None = None) -> list[int]:
    """Create the notices now due (first notice from the due date, a reminder
    REMINDER_AFTER_DAYS later if still unanswered), each once; returns the ids of the PENDING
    notices to send (new ones and those a failed attempt put back)."""
    today = today or mali_today()
    oldest = today - datetime.timedelta(days=NOTICE_MAX_AGE_DAYS)
    open_ = FollowUp.objects.not_done().filter(due_date__gt=oldest)
    wanted = [
        (FollowUpNotice.Kind.DUE, open_.filter(due_date__lte=today)),
        (FollowUpNotice.Kind.REMINDER, open_.filter(
            due_date__lte=today - datetime.timedelta(days=REMINDER_AFTER_DAYS))),
    ]
    for kind, followups in wanted:
        ids = followups.exclude(notices__kind=kind).values_list("pk", flat=True)
        FollowUpNotice.objects.bulk_create(
            [FollowUpNotice(follow_up_id=pk, kind=kind) for pk in ids],
            ignore_conflicts=True, batch_size=1000)
    return list(FollowUpNotice.objects.filter(
        status=FollowUpNotice.Status.PENDING, follow_up__answered_at__isnull=True,
    ).values_list("pk", flat=True))


def followups_run(*, today: datetime.date | None = None) -> dict[str, int]:
    """What beat runs: schedule, then queue each pending notice once committed."""
    created = followups_schedule()
    pending = notices_claim(today=today)
    for notice_id in pending:
        transaction.on_commit(lambda pk=notice_id: queue.send(pk))
    return {"scheduled": created, "notices": len(pending)}


def notice_content(*, notice: FollowUpNotice) -> Notice:
    from django.conf import settings

    follow_up = notice.follow_up
    trainee = follow_up.enrollment.trainee
    language = trainee.language or "fr"
    with translation.override(language):
        url = settings.SITE_URL.rstrip("/") + reverse("followups:mine")
        values = {"name": trainee.first_name or trainee.display_name,
                  "course": follow_up.enrollment.cohort.name,
                  "months": follow_up.months, "url": url}
        if notice.kind == FollowUpNotice.Kind.REMINDER:
            subject = _("Reminder: your %(months)s-month follow-up") % values
            sms = _("Cascade: reminder, your %(months)s-month follow-up is waiting. "
                    "Answer here: %(url)s") % values
        else:
            subject = _("Your %(months)s-month follow-up") % values
            sms = _("Cascade: %(months)s months after your training, tell us what you "
                    "applied: %(url)s") % values
        body = _("Hello %(name)s,\n\n%(months)s months ago you completed \"%(course)s\". "
                 "A few questions (two minutes) tell us which practices you could apply and "
                 "what stood in your way:\n%(url)s\n\nYour coordinator may also call you to "
                 "ask them.\n\nCascade") % values
    return Notice(subject=subject, body=body, sms=sms)


def notice_send(*, notice_id: int) -> bool:
    """Send one notice if this caller claims it (see the module's docstring). The claim's
    UPDATE filters on the notice's own columns only: a condition through a join would make it
    `WHERE id IN (subquery)`, which PostgreSQL does not re-check after waiting for a concurrent
    claim, and both would send (tests/followups/test_concurrency.py)."""
    if FollowUp.objects.filter(notices=notice_id, answered_at__isnull=False).exists():
        FollowUpNotice.objects.filter(pk=notice_id, status=FollowUpNotice.Status.PENDING).update(
            status=FollowUpNotice.Status.SKIPPED)  # answered meanwhile: nothing to ask
        return False
    claimed = FollowUpNotice.objects.filter(
        pk=notice_id, status=FollowUpNotice.Status.PENDING,
    ).update(status=FollowUpNotice.Status.SENDING)
    if not claimed:
        return False
    notice = FollowUpNotice.objects.select_related(
        "follow_up__enrollment__trainee", "follow_up__enrollment__cohort").get(pk=notice_id)
    attempts = notice.attempts + 1
    try:
        delivery = notify(person=notice.follow_up.enrollment.trainee,
                          notice=notice_content(notice=notice))
    except (NoAddress, SmsRejected) as exc:
        reason = "no e-mail address or phone number" if isinstance(exc, NoAddress) else str(exc)
        FollowUpNotice.objects.filter(pk=notice_id).update(
            status=FollowUpNotice.Status.FAILED, error=reason[:300], attempts=attempts)
        return False
    except Exception as exc:
        FollowUpNotice.objects.filter(pk=notice_id).update(
            status=FollowUpNotice.Status.PENDING, error=str(exc)[:300], attempts=attempts)
        raise
    FollowUpNotice.objects.filter(pk=notice_id).update(
        status=FollowUpNotice.Status.SENT, sent_at=timezone.now(), channel=delivery.channel,
        reference=delivery.reference[:100], error="", attempts=attempts)
    return True


# Answers and visits ------------------------------------------------------------------------

def _check_changeable(*, follow_up: FollowUp, by) -> None:
    if not selectors.followups_changeable_by(by).filter(pk=follow_up.pk).exists():
        raise PermissionDenied


@transaction.atomic
def followup_answer(*, follow_up: FollowUp, by, channel: str, practices: Iterable[Practice],
                    trained_others: bool, people_trained: int | None = None,
                    other_practice: str = "", obstacles: str = "") -> FollowUp:
    """Record the questionnaire: by the trainee themself (channel "self", once), or by a
    coordinator who may change this follow-up (from a phone call, a visit or paper; a
    coordinator may correct what was recorded)."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    own = follow_up.enrollment.trainee_id == by.pk
    if own:
        if follow_up.done:
            raise ValidationError(_("This follow-up has already been answered."))
        channel = FollowUp.Channel.SELF
    else:
        _check_changeable(follow_up=follow_up, by=by)
        if channel not in FollowUp.Channel.values or channel == FollowUp.Channel.SELF:
            raise ValidationError({"channel": _("Say how the answers were given.")})
    if follow_up.due_date > mali_today() + datetime.timedelta(days=14):
        raise ValidationError(_("This follow-up is not due yet."))
    if not trained_others and people_trained:
        raise ValidationError({"people_trained": _(
            "Leave this empty when the person has not trained anyone.")})
    follow_up.channel = channel
    follow_up.trained_others = trained_others
    follow_up.people_trained = people_trained if trained_others else None
    follow_up.other_practice = other_practice.strip()
    follow_up.obstacles = obstacles.strip()
    follow_up.answered_at = timezone.now()
    follow_up.recorded_by = by
    follow_up.save()
    follow_up.practices.set(practices)
    figures.cohorts_changed(cohort_ids=[follow_up.enrollment.cohort_id])
    return follow_up


@transaction.atomic
def visit_record(*, follow_up: FollowUp, by, visited_on: datetime.date, rating: int,
                 observations: str = "") -> FollowUpVisit:
    _check_changeable(follow_up=follow_up, by=by)
    if visited_on > mali_today():
        raise ValidationError({"visited_on": _("The visit date cannot be in the future.")})
    if visited_on < follow_up.enrollment.cohort.end_date:
        raise ValidationError({"visited_on": _("The visit date is before the end of the "
                                               "training.")})
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")})
    visit, _created = FollowUpVisit.objects.update_or_create(
        follow_up=follow_up,
        defaults={"visited_on": visited_on, "rating": rating,
                  "observations": observations.strip(), "recorded_by": by})
    return visit
