"""Expungement screening and the closure of a case (Circular 10/2024 Art. 13-14)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import deadlines
from taihoanhap.registry.lifecycle.base import (
    CLOSURE_FROM,
    NEEDS_REFERENCE,
    POLICE_ONLY_GROUNDS,
    S,
    _event,
    _not_before,
    _save,
    require,
)
from taihoanhap.registry.lifecycle.transfer import _decide
from taihoanhap.registry.models import Case, ClosureGround, DeadlineKind, TransferStatus
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text, sync_person

# --- Expungement screening and closure ---------------------------------------------------------


@transaction.atomic
def postpone_expungement_review(
    case: Case, *, reviewed_on: date, finding: str, acting_user: User
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
    acting_user: User,
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
