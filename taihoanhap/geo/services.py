"""Loading, importing and looking up administrative units."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.core.text import normalize_text, search_key
from taihoanhap.geo.models import (
    KIND_PREFIX,
    LEVEL_OF_KIND,
    REFORM_DATE,
    AdminUnit,
    UnitKind,
    UnitLevel,
)

Progress = Callable[[int, int], None]

# vietnam-provinces' division types mapped to our kinds.
_PACKAGE_KINDS = {
    "tỉnh": UnitKind.TINH,
    "thành phố trung ương": UnitKind.THANH_PHO_TW,
    "xã": UnitKind.XA,
    "phường": UnitKind.PHUONG,
    "đặc khu": UnitKind.DAC_KHU,
}


def _strip_prefix(full_name: str, kind: str) -> str:
    prefix = KIND_PREFIX[kind] + " "
    name = normalize_text(full_name)
    return name[len(prefix) :] if name.startswith(prefix) else name


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def load_current_units(progress: Progress | None = None) -> LoadResult:
    """Load the 34 provinces and 3,321 communes valid from 01/07/2025. Idempotent.

    Rows are written in bulk (provinces first, for the communes' parent ids); a unit whose
    name, kind or province changed in a newer package version is updated in place.
    """
    from vietnam_provinces import Province, Ward

    provinces = list(Province.iter_all())
    wards = list(Ward.iter_all())
    total = len(provinces) + len(wards)
    result = LoadResult()
    with transaction.atomic():
        existing = {(u.level, u.code): u for u in AdminUnit.objects.filter(valid_from=REFORM_DATE)}
        province_units = {
            int(p.code): unit
            for p, unit in zip(
                provinces,
                _sync(
                    existing,
                    result,
                    [
                        (
                            UnitLevel.PROVINCE,
                            f"{int(p.code):02d}",
                            p.division_type.value,
                            p.name,
                            None,
                        )
                        for p in provinces
                    ],
                ),
                strict=True,
            )
        }
        if progress:
            progress(len(provinces), total)
        _sync(
            existing,
            result,
            [
                (
                    UnitLevel.COMMUNE,
                    f"{int(w.code):05d}",
                    w.division_type.value,
                    w.name,
                    province_units[int(w.province_code)],
                )
                for w in wards
            ],
        )
        if progress:
            progress(total, total)
    return result


def _sync(
    existing: dict[tuple[str, str], AdminUnit],
    result: LoadResult,
    rows: list[tuple[str, str, str, str, AdminUnit | None]],
) -> list[AdminUnit]:
    """Create the missing units and update the changed ones, in bulk; the units in row order."""
    units: list[AdminUnit] = []
    new: list[AdminUnit] = []
    changed: list[AdminUnit] = []
    for level, code, division_type, full_name, parent in rows:
        kind = _PACKAGE_KINDS[division_type]
        name = _strip_prefix(full_name, kind)
        wanted = {
            "kind": kind,
            "name": name,
            "name_key": search_key(name),
            "parent_id": parent.id if parent else None,
        }
        unit = existing.get((level, code))
        if unit is None:
            unit = AdminUnit(level=level, code=code, valid_from=REFORM_DATE, **wanted)
            new.append(unit)
        elif any(getattr(unit, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(unit, key, value)
            changed.append(unit)
        else:
            result.unchanged += 1
        units.append(unit)
    AdminUnit.objects.bulk_create(new, batch_size=500)
    AdminUnit.objects.bulk_update(changed, ["kind", "name", "name_key", "parent"], batch_size=500)
    result.created += len(new)
    result.updated += len(changed)
    return units


# ---------------------------------------------------------------------------------------------
# Older units from a CSV file.

CSV_COLUMNS = [
    "level",
    "kind",
    "code",
    "name",
    "parent_code",
    "valid_from",
    "valid_to",
    "successor_codes",
]


class UnitImportError(Exception):
    """The CSV file has errors; nothing was imported. `errors` lists them by line."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    links: int = 0
    rows: int = 0
    warnings: list[str] = field(default_factory=list)


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def import_legacy_units(path: Path | str) -> ImportResult:
    """Import older units and their successor links from a CSV file (format in docs/geo.md).

    All-or-nothing: any bad row aborts the whole file with every error listed by line.
    Running the same file twice changes nothing.
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    if rows and set(CSV_COLUMNS) - set(rows[0]):
        missing = ", ".join(sorted(set(CSV_COLUMNS) - set(rows[0])))
        raise UnitImportError([_("Missing columns: %(cols)s") % {"cols": missing}])
    result = ImportResult(rows=len(rows))
    errors: list[str] = []
    with transaction.atomic():
        by_code: dict[tuple[str, str], AdminUnit] = {}
        pending_links: list[tuple[int, AdminUnit, str, list[str]]] = []
        for line, row in enumerate(rows, start=2):
            try:
                unit, successor_codes = _import_row(row, by_code, result)
            except ValueError as exc:
                errors.append(_("Line %(line)d: %(error)s") % {"line": line, "error": exc})
                continue
            by_code[(unit.level, unit.code)] = unit
            if successor_codes:
                pending_links.append((line, unit, unit.level, successor_codes))
        for line, unit, level, codes in pending_links:
            for code in codes:
                successor = _find_successor(unit, level, code)
                if successor is None:
                    errors.append(
                        _("Line %(line)d: successor code %(code)s not found")
                        % {"line": line, "code": code}
                    )
                elif not unit.successors.filter(pk=successor.pk).exists():
                    unit.successors.add(successor)
                    result.links += 1
        if errors:
            transaction.set_rollback(True)
            raise UnitImportError(errors)
    return result


def _import_row(
    row: dict[str, str], by_code: dict[tuple[str, str], AdminUnit], result: ImportResult
) -> tuple[AdminUnit, list[str]]:
    kind = row["kind"].strip()
    if kind not in UnitKind.values:
        raise ValueError(_("unknown kind %(kind)r") % {"kind": kind})
    level = row["level"].strip() or LEVEL_OF_KIND[kind]
    if level != LEVEL_OF_KIND[kind]:
        raise ValueError(
            _("kind %(kind)s is not of level %(level)s") % {"kind": kind, "level": level}
        )
    code = row["code"].strip()
    name = _strip_prefix(row["name"], kind)
    if not code or not name:
        raise ValueError(_("code and name are required"))
    try:
        valid_from = _parse_date(row["valid_from"]) or date(1900, 1, 1)
        valid_to = _parse_date(row["valid_to"])
    except ValueError as exc:
        raise ValueError(
            _("invalid date %(value)r (use dd/mm/yyyy)") % {"value": str(exc)}
        ) from None
    if valid_to is None or valid_to >= REFORM_DATE:
        raise ValueError(_("an older unit needs a valid-to date before 01/07/2025"))
    parent = None
    if parent_code := row["parent_code"].strip():
        parent_level = UnitLevel.DISTRICT if level == UnitLevel.COMMUNE else UnitLevel.PROVINCE
        parent = by_code.get((parent_level, parent_code)) or by_code.get(
            (UnitLevel.PROVINCE, parent_code)
        )
        if parent is None:
            raise ValueError(
                _("parent code %(code)s must appear on an earlier line") % {"code": parent_code}
            )
    unit, created = AdminUnit.objects.get_or_create(
        level=level,
        code=code,
        valid_from=valid_from,
        defaults={"kind": kind, "name": name, "parent": parent, "valid_to": valid_to},
    )
    if created:
        result.created += 1
    elif (unit.kind, unit.name, unit.parent_id, unit.valid_to) != (
        kind,
        name,
        parent.id if parent else None,
        valid_to,
    ):
        unit.kind, unit.name, unit.parent, unit.valid_to = kind, name, parent, valid_to
        unit.save()
        result.updated += 1
    codes = [c.strip() for c in row["successor_codes"].replace(",", ";").split(";") if c.strip()]
    return unit, codes


def _find_successor(unit: AdminUnit, level: str, code: str) -> AdminUnit | None:
    """A successor is a unit valid the day after `unit` ended; districts became communes."""
    assert unit.valid_to is not None
    successor_level = UnitLevel.COMMUNE if level == UnitLevel.DISTRICT else level
    day_after = date.fromordinal(unit.valid_to.toordinal() + 1)
    return AdminUnit.objects.valid_on(day_after).filter(level=successor_level, code=code).first()


# ---------------------------------------------------------------------------------------------
# Lookup by name.

# Prefixes people write before names, as search keys, longest first.
_PREFIXES = sorted(
    {
        search_key(p)
        for p in [
            *KIND_PREFIX.values(),
            "TP",
            "TP.",
            "TX",
            "TX.",
            "TT",
            "TT.",
            "Q.",
            "H.",
            "P.",
            "X.",
        ]
    },
    key=len,
    reverse=True,
)


def name_query_key(text: str) -> str:
    """Search key of a unit name with its kind prefix removed ("Xã Tân Tiến" -> "tan tien")."""
    key = search_key(text).replace(".", ". ").replace("  ", " ").strip()
    for prefix in _PREFIXES:
        bare = prefix.rstrip(".")
        for candidate in (prefix + " ", bare + ". ", bare + " "):
            if key.startswith(candidate) and len(key) > len(candidate):
                return key[len(candidate) :].strip(" .")
    return key.strip(" .")


def find_units(
    text: str,
    *,
    level: str | None = None,
    within: AdminUnit | None = None,
    on: date | None = None,
) -> list[AdminUnit]:
    """Units whose name matches `text`, ignoring diacritics, case and kind prefixes.

    `within` narrows to the children of a unit; `on` to units valid on that day (any day if None).
    """
    qs = AdminUnit.objects.filter(name_key=name_query_key(text))
    if level:
        qs = qs.filter(level=level)
    if within is not None:
        qs = qs.filter(parent=within)
    if on is not None:
        qs = qs.valid_on(on)
    return list(qs.select_related("parent"))


def current_successors(unit: AdminUnit, *, on: date | None = None) -> list[AdminUnit]:
    """The unit(s) valid on `on` (default: today) that `unit` became, following merges."""
    day = on or timezone.localdate()
    seen: set[int] = set()
    frontier = [unit]
    found: list[AdminUnit] = []
    while frontier:
        current = frontier.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        if current.valid_from <= day and (current.valid_to is None or current.valid_to >= day):
            found.append(current)
        else:
            frontier.extend(current.successors.all())
    return sorted(found, key=lambda u: u.name_key)


def resolve_commune(
    commune: str,
    *,
    province: str | None = None,
    district: str | None = None,
    on: date | None = None,
) -> list[AdminUnit]:
    """Today's commune(s) for a commune written by name, possibly with its pre-2025 names.

    "Xã Tân Tiến", district "Bù Đốp", province "Bình Phước" (a unit of the former Bình Phước
    province) resolves to the Đồng Nai commune it became on 01/07/2025.
    """
    candidates = find_units(commune, level=UnitLevel.COMMUNE)
    if province:
        province_keys = {u.id for u in find_units(province, level=UnitLevel.PROVINCE)}
        candidates = [c for c in candidates if _ancestor_in(c, province_keys)]
    if district:
        district_keys = {u.id for u in find_units(district, level=UnitLevel.DISTRICT)}
        candidates = [c for c in candidates if c.parent_id in district_keys]
    resolved: dict[int, AdminUnit] = {}
    for candidate in candidates:
        for unit in current_successors(candidate, on=on):
            resolved[unit.id] = unit
    return sorted(resolved.values(), key=lambda u: u.name_key)


def _ancestor_in(unit: AdminUnit | None, ids: set[int]) -> bool:
    while unit is not None:
        if unit.id in ids:
            return True
        unit = unit.parent
    return False


def communes_of(province: AdminUnit) -> Iterable[AdminUnit]:
    return AdminUnit.objects.current().communes().filter(parent=province).order_by("name_key")
