"""The reintegration case's lifecycle: every state change is one function here.

    expected ──verify_address──▶ address_verified ─┐
       │   └─answer_address_mismatch (HCD-03)─▶ address_mismatch ─┤
       └──────────────────────────────record_reception (HCD-05, HCD-02)──▶ under_management
                                                                      or on_probation (parole)
    on_probation ──end_probation──▶ under_management
    under_management / on_probation ──record_reoffence──▶ held (class D) ──end_hold──▶ back
    any open state ──close_case(ground)──▶ closed (read-only)

Each function checks the current state (an illegal change raises `core.errors.TransitionError`
with a message for the officer), saves with the optimistic lock, writes its audit event and its
timeline entry in the same transaction, and keeps the case's deadlines in step
(`registry.deadlines`). Sources: Circular 10/2024/TT-BCA (reception, classification,
expungement screening), Circular 65/2019/TT-BCA and Criminal Code Art. 66 (conditional early
release), Res. 01/2018/NQ-HĐTP Art. 5 (revocation), Criminal Code Art. 70-72 (expungement).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import scope_for
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.registry import deadlines
from taihoanhap.registry.expungement import expungement_hint
from taihoanhap.registry.models import (
    AbsenceDecision,
    AbsenceRequest,
    Case,
    CaseClass,
    CaseStatus,
    Classification,
    ClosureGround,
    DeadlineKind,
    Person,
    ProbationAssessment,
    ReleaseType,
    Reoffence,
    Transfer,
    TransferStatus,
    Violation,
    ViolationKind,
    Visibility,
)
from taihoanhap.registry.rules import rule
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text, sync_person
from taihoanhap.registry.timeline import add_event

S = CaseStatus
AWAITING_RETURN = frozenset({S.EXPECTED, S.ADDRESS_VERIFIED, S.ADDRESS_MISMATCH})
MANAGED = frozenset({S.UNDER_MANAGEMENT, S.ON_PROBATION})
OPEN = frozenset(set(S) - {S.CLOSED})

# Which states each closure ground may close (Circular 10/2024 Art. 13, 14(1)).
CLOSURE_FROM: dict[str, frozenset[str]] = {
    ClosureGround.EXPUNGED: frozenset({S.UNDER_MANAGEMENT}),
    ClosureGround.EXPUNGED_BY_COURT: frozenset({S.UNDER_MANAGEMENT}),
    ClosureGround.DIED: OPEN,
    ClosureGround.NOT_RESIDING: AWAITING_RETURN,
    ClosureGround.PAROLE_REVOKED: frozenset({S.ON_PROBATION}),
    ClosureGround.NEW_SENTENCE: frozenset({S.HELD}),
    ClosureGround.OTHER: OPEN,
}
# Grounds whose timeline entry would reveal an offence: police-only.
POLICE_ONLY_GROUNDS = frozenset({ClosureGround.PAROLE_REVOKED, ClosureGround.NEW_SENTENCE})
NEEDS_REFERENCE = frozenset(
    {
        ClosureGround.EXPUNGED,
        ClosureGround.EXPUNGED_BY_COURT,
        ClosureGround.PAROLE_REVOKED,
        ClosureGround.NEW_SENTENCE,
    }
)


def require(case: Case, allowed: Collection[str], action: str | Promise) -> None:
    """Raise TransitionError unless the case is in one of the `allowed` states."""
    if case.status not in allowed:
        if case.is_closed:
            raise TransitionError(
                _("This case is closed: its record can no longer be changed."), code="closed"
            )
        raise TransitionError(
            _("“%(action)s” is not possible while the case is “%(status)s”."),
            code="transition",
            params={"action": action, "status": case.get_status_display()},
        )


def _save(
    case: Case,
    *,
    acting_user: Any,
    expected_version: int | None,
    status: str | None = None,
    **changes: Any,
) -> None:
    """Apply `changes` (and the new status) with the optimistic lock; audit the difference."""
    names = list(changes) + (["status"] if status else [])
    before = snapshot(case, names)
    for name, value in changes.items():
        setattr(case, name, value)
    fields = list(changes)
    if status:
        case.status = status
        case.status_changed_at = timezone.now()
        fields += ["status", "status_changed_at"]
    version = case.version if expected_version is None else expected_version
    save_versioned(case, expected_version=version, fields=fields)
    record(
        Action.STATE_CHANGE if status else Action.UPDATE,
        user=acting_user,
        obj=case,
        changes=diff(before, snapshot(case, names)),
    )


def _event(
    case: Case,
    kind: str,
    day: date,
    summary: str,
    acting_user: Any,
    *,
    police_only: bool = False,
    source: Any = None,
) -> None:
    add_event(
        case,
        kind=kind,
        occurred_on=day,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if police_only else Visibility.ALL,
        source=source,
    )


def _not_before(day: date, earliest: date | None, message: str | Promise) -> None:
    if earliest is not None and day < earliest:
        raise TransitionError(message)


def _open_expungement_review(case: Case) -> None:
    hint = expungement_hint(case, has_reoffence=case.reoffences.exists())
    if hint.earliest is not None:
        deadlines.open_deadline(case, kind=DeadlineKind.EXPUNGEMENT_REVIEW, due_on=hint.earliest)


# --- Before the return: the notice and the address check (Circular 10/2024 Art. 8) -------------


@transaction.atomic
def verify_address(
    case: Case,
    *,
    checked_on: date,
    note: str,
    acting_user: Any,
    expected_version: int | None = None,
) -> Case:
    """The residence given in the notice is confirmed with the family."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.EXPECTED}, _("Verify the address"))
    _not_before(
        checked_on,
        case.notice_received_on,
        _("The check cannot be before the notice was received."),
    )
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.ADDRESS_VERIFIED,
        address_checked_on=checked_on,
        address_check_note=note.strip(),
    )
    deadlines.complete(case, DeadlineKind.ADDRESS_CHECK)
    _event(
        case,
        "address_verified",
        checked_on,
        stored_text(_("Residence verified with the family")),
        acting_user,
    )
    sync_person(case)
    return case


@transaction.atomic
def answer_address_mismatch(
    case: Case,
    *,
    checked_on: date,
    note: str,
    reply_number: str,
    reply_date: date,
    acting_user: Any,
    expected_version: int | None = None,
) -> Case:
    """The person does not live at the notified address: the commune replies (form HCD-03)."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.EXPECTED, S.ADDRESS_VERIFIED}, _("Answer an address mismatch"))
    _not_before(
        checked_on,
        case.notice_received_on,
        _("The check cannot be before the notice was received."),
    )
    _not_before(reply_date, checked_on, _("The reply cannot be dated before the check."))
    if not note.strip():
        raise TransitionError(_("Describe what the check found."))
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.ADDRESS_MISMATCH,
        address_checked_on=checked_on,
        address_check_note=note.strip(),
        mismatch_reply_number=reply_number.strip(),
        mismatch_reply_date=reply_date,
    )
    deadlines.complete(case, DeadlineKind.ADDRESS_CHECK)
    deadlines.cancel(case, DeadlineKind.EXPECTED_RETURN, DeadlineKind.PAROLEE_REPORT)
    _event(
        case,
        "address_mismatch",
        reply_date,
        stored_text(
            _("Address mismatch answered to the sender (HCD-03 no. %(number)s)"),
            number=reply_number.strip() or "—",
        ),
        acting_user,
    )
    sync_person(case)
    return case


# --- Reception at the commune (Circular 10/2024 Art. 9) ----------------------------------------


@transaction.atomic
def record_reception(
    case: Case,
    *,
    received_on: date,
    commitment_signed: bool,
    acting_user: Any,
    reception_place: str = "",
    needs: str = "",
    occupation: str = "",
    family_situation: str = "",
    expected_version: int | None = None,
) -> Case:
    """The person reported to the commune: minutes with the commitment (HCD-05), information
    sheet (HCD-02). A parolee starts probation; everyone else ordinary management.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, AWAITING_RETURN, _("Record the reception"))
    if not commitment_signed:
        raise TransitionError(
            _("The reception minutes need the signed no-reoffending commitment (HCD-05).")
        )
    release = case.release
    _not_before(
        received_on, release.release_date, _("The reception cannot be before the release date.")
    )
    parole = release.type == ReleaseType.PAROLE
    changes: dict[str, Any] = {
        "received_on": received_on,
        "commitment_signed": True,
        "reception_place": reception_place.strip(),
        "needs": needs.strip(),
        "occupation": occupation.strip(),
        "family_situation": family_situation.strip(),
    }
    if case.officer_id is None and getattr(acting_user, "role", None) == Role.COMMUNE_POLICE:
        changes["officer"] = acting_user
    if parole:
        changes["reported_on"] = received_on
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.ON_PROBATION if parole else S.UNDER_MANAGEMENT,
        **changes,
    )
    deadlines.complete(case, DeadlineKind.EXPECTED_RETURN, DeadlineKind.ADDRESS_CHECK)
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.CLASSIFICATION,
        due_on=deadlines.first_classification_due(received_on),
    )
    if parole:
        deadlines.complete(case, DeadlineKind.PAROLEE_REPORT)
        first_month = deadlines.month_start(received_on)
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.PROBATION_ASSESSMENT,
            due_on=deadlines.assessment_due(deadlines.next_month(first_month)),
            subject_id=f"{first_month:%Y-%m}",
        )
        if case.probation_end:
            deadlines.open_deadline(
                case, kind=DeadlineKind.PROBATION_END, due_on=case.probation_end
            )
    else:
        _open_expungement_review(case)
    late = parole and received_on > deadlines.parolee_report_due(release.release_date)
    summary = (
        _("Received at the commune (reported late); commitment HCD-05 signed")
        if late
        else _("Received at the commune; commitment HCD-05 signed")
    )
    _event(case, "received", received_on, stored_text(summary), acting_user)
    sync_person(case)
    return case


# --- Classification (Circular 10/2024: A, B, C, D) ---------------------------------------------


@transaction.atomic
def classify(
    case: Case,
    *,
    value: str,
    decided_on: date,
    reason: str,
    acting_user: Any,
    expected_version: int | None = None,
) -> Classification:
    """Record a classification; the next periodic one falls due (period in registry.rules)."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, MANAGED, _("Classify"))
    _not_before(
        decided_on, case.received_on, _("The classification cannot be before the reception.")
    )
    if not reason.strip():
        raise TransitionError(_("Give the reason for the classification."))
    entry = Classification.objects.create(
        case=case,
        value=CaseClass(value),
        decided_on=decided_on,
        reason=reason.strip(),
        decided_by=acting_user,
    )
    _save(case, acting_user=acting_user, expected_version=expected_version, current_class=value)
    deadlines.complete(case, DeadlineKind.CLASSIFICATION)
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.CLASSIFICATION,
        due_on=deadlines.reclassification_due(decided_on),
    )
    _event(
        case,
        "classified",
        decided_on,
        stored_text(_("Classified %(value)s: %(reason)s"), value=value, reason=reason.strip()),
        acting_user,
        police_only=True,
        source=entry,
    )
    sync_person(case)
    return entry


# --- Conditional early release (Criminal Code Art. 66; Circular 65/2019/TT-BCA) ----------------


@transaction.atomic
def record_assessment(
    case: Case,
    *,
    month: date,
    assessed_on: date,
    compliant: bool,
    note: str,
    acting_user: Any,
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
    acting_user: Any,
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
    acting_user: Any,
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


@transaction.atomic
def record_violation(
    case: Case,
    *,
    occurred_on: date,
    kind: str,
    description: str,
    sanction: str,
    acting_user: Any,
) -> Violation:
    """Count a violation or administrative sanction; at the threshold (2, Res. 01/2018 Art. 5)
    the case is flagged for a revocation proposal to the court.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record a violation"))
    _not_before(occurred_on, case.received_on, _("The violation cannot be before the reception."))
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
    count = case.violations.count()
    _event(
        case,
        "violation",
        occurred_on,
        stored_text(
            _("%(kind)s recorded (%(count)s in total)"),
            kind=ViolationKind(kind).label,
            count=count,
        ),
        acting_user,
        police_only=True,
        source=violation,
    )
    if count >= rule("REVOCATION_THRESHOLD") and not case.revocation_flagged:
        _save(case, acting_user=acting_user, expected_version=None, revocation_flagged=True)
        deadlines.open_deadline(
            case, kind=DeadlineKind.REVOCATION_PROPOSAL, due_on=timezone.localdate()
        )
        _event(
            case,
            "revocation_flagged",
            occurred_on,
            stored_text(_("Violations reached the threshold: consider proposing revocation")),
            acting_user,
            police_only=True,
        )
    return violation


@transaction.atomic
def record_revocation_proposal(
    case: Case,
    *,
    proposed_on: date,
    reference: str,
    acting_user: Any,
    expected_version: int | None = None,
) -> Case:
    """The proposal to revoke conditional release was sent (the court decides)."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.ON_PROBATION}, _("Record a revocation proposal"))
    if not case.revocation_flagged:
        raise TransitionError(
            _("A revocation proposal needs at least %(count)s recorded violations."),
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
    acting_user: Any,
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
        case,
        "probation_ended",
        ended_on,
        stored_text(
            _("Probation ended; completion certificate no. %(number)s"),
            number=release.certificate_number or "—",
        ),
        acting_user,
    )
    sync_person(case)
    return case


# --- Transfers between communes ----------------------------------------------------------------


@transaction.atomic
def request_transfer(
    case: Case,
    *,
    to_commune: AdminUnit,
    to_address: str,
    reason: str,
    requested_on: date,
    acting_user: Any,
) -> Transfer:
    """The person moves: the receiving commune (maybe in another province) must accept."""
    person = case.person
    ensure_in_jurisdiction(person, acting_user)
    require(case, MANAGED, _("Transfer to another commune"))
    if to_commune.level != UnitLevel.COMMUNE or not to_commune.is_current:
        raise TransitionError(_("Choose a current commune, ward or special zone."))
    if to_commune.pk == person.commune_id:
        raise TransitionError(_("The person already lives in that commune."))
    if case.transfers.filter(status=TransferStatus.PENDING).exists():
        raise TransitionError(_("A transfer of this case is already waiting for an answer."))
    transfer = Transfer.objects.create(
        case=case,
        person=person,
        from_commune_id=person.commune_id,
        from_province_id=person.province_id,
        to_commune=to_commune,
        to_province_id=to_commune.parent_id,
        to_address=to_address.strip(),
        reason=reason.strip(),
        requested_on=requested_on,
        requested_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=transfer,
        changes={"to_commune": [None, to_commune.pk], "status": [None, transfer.status]},
    )
    _event(
        case,
        "transfer_requested",
        requested_on,
        stored_text(_("Transfer requested to %(unit)s"), unit=to_commune.full_name),
        acting_user,
        source=transfer,
    )
    return transfer


def _ensure_receiving_side(transfer: Transfer, acting_user: Any) -> None:
    if getattr(acting_user, "role", None) not in {Role.COMMUNE_POLICE, Role.PROVINCE_POLICE}:
        raise PermissionDenied
    if not scope_for(acting_user).covers(
        province_id=transfer.to_province_id, commune_id=transfer.to_commune_id
    ):
        raise PermissionDenied


def _decide(transfer: Transfer, status: str, decided_on: date, note: str, user: Any) -> None:
    if not transfer.is_pending:
        raise TransitionError(_("This transfer has already been answered."))
    _not_before(decided_on, transfer.requested_on, _("The answer cannot precede the request."))
    transfer.status = status
    transfer.decided_on = decided_on
    transfer.decided_by = user
    transfer.decision_note = note.strip()
    transfer.save(
        update_fields=["status", "decided_on", "decided_by", "decision_note", "updated_at"]
    )
    record(
        Action.STATE_CHANGE,
        user=user,
        obj=transfer,
        changes={"status": [TransferStatus.PENDING, status]},
    )


@transaction.atomic
def accept_transfer(
    transfer: Transfer, *, accepted_on: date, acting_user: Any, note: str = ""
) -> Transfer:
    """The receiving commune accepts: the person, their case history and deadlines move to it.

    From now on the person is in the receiving commune's scope and leaves the sender's.
    """
    _ensure_receiving_side(transfer, acting_user)
    case = transfer.case
    require(case, MANAGED, _("Accept a transfer"))
    _decide(transfer, TransferStatus.ACCEPTED, accepted_on, note, acting_user)
    person = case.person
    before = snapshot(person, ["commune", "province", "current_address"])
    Person.objects.filter(pk=person.pk).update(
        commune_id=transfer.to_commune_id,
        province_id=transfer.to_province_id,
        current_address=transfer.to_address,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    person.refresh_from_db()
    record(
        Action.UPDATE,
        user=acting_user,
        obj=person,
        changes=diff(before, snapshot(person, ["commune", "province", "current_address"])),
    )
    deadlines.move_to_area(
        person.pk, commune_id=transfer.to_commune_id, province_id=transfer.to_province_id
    )
    officer = acting_user if acting_user.role == Role.COMMUNE_POLICE else None
    _save(case, acting_user=acting_user, expected_version=None, officer=officer)
    _event(
        case,
        "transfer_accepted",
        accepted_on,
        stored_text(
            _("Transferred from %(source)s to %(target)s"),
            source=transfer.from_commune.full_name,
            target=transfer.to_commune.full_name,
        ),
        acting_user,
        source=transfer,
    )
    return transfer


@transaction.atomic
def reject_transfer(
    transfer: Transfer, *, decided_on: date, note: str, acting_user: Any
) -> Transfer:
    """The receiving commune refuses (e.g. the person does not live there); reasons required."""
    _ensure_receiving_side(transfer, acting_user)
    if not note.strip():
        raise TransitionError(_("Give the reason for refusing the transfer."))
    _decide(transfer, TransferStatus.REJECTED, decided_on, note, acting_user)
    _event(
        transfer.case,
        "transfer_rejected",
        decided_on,
        stored_text(_("Transfer refused by %(unit)s"), unit=transfer.to_commune.full_name),
        acting_user,
        source=transfer,
    )
    return transfer


@transaction.atomic
def cancel_transfer(transfer: Transfer, *, acting_user: Any) -> Transfer:
    """The sending commune withdraws its request."""
    ensure_in_jurisdiction(transfer.person, acting_user)
    today = timezone.localdate()
    _decide(transfer, TransferStatus.CANCELLED, max(today, transfer.requested_on), "", acting_user)
    _event(
        transfer.case,
        "transfer_cancelled",
        today,
        stored_text(_("Transfer request withdrawn")),
        acting_user,
        source=transfer,
    )
    return transfer


# --- Re-offence and custody --------------------------------------------------------------------


@transaction.atomic
def record_reoffence(
    case: Case,
    *,
    occurred_on: date,
    offence: str,
    acting_user: Any,
    penal_code_articles: list[int] | None = None,
    held: bool = True,
    held_on: date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Reoffence:
    """A new offence (feeds the recidivism figures). While held the person is class D and the
    management duties pause; the expungement period starts again (Criminal Code Art. 70).
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, MANAGED, _("Record a re-offence"))
    if not offence.strip():
        raise TransitionError(_("Name the offence."))
    reoffence = Reoffence.objects.create(
        case=case,
        person=case.person,
        occurred_on=occurred_on,
        offence=offence.strip(),
        penal_code_articles=penal_code_articles or [],
        note=note.strip(),
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=reoffence,
        changes={"occurred_on": [None, occurred_on], "held": [None, held]},
    )
    deadlines.cancel(case, DeadlineKind.EXPUNGEMENT_REVIEW)
    if held:
        held_since = held_on or occurred_on
        Classification.objects.create(
            case=case,
            value=CaseClass.D,
            decided_on=held_since,
            reason=stored_text(_("Held in custody after a new offence")),
            decided_by=acting_user,
        )
        _save(
            case,
            acting_user=acting_user,
            expected_version=expected_version,
            status=S.HELD,
            held_since=held_since,
            current_class=CaseClass.D,
        )
        deadlines.cancel(
            case,
            DeadlineKind.PROBATION_ASSESSMENT,
            DeadlineKind.ABSENCE_DECISION,
            DeadlineKind.CLASSIFICATION,
            DeadlineKind.REVOCATION_PROPOSAL,
        )
    summary = (
        _("New offence recorded; held in custody (class D)") if held else _("New offence recorded")
    )
    _event(
        case,
        "reoffence",
        occurred_on,
        stored_text(summary),
        acting_user,
        police_only=True,
        source=reoffence,
    )
    sync_person(case)
    return reoffence


@transaction.atomic
def end_hold(
    case: Case,
    *,
    released_on: date,
    note: str,
    acting_user: Any,
    expected_version: int | None = None,
) -> Case:
    """Released without a new sentence (e.g. charges dropped): management resumes and the
    person is classified again.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.HELD}, _("Record the release from custody"))
    _not_before(released_on, case.held_since, _("The release cannot be before the custody."))
    back_on_probation = (
        case.release.type == ReleaseType.PAROLE
        and case.probation_ended_on is None
        and case.probation_end is not None
        and released_on < case.probation_end
    )
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.ON_PROBATION if back_on_probation else S.UNDER_MANAGEMENT,
        held_since=None,
    )
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.CLASSIFICATION,
        due_on=deadlines.first_classification_due(released_on),
    )
    if back_on_probation:
        month = deadlines.month_start(released_on)
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.PROBATION_ASSESSMENT,
            due_on=deadlines.assessment_due(deadlines.next_month(month)),
            subject_id=f"{month:%Y-%m}",
        )
    _event(
        case,
        "hold_ended",
        released_on,
        stored_text(_("Released from custody without a new sentence: %(note)s"), note=note),
        acting_user,
        police_only=True,
    )
    sync_person(case)
    return case


# --- Expungement screening and closure ---------------------------------------------------------


@transaction.atomic
def postpone_expungement_review(
    case: Case, *, reviewed_on: date, finding: str, acting_user: Any
) -> Case:
    """Screened, not yet eligible (Circular 10/2024 Art. 13): review again later."""
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.UNDER_MANAGEMENT}, _("Record an expungement review"))
    if not finding.strip():
        raise TransitionError(_("Say why the person is not yet eligible."))
    deadlines.complete(case, DeadlineKind.EXPUNGEMENT_REVIEW)
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.EXPUNGEMENT_REVIEW,
        due_on=deadlines.expungement_retry_due(reviewed_on),
    )
    record(
        Action.UPDATE,
        user=acting_user,
        obj=case,
        note="expungement review postponed",
    )
    _event(
        case,
        "expungement_review",
        reviewed_on,
        stored_text(_("Expungement review: not yet eligible (%(finding)s)"), finding=finding),
        acting_user,
        police_only=True,
    )
    return case


@transaction.atomic
def close_case(
    case: Case,
    *,
    ground: str,
    closed_on: date,
    acting_user: Any,
    reference: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """End management on one of the grounds of Circular 10/2024 Art. 13-14; read-only after.

    Expungement needs the judicial-record certificate or the court decision (`reference`) and
    the judgment's civil obligations settled.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    ground = ClosureGround(ground)
    require(case, CLOSURE_FROM[ground], _("Close the case: %(ground)s") % {"ground": ground.label})
    if ground in NEEDS_REFERENCE and not reference.strip():
        raise TransitionError(_("Give the document that supports this ground, with its date."))
    if ground == ClosureGround.OTHER and not note.strip():
        raise TransitionError(_("Explain the ground in the note."))
    if ground in (ClosureGround.EXPUNGED, ClosureGround.EXPUNGED_BY_COURT):
        sentence = case.release.sentence
        if sentence.civil_obligations and not sentence.civil_obligations_settled:
            raise TransitionError(
                _(
                    "Expungement needs the civil obligations of the judgment settled: record "
                    "them as settled on the sentence first."
                )
            )
    if ground != ClosureGround.NOT_RESIDING:
        _not_before(
            closed_on,
            case.release.release_date,
            _("The case cannot close before the release date."),
        )
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.CLOSED,
        closed_on=closed_on,
        closure_ground=ground,
        closure_reference=reference.strip(),
        closure_note=note.strip(),
        revocation_flagged=False,
    )
    if ground in (ClosureGround.EXPUNGED, ClosureGround.EXPUNGED_BY_COURT):
        deadlines.complete(case, DeadlineKind.EXPUNGEMENT_REVIEW)
    deadlines.cancel(case)
    for transfer in case.transfers.filter(status=TransferStatus.PENDING):
        answered_on = max(closed_on, transfer.requested_on)
        _decide(transfer, TransferStatus.CANCELLED, answered_on, "", acting_user)
    _event(
        case,
        "closed",
        closed_on,
        stored_text(_("Case closed: %(ground)s"), ground=ground.label),
        acting_user,
        police_only=ground in POLICE_ONLY_GROUNDS,
    )
    sync_person(case)
    return case
