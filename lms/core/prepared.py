"""Hot per-request reads whose SQL is compiled once, not on every request (issue 16: Django's
ORM spends 0.5 to 2 ms building and compiling a small query, the database 0.05 to 0.3 ms
answering it). The rows come back exactly as a queryset builds them: the ORM's own per-field
converters (dates made aware, decimals, UUIDs, JSON, booleans on SQLite), worked out once per
statement and connection, and `Model.from_db`. Works on SQLite and PostgreSQL.

Two ways to write one:

- `PreparedRead`: an ORM queryset filtered on named lookups (the session, the user, an
  attempt by key): compiled by the ORM the first time (per database), then run again with new
  values, each prepared by its field as the ORM prepares it. Only plain querysets filtered by
  one-value lookups qualify; the first call checks that the statement and its parameters are
  exactly the ORM's and raises otherwise, so a mistake shows in tests, not as wrong data. A
  None value (an `isnull` for the ORM) goes through the ORM.
- `statement` with `columns`, `table`, `column`: SQL written from the models' `_meta` (tables
  and columns quoted for the connection), once per database vendor, for the reads the ORM
  cannot keep that way (joins, a newest row per group); `fetch_models` and `fetch_values`
  run it. Each such read has a test comparing it with its ORM version.

On PostgreSQL they also run as prepared statements (`cursor`): parsed and planned once per
connection, not on every request (the permission read: 0.62 ms → 0.27 ms), unless
`DATABASE_PREPARED_STATEMENTS` is off (it is behind a transaction pooler). The ORM's own
queries keep Django's default (parameters bound on the client, nothing prepared).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.utils import CursorWrapper
from django.db.models import Field, Model, QuerySet
from django.db.models.lookups import Lookup
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable


def quote(name: str, using: str = DEFAULT_DB_ALIAS) -> str:
    return connections[using].ops.quote_name(name)


def column(model: type[Model], name: str, alias: str, using: str = DEFAULT_DB_ALIAS) -> str:
    """`alias."column"` of the field `name` of `model` (a field name or its attname)."""
    field = model._meta.get_field(name)
    return f"{quote(alias, using)}.{quote(field.column, using)}"


def columns(model: type[Model], alias: str, using: str = DEFAULT_DB_ALIAS) -> str:
    """Every concrete column of `model`, in the order `Model.from_db` takes them."""
    if model._meta.parents:
        raise ValueError(f"{model.__name__}: a model with parents spans several tables")
    return ", ".join(f"{quote(alias, using)}.{quote(field.column, using)}"
                     for field in model._meta.concrete_fields)


def table(model: type[Model], alias: str, using: str = DEFAULT_DB_ALIAS) -> str:
    return f"{quote(model._meta.db_table, using)} {quote(alias, using)}"


def statement(build: Callable[[str], str]) -> Callable[[str], str]:
    """Decorator: `build(using)` is called once per database vendor, its SQL kept."""
    by_vendor: Callable[[str], str] = cache(lambda vendor, using: build(using))

    def sql(using: str = DEFAULT_DB_ALIAS) -> str:
        return by_vendor(connections[using].vendor, using)

    return sql


def db_value(model: type[Model], name: str, value: Any, using: str = DEFAULT_DB_ALIAS) -> Any:
    """`value` as a parameter for the column of `model.name` (e.g. a UUID: text on SQLite)."""
    return model._meta.get_field(name).get_db_prep_value(value, connections[using])


def _converters(using: str, sql: str, fields: Sequence[Field]) -> tuple[Any, dict]:
    """The ORM's converters for the columns of `sql` (`fields`) on this connection, and a
    compiler to apply them: worked out once per statement and connection object (they are
    bound to it), as working them out costs more than the query."""
    connection = connections[using]
    memo = connection.__dict__.setdefault("_prepared_converters", {})
    found = memo.get(sql)
    if found is None:
        compiler = connection.ops.compiler("SQLCompiler")(None, connection, using)
        found = memo[sql] = (compiler, compiler.get_converters(
            [field.get_col(field.model._meta.db_table) for field in fields]))
    return found


@cache
def _preparing_cursor_class() -> type:
    """psycopg's server-binding cursor (Django's, with its `callproc`) that prepares every
    statement it runs: psycopg keeps them per connection (its last 100), PostgreSQL runs
    them again with new parameters, skipping the parse and plan."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):  # type: ignore[misc, valid-type]
        logged = False  # the connection logs queries (DEBUG, CaptureQueriesContext)

        def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None,
                    binary: bool | None = None) -> Any:
            super().execute(query, params, prepare=True, binary=binary)
            if self.logged and self._query is None:
                # psycopg records no query for a prepared run; Django's log reads it there
                self._query = self._convert_query(query, params)
            return self

    return PreparingCursor


TIMESTAMPTZ_OID = 1184  # PostgreSQL's type of `timestamp with time zone`
PREPARE_THRESHOLD = 5  # psycopg's default; our cursors ask for every statement at once


def cursor(using: str = DEFAULT_DB_ALIAS) -> CursorWrapper:
    """A cursor for the statements of this module: Django's own (wrapped as `connection.
    cursor()` wraps it, so query logging and `CaptureQueriesContext` see every statement),
    on PostgreSQL one that prepares them (`DATABASE_PREPARED_STATEMENTS`)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not settings.DATABASE_PREPARED_STATEMENTS:
        return connection.cursor()
    from psycopg.pq import Format

    from django.db.backends.postgresql.psycopg_any import register_tzloader

    connection.ensure_connection()
    # Django opens connections with psycopg's preparing turned off (`prepare_threshold`
    # None), which refuses even an explicit `prepare=True`. Turned on, it changes nothing for
    # the ORM: its cursors bind parameters on the client, and those never prepare.
    if connection.connection.prepare_threshold is None:
        connection.connection.prepare_threshold = PREPARE_THRESHOLD
    with connection.wrap_database_errors:
        raw = _preparing_cursor_class()(connection.connection)
    raw.logged = connection.queries_logged
    # As Django's `create_cursor`: its time zone if the connection's differs.
    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, raw)
    return connection._prepare_cursor(raw)


def fetch_values(sql: str, params: Sequence, fields: Sequence[Field], *,
                 using: str = DEFAULT_DB_ALIAS) -> list[list]:
    """The rows of `sql`, one column per field of `fields` (always the same fields for the
    same `sql`), converted as the ORM does."""
    compiler, converters = _converters(using, sql, fields)
    with cursor(using) as statement:
        statement.execute(sql, params)
        rows = statement.fetchall()
    if not converters:
        return [list(row) for row in rows]
    return list(compiler.apply_converters(rows, converters))


def fetch_models(sql: str, params: Sequence, models: Sequence[type[Model]], *,
                 using: str = DEFAULT_DB_ALIAS) -> list[tuple[Model, ...]]:
    """Instances of `models` from each row of `sql`, whose select list is `columns()` of each
    model in turn: one tuple of instances per row, as `Model.from_db` builds them."""
    spans = []
    fields: list[Field] = []
    for model in models:
        concrete = list(model._meta.concrete_fields)
        spans.append((model, len(fields), len(fields) + len(concrete),
                      [field.attname for field in concrete]))
        fields.extend(concrete)
    return [tuple(model.from_db(using, names, row[start:end])
                  for model, start, end, names in spans)
            for row in fetch_values(sql, params, fields, using=using)]


@dataclass(frozen=True)
class _Statement:
    sql: str
    fields: list[Field]  # the field preparing each parameter, in the statement's order
    columns: list[Field]  # the field of each selected column (for its converters)
    init_list: list[str] | None  # attnames, for model instances


class PreparedRead:
    """`base()` filtered on `lookups` (e.g. "pk", "expire_date__gt"), in that order:
    `rows(*values)` and `first(*values)` run it with the SQL compiled once per database."""

    def __init__(self, base: Callable[[], QuerySet], *lookups: str) -> None:
        self.base, self.lookups = base, lookups
        self._statements: dict[str, _Statement] = {}

    def _queryset(self, values: tuple) -> QuerySet:
        queryset = self.base()
        for lookup, value in zip(self.lookups, values, strict=True):
            queryset = queryset.filter(**{lookup: value})
        return queryset

    def _compile(self, queryset: QuerySet) -> _Statement:
        query = queryset.query
        if (queryset._prefetch_related_lookups or queryset._known_related_objects
                or query.select_related or query.annotation_select
                or queryset._iterable_class not in (ModelIterable, ValuesListIterable,
                                                    FlatValuesListIterable)):
            raise ValueError("PreparedRead takes plain querysets only")
        lookups = query.where.children
        if (len(lookups) != len(self.lookups) or query.where.connector != "AND"
                or query.where.negated or not all(
                    isinstance(lookup, Lookup) and lookup.rhs_is_direct_value()
                    and hasattr(lookup.lhs, "output_field") for lookup in lookups)):
            raise ValueError("PreparedRead: one plain lookup per value, nothing else")
        compiler = query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        fields = [lookup.lhs.output_field for lookup in lookups]
        columns = [column for column, _sql, _alias in compiler.select[:compiler.col_count]]
        init_list = None
        if queryset._iterable_class is ModelIterable:
            start, end = (compiler.klass_info["select_fields"][0],
                          compiler.klass_info["select_fields"][-1] + 1)
            if (start, end) != (0, len(columns)):
                raise ValueError("PreparedRead: model columns only")
            init_list = [column.target.attname for column in columns]
        statement = _Statement(sql=sql, fields=fields,
                               columns=[column.target for column in columns],
                               init_list=init_list)
        try:
            same = (len(params) == len(lookups) and list(params) == self._params(
                statement, [lookup.rhs for lookup in lookups], compiler.connection))
        except (TypeError, ValueError):  # e.g. a list for `in`
            same = False
        if not same:
            raise ValueError("PreparedRead: parameters not prepared as the ORM's")
        return statement

    @staticmethod
    def _params(statement: _Statement, values, connection) -> list:
        return [field.get_db_prep_value(value, connection, prepared=False)
                for field, value in zip(statement.fields, values, strict=True)]

    @cached_property
    def _template(self) -> QuerySet:
        """`base()`, built once (never evaluated): its model, database and kind of rows."""
        return self.base()

    def rows(self, *values: Any) -> list:
        """Model instances, or `values_list` tuples (values, with `flat=True`)."""
        if any(value is None for value in values):
            return list(self._queryset(values))
        template = self._template
        alias = template.db
        statement = self._statements.get(alias)
        if statement is None:
            statement = self._statements[alias] = self._compile(self._queryset(values))
        raw = fetch_values(statement.sql,
                           self._params(statement, values, connections[alias]),
                           statement.columns, using=alias)
        if statement.init_list is not None:
            model = template.model
            return [model.from_db(alias, statement.init_list, tuple(row)) for row in raw]
        if template._iterable_class is FlatValuesListIterable:
            return [row[0] for row in raw]
        return [tuple(row) for row in raw]

    def first(self, *values: Any) -> Any:
        """The first row, or None (the queryset's own order and limit apply)."""
        found = self.rows(*values)
        return found[0] if found else None
