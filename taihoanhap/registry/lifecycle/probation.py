"""Conditional early release: monthly assessments, absences, violations, revocation, the end
of probation (Criminal Code Art. 66; Circular 65/2019/TT-BCA).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.registry import deadlines
from taihoanhap.registry.lifecycle.base import (
    S,
    _event,
    _not_before,
    _open_expungement_review,
    _save,
    require,
)
from taihoanhap.registry.models import (
    AbsenceDecision,
    AbsenceRequest,
    Case,
    DeadlineKind,
    ProbationAssessment,
    Violation,
    ViolationKind,
)
from taihoanhap.registry.rules import rule
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text, sync_person

# --- Conditional early release (Criminal Code Art. 66; Circular 65/2019/TT-BCA) ----------------


@transaction.atomic
def record_assessment(
    case: Case,
    *,
    month: date,
    assessed_on: date,
    compliant: bool,
    note: str,
    acting_user: User,
) -> ProbationAssessment:
    """The month's compliance assessment, due in the first 5 days of the following month."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record a monthly assessment"))
    month = deadlines.month_start(month)
    if case.received_on and month < deadlines.month_start(case.received_on):
        raise TransitionError(_("That month is before the probation started here."))
    if month > deadlines.month_start(assessed_on):
        raise TransitionError(_("A month can be assessed only once it has started."))
    if case.assessments.filter(month=month).exists():
        raise TransitionError(_("That month has already been assessed."))
    assessment = ProbationAssessment.objects.create(
        case=case,
        month=month,
        assessed_on=assessed_on,
        compliant=compliant,
        note=note.strip(),
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=assessment,
        changes={"month": [None, month], "compliant": [None, compliant]},
    )
    deadlines.complete(case, DeadlineKind.PROBATION_ASSESSMENT, subject_id=f"{month:%Y-%m}")
    following = deadlines.next_month(month)
    within_probation = case.probation_end is None or following <= case.probation_end
    if within_probation and not case.assessments.filter(month=following).exists():
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.PROBATION_ASSESSMENT,
            due_on=deadlines.assessment_due(deadlines.next_month(following)),
            subject_id=f"{following:%Y-%m}",
        )
    summary = (
        _("Probation assessment for %(month)s: obligations complied with")
        if compliant
        else _("Probation assessment for %(month)s: obligations not complied with")
    )
    _event(
        case,
        "probation_assessment",
        assessed_on,
        stored_text(summary, month=f"{month:%m/%Y}"),
        acting_user,
        police_only=True,
        source=assessment,
    )
    return assessment


@transaction.atomic
def request_absence(
    case: Case,
    *,
    requested_on: date,
    leave_on: date,
    return_on: date,
    destination: str,
    reason: str,
    acting_user: User,
) -> AbsenceRequest:
    """A parolee's written request to be away (Circular 65/2019 Art. 9); a decision is due."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record an absence request"))
    if return_on < leave_on:
        raise TransitionError(_("The return date must not be before the leaving date."))
    if leave_on < requested_on:
        raise TransitionError(_("The leaving date must not be before the request."))
    overlapping = case.absences.exclude(decision=AbsenceDecision.REFUSED).filter(
        leave_on__lte=return_on, return_on__gte=leave_on
    )
    if overlapping.exists():
        raise TransitionError(_("Another absence request covers some of these days."))
    absence = AbsenceRequest.objects.create(
        case=case,
        requested_on=requested_on,
        leave_on=leave_on,
        return_on=return_on,
        destination=destination.strip(),
        reason=reason.strip(),
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=absence,
        changes={"leave_on": [None, leave_on], "return_on": [None, return_on]},
    )
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.ABSENCE_DECISION,
        due_on=deadlines.absence_decision_due(leave_on),
        subject_id=str(absence.pk),
    )
    _event(
        case,
        "absence_requested",
        requested_on,
        stored_text(
            _("Absence requested from %(start)s to %(end)s"),
            start=f"{leave_on:%d/%m/%Y}",
            end=f"{return_on:%d/%m/%Y}",
        ),
        acting_user,
        police_only=True,
        source=absence,
    )
    return absence


@transaction.atomic
def decide_absence(
    absence: AbsenceRequest,
    *,
    approved: bool,
    decided_on: date,
    decided_by_name: str,
    decision_reason: str,
    acting_user: User,
) -> AbsenceRequest:
    """The commune People's Committee's decision, with its reasons (Circular 65/2019 Art. 9)."""
    case = absence.case
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record the decision on an absence"))
    if absence.decision != AbsenceDecision.PENDING:
        raise TransitionError(_("This absence request has already been decided."))
    _not_before(decided_on, absence.requested_on, _("The decision cannot precede the request."))
    if not decision_reason.strip():
        raise TransitionError(_("The decision must give its reasons."))
    absence.decision = AbsenceDecision.APPROVED if approved else AbsenceDecision.REFUSED
    absence.decided_on = decided_on
    absence.decided_by_name = decided_by_name.strip()
    absence.decision_reason = decision_reason.strip()
    absence.save(
        update_fields=[
            "decision",
            "decided_on",
            "decided_by_name",
            "decision_reason",
            "updated_at",
        ]
    )
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=absence,
        changes={"decision": [AbsenceDecision.PENDING, absence.decision]},
    )
    deadlines.complete(case, DeadlineKind.ABSENCE_DECISION, subject_id=str(absence.pk))
    summary = _("Absence allowed") if approved else _("Absence refused")
    _event(
        case,
        "absence_decided",
        decided_on,
        stored_text(summary),
        acting_user,
        police_only=True,
        source=absence,
    )
    return absence


def violations_by_kind(case: Case) -> dict[str, int]:
    """How many violations of each kind the case has recorded, every kind present (0 if none).

    Res. 01/2018/NQ-HĐTP Art. 5 counts intentional violations of the obligations and
    administrative sanctions each on its own: the threshold applies to one kind's count, never
    to their sum, so one of each is not enough.
    """
    counts = dict.fromkeys(ViolationKind.values, 0)
    rows = case.violations.values("kind").annotate(number=Count("pk")).order_by()
    for row in rows:
        counts[row["kind"]] = row["number"]
    return counts


def kind_at_threshold(counts: dict[str, int]) -> ViolationKind | None:
    """The kind whose own count (`violations_by_kind`) reached the revocation threshold."""
    threshold = rule("REVOCATION_THRESHOLD")
    for kind, count in counts.items():
        if count >= threshold:
            return ViolationKind(kind)
    return None


@transaction.atomic
def record_violation(
    case: Case,
    *,
    occurred_on: date,
    kind: str,
    description: str,
    sanction: str,
    acting_user: User,
) -> Violation:
    """Count a violation or an administrative sanction within the probation period; when one
    kind reaches the threshold (2, Res. 01/2018 Art. 5; each kind counted on its own) the case
    is flagged for a revocation proposal to the court.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record a violation"))
    _not_before(occurred_on, case.received_on, _("The violation cannot be before the reception."))
    if case.probation_end and occurred_on > case.probation_end:
        # Only what happens within the probation period counts towards revocation.
        raise TransitionError(
            _("The violation cannot be after the end of probation on %(day)s."),
            params={"day": f"{case.probation_end:%d/%m/%Y}"},
        )
    violation = Violation.objects.create(
        case=case,
        occurred_on=occurred_on,
        kind=ViolationKind(kind),
        description=description.strip(),
        sanction=sanction.strip(),
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=violation,
        changes={"kind": [None, kind], "occurred_on": [None, occurred_on]},
    )
    counts = violations_by_kind(case)
    _event(
        case,
        "violation",
        occurred_on,
        stored_text(
            _("%(kind)s recorded (%(count)s of this kind)"),
            kind=ViolationKind(kind).label,
            count=counts[kind],
        ),
        acting_user,
        police_only=True,
        source=violation,
    )
    reached = kind_at_threshold(counts)
    if reached is not None and not case.revocation_flagged:
        _flag_revocation(case, reached, counts[reached], occurred_on, acting_user)
    return violation


def _flag_revocation(
    case: Case, kind: ViolationKind, count: int, occurred_on: date, acting_user: User
) -> None:
    """Flag the case and open the duty to consider a proposal, naming the kind that counted."""
    _save(case, acting_user=acting_user, expected_version=None, revocation_flagged=True)
    deadlines.open_deadline(
        case, kind=DeadlineKind.REVOCATION_PROPOSAL, due_on=timezone.localdate()
    )
    _event(
        case,
        "revocation_flagged",
        occurred_on,
        stored_text(
            _("%(kind)s %(count)s times reached the threshold: consider proposing revocation"),
            kind=kind.label,
            count=count,
        ),
        acting_user,
        police_only=True,
    )


@transaction.atomic
def record_revocation_proposal(
    case: Case,
    *,
    proposed_on: date,
    reference: str,
    acting_user: User,
    expected_version: int | None = None,
) -> Case:
    """The proposal to revoke conditional release was sent (the court decides)."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record a revocation proposal"))
    if not case.revocation_flagged:
        raise TransitionError(
            _(
                "A revocation proposal needs at least %(count)s intentional violations of the "
                "obligations or at least %(count)s administrative sanctions."
            ),
            params={"count": rule("REVOCATION_THRESHOLD")},
        )
    if case.revocation_proposed_on:
        raise TransitionError(_("The revocation proposal has already been recorded."))
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        revocation_proposed_on=proposed_on,
    )
    deadlines.complete(case, DeadlineKind.REVOCATION_PROPOSAL)
    _event(
        case,
        "revocation_proposed",
        proposed_on,
        stored_text(
            _("Revocation of conditional release proposed (%(reference)s)"),
            reference=reference.strip() or "—",
        ),
        acting_user,
        police_only=True,
    )
    return case


@transaction.atomic
def end_probation(
    case: Case,
    *,
    ended_on: date,
    certificate_number: str,
    certificate_date: date | None,
    acting_user: User,
    shortened_by: str = "",
    expected_version: int | None = None,
) -> Case:
    """Probation is over: the completion certificate is issued and ordinary management begins.

    An end before the date set needs the court's decision shortening probation (Criminal Code
    Art. 66(4)), given in `shortened_by`.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("End the probation"))
    if case.probation_end and ended_on < case.probation_end and not shortened_by.strip():
        raise TransitionError(
            _(
                "Probation runs until %(day)s: an earlier end needs the court's decision "
                "shortening it."
            ),
            params={"day": f"{case.probation_end:%d/%m/%Y}"},
        )
    _not_before(ended_on, case.received_on, _("Probation cannot end before the reception."))
    release = case.release
    release.certificate_number = certificate_number.strip()
    release.certificate_date = certificate_date
    save_versioned(
        release,
        expected_version=release.version,
        fields=["certificate_number", "certificate_date"],
    )
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.UNDER_MANAGEMENT,
        probation_ended_on=ended_on,
        revocation_flagged=False,
    )
    deadlines.complete(case, DeadlineKind.PROBATION_END)
    deadlines.cancel(
        case,
        DeadlineKind.PROBATION_ASSESSMENT,
        DeadlineKind.ABSENCE_DECISION,
        DeadlineKind.REVOCATION_PROPOSAL,
    )
    _open_expungement_review(case)
    _event(
        case, "probation_ended", ended_on, _ended_text(case, ended_on, shortened_by), acting_user
    )
    sync_person(case)
    return case


def _ended_text(case: Case, ended_on: date, shortened_by: str) -> str:
    """The timeline entry of the end of probation; an early end names the court's decision,
    the ground of the earlier completion of the sentence (credit's five-year window runs from
    it, `credit.eligibility.completion_date`)."""
    number = case.release.certificate_number or "—"
    if case.probation_end and ended_on < case.probation_end:
        return stored_text(
            _(
                "Probation ended early by the court's decision %(decision)s; completion "
                "certificate no. %(number)s"
            ),
            decision=shortened_by.strip(),
            number=number,
        )
    return stored_text(_("Probation ended; completion certificate no. %(number)s"), number=number)
