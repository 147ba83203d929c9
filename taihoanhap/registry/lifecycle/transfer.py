"""Transfers of a case between communes, possibly across provinces."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import scope_for
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.registry import deadlines
from taihoanhap.registry.lifecycle.base import MANAGED, _event, _not_before, _save, require
from taihoanhap.registry.models import Case, Person, Transfer, TransferStatus
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text

# --- Transfers between communes ----------------------------------------------------------------


@transaction.atomic
def request_transfer(
    case: Case,
    *,
    to_commune: AdminUnit,
    to_address: str,
    reason: str,
    requested_on: date,
    acting_user: User,
) -> Transfer:
    """The person moves: the receiving commune (maybe in another province) must accept."""
    person = case.person
    ensure_in_jurisdiction(person, acting_user)
    require(case, MANAGED, _("Transfer to another commune"))
    if to_commune.level != UnitLevel.COMMUNE or not to_commune.is_current:
        raise TransitionError(_("Choose a current commune, ward or special zone."))
    to_province_id = to_commune.parent_id
    assert to_province_id is not None  # a commune always lies in a province
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
        to_province_id=to_province_id,
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


def _ensure_receiving_side(transfer: Transfer, acting_user: User) -> None:
    if getattr(acting_user, "role", None) not in {Role.COMMUNE_POLICE, Role.PROVINCE_POLICE}:
        raise PermissionDenied
    if not scope_for(acting_user).covers(
        province_id=transfer.to_province_id, commune_id=transfer.to_commune_id
    ):
        raise PermissionDenied


def _decide(transfer: Transfer, status: str, decided_on: date, note: str, user: User) -> None:
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
    transfer: Transfer, *, accepted_on: date, acting_user: User, note: str = ""
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
    transfer: Transfer, *, decided_on: date, note: str, acting_user: User
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
def cancel_transfer(transfer: Transfer, *, acting_user: User) -> Transfer:
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
