"""Hot-path reads whose SQL is compiled once per shape, not on every request.

Each request of the quiz server reads a few small rows by key (the session, the user, the
attempt, the answers given). The database answers such a query in about 0.1 ms; Django's
ORM spends 0.5 to 1 ms building and compiling it first, on every request (issue 16). A
`PreparedRead` keeps what compilation produces — the statement, the columns and their
converters — and runs it again with the new values.

The queryset is still written with the ORM, as usual: only its WHERE clause is compiled on
each call (it yields the parameters, and the statement is looked up by its SQL, so a
different shape of filter can never reuse another's statement). Rows come back as the ORM
would build them (`Model.from_db`, the fields' converters). Only plain querysets qualify: no
select_related, prefetch, annotation or related manager; anything else raises at the first
call, so a mistake shows in tests, not as wrong data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class _Statement:
    sql: str
    converters: list  # (position, (converters, column)), as the compiler applies them
    init_list: list[str] | None  # attnames, for model instances


class PreparedRead(Generic[M]):
    """`build(*values)` is an ORM queryset (model instances or `values_list`); `rows()` and
    `first()` run it with its SQL compiled once per shape and database. `build` may vary the
    values it filters on, nothing else (not the columns, order or limit): the statement is
    found by its database and WHERE clause only."""

    def __init__(self, build: Callable[..., QuerySet]) -> None:
        self.build = build
        self._statements: dict[tuple[str, str], _Statement] = {}

    def _statement(self, queryset: QuerySet, where_sql: str, params: list) -> _Statement:
        key = (queryset.db, where_sql)
        found = self._statements.get(key)
        if found is not None:
            return found
        if (queryset._prefetch_related_lookups or queryset._known_related_objects
                or queryset.query.select_related or queryset.query.annotation_select
                or queryset._iterable_class not in (ModelIterable, ValuesListIterable,
                                                    FlatValuesListIterable)):
            raise ValueError("PreparedRead takes plain querysets only")
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, all_params = compiler.as_sql()
        if list(all_params) != list(params):
            raise ValueError("PreparedRead: parameters outside the WHERE clause")
        columns = [column for column, _sql, _alias in compiler.select[:compiler.col_count]]
        init_list = None
        if queryset._iterable_class is ModelIterable:
            start, end = (compiler.klass_info["select_fields"][0],
                          compiler.klass_info["select_fields"][-1] + 1)
            if (start, end) != (0, len(columns)):
                raise ValueError("PreparedRead: model columns only")
            init_list = [column.target.attname for column in columns]
        statement = _Statement(sql=sql, converters=list(compiler.get_converters(columns).items()),
                               init_list=init_list)
        self._statements[key] = statement
        return statement

    def rows(self, *values: Any) -> list:
        """Model instances, or `values_list` tuples (values, with `flat=True`)."""
        queryset = self.build(*values)
        connection = connections[queryset.db]
        compiler = queryset.query.get_compiler(using=queryset.db)
        where_sql, params = compiler.compile(queryset.query.where)
        statement = self._statement(queryset, where_sql, list(params))
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, params)
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
            model = queryset.model
            return [model.from_db(queryset.db, statement.init_list, tuple(row)) for row in raw]
        if queryset._iterable_class is FlatValuesListIterable:
            return [row[0] for row in raw]
        return [tuple(row) for row in raw]

    def first(self, *values: Any) -> Any:
        """The first row, or None (the queryset's own order and limit apply)."""
        found = self.rows(*values)
        return found[0] if found else None
