"""Sessions run by recorded trainers, from creation to validation (the field workflow).

A person recorded as a trainer (`services.trainer_record`, capability `RUN_SESSIONS`) creates a
session of a course in their own region: a cohort downstream of the cohort that trained them
(`services.cohort_create` places it, level = parent + 1, within `CASCADE_MAX_LEVEL`). It starts
*pending*: listed for the region's coordinators at once (`selectors.sessions_to_validate`),
never counted (`Cohort.objects.counted()`). The trainer enrols people and takes attendance
through the same services as staff, allowed by `selectors.may_run_session`, then closes the
session with the signed paper attendance sheet (`evidence`). A coordinator of the region (or
national staff) validates it, and its trainees count as reached, or sends it back with a
comment: the session is open again for the trainer, who fixes it and closes it again. Every
step is logged in `SessionEvent` (who, when, comment).
"""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.selectors import titles_in_language
from lms.accounts import roles
from lms.core.files import file_delete_on_commit, file_save_new

from . import services
from .evidence import evidence_prepare
from .models import Cohort, SessionEvent, Trainer
from .selectors import may_run_session, may_validate_session


def may_create_session(user) -> bool:
    return (user.is_authenticated and user.has_perm(roles.RUN_SESSIONS)
            and Trainer.objects.filter(user=user).exists())


def _session_code(*, region, start_date: datetime.date) -> str:
    while True:
        code = f"s-{region.slug}-{start_date:%Y%m%d}-{secrets.token_hex(3)}"
        if not Cohort.objects.filter(code=code).exists():
            return code


@transaction.atomic
def session_create(*, by, course, start_date: datetime.date, end_date: datetime.date,
                   venue: str = "", commune: str = "", name: str = "", capacity: int = 30,
                   hours: int = 0, language: str = "fr") -> Cohort:
    """A recorded trainer's own session, in their region, pending validation. Raises
    PermissionDenied for anyone else, ValidationError (per field where it can) for bad input,
    and the depth rule's ValidationError when the cascade would go too deep."""
    if not may_create_session(by):
        raise PermissionDenied
    if by.region_id is None:
        raise ValidationError(_("Your account has no region: ask your coordinator to set it "
                                "before you create a session."), code="no_region")
    region = by.region
    if not name:  # the course's title in the session's language, then where and when
        title = titles_in_language([course], language=language)[course.pk]
        name = f"{title} — {commune or venue or region.name} {start_date:%d/%m/%Y}"
    return services.cohort_create(
        by=by, facilitators=[by], name=name[:200],
        code=_session_code(region=region, start_date=start_date), course=course,
        region=region, venue=venue, commune=commune, start_date=start_date, end_date=end_date,
        capacity=capacity, hours=hours, language=language, status=Cohort.Status.PLANNED,
        validation=Cohort.Validation.PENDING,
    )


def session_close(*, by, cohort: Cohort, evidence=None) -> Cohort:
    """The trainer closes their session with the signed sheet (an uploaded photo or PDF;
    optional when one is attached already, e.g. after a send-back) and sends it for
    validation. Nothing is written when the file is refused."""
    if not may_run_session(by, cohort) or not cohort.facilitators.filter(pk=by.pk).exists():
        raise PermissionDenied
    if evidence is None and not cohort.evidence:
        raise ValidationError({"evidence": _("Attach a photo or a scan of the signed "
                                             "attendance sheet.")})
    if not cohort.enrollments.active().exists():
        raise ValidationError(_("Enrol the participants before closing the session."),
                              code="empty")
    saved = ""
    if evidence is not None:
        try:
            prepared = evidence_prepare(upload=evidence)
        except ValidationError as error:
            raise ValidationError({"evidence": error.messages}) from error
        saved = file_save_new(name=f"evidence/{cohort.code}.{prepared.extension}",
                              data=prepared.data)
    try:
        with transaction.atomic():
            locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
            if not (may_run_session(by, locked)):
                raise ValidationError(_("This session was closed or validated meanwhile."),
                                      code="closed")
            old = locked.evidence.name
            if saved:
                locked.evidence.name = saved
                file_delete_on_commit(name=old)
            locked.submitted_at = timezone.now()
            locked.status = Cohort.Status.COMPLETED
            locked.validation = Cohort.Validation.PENDING
            locked.save(update_fields=["evidence", "submitted_at", "status", "validation",
                                       "updated_at"])
            SessionEvent.objects.create(cohort=locked, action=SessionEvent.Action.SUBMITTED,
                                        by=by)
    except Exception:
        if saved:
            file_delete_on_commit(name=saved)  # not committed: runs now (or at the outer commit)
        raise
    return locked


def _review(*, by, cohort: Cohort) -> Cohort:
    if not may_validate_session(by, cohort):
        raise PermissionDenied
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.validation != Cohort.Validation.PENDING or locked.submitted_at is None:
        raise ValidationError(_("Only a session its trainer closed, and not yet validated, can "
                                "be validated or sent back."), code="not_closed")
    return locked


@transaction.atomic
def session_validate(*, by, cohort: Cohort, comment: str = "") -> Cohort:
    """The region's coordinator (or national staff) validates a closed session: from now on
    its trainees count as reached, and its trainer may no longer change it."""
    locked = _review(by=by, cohort=cohort)
    locked.validation, locked.validated_at = Cohort.Validation.VALIDATED, timezone.now()
    locked.save(update_fields=["validation", "validated_at", "updated_at"])
    SessionEvent.objects.create(cohort=locked, action=SessionEvent.Action.VALIDATED, by=by,
                                comment=comment.strip())
    return locked


@transaction.atomic
def session_return(*, by, cohort: Cohort, comment: str) -> Cohort:
    """Send a closed session back to its trainer with a comment saying what to fix; it is open
    again for them (attendance, roster, sheet) until they close it again."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the trainer should fix.")})
    locked = _review(by=by, cohort=cohort)
    locked.validation, locked.submitted_at = Cohort.Validation.RETURNED, None
    locked.status = Cohort.Status.ONGOING
    locked.save(update_fields=["validation", "submitted_at", "status", "updated_at"])
    SessionEvent.objects.create(cohort=locked, action=SessionEvent.Action.RETURNED, by=by,
                                comment=comment.strip())
    return locked
