"""Reads of the programme app: execution, media totals and target compliance."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

from taihoanhap.accounts.scope import scope_for
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.programme.models import (
    BudgetLine,
    MediaActivity,
    Recognition,
    RecognitionKind,
    TargetLevel,
    TargetRule,
)

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User

# --- Budget -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyExecution:
    agency: str
    lines: int
    estimate: int
    allocated: int
    spent: int

    @property
    def percent(self) -> float | None:
        return round(self.spent * 100 / self.allocated, 1) if self.allocated else None


def execution_by_agency(lines: QuerySet[BudgetLine]) -> list[AgencyExecution]:
    rows = (
        lines.order_by("agency__name")
        .values("agency__name")
        .annotate(
            n=Count("pk"),
            estimate=Sum("estimate"),
            allocated=Sum("allocated_total"),
            spent=Sum("spent_total"),
        )
    )
    return [
        AgencyExecution(
            agency=row["agency__name"],
            lines=row["n"],
            estimate=row["estimate"] or 0,
            allocated=row["allocated"] or 0,
            spent=row["spent"] or 0,
        )
        for row in rows
    ]


# --- Media --------------------------------------------------------------------------------------

PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


def media_totals(qs: QuerySet[MediaActivity], group: str) -> list[dict[str, Any]]:
    """Counts, minutes and words grouped by `group` ("outlet", "channel" or a period)."""
    if group in PERIODS:
        grouped = qs.annotate(period=PERIODS[group]("published_on")).values("period")
        order = "-period"
    else:
        grouped = qs.values(group)
        order = group
    return list(
        grouped.annotate(
            n=Count("pk"), minutes=Sum("duration_minutes"), words=Sum("word_count")
        ).order_by(order)
    )


# --- Target compliance ------------------------------------------------------------------------


def target_for(province: AdminUnit, year: int) -> TargetRule | None:
    """The target in force on the last day of `year`: the province's own, else the default."""
    last_day = date(year, 12, 31)
    rules = TargetRule.objects.filter(effective_from__lte=last_day)
    own = rules.filter(province=province).order_by("-effective_from").first()
    return own or rules.filter(province__isnull=True).order_by("-effective_from").first()


@dataclass(frozen=True)
class UnitCompliance:
    unit: AdminUnit
    collective: int
    individual: int
    met: bool


@dataclass(frozen=True)
class Compliance:
    province: AdminUnit
    year: int
    rule: TargetRule | None
    rows: list[UnitCompliance]

    @property
    def met_count(self) -> int:
        return sum(1 for row in self.rows if row.met)

    @property
    def unmet_count(self) -> int:
        return len(self.rows) - self.met_count


def units_in_scope(user: User, province: AdminUnit) -> QuerySet[AdminUnit]:
    """The current communes of `province` inside the user's jurisdiction."""
    return (
        AdminUnit.objects.current()
        .filter(level=UnitLevel.COMMUNE, parent=province)
        .filter(scope_for(user).q(province="parent", commune="pk"))
        .order_by("name_key")
    )


def compliance(user: User, province: AdminUnit, year: int) -> Compliance:
    """Every unit the target applies to, with its counts for `year` and whether it meets the
    target. Three queries whatever the number of units."""
    rule = target_for(province, year)
    recognitions = Recognition.objects.visible_to(user).filter(province=province, year=year)
    counts: dict[Any, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if rule is not None and rule.level == TargetLevel.PROVINCE:
        # A province-wide target is judged on the whole province: only users who see all of it.
        scope = scope_for(user)
        units: list[AdminUnit] = (
            [province] if scope.everything or province.pk in scope.province_ids else []
        )
        for row in recognitions.values("kind").annotate(n=Count("pk")):
            counts[province.pk][row["kind"]] = row["n"]
    else:
        units = list(units_in_scope(user, province))
        for row in recognitions.values("unit", "kind").annotate(n=Count("pk")):
            counts[row["unit"]][row["kind"]] = row["n"]
    rows = []
    for unit in units:
        collective = counts[unit.pk][RecognitionKind.COLLECTIVE]
        individual = counts[unit.pk][RecognitionKind.INDIVIDUAL]
        met = (
            rule is not None
            and collective >= rule.min_collective
            and individual >= rule.min_individual
        )
        rows.append(UnitCompliance(unit, collective, individual, met))
    return Compliance(province=province, year=year, rule=rule, rows=rows)


def user_province(user: User) -> AdminUnit | None:
    """The province a user works in (their agency's), for province-wide views."""
    agency = getattr(user, "agency", None)
    if agency is None:
        return None
    unit = agency.unit
    return unit if unit.level == UnitLevel.PROVINCE else unit.get_province()
