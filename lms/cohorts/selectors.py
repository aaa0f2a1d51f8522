"""Who may see what: every list, detail, export and API answer starts from these querysets.

National coordinators and administrators see everything; a regional coordinator sees the
cohorts held in their regions and the people enrolled there (or living there); a facilitator
sees the cohorts they run and their trainees; a trainee sees only themself.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Q, QuerySet

from lms.accounts import roles
from lms.organisations.models import Organisation
from lms.regions.models import Region

from .models import CASCADE_MAX_LEVEL, Attendance, Cohort, Enrollment, Trainer

User = get_user_model()


def regions_visible_to(user) -> QuerySet[Region]:
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Region.objects.all()
    if user.has_perm(roles.COORDINATE_REGIONS):
        return user.coordinated_regions.all()
    return Region.objects.none()


def _recorded_trainer(user) -> Q:
    """True (in SQL, no extra query) when `user` holds RUN_SESSIONS and is a recorded trainer."""
    if not user.has_perm(roles.RUN_SESSIONS):
        return Q(pk__in=[])
    return Q(Exists(Trainer.objects.filter(user_id=user.pk)))


def open_session_q(path: str = "") -> Q:
    """A trainer's session they may still change: not validated, not closed (a session sent
    back is open again); of the cohort at `path` when given."""
    submitted = f"{path}__submitted_at__isnull" if path else "submitted_at__isnull"
    return ~Cohort.counted_q(path) & Q(**{submitted: True})


def cohorts_visible_to(user) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Cohort.objects.all()
    condition = Q(enrollments__trainee=user)
    if user.has_perm(roles.COORDINATE_REGIONS):
        condition |= Q(region__in=user.coordinated_regions.all())
    if user.has_perm(roles.FACILITATE_COHORTS):
        condition |= Q(facilitators=user)
    condition |= Q(facilitators=user) & _recorded_trainer(user)
    return Cohort.objects.filter(
        pk__in=Cohort.objects.filter(condition).values("pk")
    )


def cohorts_managed_by(user) -> QuerySet[Cohort]:
    """Cohorts whose roster and attendance the user may change (not merely see): a coordinator's
    regions, a facilitator's cohorts, and a recorded trainer's own sessions while they are
    open (`open_session_q`: once closed or validated, only staff change them)."""
    return _managed(user, counted=False)


def counted_cohorts_managed_by(user) -> QuerySet[Cohort]:
    """`cohorts_managed_by(user).counted()`, the scope of every figure: a trainer's open
    sessions are never counted, so that term drops out."""
    return _managed(user, counted=True)


def _managed(user, *, counted: bool) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(managed_q(user, counted=counted))


def managed_q(user, *, counted: bool, path: str = "") -> Q:
    """The condition behind `cohorts_managed_by(user)` (`counted`: and counted), on the cohort
    at `path` when given (a relation from another model: "cohort" from an enrollment), so that
    a query which joins the cohort anyway (for its region, level or dates) filters it there
    instead of through a subquery reading the cohorts a second time."""
    prefix = f"{path}__" if path else ""
    if not user.is_authenticated:
        return Q(**{f"{prefix}pk__in": []})
    base = Cohort.counted_q(path) if counted else Q()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return base
    # The cohorts the user runs, as a subquery rather than a join: no cohort is listed twice
    # and the database can still read a region through its index.
    runs = Q(**{f"{prefix}pk__in": Cohort.facilitators.through.objects.filter(
        user_id=user.pk).values("cohort_id")})
    condition = Q(**{f"{prefix}pk__in": []})
    if user.has_perm(roles.COORDINATE_REGIONS):
        condition |= Q(**{f"{prefix}region__in": user.coordinated_regions.all()})
    if user.has_perm(roles.FACILITATE_COHORTS):
        condition |= runs
    if not counted:  # open sessions are never counted (open_session_q excludes validated)
        condition |= runs & open_session_q(path) & _recorded_trainer(user)
    return base & condition


def may_run_session(user, cohort: Cohort) -> bool:
    """May `user` enrol people and take attendance in `cohort` (the enrol form, the roster
    import, the attendance pages, and the offline sync replaying them)? The one question every
    such write asks; `cohorts_managed_by` is its queryset."""
    return cohorts_managed_by(user).filter(pk=cohort.pk).exists()


def may_validate_session(user, cohort: Cohort) -> bool:
    """National staff, and the coordinators of the session's region."""
    if not user.is_authenticated:
        return False
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return True
    return user.has_perm(roles.COORDINATE_REGIONS) and user.coordinated_regions.filter(
        pk=cohort.region_id).exists()


def may_see_evidence(user, cohort: Cohort) -> bool:
    """The signed sheet of a session: its trainer and facilitators, the coordinators of its
    region and national staff; nobody else (not a trainer or coordinator of another one)."""
    return may_validate_session(user, cohort) or (
        user.is_authenticated and cohort.facilitators.filter(pk=user.pk).exists())


def sessions_to_validate(user) -> QuerySet[Cohort]:
    """Sessions awaiting validation that `user` may validate, closed ones first."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    sessions = Cohort.objects.awaiting_validation()
    if not user.has_perm(roles.SEE_ALL_REGIONS):
        if not user.has_perm(roles.COORDINATE_REGIONS):
            return Cohort.objects.none()
        sessions = sessions.filter(region__in=user.coordinated_regions.all())
    return sessions.order_by("submitted_at", "start_date", "pk")


def sessions_run_by(user) -> QuerySet[Cohort]:
    """The cohorts `user` runs (is a facilitator of), newest first."""
    return Cohort.objects.filter(facilitators=user).order_by("-start_date", "-pk")


# Active trainers: a recorded trainer who ran a validated session in the last 6 months.
ACTIVE_TRAINER_MONTHS = 6


def active_since(today: datetime.date) -> datetime.date:
    """The first day of the window: the same day `ACTIVE_TRAINER_MONTHS` months before (the
    month's last day when it has fewer days)."""
    month = today.month - ACTIVE_TRAINER_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in range(today.day, 27, -1):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    return datetime.date(year, month, min(today.day, 28))


def active_session_q(*, today: datetime.date, path: str = "") -> Q:
    """A counted cohort that ended inside the active window (at `path` from the queried model,
    e.g. "cohort" from the facilitators' table), run by a recorded trainer."""
    prefix = f"{path}__" if path else ""
    return (Cohort.counted_q(path) & Q(**{f"{prefix}end_date__gte": active_since(today),
                                         f"{prefix}start_date__lte": today}))


def trainers_active(*, today: datetime.date) -> QuerySet:
    """Recorded trainers who ran (facilitated) a validated session in the last 6 months."""
    runs = Cohort.facilitators.through.objects.filter(
        active_session_q(today=today, path="cohort")).values("user_id")
    return User.objects.filter(pk__in=runs, trainer_records__isnull=False).distinct()


def trainer_is_active(*, user, today: datetime.date) -> bool:
    return trainers_active(today=today).filter(pk=user.pk).exists()


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """Partner organisations the user may edit: national staff all of them, a regional
    coordinator those of their regions (every staff role may read the list)."""
    if not user.is_authenticated or not user.has_perm("organisations.change_organisation"):
        return Organisation.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Organisation.objects.all()
    if user.has_perm(roles.COORDINATE_REGIONS):
        return Organisation.objects.filter(region__in=user.coordinated_regions.all())
    return Organisation.objects.none()


def organisations_usable_by(user, *, cohort: Cohort) -> QuerySet[Organisation]:
    """Organisations `user` may attach the trainees of `cohort` to (the roster import's "same
    as an existing organisation"): national staff any; others those without a region
    (national partners), of the cohort's region, or of a region they coordinate."""
    if user is None or not user.is_authenticated:
        return Organisation.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Organisation.objects.all()
    condition = Q(region__isnull=True) | Q(region_id=cohort.region_id)
    if user.has_perm(roles.COORDINATE_REGIONS):
        condition |= Q(region__in=user.coordinated_regions.all())
    return Organisation.objects.filter(condition)


def regions_usable_by(user, *, cohort: Cohort) -> QuerySet[Region]:
    """Regions in which `user` may create an organisation while importing into `cohort`:
    national staff any; others the cohort's region and the regions they coordinate."""
    if user is None or not user.is_authenticated:
        return Region.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Region.objects.all()
    condition = Q(pk=cohort.region_id)
    if user.has_perm(roles.COORDINATE_REGIONS):
        condition |= Q(pk__in=user.coordinated_regions.all())
    return Region.objects.filter(condition)


def trainees_visible_to(user) -> QuerySet:
    if not user.is_authenticated:
        return User.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return User.objects.all()
    condition = Q(pk=user.pk)
    if user.has_perm(roles.COORDINATE_REGIONS):
        regions = user.coordinated_regions.all()
        condition |= Q(region__in=regions) | Q(enrollments__cohort__region__in=regions)
    if user.has_perm(roles.FACILITATE_COHORTS):
        condition |= Q(enrollments__cohort__facilitators=user)
    if user.region_id:
        # a recorded trainer enrols the people of their own region only
        condition |= Q(region_id=user.region_id) & _recorded_trainer(user)
    return User.objects.filter(pk__in=User.objects.filter(condition).values("pk"))


def enrollments_visible_to(user) -> QuerySet[Enrollment]:
    if not user.is_authenticated:
        return Enrollment.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Enrollment.objects.all()
    runs = Cohort.objects.filter(Q(facilitators=user) & _recorded_trainer(user))
    return Enrollment.objects.filter(
        Q(cohort__in=cohorts_managed_by(user)) | Q(trainee=user) | Q(cohort__in=runs)
    )


# The cascade -----------------------------------------------------------------------------
# Downstream queries walk `Cohort.parent` level by level: one query per level, bounded by
# CASCADE_MAX_LEVEL, so the cost does not grow with the number of cohorts or trainees.


@dataclass
class LineageLevel:
    level: int
    cohorts: list[Cohort] = field(default_factory=list)
    trainees: int = 0
    trainers: int = 0


@dataclass
class Lineage:
    levels: list[LineageLevel]
    total_cohorts: int
    total_trainees: int
    # Sessions in the lineage still awaiting validation: listed apart, counted nowhere.
    awaiting: list[Cohort] = field(default_factory=list)


def _descendant_ids(root_ids: Iterable[int]) -> list[int]:
    seen: set[int] = set(root_ids)
    frontier, found = list(seen), []
    for _depth in range(CASCADE_MAX_LEVEL):
        if not frontier:
            break
        children = [
            pk for pk in Cohort.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            if pk not in seen
        ]
        seen.update(children)
        found.extend(children)
        frontier = children
    return found


def cascade_downstream(*, cohort: Cohort) -> QuerySet[Cohort]:
    """Every cohort downstream of `cohort` (not itself), at any depth."""
    return Cohort.objects.filter(pk__in=_descendant_ids([cohort.pk]))


def cascade_reach(*, cohorts: QuerySet[Cohort]) -> list[dict]:
    """Counted cohorts (`Cohort.objects.counted()`) and their distinct trainees per cascade
    level, in one query: `[{"level": 1, "cohorts": 8, "trainees": 231}, ...]`."""
    active = Enrollment.active_q("enrollments")
    rows = (
        Cohort.objects.counted().filter(pk__in=cohorts.values("pk")).order_by().values("level")
        .annotate(cohorts=Count("pk", distinct=True),
                  trainees=Count("enrollments__trainee", filter=active, distinct=True))
        .order_by("level")
    )
    return list(rows)


def lineage_of(*, roots: QuerySet[Cohort], within: QuerySet[Cohort] | None = None) -> Lineage:
    """`roots` and everything downstream of them, level by level with counts. `within` (the
    viewer's visible cohorts) limits what is shown and counted. Only counted cohorts are
    levelled and counted; sessions awaiting validation come apart in `awaiting`."""
    root_ids = list(roots.values_list("pk", flat=True))
    ids = set(root_ids) | set(_descendant_ids(root_ids))
    everything = Cohort.objects.filter(pk__in=ids)
    if within is not None:
        everything = everything.filter(pk__in=within.values("pk"))
    cohorts = everything.counted()
    awaiting = list(everything.awaiting_validation().select_related("region")
                    .order_by("level", "start_date", "name"))
    active = Enrollment.active_q("enrollments")
    listed = list(
        cohorts.select_related("region", "course", "parent")
        .prefetch_related("facilitators")
        .annotate(trainee_count=Count("enrollments", filter=active, distinct=True))
        .order_by("level", "start_date", "name")
    )
    levels: dict[int, LineageLevel] = {}
    for cohort in listed:
        levels.setdefault(cohort.level, LineageLevel(level=cohort.level)).cohorts.append(cohort)
    for row in cascade_reach(cohorts=cohorts):
        levels[row["level"]].trainees = row["trainees"]
    trainer_rows = (
        Trainer.objects.filter(trained_in__in=cohorts).values("trained_in__level")
        .annotate(n=Count("user", distinct=True))
    )
    for row in trainer_rows:
        levels[row["trained_in__level"]].trainers = row["n"]
    total_trainees = (
        Enrollment.objects.active().filter(cohort__in=cohorts)
        .values("trainee").distinct().count()
    )
    return Lineage(levels=[levels[k] for k in sorted(levels)], total_cohorts=len(listed),
                   total_trainees=total_trainees, awaiting=awaiting)


def trainer_lineage(*, trainer, within: QuerySet[Cohort] | None = None) -> Lineage:
    """The cohorts `trainer` ran and everything downstream of them."""
    return lineage_of(roots=Cohort.objects.filter(facilitators=trainer), within=within)


def cohort_lineage(*, cohort: Cohort, within: QuerySet[Cohort] | None = None) -> Lineage:
    return lineage_of(roots=Cohort.objects.filter(pk=cohort.pk), within=within)


def region_reach(*, region: Region, within: QuerySet[Cohort] | None = None) -> Lineage:
    """Cohorts held in `region` and every cohort downstream of them, wherever it was held."""
    return lineage_of(roots=Cohort.objects.filter(region=region), within=within)


def trainers_visible_to(user) -> QuerySet:
    """People recorded as trainers, or running cohorts, that `user` may see."""
    visible = cohorts_visible_to(user)
    condition = Q(facilitated_cohorts__in=visible) | Q(trainer_records__trained_in__in=visible)
    return User.objects.filter(pk__in=User.objects.filter(condition).values("pk"))


# Attendance ------------------------------------------------------------------------------
# Two measures share one arithmetic, days present over the days that count (an excused day
# neither helps nor hurts), and differ in which days count:
# - over the cohort's days (`services.attendance_over_cohort_days`): every calendar day of the
#   cohort, a day with no record counting as absent. The completion rule's measure.
# - over the recorded days (`attendance_over_recorded_days`): only the days someone recorded,
#   so the days still to come of an ongoing cohort count against nobody. What the dashboard and
#   its drill-down report.

@dataclass(frozen=True)
class AttendanceRate:
    present: int
    excused: int
    days: int

    @property
    def counted_days(self) -> int:
        return self.days - self.excused

    @property
    def exact_percent(self) -> float | None:
        """None when no day counts."""
        return 100 * self.present / self.counted_days if self.counted_days > 0 else None

    @property
    def percent(self) -> int:
        """Whole percent, 0 when no day counts: what the completion rule compares."""
        return round(self.exact_percent or 0)


def attendance_counts(path: str = "") -> dict[str, Count]:
    """The counts both measures are made of, as aggregates over the attendance records (at
    `path` from the queried model, e.g. "attendances" from Enrollment)."""
    prefix = f"{path}__" if path else ""
    status = f"{prefix}status"
    return {
        "days_present": Count(f"{prefix}pk", filter=Q(**{status: Attendance.Status.PRESENT})),
        "days_excused": Count(f"{prefix}pk", filter=Q(**{status: Attendance.Status.EXCUSED})),
        "days_recorded": Count(f"{prefix}pk"),
    }


def attendance_over_recorded_days(*, attendances: QuerySet[Attendance]) -> AttendanceRate:
    counts = attendances.aggregate(**attendance_counts())
    return AttendanceRate(present=counts["days_present"], excused=counts["days_excused"],
                          days=counts["days_recorded"])
