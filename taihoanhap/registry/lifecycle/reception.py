"""Before and at the return: the address check, the reception at the commune, classification
(Circular 10/2024 Art. 8, 9).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import deadlines
from taihoanhap.registry.lifecycle.base import (
    AWAITING_RETURN,
    MANAGED,
    S,
    _event,
    _not_before,
    _open_expungement_review,
    _save,
    require,
)
from taihoanhap.registry.models import Case, CaseClass, Classification, DeadlineKind, ReleaseType
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text, sync_person

# --- Before the return: the notice and the address check (Circular 10/2024 Art. 8) -------------


@transaction.atomic
def verify_address(
    case: Case,
    *,
    checked_on: date,
    note: str,
    acting_user: User,
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
    acting_user: User,
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
    acting_user: User,
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
    acting_user: User,
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
