"""Cohort rules: creation, enrolment, attendance, completion and the cascade.

Completion rule (per course, fields on `CoursePage`): a trainee completes when their
attendance over the cohort's days (`attendance_over_cohort_days`) reaches
`completion_min_attendance`, if `completion_requires_modules` they completed every published
module of the course, and if `completion_requires_post_test` they passed the post-test
(`completion_checklist` holds each part, for the rule and for the trainee's pages). Every
calendar day from `start_date` to `end_date` counts: present days / (cohort days - excused
days); an excused day neither helps nor hurts, a day with no record counts as absent (the
dashboard measures over the recorded days instead, see `selectors`). Completion is never
withdrawn automatically once reached (a certificate may exist; revoking it is a certificates
action).
"""

import datetime
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from curriculum.services import course_progress
from lms.accounts import roles
from lms.organisations.models import Organisation

from . import figures, people
from .completion import CompletionChecklist
from .models import CASCADE_MAX_LEVEL, Attendance, Cohort, Enrollment, Trainer
from .selectors import (
    AttendanceRate,
    attendance_counts,
    cascade_downstream,
    cohorts_managed_by,
    may_run_session,
    organisations_managed_by,
)

# Attendance is taken where the training happens: "today" is Mali's.
TRAINING_TIMEZONE = zoneinfo.ZoneInfo("Africa/Bamako")


def _no_post_test(*, user, course) -> bool:
    return False


def _nothing_to_issue(*, enrollment: Enrollment) -> None:
    return None


@dataclass
class CompletionSeams:
    """What the completion rule needs from apps above cohorts, which cohorts never imports:
    the quiz engine's post-test verdict and what completion issues (a certificate). Those apps
    plug their functions in at start-up (`QuizzesConfig.ready`, `CertificatesConfig.ready`);
    tests replace an attribute to isolate the rule."""

    post_test_passed: Callable[..., bool] = _no_post_test
    on_completed: Callable[..., object] = _nothing_to_issue


completion_seams = CompletionSeams()


def cohort_days(*, cohort: Cohort) -> list[datetime.date]:
    span = (cohort.end_date - cohort.start_date).days
    return [cohort.start_date + datetime.timedelta(days=n) for n in range(span + 1)]


def attendance_over_cohort_days(*, enrollment: Enrollment) -> AttendanceRate:
    """The completion rule's measure (see the module's docstring)."""
    cohort = enrollment.cohort
    counts = Attendance.objects.filter(
        enrollment=enrollment, date__gte=cohort.start_date, date__lte=cohort.end_date
    ).aggregate(**attendance_counts())
    return AttendanceRate(present=counts["days_present"], excused=counts["days_excused"],
                          days=len(cohort_days(cohort=cohort)))


def completion_checklist(*, enrollment: Enrollment, today: datetime.date | None = None,
                         for_page: bool = False) -> CompletionChecklist:
    """`for_page`: what a page shows, the course's modules counted as the published pages
    have them cached; the completion rule (`_rule_met`) reads the database."""
    course = enrollment.cohort.course
    today = today or training_today()
    days = cohort_days(cohort=enrollment.cohort)
    return CompletionChecklist(
        enrollment=enrollment,
        attendance=attendance_over_cohort_days(enrollment=enrollment),
        days_to_come=sum(1 for day in days if day > today),
        min_attendance=course.completion_min_attendance,
        modules_required=course.completion_requires_modules,
        modules=(course_progress(user=enrollment.trainee, course=course, published=for_page)
                 if course.completion_requires_modules else None),
        post_test_required=course.completion_requires_post_test,
        post_test_passed=course.completion_requires_post_test and bool(
            completion_seams.post_test_passed(user=enrollment.trainee, course=course)),
    )


def _rule_met(*, enrollment: Enrollment) -> bool:
    return completion_checklist(enrollment=enrollment).met


def completion_evaluate_after_module(*, user, module) -> None:
    """A module was completed: a course that requires its modules may now be complete."""
    course = module.get_parent().specific
    if getattr(course, "completion_requires_modules", False):
        completion_evaluate_for(user=user, course=course)


def completion_evaluate(*, enrollment: Enrollment) -> bool:
    """Apply the course's completion rule; when newly met, mark the enrollment completed and
    ask for its certificate. Idempotent and safe under concurrency: the status change is a
    conditional UPDATE, so only one caller wins and only that caller issues the certificate."""
    if enrollment.status == Enrollment.Status.COMPLETED:
        return True
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return False
    if not _rule_met(enrollment=enrollment):
        return False
    now = timezone.now()
    with transaction.atomic():
        won = Enrollment.objects.filter(
            pk=enrollment.pk, status=Enrollment.Status.ENROLLED
        ).update(status=Enrollment.Status.COMPLETED, completed_at=now)
        enrollment.refresh_from_db(fields=["status", "completed_at"])
        if won:
            figures.cohorts_changed(cohort_ids=[enrollment.cohort_id])
            completion_seams.on_completed(enrollment=enrollment)
    return enrollment.status == Enrollment.Status.COMPLETED


def completion_evaluate_for(*, user, course) -> list[Enrollment]:
    """Re-evaluate every enrollment of `user` in cohorts of `course` (any locale of it)."""
    enrollments = list(
        Enrollment.objects.filter(
            trainee=user, cohort__course__translation_key=course.translation_key
        ).select_related("cohort__course", "trainee")
    )
    for enrollment in enrollments:
        completion_evaluate(enrollment=enrollment)
    return enrollments


# Cohorts and the cascade -----------------------------------------------------------------

def _upstream_for(*, cohort: Cohort, facilitators: Iterable) -> Cohort | None:
    """The cohort that trained this cohort's facilitators: of their trainer records, prefer the
    same course, then the most recent; never the cohort itself or one of its descendants."""
    excluded = {cohort.pk} | set(cascade_downstream(cohort=cohort).values_list("pk", flat=True))
    records = (
        Trainer.objects.filter(user__in=list(facilitators))
        .exclude(trained_in_id__in=excluded)
        .select_related("trained_in")
    )
    candidates = [record.trained_in for record in records]
    if not candidates:
        return None
    candidates.sort(
        key=lambda c: (c.course_id == cohort.course_id, c.start_date, c.pk), reverse=True
    )
    return candidates[0]


def _too_deep() -> ValidationError:
    return ValidationError(
        _("The cascade has at most %(max)s levels: these facilitators would place a cohort "
          "below level %(max)s.") % {"max": CASCADE_MAX_LEVEL}, code="cascade_too_deep")


def relevel_descendants(*, cohort: Cohort) -> None:
    """Children sit one level below their parent, under the same top: fix the subtree level by
    level."""
    top = cohort.top_id
    frontier = [cohort.pk]
    for level in range(cohort.level + 1, CASCADE_MAX_LEVEL + 2):
        children = list(Cohort.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        if not children:
            return
        if level > CASCADE_MAX_LEVEL:
            raise _too_deep()
        Cohort.objects.filter(pk__in=children).exclude(level=level, root_id=top).update(
            level=level, root_id=top)
        frontier = children


@transaction.atomic
def cohort_set_facilitators(*, cohort: Cohort, facilitators: Iterable) -> Cohort:
    """Set who runs the cohort; the cohort then sits downstream of the cohort that trained them
    (level = parent level + 1), or at level 1 when none of them is a recorded trainer.
    Raises ValidationError (call it inside the caller's transaction) when that would take the
    cohort or its downstream cohorts below `CASCADE_MAX_LEVEL`."""
    facilitators = list(facilitators)
    cohort.facilitators.set(facilitators)
    parent = _upstream_for(cohort=cohort, facilitators=facilitators)
    new_level = parent.level + 1 if parent else 1
    if new_level > CASCADE_MAX_LEVEL:
        raise _too_deep()
    if cohort.parent_id != (parent.pk if parent else None) or cohort.level != new_level:
        cohort.parent, cohort.level = parent, new_level
        cohort.save(update_fields=["parent", "level", "updated_at"])
        relevel_descendants(cohort=cohort)
    return cohort


def _coordinates(user) -> bool:
    return user.has_perm(roles.SEE_ALL_REGIONS) or user.has_perm(roles.COORDINATE_REGIONS)


@transaction.atomic
def cohort_create(*, by, facilitators: Iterable = (), **fields) -> Cohort:
    """A facilitator (who coordinates no region) creates the cohorts they run: they are added
    to its facilitators, whichever page or admin screen they used."""
    facilitators = list(facilitators)
    if (by is not None and by.has_perm(roles.FACILITATE_COHORTS) and not _coordinates(by)
            and by not in facilitators):
        facilitators.append(by)
    cohort = Cohort(created_by=by, **fields)
    cohort.full_clean()
    cohort.save()
    return cohort_set_facilitators(cohort=cohort, facilitators=facilitators)


@transaction.atomic
def cohort_update(*, cohort: Cohort, facilitators: Iterable | None = None, **fields) -> Cohort:
    for name, value in fields.items():
        setattr(cohort, name, value)
    cohort.full_clean()
    cohort.save()
    if facilitators is not None:
        cohort_set_facilitators(cohort=cohort, facilitators=facilitators)
    return cohort


@transaction.atomic
def trainer_record(*, user, cohort: Cohort, by) -> Trainer:
    """Record `user` as a trainer trained in `cohort`. Requires a training-of-trainers cohort
    and a completed enrollment in it. Idempotent."""
    if not cohort.is_training_of_trainers:
        raise ValidationError(_("Only a training-of-trainers cohort can produce trainers."))
    if not Enrollment.objects.filter(
        cohort=cohort, trainee=user, status=Enrollment.Status.COMPLETED
    ).exists():
        raise ValidationError(_("Only a person who completed this cohort can be recorded as "
                                "a trainer."))
    trainer, _created = Trainer.objects.get_or_create(
        user=user, trained_in=cohort, defaults={"recorded_by": by}
    )
    return trainer


# Enrolment and attendance ----------------------------------------------------------------

def enrollment_create(*, cohort: Cohort, trainee, by=None) -> Enrollment:
    """Enrol one person (idempotent: an existing enrollment is returned as it is). With `by`
    (a person acting on a page or admin screen), the cohort must be one they manage and the
    trainee a person they may enrol (`people.people_changeable_by`)."""
    if by is not None and not (
            may_run_session(by, cohort)
            and people.person_changeable(actor=by, person=trainee)):
        raise PermissionDenied
    regions = people.enrol_region_ids(by) if by is not None else None
    if regions is not None and trainee.region_id not in regions:
        raise PermissionDenied
    with transaction.atomic():
        Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
        existing = Enrollment.objects.filter(cohort=cohort, trainee=trainee).first()
        if existing:
            return existing
        _check_capacity(cohort=cohort)
        enrollment = Enrollment.objects.create(cohort=cohort, trainee=trainee)
        figures.cohorts_changed(cohort_ids=[cohort.pk], trainee_ids=[trainee.pk])
        return enrollment


def _check_capacity(*, cohort: Cohort) -> None:
    if cohort.enrollments.active().count() >= cohort.capacity:
        raise ValidationError(_("This cohort is full (capacity %(capacity)s).")
                              % {"capacity": cohort.capacity})


@transaction.atomic
def enrollment_withdraw(*, enrollment: Enrollment) -> Enrollment:
    if Enrollment.objects.filter(pk=enrollment.pk, status=Enrollment.Status.ENROLLED).update(
            status=Enrollment.Status.WITHDRAWN):
        figures.cohorts_changed(cohort_ids=[enrollment.cohort_id])
    enrollment.refresh_from_db(fields=["status"])
    return enrollment


def enrollment_complete(*, enrollment: Enrollment) -> Enrollment:
    """Mark complete by hand (a coordinator's decision): the same conditional UPDATE as the
    completion rule, so `completed_at` is set and the certificate issued exactly once."""
    with transaction.atomic():
        won = Enrollment.objects.filter(
            pk=enrollment.pk, status=Enrollment.Status.ENROLLED
        ).update(status=Enrollment.Status.COMPLETED, completed_at=timezone.now())
        enrollment.refresh_from_db(fields=["status", "completed_at"])
        if won:
            figures.cohorts_changed(cohort_ids=[enrollment.cohort_id])
            completion_seams.on_completed(enrollment=enrollment)
    return enrollment


@transaction.atomic
def enrollment_set_status(*, enrollment: Enrollment, status: str, by) -> Enrollment:
    """The status change of the admin's Enrollments screen. Completion sets `completed_at` and
    issues the certificate; re-enrolling a withdrawn trainee respects the capacity; a completed
    enrollment stays completed (its certificate is revoked under Certificates)."""
    if not cohorts_managed_by(by).filter(pk=enrollment.cohort_id).exists():
        raise PermissionDenied
    current = Enrollment.objects.select_for_update().get(pk=enrollment.pk).status
    if status == current:
        return enrollment
    if current == Enrollment.Status.COMPLETED:
        raise ValidationError(_("A completed enrollment stays completed; revoke its "
                                "certificate under Certificates if it was a mistake."))
    if status == Enrollment.Status.COMPLETED:
        return enrollment_complete(enrollment=enrollment)
    if status == Enrollment.Status.WITHDRAWN:
        return enrollment_withdraw(enrollment=enrollment)
    _check_capacity(cohort=enrollment.cohort)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.ENROLLED)
    figures.cohorts_changed(cohort_ids=[enrollment.cohort_id])
    enrollment.refresh_from_db(fields=["status"])
    return enrollment


def training_today() -> datetime.date:
    return timezone.now().astimezone(TRAINING_TIMEZONE).date()


def attendance_record(
    *, cohort: Cohort, date: datetime.date, statuses: Mapping[int, str], by
) -> int:
    """Record one day of attendance: `statuses` maps enrollment id → present/absent/excused.
    The day must be one of the cohort's days; enrollments must belong to the cohort. Writes
    everything or nothing, then re-evaluates completion. Returns how many rows were written.
    With `by`, they must be someone who may run this cohort (`selectors.may_run_session`)."""
    if by is not None and not may_run_session(by, cohort):
        raise PermissionDenied
    if not cohort.start_date <= date <= cohort.end_date:
        raise ValidationError(_("%(date)s is not a day of this cohort.") % {"date": date})
    if date > training_today():
        raise ValidationError(_("Attendance cannot be recorded for a day that has not come "
                                "yet."), code="future_day")
    valid = set(Attendance.Status.values)
    if any(status not in valid for status in statuses.values()):
        raise ValidationError(_("Unknown attendance status."))
    enrollments = {
        e.pk: e for e in cohort.enrollments.active().filter(pk__in=list(statuses))
        .select_related("cohort__course", "trainee")
    }
    if set(statuses) - set(enrollments):
        raise ValidationError(_("Some trainees are not enrolled in this cohort."))
    with transaction.atomic():
        existing = {
            a.enrollment_id: a
            for a in Attendance.objects.select_for_update().filter(
                enrollment_id__in=list(statuses), date=date)
        }
        changed, new = [], []
        for enrollment_id, status in statuses.items():
            row = existing.get(enrollment_id)
            if row is None:
                new.append(Attendance(enrollment_id=enrollment_id, date=date, status=status,
                                      recorded_by=by))
            elif row.status != status:
                row.status, row.recorded_by, row.recorded_at = status, by, timezone.now()
                changed.append(row)
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(changed, ["status", "recorded_by", "recorded_at"])
        if new or changed:
            figures.cohorts_changed(cohort_ids=[cohort.pk])
    for enrollment in enrollments.values():
        completion_evaluate(enrollment=enrollment)
    return len(new) + len(changed)


# Organisations ---------------------------------------------------------------------------

@transaction.atomic
def organisation_save(*, organisation: Organisation, by) -> Organisation:
    """Create or edit a partner organisation: national staff any, a regional coordinator only
    one of their regions (both before and after the change)."""
    managed = organisations_managed_by(by)
    if organisation.pk and not managed.filter(pk=organisation.pk).exists():
        raise PermissionDenied
    if not by.has_perm(roles.SEE_ALL_REGIONS) and (
            organisation.region_id is None
            or not by.coordinated_regions.filter(pk=organisation.region_id).exists()):
        raise ValidationError(_("Choose one of the regions you coordinate."), code="region")
    organisation.full_clean()
    kind_before = Organisation.objects.filter(pk=organisation.pk).values_list(
        "kind", flat=True).first()
    organisation.save()
    if kind_before is not None and kind_before != organisation.kind:
        figures.trainees_changed(trainee_ids=organisation.members.values_list("pk", flat=True))
    return organisation
