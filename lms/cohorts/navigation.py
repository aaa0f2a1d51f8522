"""Whether the navigation shows "My sessions", read from the cache instead of a query on
every page a trainee opens.

The link is for people recorded as trainers (`sessions.may_create_session`). Whether someone
is recorded changes only when a `Trainer` row is saved or deleted (`services.trainer_record`,
or a cohort or a person deleted with their records): the answer is kept per person under the
`TRAINERS` generation (`lms/core/generations.py`), replaced by those changes, so the link
appears or goes on the next request. The session pages themselves still check
`may_create_session` against the database.
"""

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

from lms.accounts import roles
from lms.core.generations import Generation

from .models import Trainer

TRAINERS = Generation("trainers")


def shows_my_sessions(user, request: HttpRequest | None = None) -> bool:
    if not (user.is_authenticated and user.has_perm(roles.RUN_SESSIONS)):
        return False
    return TRAINERS.cached(request, "recorded", (user.pk,),
                           lambda: Trainer.objects.filter(user=user).exists())


def connect_invalidation() -> None:
    """Called once from `CohortsConfig.ready()`."""
    post_save.connect(TRAINERS.invalidate, sender=Trainer, dispatch_uid="trainers-save")
    post_delete.connect(TRAINERS.invalidate, sender=Trainer, dispatch_uid="trainers-delete")
