"""Every export of the system, found from the URL conf: text a user typed cannot become a formula
in the workbook (OWASP CSV injection), numbers and dates stay typed, and the export is audited
with its row count.
"""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import load_workbook

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.xlsx import FORMULA_STARTS, as_text
from taihoanhap.credit.tests import factories as credit
from taihoanhap.jobs.tests.factories import (
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
)
from taihoanhap.programme.tests import factories as programme
from taihoanhap.support.tests.factories import make_referral

# What an attacker would type as a name, an employer or a note.
LINK = '=HYPERLINK("http://x","y")'
SUM = "@SUM(1)"
ARITHMETIC = "-2+3"
HOSTILE = (LINK, SUM, ARITHMETIC)

# A view is an export when its code builds a workbook or audits an export.
EXPORT_MARKERS = re.compile(
    r"wants_export\(|table_response\(|_workbook\(|record_export\(|Action\.EXPORT"
)


NUMBER_AS_TEXT = re.compile(r"^'[-+]?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Export:
    persona: str
    url: Callable[[dict[str, Any]], str]
    rows: int  # the rows of data the fixture puts in it, as audited
    spreadsheet: bool = True
    typed: bool = True  # it has number or date cells (the person list writes dates as text)


EXPORTS: dict[str, Export] = {
    "registry:person_export": Export(
        "commune_a", lambda d: reverse("registry:person_export"), 2, typed=False
    ),
    "credit:application_export": Export("bank", lambda d: reverse("credit:application_export"), 2),
    "credit:list_export": Export(
        "bank", lambda d: reverse("credit:list_export", kwargs={"pk": d["list"].pk}), 1
    ),
    "credit:form02_export": Export(
        "bank", lambda d: reverse("credit:form02_export", kwargs={"pk": d["business"].pk}), 1
    ),
    "jobs:employer_list": Export(
        "employment", lambda d: reverse("jobs:employer_list") + "?format=xlsx", 2
    ),
    "jobs:vacancy_list": Export(
        "employment", lambda d: reverse("jobs:vacancy_list") + "?format=xlsx", 1
    ),
    "support:referral_list": Export(
        "commune_a", lambda d: reverse("support:referral_list") + "?format=xlsx", 1
    ),
    "programme:budget_export": Export(
        "finance", lambda d: reverse("programme:budget_export") + "?year=2026", 1
    ),
    "programme:media_export": Export("media", lambda d: reverse("programme:media_export"), 1),
    # The printable participant list of a job fair: an HTML page, audited as an export.
    "jobs:fair_print": Export(
        "employment",
        lambda d: reverse("jobs:fair_print", kwargs={"pk": d["fair"].pk}),
        1,
        spreadsheet=False,
    ),
}
SPREADSHEETS = [name for name, export in EXPORTS.items() if export.spreadsheet]


def _all_patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # the Django admin exports nothing
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_all_patterns(entry, inner))
        else:
            found.append((f"{namespace}{entry.name}", entry))
    return found


def _is_export(pattern: URLPattern) -> bool:
    view = inspect.unwrap(pattern.callback)
    try:
        source = inspect.getsource(view)
    except (OSError, TypeError):
        return False
    return bool(EXPORT_MARKERS.search(source))


def test_every_export_of_the_url_conf_is_checked_here():
    """A new export fails here until it is added to EXPORTS (and so checked below)."""
    found = {name for name, pattern in _all_patterns(get_resolver()) if _is_export(pattern)}
    assert found == set(EXPORTS)


@pytest.fixture
def hostile(cast) -> dict[str, Any]:
    """A record with hostile text in every export: person, employer, notes, titles."""
    police = cast.users["commune_a"]
    case = credit.returnee(cast.commune_a, full_name=LINK, current_address=SUM)
    other = credit.returnee(cast.commune_a, full_name=ARITHMETIC, current_address=LINK)
    the_list = credit.eligible_list(cast.commune_a, police, cases=[case])
    entry = the_list.entries.get()
    entry.note = ARITHMETIC
    entry.save()
    credit.individual(case, police, representative_name=SUM)
    company = credit.employer(cast.commune_a, name=LINK, sector=SUM, address=ARITHMETIC)
    business = credit.business(company, police, plan=SUM, collateral=LINK)
    employer = make_employer(cast.commune_a, name=SUM, contact_name=LINK, sector=ARITHMETIC)
    make_vacancy(employer, title=LINK, trade=ARITHMETIC)
    make_referral(cast, case=other, decline_reason=SUM)
    programme.line(cast.agencies["finance"], cast.users["finance"], title=LINK, allocated=1_000_000)
    programme.media(cast.province, cast.users["media"], outlet=SUM, title=ARITHMETIC, link=LINK)
    fair = make_fair(cast, created_by=cast.users["employment"])
    make_registration(cast, fair, case)
    return {"list": the_list, "business": business, "fair": fair}


def _cells(content: bytes) -> list[Any]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_no_cell_of_an_export_is_a_formula(name, hostile, client_for):
    export = EXPORTS[name]
    response = client_for(export.persona).get(export.url(hostile))
    assert response.status_code == 200, name
    cells = _cells(response.content)
    texts = [value for value in cells if isinstance(value, str)]
    for text in texts:
        assert not text.startswith(FORMULA_STARTS), (name, text)
    # The hostile text is there, shown as text (so this test sees it and cannot pass empty).
    assert {as_text(value) for value in HOSTILE} & set(texts), name
    # Numbers and dates stay typed: none is turned into (quoted) text.
    assert not [text for text in texts if NUMBER_AS_TEXT.match(text)], name
    if export.typed:
        assert any(isinstance(value, int | float | date | datetime) for value in cells), name


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_is_audited_with_its_row_count(name, hostile, client_for, cast):
    export = EXPORTS[name]
    response = client_for(export.persona).get(export.url(hostile))
    assert response.status_code == 200, name
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert event.user == cast.users[export.persona]
    assert event.changes["rows"] == export.rows, name
