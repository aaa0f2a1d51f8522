"""The dashboard's figures computed directly from the enrollments (the queries the dashboard ran
before it read per-cohort totals): the reference the totals are compared with
(test_totals_exact.py). Kept as it was, with the scope of that time."""

from dataclasses import dataclass

from django.db.models import CharField, Count, Exists, F, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.cohorts.models import CASCADE_MAX_LEVEL, Attendance, Cohort, Enrollment, Trainer
from lms.cohorts.selectors import (
    active_since,
    attendance_over_recorded_days,
    cohorts_managed_by,
    regions_visible_to,
)
from lms.followups import indicators
from lms.organisations.models import Organisation
from lms.quizzes.selectors import gain_summary
from lms.reporting.filters import Filters


def cohorts_in_scope(*, user, filters: Filters) -> QuerySet[Cohort]:
    cohorts = cohorts_managed_by(user).counted()  # the sessions' validation rule
    if filters.date_from:
        cohorts = cohorts.filter(start_date__gte=filters.date_from)
    if filters.date_to:
        cohorts = cohorts.filter(start_date__lte=filters.date_to)
    if filters.region:
        cohorts = cohorts.filter(region__slug=filters.region)
    if filters.course:
        cohorts = cohorts.filter(course__code=filters.course)
    if filters.level:
        cohorts = cohorts.filter(level=filters.level)
    if filters.org_kind:
        cohorts = cohorts.filter(
            Exists(Enrollment.objects.filter(
                cohort=OuterRef("pk"), trainee__organisation__kind=filters.org_kind))
        )
    return cohorts


def enrollments_in_scope(*, user, filters: Filters) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(cohort__in=cohorts_in_scope(user=user, filters=filters))
    if filters.org_kind:
        enrollments = enrollments.filter(trainee__organisation__kind=filters.org_kind)
    return enrollments


def certified_condition() -> Exists:
    """True for an enrollment holding a valid certificate (not revoked, not replaced)."""
    return Exists(Certificate.objects.filter(enrollment=OuterRef("pk"),
                                             status=Certificate.Status.VALID))


PEOPLE = Count("trainee", distinct=True, filter=Enrollment.active_q())
COMPLETED = Count("trainee", distinct=True, filter=Q(status=Enrollment.Status.COMPLETED))


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    field: str
    choices: dict | None = None


DIMENSIONS = {
    "region": Dimension("region", _("Region"), "cohort__region__name"),
    "course": Dimension("course", _("Course"), "cohort__course__code"),
    "org_kind": Dimension("org_kind", _("Organisation type"), "trainee__organisation__kind",
                          dict(Organisation.Kind.choices)),
    "sex": Dimension("sex", _("Sex"), "trainee__sex", dict(User.Sex.choices)),
    "function": Dimension("function", _("Function"), "trainee__function",
                          dict(User.Function.choices)),
}


def _certified() -> Count:
    """Distinct certified trainees among the enrollments aggregated (withdrawn ones included),
    as one more column of the same GROUP BY: an EXISTS per enrollment on the certificate
    table's (enrollment, status) index, instead of a second scan joining certificates back
    to the enrollments."""
    return Count("trainee", distinct=True, filter=Q(certified_condition()))


def headline(*, user, filters: Filters) -> dict:
    enrollments = enrollments_in_scope(user=user, filters=filters)
    totals = enrollments.aggregate(
        people=PEOPLE, completed=COMPLETED,
        enrolments=Count("pk", filter=Enrollment.active_q()),
        cohorts=Count("cohort", distinct=True), certified=_certified(),
    )
    return {**totals, **attendance_rate(user=user, filters=filters)}


def breakdown(*, user, filters: Filters, dimension: str) -> list[dict]:
    """People reached and certified per value of one dimension, largest first."""
    dim = DIMENSIONS[dimension]
    enrollments = enrollments_in_scope(user=user, filters=filters)
    rows = enrollments.values(value=F(dim.field)).annotate(
        people=PEOPLE, certified=_certified()).order_by("-people", "value")
    return [
        {**row,
         "label": (dim.choices or {}).get(row["value"], row["value"]) or _("Not recorded")}
        for row in rows
    ]


def attendance_rate(*, user, filters: Filters) -> dict:
    """Attendance over the recorded days (excused days left out), to one decimal."""
    rate = attendance_over_recorded_days(attendances=Attendance.objects.filter(
        enrollment__in=enrollments_in_scope(user=user, filters=filters)))
    exact = rate.exact_percent
    return {"attendance_rate": round(exact, 1) if exact is not None else None}


def people_by_region(*, user, filters: Filters, by_region: list[dict]) -> list[dict]:
    """Every region the viewer may see, with zeros, for the map and its table equivalent;
    `by_region` is `breakdown(dimension="region")` for the same viewer and filters."""
    counts = {row["value"]: row for row in by_region}
    regions = regions_visible_to(user).order_by("name")
    if filters.region:
        regions = regions.filter(slug=filters.region)
    return [
        {"name": name, "slug": slug, "iso_code": iso,
         "people": counts.get(name, {}).get("people", 0),
         "certified": counts.get(name, {}).get("certified", 0)}
        for name, slug, iso in regions.values_list("name", "slug", "iso_code")
    ]


def knowledge_gain(*, user, filters: Filters) -> dict:
    """Mean pre-test and post-test scores, and the mean gain of the trainees who sat both
    (the quiz engine's definition: first pre-test, best post-test)."""
    figures = gain_summary(enrollments=enrollments_in_scope(user=user, filters=filters))
    return {"pre": figures["avg_pre"], "post": figures["avg_post"],
            "gain": figures["avg_gain"], "pairs": figures["n"]}


def reach_by_level(*, user, filters: Filters) -> list[dict]:
    enrollments = enrollments_in_scope(user=user, filters=filters)
    rows = {
        row["level"]: row
        for row in enrollments.values(level=F("cohort__level"))
        .annotate(people=PEOPLE, cohorts=Count("cohort", distinct=True)).order_by("level")
    }
    trainers = dict(
        Trainer.objects.filter(trained_in__in=cohorts_in_scope(user=user, filters=filters))
        .values_list("trained_in__level").annotate(n=Count("user", distinct=True))
    )
    return [
        {"level": level, "people": row["people"], "cohorts": row["cohorts"],
         "trainers": trainers.get(level, 0)}
        for level, row in sorted(rows.items())
    ]


def _root_cohort() -> Coalesce:
    """The level-1 ancestor of an enrollment's cohort (the cascade is at most
    CASCADE_MAX_LEVEL deep)."""
    paths = ["cohort" + "__parent" * depth for depth in range(CASCADE_MAX_LEVEL - 1, 0, -1)]
    return Coalesce(*[F(f"{path}_id") for path in paths], F("cohort_id"))


def reach_by_master_trainer(*, user, filters: Filters, limit: int = 20) -> list[dict]:
    """People reached downstream of the workshops each master trainer facilitated (summed over
    their workshops; the facilitators of the level-1 cohorts are the master trainers)."""
    per_root = {
        row["root"]: row
        for row in enrollments_in_scope(user=user, filters=filters)
        .annotate(root=_root_cohort()).values("root")
        .annotate(direct=Count("trainee", distinct=True,
                               filter=Q(cohort__level=1) & Enrollment.active_q()),
                  downstream=Count("trainee", distinct=True,
                                   filter=Q(cohort__level__gt=1) & Enrollment.active_q()))
        .order_by()
    }
    links = Cohort.facilitators.through.objects.filter(
        cohort_id__in=list(per_root), cohort__level=1,
    ).values("user_id", "user__first_name", "user__last_name", "user__username", "cohort_id")
    masters: dict[int, dict] = {}
    for link in links:
        entry = masters.setdefault(link["user_id"], {
            "user_id": link["user_id"],
            "name": f"{link['user__first_name']} {link['user__last_name']}".strip()
            or link["user__username"],
            "workshops": 0, "direct": 0, "downstream": 0,
        })
        root = per_root[link["cohort_id"]]
        entry["workshops"] += 1
        entry["direct"] += root["direct"]
        entry["downstream"] += root["downstream"]
    return sorted(masters.values(), key=lambda m: (-m["downstream"], m["name"]))[:limit]


def timeline(*, user, filters: Filters) -> list[dict]:
    """Cohorts and people per month of cohort start ("YYYY-MM"; a substring of the ISO date,
    which both SQLite and PostgreSQL compute natively)."""
    month = Substr(Cast("cohort__start_date", CharField()), 1, 7)
    return list(
        enrollments_in_scope(user=user, filters=filters)
        .values(month=month)
        .annotate(cohorts=Count("cohort", distinct=True), people=PEOPLE)
        .order_by("month")
    )


def cohort_people(*, user, filters: Filters) -> dict[int, tuple[int, int]]:
    """{cohort id: (people, completed)} as the cohorts table counted them."""
    counted = Enrollment.active_q("enrollments")
    if filters.org_kind:
        counted &= Q(enrollments__trainee__organisation__kind=filters.org_kind)
    rows = cohorts_in_scope(user=user, filters=filters).annotate(
        people=Count("enrollments__trainee", distinct=True, filter=counted),
        completed=Count("enrollments__trainee", distinct=True, filter=counted & Q(
            enrollments__status=Enrollment.Status.COMPLETED)),
    ).values_list("pk", "people", "completed")
    return {pk: (people, completed) for pk, people, completed in rows}


def tree_people(*, user, filters: Filters) -> dict[int, int]:
    """{cohort id: active enrollments} as the cascade tree counted them."""
    return dict(cohorts_in_scope(user=user, filters=filters).annotate(
        people=Count("enrollments", filter=Enrollment.active_q("enrollments")))
        .values_list("pk", "people"))


def followups_panel(*, user, filters: Filters, today) -> dict:
    """Follow-ups done and knowledge kept, by the follow-up indicators over the enrollments."""
    enrollments = enrollments_in_scope(user=user, filters=filters)
    return {"done": indicators.followups_done(enrollments=enrollments, today=today),
            "retention": indicators.retention(enrollments=enrollments)}


def reach_per_trainer(*, user, filters: Filters, today, limit: int = 20) -> list[dict]:
    """Per recorded trainer: sessions in scope, distinct people active in them (of the
    organisation type filtered on), last end date; most people first."""
    since = active_since(today)
    people = Enrollment.active_q("cohort__enrollments")
    if filters.org_kind:
        people &= Q(cohort__enrollments__trainee__organisation__kind=filters.org_kind)
    rows = (
        Cohort.facilitators.through.objects.filter(
            cohort__in=cohorts_in_scope(user=user, filters=filters),
            user__trainer_records__isnull=False)
        .order_by()
        .values("user_id", "user__first_name", "user__last_name", "user__username",
                region=F("user__region__name"))
        .annotate(sessions=Count("cohort", distinct=True),
                  people=Count("cohort__enrollments__trainee", distinct=True, filter=people),
                  last_end=Max("cohort__end_date"))
        .order_by("-people", "user_id")[:limit]
    )
    return [
        {"user_id": row["user_id"],
         "name": f"{row['user__first_name']} {row['user__last_name']}".strip()
         or row["user__username"],
         "region": row["region"], "sessions": row["sessions"], "people": row["people"],
         "active": since <= row["last_end"] <= today if row["last_end"] else False}
        for row in rows
    ]
