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

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, connection, connections

from lms.core import prepared

_FROM_USER = "u"
_FROM_GROUPS = "g"


@dataclass(frozen=True)
class _Sources:
    """The joins from a permission to who holds it, in one database's quoting: `base` (the
    permission and its content type), then the user's own (`own`, held by `own_user`) or
    through their groups (`grouped`, held by `grouped_user`); the joins of ModelBackend's
    two ORM queries."""
    app_label: str
    codename: str
    base: str
    own: str
    own_user: str
    grouped: str
    grouped_user: str


def _sources(quote: Callable[[str], str]) -> _Sources:
    user_model = get_user_model()
    own = user_model._meta.get_field("user_permissions").remote_field.through._meta
    member = user_model._meta.get_field("groups").remote_field.through._meta
    granted = Group._meta.get_field("permissions").remote_field.through._meta
    permission, content_type = quote(Permission._meta.db_table), quote(ContentType._meta.db_table)

    def column(meta: Any, model: Any) -> str:
        field = next(f for f in meta.fields if f.related_model is model)
        return f"{quote(meta.db_table)}.{quote(field.column)}"

    return _Sources(
        app_label=f"{content_type}.{quote('app_label')}",
        codename=f"{permission}.{quote('codename')}",
        base=(f"{permission} INNER JOIN {content_type} ON "
              f"{permission}.{quote('content_type_id')} = {content_type}.{quote('id')}"),
        own=(f"INNER JOIN {quote(own.db_table)} ON "
             f"{column(own, Permission)} = {permission}.{quote('id')}"),
        own_user=column(own, user_model),
        grouped=(f"INNER JOIN {quote(granted.db_table)} ON "
                 f"{column(granted, Permission)} = {permission}.{quote('id')} "
                 f"INNER JOIN {quote(member.db_table)} ON {column(member, Group)} = "
                 f"{column(granted, Group)}"),
        grouped_user=column(member, user_model),
    )


@cache
def _permissions_sql() -> str:
    """The user's own permissions and their groups' in one statement, built once from the
    models' tables (without compiling ModelBackend's two ORM queries on every request: the
    ORM's compilation cost more than the query). Parameters: the user's id, twice."""
    joins = _sources(connection.ops.quote_name)
    name = f"{joins.app_label}, {joins.codename}"
    return (f"SELECT {name}, '{_FROM_USER}' FROM {joins.base} {joins.own} "
            f"WHERE {joins.own_user} = %s "
            f"UNION ALL SELECT {name}, '{_FROM_GROUPS}' FROM {joins.base} "
            f"{joins.grouped} WHERE {joins.grouped_user} = %s")


@prepared.statement
def _user_with_permissions_sql(using: str) -> str:
    """The signed-in user's row and, in the same statement, their own permissions and their
    groups' ("app_label.codename", comma-separated): every signed-in page asks permissions
    (the navigation), so this saves a round trip and a statement per request. The same joins
    as `_permissions_sql`. Parameter: the user's id."""
    user_model = get_user_model()
    joins = _sources(connections[using].ops.quote_name)
    name = f"{joins.app_label} || '.' || {joins.codename}"
    listed = (f"string_agg({name}, ',')" if connections[using].vendor == "postgresql"
              else f"group_concat({name}, ',')")
    user_id = prepared.column(user_model, user_model._meta.pk.name, "u", using)
    own = f"(SELECT {listed} FROM {joins.base} {joins.own} WHERE {joins.own_user} = {user_id})"
    grouped = (f"(SELECT {listed} FROM {joins.base} {joins.grouped} "
               f"WHERE {joins.grouped_user} = {user_id})")
    return (f"SELECT {prepared.columns(user_model, 'u', using)}, {own}, {grouped} "
            f"FROM {prepared.table(user_model, 'u', using)} WHERE {user_id} = %s")


def _user_with_permissions(user_id: Any) -> Any:
    """The user (or None) with the two permission memos `_load_permissions` fills."""
    user_model = get_user_model()
    fields = list(user_model._meta.concrete_fields)
    key = prepared.db_value(user_model, user_model._meta.pk.name, user_id)
    rows = prepared.fetch_values(_user_with_permissions_sql(DEFAULT_DB_ALIAS), [key], fields)
    if not rows:
        return None
    row = rows[0]
    user = user_model.from_db(DEFAULT_DB_ALIAS, [field.attname for field in fields],
                              row[:len(fields)])
    if not user.is_superuser:  # a superuser's are every permission, read when asked
        own, grouped = row[len(fields):]
        user._user_perm_cache = set(own.split(",")) if own else set()
        user._group_perm_cache = set(grouped.split(",")) if grouped else set()
    return user


class OneQueryModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        """As ModelBackend's (the user, if they may still sign in), read with their
        permissions in one statement compiled once (`lms/core/prepared.py`)."""
        user = _user_with_permissions(user_id)
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
