"""The registry's deadlines: when each duty falls due, and keeping the stored rows in step.

Each function computes one duty's due date from its legal source, through `core.workdays`
(Civil Code 2015 Art. 144-148: the event day is not counted; a period ending on a weekend or
public holiday ends on the next working day; working-day periods skip holidays). The numbers
come from `registry.rules`. The services call `open_deadline` / `complete` inside their own
transaction, so a stored deadline always matches the case's state.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from taihoanhap.core import workdays
from taihoanhap.registry.models import Case, Deadline, DeadlineKind, DeadlineStatus
from taihoanhap.registry.rules import rule, source

# --- Due dates ---------------------------------------------------------------------------------


def address_check_due(notice_received_on: date) -> date:
    """Circular 10/2024/TT-BCA Art. 8: within 3 working days of receiving the notice."""
    return workdays.add_working_days(notice_received_on, rule("ADDRESS_CHECK_WORKING_DAYS"))


def parolee_report_due(release_date: date) -> date:
    """The parolee reports to the commune within 5 days of release (Res. 01/2018 Art. 5)."""
    return workdays.add_days(release_date, rule("PAROLE_REPORT_DAYS"))


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return workdays.add_months_raw(month_start(day), 1)


def assessment_due(month: date) -> date:
    """Circular 65/2019/TT-BCA: the month's assessment is due within its first 5 days.

    The last of those days moves to the next working day when it is a day off (Civil Code
    Art. 148(5)).
    """
    return workdays.next_working_day(month.replace(day=rule("PROBATION_ASSESSMENT_DAY")))


def first_classification_due(received_on: date) -> date:
    """Classification after the helper's first report (Circular 10/2024; period configured)."""
    return workdays.add_days(received_on, rule("FIRST_CLASSIFICATION_DAYS"))


def reclassification_due(decided_on: date) -> date:
    """The next periodic classification (period configured: the brief could not verify it)."""
    return workdays.add_months(decided_on, rule("RECLASSIFICATION_MONTHS"))


def expungement_retry_due(reviewed_on: date) -> date:
    return workdays.add_months(reviewed_on, rule("EXPUNGEMENT_REVIEW_RETRY_MONTHS"))


def absence_decision_due(leave_on: date) -> date:
    """The decision must be taken by the day the parolee means to leave (Circular 65 Art. 9)."""
    return leave_on


# --- Stored rows -------------------------------------------------------------------------------

LEGAL_SOURCES: dict[str, str] = {
    DeadlineKind.ADDRESS_CHECK: source("ADDRESS_CHECK_WORKING_DAYS"),
    DeadlineKind.EXPECTED_RETURN: source("EXPECTED_RETURN_HORIZON_DAYS")
    + "; Thông tư 10/2024/TT-BCA, Điều 9",
    DeadlineKind.PAROLEE_REPORT: source("PAROLE_REPORT_DAYS"),
    DeadlineKind.PROBATION_ASSESSMENT: source("PROBATION_ASSESSMENT_DAY"),
    DeadlineKind.ABSENCE_DECISION: source("ABSENCE_SOURCE"),
    DeadlineKind.REVOCATION_PROPOSAL: source("REVOCATION_THRESHOLD"),
    DeadlineKind.PROBATION_END: "Bộ luật Hình sự 2015, Điều 66",
    DeadlineKind.CLASSIFICATION: source("RECLASSIFICATION_MONTHS"),
    DeadlineKind.EXPUNGEMENT_REVIEW: "Bộ luật Hình sự 2015, Điều 70; Thông tư 10/2024/TT-BCA, "
    "Điều 13",
}


def open_deadline(case: Case, *, kind: str, due_on: date, subject_id: str = "") -> Deadline:
    """Store an open deadline of `kind` on the case (once per kind and day), in its area."""
    person = case.person
    deadline, _ = Deadline.objects.get_or_create(
        case=case,
        kind=kind,
        due_on=due_on,
        status=DeadlineStatus.OPEN,
        defaults={
            "legal_source": LEGAL_SOURCES.get(kind, ""),
            "commune_id": person.commune_id,
            "province_id": person.province_id,
            "subject_id": subject_id,
        },
    )
    return deadline


def complete(case: Case, *kinds: str, subject_id: str | None = None) -> int:
    """Mark the case's open deadlines of these kinds done; returns how many."""
    open_rows = Deadline.objects.filter(case=case, kind__in=kinds, status=DeadlineStatus.OPEN)
    if subject_id is not None:
        open_rows = open_rows.filter(subject_id=subject_id)
    return open_rows.update(status=DeadlineStatus.DONE, done_at=timezone.now())


def cancel(case: Case, *kinds: str) -> int:
    """Cancel open deadlines of these kinds (all kinds if none given): the duty lapsed."""
    open_rows = Deadline.objects.filter(case=case, status=DeadlineStatus.OPEN)
    if kinds:
        open_rows = open_rows.filter(kind__in=kinds)
    return open_rows.update(status=DeadlineStatus.CANCELLED, done_at=timezone.now())


def move_to_area(person_id: object, *, commune_id: int, province_id: int) -> int:
    """After a transfer, the person's deadlines (open and past) follow them to the new area."""
    return Deadline.objects.filter(case__person_id=person_id).update(
        commune_id=commune_id, province_id=province_id
    )
