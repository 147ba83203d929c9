"""Excel export of the current list: scoped, audited, and without offences for roles that may
not see them.
"""

from __future__ import annotations

import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.registry.tests.factories import make_case

EXPORT = reverse("registry:person_export")


def rows(response) -> list[list]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_commune_officer_exports_the_list_with_the_offences(client_for, cast):
    case = make_case(commune=cast.commune_a)
    make_case(commune=cast.commune_b)
    table = rows(client_for("commune_a").get(EXPORT))
    assert len(table) == 2  # header + the one person of commune A
    assert table[1][0] == case.person.full_name
    assert "Trộm cắp tài sản" in table[1]
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert event.note.startswith("1 rows")
    assert event.user == cast.users["commune_a"]


def test_a_bank_officer_exports_no_offence(client_for, cast):
    make_case(commune=cast.commune_a)
    table = rows(client_for("bank").get(EXPORT))
    assert len(table[0]) == 7
    flat = " ".join(str(cell) for row in table for cell in row)
    assert "Trộm cắp" not in flat
    assert not re.search(r"(?<![\w-])173(?![\w-])", flat)  # the article, not digits of an ID


def test_the_export_follows_the_search_and_filters(client_for, cast):
    wanted = make_case(commune=cast.commune_a)
    make_case(commune=cast.commune_a)
    client = client_for("province")
    location = client.post(
        reverse("registry:person_list"),
        {"q": wanted.person.name_key, "commune": cast.commune_a.pk},
    )["Location"]
    query = location.split("?", 1)[1]
    table = rows(client.get(f"{EXPORT}?{query}"))
    assert [row[0] for row in table[1:]] == [wanted.person.full_name]
    note = AuditEvent.objects.get(action=Action.EXPORT).note
    assert "search" in note and "commune" in note
    assert wanted.person.name_key not in note  # what was typed is personal: not logged
