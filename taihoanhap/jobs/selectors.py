"""Reads of the jobs side: employment status, the A/B hint, fair outcomes, provincial figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from taihoanhap.core.workdays import add_months_raw
from taihoanhap.geo.models import AdminUnit
from taihoanhap.jobs.models import (
    WORKING,
    ContactStage,
    EmploymentRecord,
    EmploymentStatus,
    FairAttendance,
    FairContact,
    FairEmployer,
    JobFair,
)
from taihoanhap.jobs.rules import stable_employment_months
from taihoanhap.registry.models import OPEN_STATUSES, Case, Person
from taihoanhap.support.access import catalogue_province_ids

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User

# --- The A/B classification hint ---------------------------------------------------------------


@dataclass(frozen=True)
class ClassHint:
    letter: str
    reason: str


def classification_hint(records: list[EmploymentRecord], today: date) -> ClassHint:
    """A hint for the police officer who classifies (Circular 10/2024/TT-BCA): A needs a stable
    job, B is law-abiding but without stable work. Conduct is not known here, so the hint says
    only what the employment record supports; the officer decides."""
    months = stable_employment_months()
    current = next((r for r in records if r.ended_on is None and r.started_on <= today), None)
    if current is None:
        return ClassHint("B", _("No employment status recorded."))
    if current.status in WORKING:
        # Consecutive working periods (a new job right after another) count together.
        since = current.started_on
        for previous in sorted(records, key=lambda r: r.started_on, reverse=True):
            if previous.status in WORKING and previous.ended_on == since:
                since = previous.started_on
        if add_months_raw(since, months) <= today:
            return ClassHint(
                "A",
                _("Working since %(date)s (%(months)s months or more).")
                % {"date": f"{since:%d/%m/%Y}", "months": months},
            )
        return ClassHint(
            "B",
            _("Working since %(date)s, less than %(months)s months.")
            % {"date": f"{since:%d/%m/%Y}", "months": months},
        )
    return ClassHint("B", str(EmploymentStatus(current.status).label))


# --- Employment figures ------------------------------------------------------------------------


@dataclass
class EmploymentRow:
    commune: AdminUnit | None
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    @property
    def unknown(self) -> int:
        return self.total - sum(self.counts.values())

    @property
    def working(self) -> int:
        return sum(self.counts.get(s, 0) for s in WORKING)


def employment_figures(user: User, today: date) -> list[EmploymentRow]:
    """Persons with an open case in `user`'s scope, by commune and current employment status."""
    persons = Person.objects.visible_to(user).filter(
        id__in=Case.objects.filter(status__in=OPEN_STATUSES).values("person_id")
    )
    totals = persons.values("commune").annotate(n=Count("id")).order_by()
    current = (
        EmploymentRecord.objects.filter(person__in=persons, started_on__lte=today)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
        .values("person__commune", "status")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    )
    rows: dict[int, EmploymentRow] = {}
    for row in totals:
        rows[row["commune"]] = EmploymentRow(commune=None, total=row["n"])
    for row in current:
        entry = rows.setdefault(row["person__commune"], EmploymentRow(commune=None))
        entry.counts[row["status"]] = row["n"]
    units = AdminUnit.objects.in_bulk(list(rows))
    for commune_id, entry in rows.items():
        entry.commune = units.get(commune_id)
    return sorted(rows.values(), key=lambda r: r.commune.name_key if r.commune else "")


def total_row(rows: list[EmploymentRow]) -> EmploymentRow:
    total = EmploymentRow(commune=None)
    for row in rows:
        total.total += row.total
        for status, n in row.counts.items():
            total.counts[status] = total.counts.get(status, 0) + n
    return total


# --- Job fairs ---------------------------------------------------------------------------------


@dataclass
class EmployerOutcome:
    participant: FairEmployer
    interviewed: int = 0
    offered: int = 0
    hired: int = 0


@dataclass
class FairSummary:
    registered: int = 0
    inmates: int = 0
    attended: int = 0
    interviewed: int = 0
    offered: int = 0
    hired: int = 0
    by_employer: list[EmployerOutcome] = field(default_factory=list)


def fair_summary(fair: JobFair) -> FairSummary:
    """The outcome of a fair in three queries: figures are counts, never names."""
    offered_stages = (ContactStage.OFFERED, ContactStage.HIRED)
    regs = fair.registrations.aggregate(
        registered=Count("id", distinct=True),
        inmates=Count("id", distinct=True, filter=Q(as_inmate=True)),
        attended=Count("id", distinct=True, filter=Q(attendance=FairAttendance.ATTENDED)),
        interviewed=Count("contacts__registration", distinct=True),
        offered=Count(
            "contacts__registration",
            distinct=True,
            filter=Q(contacts__offered_on__isnull=False) | Q(contacts__stage__in=offered_stages),
        ),
        hired=Count(
            "contacts__registration",
            distinct=True,
            filter=Q(contacts__stage=ContactStage.HIRED),
        ),
    )
    summary = FairSummary(**regs)
    per_employer = {
        row["participant"]: row
        for row in FairContact.objects.filter(registration__fair=fair)
        .values("participant")
        .annotate(
            interviewed=Count("id"),
            offered=Count("id", filter=Q(offered_on__isnull=False)),
            hired=Count("id", filter=Q(stage=ContactStage.HIRED)),
        )
        .order_by()
    }
    for participant in fair.participants.select_related("employer"):
        row = per_employer.get(participant.pk, {})
        summary.by_employer.append(
            EmployerOutcome(
                participant=participant,
                interviewed=row.get("interviewed", 0),
                offered=row.get("offered", 0),
                hired=row.get("hired", 0),
            )
        )
    return summary


@dataclass
class CommuneFairs:
    commune: AdminUnit
    by_year: list[int]

    @property
    def total(self) -> int:
        return sum(self.by_year)


def fairs_by_commune(user: User, years: list[int]) -> list[CommuneFairs]:
    """Every current commune of the user's provinces with the number of fairs held there each
    year, so the province sees which localities held none (cancelled fairs do not count)."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for row in (
        JobFair.objects.visible_to(user)
        .filter(cancelled_on__isnull=True, held_on__year__in=years)
        .annotate(year=ExtractYear("held_on"))
        .values("commune", "year")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(row["commune"], row["year"])] = row["n"]
    provinces = catalogue_province_ids(user)
    communes: QuerySet[AdminUnit] = AdminUnit.objects.current().communes()
    if provinces is not None:
        communes = communes.filter(parent_id__in=sorted(provinces))
    return [
        CommuneFairs(commune=c, by_year=[counts.get((c.pk, y), 0) for y in years])
        for c in communes.order_by("parent__name_key", "name_key")
    ]
