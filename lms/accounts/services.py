"""Accounts: who outranks whom, changes to a person's contact details, one-time access codes.

Scope (which people an actor works with) belongs to the cohorts app, which calls these
functions only for people inside the actor's scope (`lms.cohorts.services.people_changeable_by`).
Here live the rules that need no scope: a plain trainee has no rights at all, an account with
rights the actor lacks is never theirs to change, and every change that someone makes to
another person's e-mail or phone is logged and, where the old address exists, notified.
"""

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import roles
from .models import AccountEvent

User = get_user_model()

# Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read off paper.
ACCESS_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ACCESS_CODE_LENGTH = 8
CONTACT_FIELDS = {"email": AccountEvent.Kind.EMAIL, "phone": AccountEvent.Kind.PHONE}


def plain_trainees(queryset: QuerySet | None = None) -> QuerySet:
    """People with no rights at all: not staff, not superuser, no permission of their own and
    no group but Trainees. Only they may be matched, enrolled and managed by other people."""
    queryset = User.objects.all() if queryset is None else queryset
    privileged = User.objects.filter(
        Q(is_staff=True) | Q(is_superuser=True) | Q(user_permissions__isnull=False)
        | Q(groups__in=Group.objects.exclude(name=roles.TRAINEE))
    ).values("pk")
    return queryset.exclude(pk__in=privileged)


def is_plain_trainee(person) -> bool:
    return plain_trainees(User.objects.filter(pk=person.pk)).exists()


def outranks(target, actor) -> bool:
    """True when `target` holds a right that `actor` does not (a superuser outranks everyone
    but a superuser; staff status and every permission count, except the trainees' own
    `roles.baseline_permissions`)."""
    if actor.is_superuser:
        return False
    if target.is_superuser or (target.is_staff and not actor.is_staff):
        return True
    extra = target.get_all_permissions() - roles.baseline_permissions()
    return not extra <= actor.get_all_permissions()


def grants_beyond(actor, groups) -> bool:
    """Would these groups give a right that `actor` does not hold (beyond the trainees' own)?
    Nobody hands out rights they lack, whichever screen they use."""
    if actor.is_superuser:
        return False
    granted = {f"{app}.{codename}" for app, codename in Permission.objects.filter(
        group__in=list(groups or [])).values_list("content_type__app_label", "codename")}
    return not granted - roles.baseline_permissions() <= actor.get_all_permissions()


def _notify_old_address(*, person, kinds: list[str], old_email: str, by) -> None:
    with translation.override(person.language or settings.LANGUAGE_CODE):
        context = {"person": person,
                   "changes": [str(AccountEvent.Kind(kind).label) for kind in kinds],
                   "by": by.display_name if by else "", "when": timezone.localtime()}
        subject = render_to_string("accounts/email/contact_changed_subject.txt", context)
        body = render_to_string("accounts/email/contact_changed.txt", context)
    send_mail(" ".join(subject.split()), body, None, [old_email], fail_silently=True)


@transaction.atomic
def profile_update(*, person, by, **fields) -> list[AccountEvent]:
    """Save `fields` on `person`. Callers check first that `by` may change this person (the
    cohorts app's `trainee_profile_update`, the user admin). A change of e-mail or phone made by
    someone else is logged (who, when, old → new) and the old e-mail address is told."""
    before = User.objects.select_for_update().get(pk=person.pk)
    for name, value in fields.items():
        setattr(person, name, value)
    person.save()
    return contact_changes_record(person=person, before=before, by=by)


def contact_changes_record(*, person, before, by) -> list[AccountEvent]:
    """Log (and notify) the e-mail and phone differences between `before` and `person`."""
    if by is not None and by.pk == person.pk:
        return []
    events = []
    for name, kind in CONTACT_FIELDS.items():
        old, new = getattr(before, name) or "", getattr(person, name) or ""
        if old != new:
            events.append(AccountEvent.objects.create(person=person, actor=by, kind=kind,
                                                      old_value=old, new_value=new))
    old_email = before.email or ""
    if events and old_email:
        kinds = [event.kind for event in events]
        transaction.on_commit(lambda: _notify_old_address(
            person=person, kinds=kinds, old_email=old_email, by=by))
    return events


def access_code_new() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


@transaction.atomic
def access_code_issue(*, person, by) -> str:
    """Give `person` a one-time access code: it becomes their password (stored hashed, like any
    password), works for one sign-in, after which they must choose their own. Logged.
    Callers check that `by` may change this person."""
    code = access_code_new()
    person.set_password(code)
    person.must_change_password = True
    person.save(update_fields=["password", "must_change_password"])
    AccountEvent.objects.create(person=person, actor=by, kind=AccountEvent.Kind.ACCESS_CODE)
    return code


def access_code_consume(*, person) -> None:
    """Called at the sign-in that used a one-time code: the code stops working at once (the
    password becomes unusable) and the person must choose a password before anything else."""
    person.set_unusable_password()
    person.save(update_fields=["password"])


def password_chosen(*, person, password: str) -> None:
    person.set_password(password)
    person.must_change_password = False
    person.save(update_fields=["password", "must_change_password"])


def _nothing_to_update(person) -> Callable[[], None]:
    return lambda: None


@dataclass
class AccountSeams:
    """What apps above this one keep about a person and must update when the account is
    deleted (the cohorts app: the dashboard's totals of the person's cohorts, plugged in at
    start-up by `CohortsConfig.ready`). `before_delete(person)` reads what it needs and returns
    what to run once the account is gone."""

    before_delete: Callable[..., Callable[[], None]] = _nothing_to_update


account_seams = AccountSeams()


@contextmanager
def account_deletion(*, person) -> Iterator[None]:
    """Delete `person`'s account inside the block (Wagtail's delete action); what depends on
    it is updated in the same transaction."""
    with transaction.atomic():
        after = account_seams.before_delete(person)
        yield
        after()
