"""Writing the demo's rows at volume: a batch of instances per table, inserted with one
executemany (COPY on PostgreSQL), foreign keys checked as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connections, router
from django.utils import timezone

from taihoanhap.registry.models import (
    AbsenceRequest,
    Case,
    CaseEvent,
    Classification,
    Deadline,
    Helper,
    Person,
    ProbationAssessment,
    Release,
    Reoffence,
    Sentence,
    Violation,
)


@dataclass
class Batch:
    persons: list[Person] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    classifications: list[Classification] = field(default_factory=list)
    helpers: list[Helper] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    reoffences: list[Reoffence] = field(default_factory=list)
    absences: list[AbsenceRequest] = field(default_factory=list)
    assessments: list[ProbationAssessment] = field(default_factory=list)

    def save(self) -> None:
        # A person points at a case inserted after them: that one key is checked at commit
        # (see `generate`), every other as each table is written.
        model: Any
        for model, rows in (
            (Person, self.persons),
            (Sentence, self.sentences),
            (Release, self.releases),
            (Case, self.cases),
            (CaseEvent, self.events),
            (Deadline, self.deadlines),
            (Classification, self.classifications),
            (Helper, self.helpers),
            (Violation, self.violations),
            (Reoffence, self.reoffences),
            (AbsenceRequest, self.absences),
            (ProbationAssessment, self.assessments),
        ):
            if rows:
                insert_rows(model, rows)


def check_keys_as_written() -> None:
    """On PostgreSQL, check foreign keys per statement, except the person's current case.

    Django declares them deferred to commit: a million persons' records would queue tens of
    millions of checks in the server's memory. SQLite counts deferred violations instead of
    queueing them, so it needs nothing.
    """
    connection = connections[router.db_for_write(Person)]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Person._meta.db_table)
        current_case = [
            name
            for name, spec in constraints.items()
            if spec["foreign_key"] and spec["columns"] == ["current_case_id"]
        ]
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name in current_case:
            cursor.execute(f"SET CONSTRAINTS {connection.ops.quote_name(name)} DEFERRED")


# Field types whose Python values the database drivers take as they are.
_PLAIN = {
    "CharField",
    "TextField",
    "IntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "BooleanField",
    "AutoField",
    "BigAutoField",
}


def insert_rows(model: Any, rows: list[Any]) -> None:
    """INSERT fully built instances with one executemany: what bulk_create does, without
    compiling a multi-row statement per batch (most of its time at this volume). Values that
    need it go through their field's own conversion, so each engine stores what the ORM would.
    """
    connection = connections[router.db_for_write(model)]
    columns = list(model._meta.concrete_fields)
    now = timezone.now()
    plan = []
    for column in columns:
        target = column.target_field if column.is_relation else column
        if getattr(column, "auto_now", False) or getattr(column, "auto_now_add", False):
            plan.append((column.attname, "constant", column.get_db_prep_save(now, connection)))
        elif target.get_internal_type() in _PLAIN:
            plan.append((column.attname, "plain", None))
        else:
            plan.append((column.attname, "convert", column))
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model
        quote(model._meta.db_table),
        ", ".join(quote(column.column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    params = []
    for row in rows:
        values = []
        for attname, how, extra in plan:
            if how == "constant":
                values.append(extra)
                continue
            value = getattr(row, attname)
            if how == "convert" and value is not None:
                value = extra.get_db_prep_save(value, connection)
            values.append(value)
        params.append(values)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: one stream per table and batch instead of a statement per row.
            copy_sql = "COPY {} ({}) FROM STDIN".format(
                quote(model._meta.db_table), ", ".join(quote(c.column) for c in columns)
            )
            with cursor.cursor.copy(copy_sql) as copy:
                for values in params:
                    copy.write_row(values)
            return
        for start in range(0, len(params), 1000):
            cursor.executemany(sql, params[start : start + 1000])
