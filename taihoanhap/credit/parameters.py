"""The limits, rates and windows in force on a given day (dated `CreditParameter` rows).

Decision 22/2023/QĐ-TTg sets the amounts (Art. 6) and ties the interest to the poor-household
rate with overdue debt at 130% of it (Art. 9). Those numbers change by new decisions and by the
Social Policy Bank's rate notices, so they are data: the row with the latest `effective_from`
on or before the day is the one in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from taihoanhap.credit.models import CreditParameter, ParameterKey


@dataclass(frozen=True)
class Parameters:
    """The rows in force on `day`, by key (a key with no row yet in force is absent)."""

    day: date
    rows: dict[str, CreditParameter]

    def row(self, key: str) -> CreditParameter | None:
        return self.rows.get(key)

    def value(self, key: str) -> Decimal | None:
        row = self.rows.get(key)
        return row.value if row is not None else None

    def amount(self, key: str) -> int | None:
        value = self.value(key)
        return int(value) if value is not None else None

    def source(self, key: str) -> str:
        row = self.rows.get(key)
        return row.source if row is not None else ""


def parameters_on(day: date) -> Parameters:
    """One query: every row in force on `day`."""
    rows: dict[str, CreditParameter] = {}
    for row in CreditParameter.objects.filter(effective_from__lte=day).order_by(
        "key", "effective_from"
    ):
        rows[row.key] = row  # ordered by date: the last one per key wins
    return Parameters(day=day, rows=rows)


@dataclass(frozen=True)
class Rates:
    day: date
    annual_percent: Decimal | None
    overdue_annual_percent: Decimal | None
    source: str

    @property
    def monthly_percent(self) -> Decimal | None:
        if self.annual_percent is None:
            return None
        return (self.annual_percent / 12).quantize(Decimal("0.001"), ROUND_HALF_UP)


def rates_from(params: Parameters) -> Rates:
    """The lending rate (the poor-household rate) and the overdue rate (Art. 9: 130% of it)."""
    rate = params.value(ParameterKey.POOR_HOUSEHOLD_RATE)
    overdue_share = params.value(ParameterKey.OVERDUE_RATE_PERCENT)
    overdue = None
    if rate is not None and overdue_share is not None:
        overdue = (rate * overdue_share / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Rates(
        day=params.day,
        annual_percent=rate,
        overdue_annual_percent=overdue,
        source=params.source(ParameterKey.POOR_HOUSEHOLD_RATE),
    )


def rates_on(day: date) -> Rates:
    return rates_from(parameters_on(day))
