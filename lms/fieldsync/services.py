"""Apply the changes a phone queued while offline, each exactly once, through the same
services as the online pages: `curriculum.services.module_mark_complete`, the cohorts'
`attendance_record` and the roster import behind "Enrol a person" (people matching and its
privilege rules included).

Who may change a cohort is not decided here: the caller passes `cohort_for`, which must be the
check the online pages make (the sync view passes the attendance pages' `managed_cohort`).
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from curriculum.models import ModulePage
from curriculum.services import module_mark_complete
from lms.cohorts import people
from lms.cohorts.forms import PersonForm
from lms.cohorts.importers.reading import RawRow
from lms.cohorts.importers.roster import RosterRejected, roster_import
from lms.cohorts.models import Attendance, Cohort, Enrollment
from lms.cohorts.services import attendance_record

from .models import ClientChange

MAX_CHANGES = 200
CLOSED = {Cohort.Status.COMPLETED, Cohort.Status.CANCELLED}
Kind, Outcome = ClientChange.Kind, ClientChange.Outcome


class Refused(Exception):
    """A change that will never apply: the phone shows the reason and stops sending it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Result:
    client_id: str
    outcome: str
    reason: str = ""
    replayed: bool = False

    def as_json(self) -> dict:
        return {"id": self.client_id, "outcome": self.outcome, "reason": self.reason,
                "replayed": self.replayed}


def _client_time(raw) -> datetime.datetime:
    """When the change was made on the phone, never later than now (a clock set in the
    future must not win every conflict)."""
    moment = parse_datetime(raw) if isinstance(raw, str) else None
    now = timezone.now()
    if moment is None:
        return now
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return min(moment, now)


def _result_of(row: ClientChange, *, replayed: bool) -> Result:
    return Result(str(row.client_id), row.outcome, row.reason, replayed)


def changes_apply(*, user, changes: list, cohort_for: Callable[[int], Cohort]) -> list[Result]:
    """Apply `changes` (the phone's queue, in the order it was made) one by one: a refusal
    never stops the others. `cohort_for(pk)` returns the cohort if `user` may change it and
    raises Http404 / PermissionDenied otherwise."""
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES:
        raise ValidationError(_("Send at most %(count)s changes at a time.")
                              % {"count": MAX_CHANGES})
    return [change_apply(user=user, change=change, cohort_for=cohort_for) for change in changes]


def change_apply(*, user, change: dict, cohort_for: Callable[[int], Cohort]) -> Result:
    try:
        client_id = uuid.UUID(str(change.get("id")))
        kind = Kind(change.get("kind"))
    except (ValueError, AttributeError):
        return Result(str(change.get("id", "")) if isinstance(change, dict) else "",
                      Outcome.REFUSED, _("This change cannot be read."))
    known = ClientChange.objects.filter(client_id=client_id).first()
    if known is not None:
        return _replay(known, user=user)
    row = ClientChange(client_id=client_id, user=user, kind=kind, payload=_loggable(change),
                       client_at=_client_time(change.get("at")), outcome=Outcome.REFUSED)
    row.sent = change
    with transaction.atomic():
        try:
            with transaction.atomic():
                row.save()  # the unique id: a concurrent delivery waits here, then fails
        except IntegrityError:
            known = None
        else:
            known = row
            try:
                row.outcome, row.reason = APPLY[kind](row, user=user, cohort_for=cohort_for)
                row.applied_at = timezone.now()
            except Refused as refusal:
                row.outcome, row.reason = Outcome.REFUSED, refusal.reason
            row.save()
    if known is None:
        return _replay(ClientChange.objects.get(client_id=client_id), user=user)
    return _result_of(row, replayed=False)


def _loggable(change: dict) -> dict:
    """The change as kept in the log: a person enrolled offline without their phone number and
    e-mail address (the account holds them; the log outlives the need for them)."""
    person = change.get("person")
    if not isinstance(person, dict):
        return change
    return {**change, "person": {key: value for key, value in person.items()
                                 if key not in {"phone", "email"}}}


def _replay(row: ClientChange, *, user) -> Result:
    if row.user_id != user.pk:
        return Result(str(row.client_id), Outcome.REFUSED,
                      _("This change was already sent by someone else."), replayed=True)
    return _result_of(row, replayed=True)


def _closed(cohort: Cohort) -> bool:
    """Completed or cancelled, or closed by its trainer and sent for validation (until the
    coordinator sends it back)."""
    return cohort.status in CLOSED or (
        cohort.submitted_at is not None and cohort.validation != Cohort.Validation.RETURNED)


def _closed_refusal(cohort: Cohort) -> Refused:
    state = cohort.get_status_display() if cohort.status in CLOSED else \
        cohort.get_validation_display()
    return Refused(_("This session was closed (%(status)s) before the change arrived.")
                   % {"status": state})


def _cohort(row: ClientChange, cohort_for: Callable[[int], Cohort]) -> Cohort:
    try:
        cohort = cohort_for(int(row.payload.get("cohort")))
    except (TypeError, ValueError, Http404) as exc:
        raise Refused(_("This session is not in your scope.")) from exc
    except PermissionDenied as exc:
        # Seen but not changeable: a trainer's own session once closed says so.
        seen = Cohort.objects.filter(pk=row.payload.get("cohort")).first()
        if seen is not None and _closed(seen):
            raise _closed_refusal(seen) from exc
        raise Refused(_("You may not take attendance or enrol people in this session.")) \
            from exc
    if _closed(cohort):
        raise _closed_refusal(cohort)
    row.cohort = cohort
    return cohort


def _module_complete(row: ClientChange, *, user, cohort_for) -> tuple[str, str]:
    module = ModulePage.objects.live().public().filter(pk=row.payload.get("module")).first()
    if module is None:
        raise Refused(_("This module is no longer published."))
    module_mark_complete(user=user, module=module.specific)
    return Outcome.APPLIED, ""


def _enrol(row: ClientChange, *, user, cohort_for) -> tuple[str, str]:
    cohort = _cohort(row, cohort_for)
    person = row.sent.get("person")  # as sent, phone and e-mail included
    form = PersonForm(person if isinstance(person, dict) else {},
                      regions=people.enrol_region_ids(user))  # as the online enrol form
    if not form.is_valid():
        raise Refused(" ".join(f"{form.fields[name].label}: {' '.join(errors)}"
                               if name in form.fields else " ".join(errors)
                               for name, errors in form.errors.items()))
    try:
        preview = roster_import(cohort=cohort, by=user,
                                raw_rows=[RawRow(number=1, values=form.as_row_values())])
    except RosterRejected as rejected:
        messages = [*rejected.preview.file_errors,
                    *(error for r in rejected.preview.error_rows for error in r.errors)]
        raise Refused(" ".join(str(message) for message in messages)) from rejected
    row.enrollment = Enrollment.objects.get(cohort=cohort, trainee=preview.rows[0].person)
    return Outcome.APPLIED, ""


def _marked_person(row: ClientChange, cohort: Cohort) -> Enrollment:
    enrolled_offline = row.payload.get("enrol")
    if enrolled_offline:
        try:
            enrol = ClientChange.objects.filter(client_id=uuid.UUID(str(enrolled_offline)),
                                                user=row.user, cohort=cohort).first()
        except ValueError:
            enrol = None
        if enrol is None or enrol.enrollment_id is None:
            raise Refused(_("The enrolment of this person was refused, so their attendance "
                            "was not recorded."))
        pk = enrol.enrollment_id
    else:
        pk = row.payload.get("enrollment")
    enrollment = cohort.enrollments.active().select_for_update().filter(pk=pk).first() \
        if str(pk).isdigit() else None
    if enrollment is None:
        raise Refused(_("This person is no longer enrolled in this session."))
    return enrollment


def _current_mark_time(enrollment: Enrollment, day: datetime.date) -> datetime.datetime | None:
    """When the mark now stored was taken: on the phone for a mark that came from one, on the
    server for a mark saved online (or changed online since)."""
    mark = Attendance.objects.filter(enrollment=enrollment, date=day).first()
    if mark is None:
        return None
    synced = (ClientChange.objects.filter(kind=Kind.ATTENDANCE, enrollment=enrollment, date=day,
                                          outcome=Outcome.APPLIED)
              .order_by("-applied_at").first())
    if synced is not None and synced.applied_at >= mark.recorded_at:
        return synced.client_at
    return mark.recorded_at


def _attendance(row: ClientChange, *, user, cohort_for) -> tuple[str, str]:
    cohort = _cohort(row, cohort_for)
    try:
        row.date = datetime.date.fromisoformat(str(row.payload.get("date")))
    except ValueError as exc:
        raise Refused(_("This change cannot be read.")) from exc
    row.status = str(row.payload.get("status", ""))[:10]
    row.enrollment = _marked_person(row, cohort)  # locked: one person's marks in turn
    current_at = _current_mark_time(row.enrollment, row.date)
    if current_at is not None and current_at > row.client_at:
        return Outcome.SUPERSEDED, _("A later mark for this person and day was kept.")
    try:
        attendance_record(cohort=cohort, date=row.date, by=user,
                          statuses={row.enrollment.pk: row.status})
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from error
    return Outcome.APPLIED, ""


APPLY = {Kind.MODULE_COMPLETE: _module_complete, Kind.ENROL: _enrol,
         Kind.ATTENDANCE: _attendance}
