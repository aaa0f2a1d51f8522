"""Who sees which follow-ups, and the lists the pages show.

Coordinators see the follow-ups of the cohorts held in their regions, national staff all of
them (`cohorts.selectors.regions_visible_to`); they may record answers and visits only for
plain trainees (never for staff, nor for themself: `accounts.services.plain_trainees`). A
trainee sees their own. The indicators live in `indicators.py`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from lms.accounts import roles
from lms.accounts.services import plain_trainees
from lms.cohorts.selectors import regions_visible_to

from .models import FollowUp
from .rules import OVERDUE_AFTER_DAYS, State, mali_today

User = get_user_model()


def followups_visible_to(user) -> QuerySet[FollowUp]:
    if not user.is_authenticated or not user.has_perm(roles.VIEW_DASHBOARD):
        return FollowUp.objects.none()
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return FollowUp.objects.all()
    return FollowUp.objects.filter(enrollment__cohort__region__in=regions_visible_to(user))


def followups_changeable_by(user) -> QuerySet[FollowUp]:
    """Follow-ups `user` may record answers and visits for."""
    return followups_visible_to(user).filter(
        enrollment__trainee__in=plain_trainees(User.objects.exclude(pk=user.pk)))


def followups_of_trainee(user) -> QuerySet[FollowUp]:
    if not user.is_authenticated:
        return FollowUp.objects.none()
    return FollowUp.objects.filter(enrollment__trainee=user)


def state_condition(state: str, *, today: datetime.date | None = None) -> Q:
    """The database condition for one `rules.State` (the same arithmetic as `rules.state_of`)."""
    today = today or mali_today()
    overdue_from = today - datetime.timedelta(days=OVERDUE_AFTER_DAYS)
    not_done = Q(answered_at__isnull=True)
    return {
        State.DONE: Q(answered_at__isnull=False),
        State.UPCOMING: not_done & Q(due_date__gt=today),
        State.DUE: not_done & Q(due_date__lte=today, due_date__gt=overdue_from),
        State.OVERDUE: not_done & Q(due_date__lte=overdue_from),
    }[State(state)]


def followup_list(*, user, state: str | None = None, region: str | None = None,
                  months: int | None = None) -> QuerySet[FollowUp]:
    """The coordinator's list."""
    followups = followups_visible_to(user).select_related(
        "enrollment__trainee__organisation", "enrollment__cohort__region",
        "enrollment__cohort__course")
    if state:
        followups = followups.filter(state_condition(state))
    if region:
        followups = followups.filter(enrollment__cohort__region__slug=region)
    if months:
        followups = followups.filter(months=months)
    # Done: the latest answers first; upcoming: the next ones first; due and overdue: the most
    # recent first (a follow-up a few days late is worth a call more than one a year late).
    order = {State.DONE: ["-answered_at", "pk"], State.UPCOMING: ["due_date", "pk"]}.get(
        state, ["-due_date", "pk"])
    return followups.order_by(*order)


def state_counts(*, user, region: str | None = None) -> dict[str, int]:
    """How many follow-ups in each state, in one query."""
    followups = followups_visible_to(user)
    if region:
        followups = followups.filter(enrollment__cohort__region__slug=region)
    today = mali_today()
    return followups.aggregate(**{
        state.value: Count("pk", filter=state_condition(state, today=today)) for state in State
    })
