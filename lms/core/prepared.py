"""Hot-path reads whose SQL is compiled once, not on every request.

Each request of the quiz server reads a few small rows by key (the session, the user, the
attempt, the answers given). The database answers such a query in about 0.1 ms; Django's
ORM spends 0.5 to 1 ms building and compiling it first, on every request (issue 16). A
`PreparedRead` is an ORM queryset filtered on named lookups: compiled the first time (per
database), then run again with new values, each prepared by its field as the ORM prepares it.
Rows come back as the ORM builds them (`Model.from_db`, the fields' converters).

Only plain querysets qualify (no select_related, prefetch, annotation or related manager),
filtered by one-value lookups (exact, gt...; not `in`); the first call checks that the
statement and its parameters are exactly the ORM's, and raises otherwise, so a mistake shows
in tests, not as wrong data. A None value (an `isnull` for the ORM) goes through the ORM.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db import connections
from django.db.models import Field, QuerySet
from django.db.models.lookups import Lookup
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable


@dataclass(frozen=True)
class _Statement:
    sql: str
    fields: list[Field]  # the field preparing each parameter, in the statement's order
    converters: list  # (position, (converters, column)), as the compiler applies them
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
                               converters=list(compiler.get_converters(columns).items()),
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
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, self._params(statement, values, connection))
            raw = cursor.fetchall()
        if statement.converters:
            raw = list(map(list, raw))
            for row in raw:
                for position, (converters, column) in statement.converters:
                    value = row[position]
                    for converter in converters:
                        value = converter(value, column, connection)
                    row[position] = value
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
