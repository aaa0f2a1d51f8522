"""People services: whom an actor may match, enrol and change, and giving trainees access.

One rule for every path (the "Enrol a person" form, the roster import, the Wagtail admin's
Enrollments and Trainees screens, the log-in slips): an actor works only with **plain
trainees** (no staff status, no superuser, no permission, no group but Trainees) **inside their
scope** (`selectors.trainees_visible_to`), never with themself. Anyone else is refused, without
saying who they are: enrolment through a name or phone must never hand an actor an account
with more rights than their own (whose e-mail they could then change and reset).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet

from lms.accounts import roles
from lms.accounts import services as accounts

from . import figures, selectors
from .importers.reading import fold
from .models import Cohort, Enrollment

User = get_user_model()


def people_changeable_by(actor) -> QuerySet:
    """The people `actor` may enrol, edit and give access to."""
    if actor is None or not actor.is_authenticated:
        return User.objects.none()
    return accounts.plain_trainees(selectors.trainees_visible_to(actor)).exclude(pk=actor.pk)


def enrol_region_ids(actor) -> set[int] | None:
    """The regions whose people `actor` may add to a roster, new accounts included: any
    (None) for staff; for a recorded trainer running their own session, their own region."""
    if any(actor.has_perm(perm) for perm in (
            roles.SEE_ALL_REGIONS, roles.COORDINATE_REGIONS, roles.FACILITATE_COHORTS)):
        return None
    return {actor.region_id} if actor.region_id else set()


def person_changeable(*, actor, person) -> bool:
    return people_changeable_by(actor).filter(pk=person.pk).exists()


@dataclass
class PersonMatch:
    person: object | None = None  # the existing account to enrol
    refused: bool = False  # an account matches that the actor may not enrol
    phone_clash: bool = False  # the phone belongs to a trainee of another name


def _identity_key(identity: dict) -> tuple:
    organisation = identity.get("organisation")
    if organisation is None and identity.get("organisation_new"):
        # an organisation not created yet: nobody belongs to it
        return (fold(identity["first_name"]), fold(identity["last_name"]),
                ("new", fold(identity["organisation_new"])))
    return (fold(identity["first_name"]), fold(identity["last_name"]),
            organisation.pk if organisation else None)


def people_match(*, by, identities: list[dict]) -> list[PersonMatch]:
    """Match each identity (`phone`, `first_name`, `last_name`, `organisation`) to an existing
    account: by phone when there is one, else by first + last name + organisation (accents and
    case ignored). Only accounts `by` may change are ever matched; an identity that matches
    only other accounts comes back `refused`."""
    phones = {identity["phone"] for identity in identities if identity.get("phone")}
    last_names = {identity["last_name"] for identity in identities if not identity.get("phone")}
    condition = Q(phone__in=phones)
    for last_name in last_names:
        condition |= Q(last_name__iexact=last_name)
    found = list(User.objects.filter(condition).order_by("pk")) if phones or last_names else []
    allowed = set(people_changeable_by(by).filter(pk__in=[p.pk for p in found])
                  .values_list("pk", flat=True))
    by_phone: dict[str, list] = {}
    by_name: dict[tuple, list] = {}
    for person in found:
        if person.phone:
            by_phone.setdefault(person.phone, []).append(person)
        by_name.setdefault((fold(person.first_name), fold(person.last_name),
                            person.organisation_id), []).append(person)
    matches = []
    for identity in identities:
        if identity.get("phone"):
            candidates = by_phone.get(identity["phone"], [])
            name = (fold(identity["first_name"]), fold(identity["last_name"]))
            same = [p for p in candidates if (fold(p.first_name), fold(p.last_name)) == name]
        else:
            candidates = same = by_name.get(_identity_key(identity), [])
        mine = [p for p in same if p.pk in allowed]
        if mine:
            matches.append(PersonMatch(person=mine[0]))
        elif any(p.pk not in allowed for p in candidates):
            matches.append(PersonMatch(refused=True))
        elif candidates:
            matches.append(PersonMatch(phone_clash=True))
        else:
            matches.append(PersonMatch())
    return matches


def _require_changeable(*, actor, person) -> None:
    if not person_changeable(actor=actor, person=person):
        raise PermissionDenied


def trainee_profile_update(*, by, trainee, **fields) -> object:
    """Edit a trainee's profile (the admin's Trainees screen): only a person `by` may change;
    e-mail and phone changes are logged and the old address told (accounts service)."""
    _require_changeable(actor=by, person=trainee)
    with transaction.atomic():
        accounts.profile_update(person=trainee, by=by, **fields)
        figures.trainees_changed(trainee_ids=[trainee.pk])
    return trainee


def trainee_access_reset(*, by, trainee) -> str:
    """"Reset this trainee's access": a new one-time code, shown once to `by`."""
    _require_changeable(actor=by, person=trainee)
    return accounts.access_code_issue(person=trainee, by=by)


def people_awaiting_access(*, by, cohort: Cohort) -> QuerySet:
    """The cohort's active trainees `by` may change who have no password of their own yet
    (never signed in, or a slip not used)."""
    trainees = people_changeable_by(by).filter(
        enrollments__in=cohort.enrollments.active()).distinct()
    return trainees.filter(Q(password__startswith=UNUSABLE_PASSWORD_PREFIX) | Q(password="")
                           | Q(must_change_password=True))


@transaction.atomic
def access_slips_issue(*, by, cohort: Cohort) -> list[tuple[object, str]]:
    """A one-time code for each trainee of the cohort who has no password of their own yet
    (those who have one keep it: "reset this trainee's access" is for them). Codes are stored
    hashed and returned once, for the printed slips."""
    if not selectors.cohorts_managed_by(by).filter(pk=cohort.pk).exists():
        raise PermissionDenied
    people = people_awaiting_access(by=by, cohort=cohort).order_by("last_name", "first_name")
    return [(person, accounts.access_code_issue(person=person, by=by)) for person in people]


def before_account_deleted(person) -> Callable[[], None]:
    """The cohorts `person` is enrolled in, whose figures count them until the account and its
    enrollments are deleted (`accounts.services.account_deletion`); then recount them."""
    cohort_ids = list(Enrollment.objects.filter(trainee=person).values_list("cohort_id",
                                                                           flat=True))
    return lambda: figures.cohorts_changed(cohort_ids=cohort_ids)
