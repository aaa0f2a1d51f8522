"""Hot per-request reads as SQL written once, for the few reads whose ORM compilation costs
more than the query itself (issue 16: building and compiling a queryset takes 0.5 to 2 ms, a
round trip to the database about 0.05 ms).

A statement is built from the models' `_meta` (tables and columns, quoted for the
connection), once per database vendor (`statement`), with `columns` for each model's select
list; `fetch_models` and `fetch_values` run it and convert the values exactly as a queryset
would (the ORM's own per-field converters: dates made aware, decimals, UUIDs, JSON, booleans
on SQLite), so the results equal the ORM's. Each such read has a test that compares it with
its ORM version. Works on SQLite and PostgreSQL.
"""

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Field, Model


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


def fetch_values(sql: str, params: Sequence, fields: Sequence[Field], *,
                 using: str = DEFAULT_DB_ALIAS) -> list[list]:
    """The rows of `sql`, one column per field of `fields` (always the same fields for the
    same `sql`), converted as the ORM does."""
    connection = connections[using]
    compiler, converters = _converters(using, sql, fields)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
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
