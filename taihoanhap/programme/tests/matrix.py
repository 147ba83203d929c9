"""Every programme URL for every persona (records in the cast's province and commune A)."""

from __future__ import annotations

from typing import Any

from taihoanhap.programme.tests import factories as f
from taihoanhap.tests.matrix import case

BUDGET_READERS = {"finance", "province", "other_province", "leader", "inspector", "commune_leader"}
MEDIA_READERS = {"media", "province", "other_province", "leader", "inspector", "commune_leader"}
RECOGNITION_READERS = {
    "commune_a",
    "commune_b",
    "province",
    "other_province",
    "leader",
    "inspector",
    "commune_leader",
}


def _line(cast: Any) -> dict[str, Any]:
    made = f.line(cast.agencies["finance"], cast.users["finance"], allocated=10_000_000)
    return {"pk": made.pk}


def _media(cast: Any) -> dict[str, Any]:
    return {"pk": f.media(cast.province, cast.users["media"]).pk}


def _recognition(cast: Any) -> dict[str, Any]:
    return {"pk": f.recognition(cast.commune_a, cast.users["commune_a"]).pk}


def _unit(cast: Any) -> dict[str, Any]:
    return {"unit": cast.commune_a.pk}


CASES = [
    case("programme:budget_overview", ok=BUDGET_READERS),
    case("programme:budget_export", ok=BUDGET_READERS),
    case("programme:line_create", ok={"finance"}),
    case(
        "programme:line_detail",
        ok={"finance", "province", "leader", "inspector"},
        hidden={"other_province", "commune_leader"},
        kwargs=_line,
    ),
    case("programme:line_edit", ok={"finance"}, kwargs=_line),
    case("programme:allocation_add", ok={"finance"}, kwargs=_line),
    case("programme:spending_add", ok={"finance"}, kwargs=_line),
    case(
        "programme:spending_add",
        ok={"finance"},
        method="post",
        kwargs=_line,
        data={"amount": "x"},
    ),
    case("programme:media_list", ok=MEDIA_READERS),
    case("programme:media_export", ok=MEDIA_READERS),
    case("programme:media_create", ok={"media"}),
    case(
        "programme:media_detail",
        ok={"media", "province", "leader", "inspector"},
        hidden={"other_province", "commune_leader"},
        kwargs=_media,
    ),
    case(
        "programme:media_detail",
        ok={"media"},
        method="post",
        kwargs=_media,
        data={"version": "1"},
    ),
    case("programme:recognition_list", ok=RECOGNITION_READERS),
    case(
        "programme:recognition_create",
        ok={"commune_a", "commune_b", "province", "other_province"},
    ),
    case(
        "programme:recognition_detail",
        ok={"commune_a", "province", "leader", "inspector", "commune_leader"},
        hidden={"commune_b", "other_province"},
        kwargs=_recognition,
    ),
    case(
        "programme:recognition_edit",
        ok={"commune_a", "province"},
        hidden={"commune_b", "other_province"},
        kwargs=_recognition,
    ),
    case("programme:compliance", ok=RECOGNITION_READERS),
    case(
        "programme:compliance_unit",
        ok={"commune_a", "province", "leader", "inspector", "commune_leader"},
        hidden={"commune_b", "other_province"},
        kwargs=_unit,
    ),
    case("programme:target_list", ok=RECOGNITION_READERS | {"admin"}),
    case("programme:target_add", ok={"leader", "admin"}),
]
