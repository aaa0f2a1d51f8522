"""Dashboard aggregates, read from the per-cohort totals (`figures.DashboardFigures`): a page
costs the same few queries whatever the size of the country's data. Each function answers one
panel on its own (the API, exports); the dashboard view shares one `DashboardFigures`."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.cohorts.models import Cohort, Trainer
from lms.cohorts.selectors import regions_visible_to
from lms.organisations.models import Organisation

from .figures import DashboardFigures
from .filters import Filters
from .scope import in_scope


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


def figures_for(*, user, filters: Filters) -> DashboardFigures:
    return DashboardFigures(user=user, filters=filters)


def headline(*, user, filters: Filters, figures: DashboardFigures | None = None) -> dict:
    return (figures or figures_for(user=user, filters=filters)).headline()


def breakdown(*, user, filters: Filters, dimension: str,
              figures: DashboardFigures | None = None) -> list[dict]:
    """People reached and certified per value of one dimension, largest first."""
    dim = DIMENSIONS[dimension]
    rows = (figures or figures_for(user=user, filters=filters)).breakdown(dimension)
    return [
        {**row,
         "label": (dim.choices or {}).get(row["value"], row["value"]) or _("Not recorded")}
        for row in rows
    ]


def attendance_rate(*, user, filters: Filters, figures: DashboardFigures | None = None) -> dict:
    """Attendance over the recorded days (excused days left out), to one decimal."""
    return (figures or figures_for(user=user, filters=filters)).attendance_rate()


def people_by_region(*, user, filters: Filters, by_region: list[dict],
                     regions: list[dict] | None = None) -> list[dict]:
    """Every region the viewer may see, with zeros, for the map and its table equivalent;
    `by_region` is `breakdown(dimension="region")` for the same viewer and filters, `regions`
    the viewer's regions (name, slug, iso_code) by name when the caller has them already."""
    counts = {row["value"]: row for row in by_region}
    if regions is None:
        regions = list(regions_visible_to(user).order_by("name")
                       .values("name", "slug", "iso_code"))
    return [
        {"name": region["name"], "slug": region["slug"], "iso_code": region["iso_code"],
         "people": counts.get(region["name"], {}).get("people", 0),
         "certified": counts.get(region["name"], {}).get("certified", 0)}
        for region in regions if not filters.region or region["slug"] == filters.region
    ]


def knowledge_gain(*, user, filters: Filters, figures: DashboardFigures | None = None) -> dict:
    """Mean pre-test and post-test scores, and the mean gain of the trainees who sat both
    (the quiz engine's definition: first pre-test, best post-test)."""
    return (figures or figures_for(user=user, filters=filters)).knowledge_gain()


def reach_by_level(*, user, filters: Filters,
                   figures: DashboardFigures | None = None) -> list[dict]:
    rows = (figures or figures_for(user=user, filters=filters)).reach_by_level()
    trainers = dict(
        Trainer.objects.filter(in_scope(user=user, filters=filters, path="trained_in"))
        .values_list("trained_in__level").annotate(n=Count("user", distinct=True))
    )
    return [
        {"level": level, "people": row["people"], "cohorts": row["cohorts"],
         "trainers": trainers.get(level, 0)}
        for level, row in sorted(rows.items())
    ]


def reach_by_master_trainer(*, user, filters: Filters, limit: int = 20,
                            figures: DashboardFigures | None = None) -> list[dict]:
    """People reached downstream of the workshops each master trainer facilitated (summed over
    their workshops; the facilitators of the level-1 cohorts are the master trainers)."""
    per_root = (figures or figures_for(user=user, filters=filters)).reach_per_root()
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


def timeline(*, user, filters: Filters, figures: DashboardFigures | None = None) -> list[dict]:
    """Cohorts and people per month of cohort start ("YYYY-MM")."""
    return (figures or figures_for(user=user, filters=filters)).timeline()
