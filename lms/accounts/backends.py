"""Django's model backend with the permission read in one query instead of two.

Every signed-in page asks permissions (the navigation, the views' checks); Django's
`ModelBackend` reads the user's own permissions and their groups' permissions in two queries
the first time, then keeps them on the user object for the rest of the request. This backend
reads both in one UNION and fills the same three per-user memos (`_user_perm_cache`,
`_group_perm_cache`, `_perm_cache`), so `has_perm`, `get_user_permissions`,
`get_group_permissions` and `get_all_permissions` answer exactly as Django's would, from the
database of this request: nothing is kept between requests.

It comes before Django's own `ModelBackend` in `AUTHENTICATION_BACKENDS`, which stays listed
for the sessions signed in before it existed (a session names the backend that signed it in;
an unlisted one is signed out). A wrong username or password stops at this backend
(PermissionDenied: Django then reports the failed sign-in as usual) instead of being hashed a
second time by the same check in `ModelBackend`.
"""

from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection

from lms.core import prepared
from lms.core.prepared import PreparedRead

_FROM_USER = "u"
_FROM_GROUPS = "g"


@cache
def _permissions_sql() -> str:
    """The user's own permissions and their groups' in one statement, built once from the
    models' tables (the same joins as ModelBackend's two ORM queries, without compiling them
    on every request: the ORM's compilation cost more than the query). Parameters: the
    user's id, twice."""
    user_model = get_user_model()
    own = user_model._meta.get_field("user_permissions").remote_field.through._meta
    member = user_model._meta.get_field("groups").remote_field.through._meta
    granted = Group._meta.get_field("permissions").remote_field.through._meta
    quote = connection.ops.quote_name
    permission, content_type = quote(Permission._meta.db_table), quote(ContentType._meta.db_table)

    def column(meta: Any, model: Any) -> str:
        field = next(f for f in meta.fields if f.related_model is model)
        return f"{quote(meta.db_table)}.{quote(field.column)}"

    def select(source: str) -> str:
        return (f"SELECT {content_type}.{quote('app_label')}, {permission}.{quote('codename')}, "
                f"'{source}' FROM {permission} INNER JOIN {content_type} ON "
                f"{permission}.{quote('content_type_id')} = {content_type}.{quote('id')}")

    return (
        f"{select(_FROM_USER)} INNER JOIN {quote(own.db_table)} ON "
        f"{column(own, Permission)} = {permission}.{quote('id')} "
        f"WHERE {column(own, user_model)} = %s "
        f"UNION ALL {select(_FROM_GROUPS)} INNER JOIN {quote(granted.db_table)} ON "
        f"{column(granted, Permission)} = {permission}.{quote('id')} "
        f"INNER JOIN {quote(member.db_table)} ON {column(member, Group)} = "
        f"{column(granted, Group)} WHERE {column(member, user_model)} = %s"
    )


# The signed-in user, read on every request: the statement compiled once (lms/core/prepared.py).
_USER_BY_ID = PreparedRead(lambda: get_user_model()._default_manager.all(), "pk")


class OneQueryModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        """As ModelBackend's (the user, if they may still sign in), read without
        compiling the query again on every request."""
        user = _USER_BY_ID.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def authenticate(self, request: Any, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and password is not None:
            raise PermissionDenied  # ModelBackend, listed next, would check the same again
        return user

    def _load_permissions(self, user_obj: Any) -> None:
        if user_obj.is_superuser:  # every permission, as Django reads it for superusers
            every = {f"{app}.{codename}" for app, codename in Permission.objects.values_list(
                "content_type__app_label", "codename").order_by()}
            user_obj._user_perm_cache = every
            user_obj._group_perm_cache = set(every)
            return
        found: dict[str, set[str]] = {_FROM_USER: set(), _FROM_GROUPS: set()}
        with prepared.cursor() as cursor:  # a prepared statement on PostgreSQL
            cursor.execute(_permissions_sql(), [user_obj.pk, user_obj.pk])
            for app, codename, source in cursor.fetchall():
                found[source].add(f"{app}.{codename}")
        user_obj._user_perm_cache = found[_FROM_USER]
        user_obj._group_perm_cache = found[_FROM_GROUPS]

    def _get_permissions(self, user_obj: Any, obj: Any, from_name: str) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, f"_{from_name}_perm_cache"):
            self._load_permissions(user_obj)
        return getattr(user_obj, f"_{from_name}_perm_cache")
