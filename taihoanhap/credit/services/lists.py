"""Form 01: the commune's list of people eligible for a loan, from draft to confirmed."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.credit.access import LOAN_DRAFTERS, require_confirmer, require_role
from taihoanhap.credit.eligibility import latest_case
from taihoanhap.credit.models import (
    EligibleList,
    EligibleListEntry,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanStatus,
)
from taihoanhap.credit.services.base import _apply
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models import Person

# --- Form 01 ------------------------------------------------------------------------------------


def create_list(
    *, commune: AdminUnit, drawn_up_on: date, number: str = "", acting_user: User
) -> EligibleList:
    require_role(acting_user, LOAN_DRAFTERS)
    with transaction.atomic():
        eligible_list = EligibleList.objects.create(
            commune=commune,
            drawn_up_on=drawn_up_on,
            number=number.strip(),
            drawn_up_by=acting_user,
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=eligible_list,
            changes={"commune": [None, commune.pk], "drawn_up_on": [None, drawn_up_on]},
        )
    return eligible_list


def add_entry(
    eligible_list: EligibleList,
    *,
    person: Person,
    purpose: str = "",
    needed_amount: int | None = None,
    note: str = "",
    acting_user: User,
) -> EligibleListEntry:
    """Put a returnee living in the commune on a Form 01 list still being drawn up."""
    require_role(acting_user, LOAN_DRAFTERS)
    if eligible_list.status != ListStatus.DRAFT:
        raise TransitionError(
            _("Only a list still being drawn up can change; this one is “%(status)s”.")
            % {"status": eligible_list.get_status_display()}
        )
    if person.commune_id != eligible_list.commune_id:
        raise ValidationError(_("The person does not live in the commune of this list."))
    case = latest_case(person.pk)
    if case is None:
        raise ValidationError(_("The person has no release recorded, so cannot be listed."))
    try:
        with transaction.atomic():
            entry = EligibleListEntry.objects.create(
                eligible_list=eligible_list,
                person=person,
                case=case,
                purpose=purpose,
                needed_amount=needed_amount,
                note=note.strip(),
            )
            record(
                Action.UPDATE,
                user=acting_user,
                obj=eligible_list,
                changes={"entries": [None, f"+{person.pk}"]},
            )
    except IntegrityError:
        raise ValidationError(_("The person is already on this list.")) from None
    return entry


def remove_entry(entry: EligibleListEntry, *, acting_user: User) -> None:
    require_role(acting_user, LOAN_DRAFTERS)
    eligible_list = entry.eligible_list
    if eligible_list.status != ListStatus.DRAFT:
        raise TransitionError(
            _("Only a list still being drawn up can change; this one is “%(status)s”.")
            % {"status": eligible_list.get_status_display()}
        )
    with transaction.atomic():
        person_id = entry.person_id
        LoanApplication.objects.filter(list_entry=entry).update(list_entry=None)
        entry.delete()
        record(
            Action.UPDATE,
            user=acting_user,
            obj=eligible_list,
            changes={"entries": [f"-{person_id}", None]},
        )


def submit_list(
    eligible_list: EligibleList, *, expected_version: int, today: date, acting_user: User
) -> EligibleList:
    """The commune police send the list to the commune People's Committee for confirmation."""
    require_role(acting_user, LOAN_DRAFTERS)
    if eligible_list.status != ListStatus.DRAFT:
        raise TransitionError(_("Only a list being drawn up can be sent for confirmation."))
    if not eligible_list.entries.exists():
        raise TransitionError(_("Add at least one person before sending the list."))
    return _change_list(
        eligible_list,
        expected_version=expected_version,
        acting_user=acting_user,
        status=ListStatus.SUBMITTED,
        submitted_on=today,
        returned_reason="",
    )


def return_list(
    eligible_list: EligibleList, *, reason: str, expected_version: int, acting_user: User
) -> EligibleList:
    """The commune People's Committee sends the list back to the police for correction."""
    require_confirmer(acting_user, eligible_list.commune_id)
    if eligible_list.status != ListStatus.SUBMITTED:
        raise TransitionError(_("Only a list awaiting confirmation can be returned."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what must be corrected.")})
    return _change_list(
        eligible_list,
        expected_version=expected_version,
        acting_user=acting_user,
        status=ListStatus.DRAFT,
        returned_reason=reason.strip(),
    )


def confirm_list(
    eligible_list: EligibleList, *, confirmed_on: date, expected_version: int, acting_user: User
) -> list[LoanApplication]:
    """The commune People's Committee confirms Form 01.

    Draft individual applications of the persons listed become "on the confirmed list" in the
    same transaction, each with its audit event and timeline entry. Returns them.
    """
    require_confirmer(acting_user, eligible_list.commune_id)
    if eligible_list.status != ListStatus.SUBMITTED:
        raise TransitionError(_("Only a list awaiting confirmation can be confirmed."))
    if confirmed_on < eligible_list.drawn_up_on:
        raise ValidationError(
            {"confirmed_on": _("The confirmation cannot be dated before the list was drawn up.")}
        )
    with transaction.atomic():
        _change_list(
            eligible_list,
            expected_version=expected_version,
            acting_user=acting_user,
            status=ListStatus.CONFIRMED,
            confirmed_on=confirmed_on,
            confirmed_by=acting_user,
            confirming_body=str(acting_user.agency),
        )
        entries = {entry.person_id: entry for entry in eligible_list.entries.all()}
        moved = list(
            LoanApplication.objects.select_for_update()
            .filter(
                kind=LoanKind.INDIVIDUAL,
                status=LoanStatus.DRAFT,
                person_id__in=list(entries),
                person__commune_id=eligible_list.commune_id,
            )
            .select_related("person")
        )
        for application in moved:
            assert application.person_id is not None  # filtered on person_id__in above
            _apply(
                application,
                LoanStatus.ON_LIST,
                on=confirmed_on,
                acting_user=acting_user,
                summary=_("Loan application (%(purpose)s): on the confirmed list (Form 01)."),
                list_entry=entries[application.person_id],
            )
    return moved


def _change_list(
    eligible_list: EligibleList, *, expected_version: int, acting_user: User, **values: Any
) -> EligibleList:
    with transaction.atomic():
        fields = list(values)
        before = snapshot(eligible_list, fields)
        for name, value in values.items():
            setattr(eligible_list, name, value)
        save_audited(
            eligible_list,
            before=before,
            action=Action.STATE_CHANGE,
            expected_version=expected_version,
            acting_user=acting_user,
        )
    return eligible_list
