"""Loan applications drawn up: an individual's or a business's, and their edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.credit.access import LOAN_DRAFTERS, require_role
from taihoanhap.credit.eligibility import latest_case
from taihoanhap.credit.models import LoanApplication, LoanKind, LoanPurpose, LoanStatus
from taihoanhap.credit.services.base import EDITABLE_FIELDS, _timeline
from taihoanhap.registry.models import Person

# --- Loan applications: drawing up ----------------------------------------------------------------


@dataclass
class ApplicationData:
    purpose: str
    amount_requested: int
    training_months: int | None = None
    term_months: int | None = None
    plan: str = ""
    collateral: str = ""
    representative_name: str = ""
    representative_relationship: str = ""
    representative_citizen_id: str = ""
    household_size: int | None = None


def _validate(data: ApplicationData, kind: str) -> None:
    errors: dict[str, str] = {}
    if data.amount_requested <= 0:
        errors["amount_requested"] = _("Enter the amount to borrow.")
    if data.purpose == LoanPurpose.TRAINING and not data.training_months:
        errors["training_months"] = _("A vocational training loan needs the course length.")
    if kind == LoanKind.INDIVIDUAL:
        if not data.representative_name.strip():
            errors["representative_name"] = _(
                "The household borrows through its representative: enter their name."
            )
        if not data.representative_relationship:
            errors["representative_relationship"] = _("Choose the relationship.")
    if errors:
        raise ValidationError(errors)


def create_individual_application(
    *, person: Person, data: ApplicationData, today: date, acting_user: User
) -> LoanApplication:
    """Draw up a loan for a returnee, borrowing through the household representative
    (Decision 22/2023/QĐ-TTg Art. 4)."""
    require_role(acting_user, LOAN_DRAFTERS)
    _validate(data, LoanKind.INDIVIDUAL)
    case = latest_case(person.pk)
    if case is None:
        raise ValidationError(_("The person has no release recorded, so cannot borrow yet."))
    with transaction.atomic():
        application = LoanApplication.objects.create(
            kind=LoanKind.INDIVIDUAL,
            person=person,
            case=case,
            commune_id=person.commune_id,
            status_changed_on=today,
            drawn_up_on=today,
            created_by=acting_user,
            **_data_fields(data),
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=application,
            changes={name: [None, getattr(application, name)] for name in ["kind", "purpose"]}
            | {"amount_requested": [None, application.amount_requested]},
        )
        _timeline(
            application,
            on=today,
            acting_user=acting_user,
            summary=_("Loan application (%(purpose)s, %(amount)s) drawn up."),
        )
    return application


def create_business_application(
    *, employer: Any, data: ApplicationData, today: date, acting_user: User
) -> LoanApplication:
    """Draw up a loan for a business employing returnees; its plan goes on Form 02."""
    require_role(acting_user, LOAN_DRAFTERS)
    _validate(data, LoanKind.BUSINESS)
    with transaction.atomic():
        application = LoanApplication.objects.create(
            kind=LoanKind.BUSINESS,
            employer=employer,
            workforce=employer.workforce,
            returnees_on_contract=employer.returnees_on_contract,
            commune_id=employer.commune_id,
            status_changed_on=today,
            drawn_up_on=today,
            created_by=acting_user,
            **_data_fields(data),
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=application,
            changes={
                "kind": [None, application.kind],
                "purpose": [None, application.purpose],
                "amount_requested": [None, application.amount_requested],
            },
        )
    return application


def _data_fields(data: ApplicationData) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in EDITABLE_FIELDS}
    for name in ("plan", "collateral", "representative_name", "representative_citizen_id"):
        values[name] = values[name].strip()
    if data.purpose != LoanPurpose.TRAINING:
        values["training_months"] = None
    return values


def update_application(
    application: LoanApplication,
    *,
    data: ApplicationData,
    expected_version: int,
    acting_user: User,
) -> LoanApplication:
    """Correct an application before it goes to the bank (a business plan only before Form 02)."""
    require_role(acting_user, LOAN_DRAFTERS)
    editable = {LoanStatus.DRAFT}
    if application.kind == LoanKind.INDIVIDUAL:
        editable.add(LoanStatus.ON_LIST)
    if application.status not in editable:
        raise TransitionError(
            _("An application that is “%(status)s” can no longer be changed.")
            % {"status": application.get_status_display()}
        )
    _validate(data, application.kind)
    with transaction.atomic():
        before = snapshot(application, EDITABLE_FIELDS)
        for name, value in _data_fields(data).items():
            setattr(application, name, value)
        save_audited(
            application, before=before, expected_version=expected_version, acting_user=acting_user
        )
    return application
