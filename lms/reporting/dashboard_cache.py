"""The dashboard's body, rendered once per change of what it shows rather than on every visit.

Every figure on the dashboard comes from the per-cohort totals, which the services refresh in
the transaction of each change (`lms/cohorts/figures.py` → `rollups.totals_refresh`); the rest
of the page shows cohorts (names, dates, levels, the cascade tree), the people who run them,
regions, organisations and courses. The rendered body is kept under the `DASHBOARD` generation
(`lms/core/generations.py`: a token in the shared cache, so every web process on every machine
agrees), which is replaced

- by every totals refresh or rebuild (`rollups`), so a new enrolment, attendance day, graded
  sitting, certificate or follow-up shows on the next visit;
- when a cohort, its facilitators, a coordinator's regions, a region, an organisation type or a
  person's name changes (signals below);

and the key also carries the tokens of the other caches the body reads (published pages for the
course titles, recorded trainers, reaction answers), the viewer's scope and permissions, the
language, the query string and Bamako's date (trainers active today, follow-ups due).

A change that reaches the database without any of these (a bulk `UPDATE` outside the services)
shows at the latest `DASHBOARD_CACHE_SECONDS` later (default 300): every entry expires then, and
the page says when its figures were computed. A cache that is down only costs the work."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from curriculum.page_cache import PAGES
from lms.accounts import roles
from lms.accounts.models import User
from lms.cohorts.models import Cohort
from lms.cohorts.navigation import TRAINERS
from lms.cohorts.services import training_today
from lms.core.generations import Generation
from lms.evaluations.selectors import REACTIONS
from lms.organisations.models import Organisation
from lms.regions.models import Region

DASHBOARD = Generation("dashboard")


def cache_seconds() -> int:
    return int(getattr(settings, "DASHBOARD_CACHE_SECONDS", 300))


def _scope(user) -> str:
    """Who sees the same dashboard: every national viewer shares one; others see their own
    regions and cohorts. The permissions are part of it (a changed role changes the key)."""
    perms = hashlib.sha256(",".join(sorted(user.get_all_permissions())).encode()).hexdigest()
    who = "all" if user.has_perm(roles.SEE_ALL_REGIONS) else f"user{user.pk}"
    return f"{who}-{perms[:16]}"


def body(request: HttpRequest, render: Callable[[], str]) -> SafeString:
    """The dashboard body for this viewer and query: `render()` on a miss."""
    if cache_seconds() <= 0:
        return mark_safe(render())
    parts = (_scope(request.user), get_language(), request.path,
             request.META.get("QUERY_STRING", ""), training_today().isoformat(),
             PAGES.token(request), TRAINERS.token(request), REACTIONS.token(request))
    return mark_safe(DASHBOARD.cached(request, "body", parts, render,
                                      timeout=cache_seconds()))


def figures_changed() -> None:
    """The totals changed: forget every dashboard (now, and again when the change commits)."""
    DASHBOARD.invalidate()


def _user_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    # A new account shows nowhere until it is enrolled or runs a cohort (changes of their
    # own), and signing in saves `last_login` alone: neither changes the dashboard.
    if created or (update_fields is not None and set(update_fields) <= {"last_login"}):
        return
    DASHBOARD.invalidate()


def connect_invalidation() -> None:
    """Called once from `ReportingConfig.ready()`."""
    for model in (Cohort, Region, Organisation):
        post_save.connect(DASHBOARD.invalidate, sender=model,
                          dispatch_uid=f"dashboard-save-{model._meta.label_lower}")
        post_delete.connect(DASHBOARD.invalidate, sender=model,
                            dispatch_uid=f"dashboard-delete-{model._meta.label_lower}")
    post_save.connect(_user_saved, sender=User, dispatch_uid="dashboard-save-user")
    post_delete.connect(DASHBOARD.invalidate, sender=User, dispatch_uid="dashboard-delete-user")
    for through in (Cohort.facilitators.through, User.coordinated_regions.through):
        m2m_changed.connect(DASHBOARD.invalidate, sender=through,
                            dispatch_uid=f"dashboard-m2m-{through._meta.label_lower}")
