"""Hand-written reads for the hottest pages, on SQLite and PostgreSQL alike.

Building, compiling and converting an ORM query costs 0.3-0.8 ms of Python whatever the query
does, against 0.05-0.2 ms for the SQL itself; the work queue reads six small lists on every
visit, the person page five more besides the person and the cases. Those reads are written as
SQL instead. Each either takes its scope from the scoping entry point, as the ORM compiles it
(`where_sql`, behind `Scope.sql` and `registry.access.person_scope_sql`: the rule is written
once, as a Q, and its SQL is never spelled by hand), or reads the records of a person or case
already fetched through it. Values passed and read back go through the helpers below, so a
hand-written read agrees with the ORM on both engines (tests compare them).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import Expression, Model, QuerySet
from django.utils import timezone


def fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of one statement (`%s` placeholders), as the driver returns them."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def where_sql(queryset: QuerySet[Any], alias: str) -> tuple[str, list[Any]]:
    """The WHERE condition of `queryset`, compiled by the ORM, on its model's table aliased
    `alias`, with its parameters: a hand-written read filters by the very rule a queryset does.

    Only the condition is taken, not `alias.id IN (<the whole query>)`: SQLite would build the
    whole scope's id list for a one-row read (the person page), where the bare condition is
    checked on the row found by its key. Compiling costs about 0.5-1 ms, so callers cache the
    result by the (hashable) values the rule depends on.
    """
    query = queryset.query.clone()
    query.change_aliases({query.get_initial_alias(): alias})
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.compile(query.where)
    except EmptyResultSet:
        return "1 = 0", []
    except FullResultSet:
        return "1 = 1", []
    return (sql or "1 = 1"), list(params)


def placeholders(values: Sequence[Any]) -> str:
    """ "%s, %s, %s" for an IN list of `values` (never empty: callers check)."""
    return ", ".join(["%s"] * len(values))


def in_condition(column: str, values: Iterable[Any]) -> tuple[str, list[Any]]:
    """`column IN (...)` and its parameters; an empty list selects nothing, like the ORM."""
    values = list(values)
    if not values:
        return "1 = 0", []
    return f"{column} IN ({placeholders(values)})", values


def day(value: date) -> Any:
    """A date as a parameter (SQLite keeps ISO text, PostgreSQL a date)."""
    return connection.ops.adapt_datefield_value(value)


def uuid_param(value: Any) -> Any:
    """A UUID as a parameter: SQLite keeps 32 hex characters, PostgreSQL a uuid."""
    value = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    return value if connection.features.has_native_uuid_field else value.hex


def uuid_value(value: Any) -> uuid.UUID:
    """A UUID column as read: a uuid from PostgreSQL, 32 hex characters from SQLite."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def date_value(value: Any) -> date:
    """A date column as read (Django's SQLite connection already parses declared dates)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def local_date(value: Any) -> date:
    """The local date of a timestamp column as read: SQLite gives naive UTC (as text or as a
    datetime), PostgreSQL an aware datetime.
    """
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=UTC)
    return timezone.localdate(value)


Converter = Callable[[Any, Expression, Any], Any]


@dataclass(frozen=True)
class ModelColumns:
    """A model's columns in a hand-written SELECT, and its instances built back from a row.

    The values go through the converters the ORM would apply (the engine's, then the field's
    own `from_db_value`), and the instance is made by `Model.from_db` as the ORM makes it, so it
    is the same instance a queryset would give; what is saved is compiling the query.
    """

    model: type[Model]
    sql: str  # "a.id, a.name, ...", every concrete field in order
    attnames: tuple[str, ...]
    pk_index: int
    converters: tuple[tuple[int, tuple[Converter, ...], Expression], ...]

    @property
    def width(self) -> int:
        return len(self.attnames)

    def build(self, row: Sequence[Any], start: int = 0) -> Any:
        """The instance in `row` from column `start`; None where an outer join found none."""
        values = list(row[start : start + self.width])
        if values[self.pk_index] is None:
            return None
        for index, functions, expression in self.converters:
            value = values[index]
            for convert in functions:
                value = convert(value, expression, connection)
            values[index] = value
        return self.model.from_db(connection.alias, self.attnames, values)


def select_list(*parts: ModelColumns) -> str:
    """The columns of `parts` side by side, for a SELECT whose rows `build_row` reads."""
    return ", ".join(part.sql for part in parts)


def build_row(row: Sequence[Any], *parts: ModelColumns) -> list[Any]:
    """The instances of the models read side by side in `row`, in the order of `parts`."""
    built, start = [], 0
    for part in parts:
        built.append(part.build(row, start))
        start += part.width
    return built


def model_columns(model: type[Model], alias: str) -> ModelColumns:
    """The columns of `model`'s table aliased `alias` (built once per process and engine)."""
    return _model_columns(model, alias, connection.vendor)


@functools.cache
def _model_columns(model: type[Model], alias: str, vendor: str) -> ModelColumns:
    fields = model._meta.concrete_fields
    # The converters depend on the engine and the settings only, so those of the connection at
    # hand serve every connection of the process.
    converters = []
    for index, field in enumerate(fields):
        expression = field.get_col(alias)
        functions = [
            *connection.ops.get_db_converters(expression),
            *expression.get_db_converters(connection),
        ]
        if functions:
            converters.append((index, tuple(functions), expression))
    quote = connection.ops.quote_name
    return ModelColumns(
        model=model,
        sql=", ".join(f"{alias}.{quote(field.column)}" for field in fields),
        attnames=tuple(field.attname for field in fields),
        pk_index=fields.index(model._meta.pk),
        converters=tuple(converters),
    )
