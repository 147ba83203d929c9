"""Reads of the registry: finding people, paging without slow counts, the person page's data.

Every query starts from the scoping entry point: the lists from `Person.objects.managed_by(user)`
(the user's jurisdiction; persons of pending incoming transfers are reached from the work
queue), single records from `visible_to(user)`. The list filters and sorts on the
person's own columns (the current case's status, class and release date are copied there), so
one index serves each list: (area, status, name_key) - see PERFORMANCE.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple, Protocol

from django.db import connections
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils import formats

from taihoanhap.accounts.models import Agency, User
from taihoanhap.core.citizen_id import citizen_id_query
from taihoanhap.core.models import choice_label
from taihoanhap.core.sql import (
    build_row,
    date_value,
    fetch,
    in_condition,
    model_columns,
    select_list,
    uuid_param,
    uuid_value,
)
from taihoanhap.core.text import search_key
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.access import person_scope_sql
from taihoanhap.registry.models import (
    Case,
    Deadline,
    DeadlineStatus,
    Helper,
    Person,
    Release,
    Sentence,
    Transfer,
)

_YEAR = re.compile(r"^(19|20)[0-9][0-9]$")


@dataclass(frozen=True)
class ParsedQuery:
    """What an officer typed in the search box, understood."""

    name_key: str = ""
    citizen_id: str = ""
    birth_date: date | None = None
    birth_year: int | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.name_key or self.citizen_id or self.birth_date or self.birth_year)


def _as_date(token: str) -> date | None:
    for fmt in formats.get_format("DATE_INPUT_FORMATS"):
        try:
            return datetime.strptime(token, fmt).date()
        except ValueError:
            continue
    return None


def parse_query(text: str) -> ParsedQuery:
    """ "nguyễn văn an 1990" -> name key "nguyen van an", birth year 1990.

    A number of 9 or 12 digits (spaces and dots allowed) is an ID number; a date is a date of
    birth; four digits are a year of birth; the rest is the start of the name, diacritics and
    case ignored (decomposed Unicode input works too: the key is built from NFD).
    """
    text = (text or "").strip()
    if number := citizen_id_query(text):
        return ParsedQuery(citizen_id=number)
    words, birth_date, birth_year = [], None, None
    for token in text.split():
        if _YEAR.match(token):
            birth_year = int(token)
        elif any(sep in token for sep in "/-.") and (day := _as_date(token)):
            birth_date = day
        else:
            words.append(token)
    return ParsedQuery(
        name_key=search_key(" ".join(words)), birth_date=birth_date, birth_year=birth_year
    )


def search_persons(
    user: User, query: ParsedQuery, filters: dict[str, Any], order: tuple[str, ...]
) -> QuerySet[Person]:
    persons = Person.objects.managed_by(user)
    if query.citizen_id:
        persons = persons.filter(citizen_id=query.citizen_id)
    if query.name_key:
        persons = persons.filter(name_key__startswith=query.name_key)
    if query.birth_date:
        persons = persons.filter(birth_date=query.birth_date)
    if query.birth_year:
        persons = persons.filter(birth_year=query.birth_year)
    if filters.get("commune"):
        persons = persons.filter(commune=filters["commune"])
    if filters.get("status"):
        persons = persons.filter(case_status=filters["status"])
    if filters.get("klass"):
        persons = persons.filter(case_class=filters["klass"])
    if filters.get("released_from"):
        persons = persons.filter(release_date__gte=filters["released_from"])
    if filters.get("released_to"):
        persons = persons.filter(release_date__lte=filters["released_to"])
    if filters.get("born_from"):
        persons = persons.filter(birth_year__gte=filters["born_from"])
    if filters.get("born_to"):
        persons = persons.filter(birth_year__lte=filters["born_to"])
    return persons.order_by(*order)


def capped_count(queryset: QuerySet[Any], cap: int) -> tuple[int, bool]:
    """(count, more): counts at most cap + 1 rows, so a broad search never counts a million.

    The COUNT wraps the list's own query reduced to its primary keys: Django's count() of a
    sliced query selected every column and join of the list and rebuilt the query around it.
    """
    inner = queryset.order_by().values_list("pk")[: cap + 1]
    sql, params = inner.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) capped", params)  # noqa: S608 - Django's SQL
        count = cursor.fetchone()[0]
    return (cap, True) if count > cap else (count, False)


class SlicePage:
    """A page of a list fetched with LIMIT size + 1: it knows whether a next page exists
    without counting. Shaped like Django's Page for templates/includes/pagination.html.
    """

    def __init__(self, rows: list[Any], number: int, size: int, total: int, more: bool):
        self.has_next = len(rows) > size
        self.object_list = rows[:size]
        self.number = number
        self.has_previous = number > 1
        self.paginator = self
        self.num_pages = None if more else max(1, -(-total // size))
        self.total, self.more = total, more

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def page_of(
    queryset: QuerySet[Any], raw_number: Any, size: int, *, counted: QuerySet[Any], cap: int
) -> SlicePage:
    """Page `raw_number` of `queryset`, with the capped count of `counted` (the same rows).

    The count is skipped when the page itself shows where the list ends (an empty first page,
    or a page that is not full): most searches by name or ID number find a handful of people.
    """
    try:
        number = max(1, int(raw_number or 1))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * size
    rows = list(queryset[offset : offset + size + 1])
    if (rows or not offset) and len(rows) <= size and offset + len(rows) <= cap:
        total, more = offset + len(rows), False
    else:
        total, more = capped_count(counted, cap)
    return SlicePage(rows, number, size, total, more)


# --- The person page ---------------------------------------------------------------------------


def person_for_page(user: User, pk: Any) -> Person:
    """The person `pk` as `user` may see them (`person_scope_sql`, incoming transfers
    included), with their three communes, or 404: missing and outside the scope alike.

    Read by hand (core.sql) into the instance the ORM would give: one statement, without the
    1-2 ms of building and compiling the query and its three joins.
    """
    parts = (
        model_columns(Person, "p"),
        model_columns(AdminUnit, "c"),
        model_columns(AdminUnit, "v"),
        model_columns(AdminUnit, "pc"),
    )
    scope, params = person_scope_sql(user, "p")
    rows = fetch(
        f"SELECT {select_list(*parts)}"  # noqa: S608
        " FROM registry_person p"
        " JOIN geo_adminunit c ON c.id = p.commune_id"
        " JOIN geo_adminunit v ON v.id = p.province_id"
        " LEFT JOIN geo_adminunit pc ON pc.id = p.permanent_commune_id"
        f" WHERE p.id = %s AND {scope}",
        [uuid_param(pk), *params],
    )
    if not rows:
        raise Http404
    person, commune, province, permanent_commune = build_row(rows[0], *parts)
    person.commune, person.province = commune, province
    person.permanent_commune = permanent_commune
    return person


def sentences_for_page(person: Person) -> list[Sentence]:
    """`person.sentences.all()`, latest judgment first, read by hand like the person."""
    columns = model_columns(Sentence, "s")
    sentences = [
        columns.build(row)
        for row in fetch(
            f"SELECT {columns.sql} FROM registry_sentence s WHERE s.person_id = %s"  # noqa: S608
            " ORDER BY s.judgment_date DESC, s.created_at DESC",
            [uuid_param(person.pk)],
        )
    ]
    for sentence in sentences:
        sentence.person = person
    return sentences


PROBATION_RECORDS = ("assessments", "absences", "violations")


class ClassificationRow(NamedTuple):
    decided_on: date
    value: str
    reason: str
    decided_by: str  # the officer's name, "" if not recorded


class HelperRow(NamedTuple):
    name: str
    kind: str  # its label
    organisation: str
    relationship: str
    phone: str
    assigned_on: date
    ended_on: date | None


class DeadlineRow(NamedTuple):
    due_on: date
    kind: str  # its label
    legal_source: str


class PageCase(Protocol):
    """A Case as cases_for_page returns it: the page's records attached as attributes."""

    pk: Any
    classification_rows: list[ClassificationRow]
    helper_rows: list[HelperRow]
    open_deadlines: list[DeadlineRow]
    has_transfers: bool
    has_reoffences: bool


def cases_for_page(person: Person, sentences: list[Sentence]) -> list[Case]:
    """The person's cases, current first, with everything the page shows in a fixed number of
    queries whatever the number of cases and records. `sentences` are the person's, already
    read for the page: each release's sentence is taken from them rather than joined again.

    The cases are model instances (their actions and the expungement hint work on them), read by
    hand with their release, facility and officer (core.sql.model_columns); their
    classifications, helpers and open deadlines are read by hand as rows for the page
    (`classification_rows`, `helper_rows`, `open_deadlines`), with the flags `has_transfers`
    and `has_reoffences`: four statements where the ORM's prefetches and EXISTS cost 2 ms.
    """
    parts = (
        model_columns(Case, "k"),
        model_columns(Release, "r"),
        model_columns(Agency, "f"),
        model_columns(User, "u"),
    )
    by_id = {sentence.pk: sentence for sentence in sentences}
    cases = []
    for row in fetch(
        f"SELECT {select_list(*parts)}"  # noqa: S608
        " FROM registry_case k JOIN registry_release r ON r.id = k.release_id"
        " LEFT JOIN accounts_agency f ON f.id = r.facility_id"
        " LEFT JOIN accounts_user u ON u.id = k.officer_id"
        " WHERE k.person_id = %s ORDER BY r.release_date DESC, k.created_at DESC",
        [uuid_param(person.pk)],
    ):
        case, release, facility, officer = build_row(row, *parts)
        release.facility = facility
        if release.sentence_id in by_id:
            release.sentence = by_id[release.sentence_id]
        case.release, case.officer, case.person = release, officer, person
        cases.append(case)
    _attach_records(cases)
    # Transfers and re-offences are rare: read only where the flags say they exist.
    transfers = Transfer.objects.select_related("from_commune", "to_commune")
    prefetch_related_objects(
        [case for case in cases if case.has_transfers], Prefetch("transfers", queryset=transfers)
    )
    prefetch_related_objects([case for case in cases if case.has_reoffences], "reoffences")
    # Probation records exist only under a conditional early release (the template shows them
    # only then): three queries spared for everyone else.
    prefetch_related_objects([case for case in cases if case.is_parole], *PROBATION_RECORDS)
    return cases


def _attach_records(cases: list[PageCase]) -> None:
    by_id = {case.pk: case for case in cases}
    for case in cases:
        case.classification_rows, case.helper_rows, case.open_deadlines = [], [], []
        case.has_transfers = case.has_reoffences = False
    if not cases:
        return
    keys = [uuid_param(pk) for pk in by_id]
    _attach_flags(by_id, keys)
    _attach_classifications(by_id, keys)
    _attach_helpers(by_id, keys)
    _attach_open_deadlines(by_id, keys)


def _attach_flags(by_id: dict[Any, PageCase], keys: list[Any]) -> None:
    transfers, params = in_condition("t.case_id", keys)
    reoffences, more = in_condition("r.case_id", keys)
    for case_id, table in fetch(
        f"SELECT t.case_id, 't' FROM registry_transfer t WHERE {transfers}"  # noqa: S608
        f" UNION SELECT r.case_id, 'r' FROM registry_reoffence r WHERE {reoffences}",
        [*params, *more],
    ):
        case = by_id[uuid_value(case_id)]
        if table == "t":
            case.has_transfers = True
        else:
            case.has_reoffences = True


def _attach_classifications(by_id: dict[Any, PageCase], keys: list[Any]) -> None:
    condition, params = in_condition("k.case_id", keys)
    for case_id, decided_on, value, reason, full_name, username in fetch(
        "SELECT k.case_id, k.decided_on, k.value, k.reason, u.full_name, u.username"  # noqa: S608
        " FROM registry_classification k LEFT JOIN accounts_user u ON u.id = k.decided_by_id"
        f" WHERE {condition} ORDER BY k.decided_on DESC, k.recorded_at DESC",
        params,
    ):
        by_id[uuid_value(case_id)].classification_rows.append(
            ClassificationRow(date_value(decided_on), value, reason, full_name or username or "")
        )


def _attach_helpers(by_id: dict[Any, PageCase], keys: list[Any]) -> None:
    condition, params = in_condition("h.case_id", keys)
    kind_field = Helper._meta.get_field("kind")
    # Active helpers first on both engines (the ORM's "ended_on" order puts NULLs last on
    # PostgreSQL).
    for case_id, name, kind, organisation, relationship, phone, assigned_on, ended_on in fetch(
        "SELECT h.case_id, h.name, h.kind, h.organisation, h.relationship, h.phone,"  # noqa: S608
        f" h.assigned_on, h.ended_on FROM registry_helper h WHERE {condition}"
        " ORDER BY h.ended_on IS NOT NULL, h.ended_on, h.assigned_on DESC",
        params,
    ):
        by_id[uuid_value(case_id)].helper_rows.append(
            HelperRow(
                name,
                choice_label(kind_field, kind),
                organisation,
                relationship,
                phone,
                date_value(assigned_on),
                date_value(ended_on) if ended_on else None,
            )
        )


def _attach_open_deadlines(by_id: dict[Any, PageCase], keys: list[Any]) -> None:
    condition, params = in_condition("d.case_id", keys)
    kind_field = Deadline._meta.get_field("kind")
    # Sorted here: an ORDER BY due_on lures SQLite's planner onto the (status, due_on) index,
    # a scan of every open deadline.
    rows = fetch(
        "SELECT d.case_id, d.due_on, d.kind, d.legal_source FROM registry_deadline d"  # noqa: S608
        f" WHERE {condition} AND d.status = %s",
        [*params, DeadlineStatus.OPEN],
    )
    for case_id, due_on, kind, legal_source in sorted(rows, key=lambda row: (row[1], row[2])):
        by_id[uuid_value(case_id)].open_deadlines.append(
            DeadlineRow(date_value(due_on), choice_label(kind_field, kind), legal_source)
        )
