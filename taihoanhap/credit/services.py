"""Every write of the credit app: dated parameters, Form 01, loan applications and their status.

Each service runs in one transaction, checks the transition, saves with the version the user
read (`core.locking.save_versioned`), writes its audit event and, for an individual loan, the
person's timeline entry, all in that transaction. Timeline summaries carry the loan's kind,
purpose and amount, never anything about the offence.

Status (Decision 22/2023/QĐ-TTg, in the order the work happens):
draft → on the confirmed list (Form 01) / plan confirmed (Form 02) → submitted to the bank →
approved or rejected → disbursed → repaying → settled, or overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.money import format_vnd
from taihoanhap.credit.access import (
    LOAN_DECIDERS,
    LOAN_DRAFTERS,
    PARAMETER_WRITERS,
    require_confirmer,
    require_role,
)
from taihoanhap.credit.eligibility import assess, latest_case
from taihoanhap.credit.models import (
    DEBT_STATUSES,
    PARAMETER_UNITS,
    CreditParameter,
    DebtDeclaration,
    EligibleList,
    EligibleListEntry,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanPurpose,
    LoanStatus,
    ParameterUnit,
    Repayment,
)
from taihoanhap.registry.models import Person
from taihoanhap.registry.timeline import add_event

TIMELINE_KIND = "credit_loan"

# Which status may follow which; anything else is refused with a TransitionError.
TRANSITIONS: dict[str, frozenset[str]] = {
    LoanStatus.DRAFT: frozenset({LoanStatus.ON_LIST}),
    LoanStatus.ON_LIST: frozenset({LoanStatus.SUBMITTED}),
    LoanStatus.SUBMITTED: frozenset({LoanStatus.APPROVED, LoanStatus.REJECTED}),
    LoanStatus.APPROVED: frozenset({LoanStatus.DISBURSED}),
    LoanStatus.DISBURSED: frozenset({LoanStatus.REPAYING, LoanStatus.SETTLED, LoanStatus.OVERDUE}),
    LoanStatus.REPAYING: frozenset({LoanStatus.REPAYING, LoanStatus.SETTLED, LoanStatus.OVERDUE}),
    LoanStatus.OVERDUE: frozenset({LoanStatus.REPAYING, LoanStatus.SETTLED, LoanStatus.OVERDUE}),
    LoanStatus.REJECTED: frozenset(),
    LoanStatus.SETTLED: frozenset(),
}

_STATE_FIELDS = [
    "status",
    "status_changed_on",
    "list_entry",
    "plan_confirmed_on",
    "plan_confirmed_by",
    "plan_confirming_body",
    "submitted_on",
    "decided_on",
    "decided_by",
    "approved_amount",
    "rejection_reason",
    "contract_number",
    "disbursed_on",
    "disbursed_amount",
    "repaid_amount",
    "overdue_since",
    "settled_on",
    "other_debt",
    "workforce",
    "returnees_on_contract",
]

EDITABLE_FIELDS = [
    "purpose",
    "amount_requested",
    "training_months",
    "term_months",
    "plan",
    "collateral",
    "representative_name",
    "representative_relationship",
    "representative_citizen_id",
    "household_size",
]


def check_transition(application: LoanApplication, target: str) -> None:
    if target not in TRANSITIONS.get(application.status, frozenset()):
        raise TransitionError(
            _("A loan application that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": application.get_status_display(),
                "target": LoanStatus(target).label,
            },
            code="illegal_transition",
        )


# --- Dated parameters ----------------------------------------------------------------------------


def add_parameter(
    *,
    key: str,
    value: Decimal,
    effective_from: date,
    source: str,
    note: str = "",
    acting_user: Any,
) -> CreditParameter:
    """Record a new value in force from `effective_from` (a new decision or rate notice)."""
    require_role(acting_user, PARAMETER_WRITERS)
    if value < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    if PARAMETER_UNITS[key] == ParameterUnit.VND and value != value.to_integral_value():
        raise ValidationError({"value": _("An amount in VND has no decimals.")})
    with transaction.atomic():
        if CreditParameter.objects.filter(key=key, effective_from=effective_from).exists():
            raise ValidationError(
                {"effective_from": _("A value of this parameter already starts on this day.")}
            )
        row = CreditParameter.objects.create(
            key=key,
            value=value,
            effective_from=effective_from,
            source=source.strip(),
            note=note.strip(),
            created_by=acting_user,
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=row,
            changes={"key": [None, key], "value": [None, value], "from": [None, effective_from]},
        )
    return row


# --- Form 01 ------------------------------------------------------------------------------------


def create_list(
    *, commune: Any, drawn_up_on: date, number: str = "", acting_user: Any
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
    acting_user: Any,
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


def remove_entry(entry: EligibleListEntry, *, acting_user: Any) -> None:
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
    eligible_list: EligibleList, *, expected_version: int, today: date, acting_user: Any
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
    eligible_list: EligibleList, *, reason: str, expected_version: int, acting_user: Any
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
    eligible_list: EligibleList, *, confirmed_on: date, expected_version: int, acting_user: Any
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
    eligible_list: EligibleList, *, expected_version: int, acting_user: Any, **values: Any
) -> EligibleList:
    with transaction.atomic():
        fields = list(values)
        before = snapshot(eligible_list, fields)
        for name, value in values.items():
            setattr(eligible_list, name, value)
        save_versioned(eligible_list, expected_version=expected_version, fields=fields)
        record(
            Action.STATE_CHANGE,
            user=acting_user,
            obj=eligible_list,
            changes=diff(before, snapshot(eligible_list, fields)),
        )
    return eligible_list


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
    *, person: Person, data: ApplicationData, today: date, acting_user: Any
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
    *, employer: Any, data: ApplicationData, today: date, acting_user: Any
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
    acting_user: Any,
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
        save_versioned(application, expected_version=expected_version, fields=EDITABLE_FIELDS)
        record(
            Action.UPDATE,
            user=acting_user,
            obj=application,
            changes=diff(before, snapshot(application, EDITABLE_FIELDS)),
        )
    return application


# --- Loan applications: the commune's confirmation ------------------------------------------------


def open_list_for(commune: Any, *, today: date, acting_user: Any) -> EligibleList:
    """The commune's Form 01 list still being drawn up (a new one if there is none)."""
    existing = (
        EligibleList.objects.filter(commune=commune, status=ListStatus.DRAFT)
        .order_by("-drawn_up_on", "-created_at")
        .first()
    )
    return existing or create_list(commune=commune, drawn_up_on=today, acting_user=acting_user)


def put_on_list(
    application: LoanApplication, *, today: date, acting_user: Any
) -> EligibleListEntry:
    """From a draft application: add its person to the commune's Form 01 being drawn up."""
    require_role(acting_user, LOAN_DRAFTERS)
    if application.kind != LoanKind.INDIVIDUAL or application.status != LoanStatus.DRAFT:
        raise TransitionError(_("Only a draft individual application goes on Form 01."))
    person = application.person
    with transaction.atomic():
        eligible_list = open_list_for(person.commune, today=today, acting_user=acting_user)
        existing = eligible_list.entries.filter(person=person).first()
        if existing is not None:
            return existing
        return add_entry(
            eligible_list,
            person=person,
            purpose=application.purpose,
            needed_amount=application.amount_requested,
            acting_user=acting_user,
        )


def mark_on_list(
    application: LoanApplication, *, expected_version: int, today: date, acting_user: Any
) -> LoanApplication:
    """A draft application whose person is already on a confirmed Form 01 of their commune."""
    from taihoanhap.credit.eligibility import confirmed_entry

    require_role(acting_user, LOAN_DRAFTERS)
    check_transition(application, LoanStatus.ON_LIST)
    if application.kind != LoanKind.INDIVIDUAL:
        raise TransitionError(_("A business loan is confirmed on Form 02."))
    entry = confirmed_entry(application.person_id, application.person.commune_id)
    if entry is None:
        raise TransitionError(
            _("The person is not on a confirmed Form 01 list of their commune yet.")
        )
    return _apply(
        application,
        LoanStatus.ON_LIST,
        on=today,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_("Loan application (%(purpose)s): on the confirmed list (Form 01)."),
        list_entry=entry,
    )


def confirm_plan(
    application: LoanApplication, *, confirmed_on: date, expected_version: int, acting_user: Any
) -> LoanApplication:
    """Form 02: the commune People's Committee confirms a business's loan plan."""
    require_confirmer(acting_user, application.commune_id)
    if application.kind != LoanKind.BUSINESS:
        raise TransitionError(_("Form 02 confirms business loans only."))
    check_transition(application, LoanStatus.ON_LIST)
    return _apply(
        application,
        LoanStatus.ON_LIST,
        on=confirmed_on,
        acting_user=acting_user,
        expected_version=expected_version,
        plan_confirmed_on=confirmed_on,
        plan_confirmed_by=acting_user,
        plan_confirming_body=str(acting_user.agency),
    )


def submit_application(
    application: LoanApplication, *, submitted_on: date, expected_version: int, acting_user: Any
) -> LoanApplication:
    """Send the file to the bank. Refused while a rule is plainly not met; rules that only the
    bank can check (its other programmes) stay open for the bank."""
    require_role(acting_user, LOAN_DRAFTERS)
    check_transition(application, LoanStatus.SUBMITTED)
    extra: dict[str, Any] = {}
    if application.kind == LoanKind.BUSINESS:
        employer = application.employer
        extra = {
            "workforce": employer.workforce,
            "returnees_on_contract": employer.returnees_on_contract,
        }
        application.workforce = employer.workforce
        application.returnees_on_contract = employer.returnees_on_contract
    failing = assess(application, today=submitted_on).failing
    if failing:
        raise TransitionError(
            _("The application cannot go to the bank: %(rules)s.")
            % {"rules": "; ".join(line.rule for line in failing)}
        )
    return _apply(
        application,
        LoanStatus.SUBMITTED,
        on=submitted_on,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_(
            "Loan application (%(purpose)s, %(amount)s) submitted to the Social Policy Bank."
        ),
        submitted_on=submitted_on,
        **extra,
    )


# --- Loan applications: the bank ---------------------------------------------------------------


def approve(
    application: LoanApplication,
    *,
    amount: int,
    decided_on: date,
    no_other_debt: bool,
    expected_version: int,
    acting_user: Any,
) -> LoanApplication:
    """Approve `amount`: every rule must be met on the day of the decision, with that amount."""
    require_role(acting_user, LOAN_DECIDERS)
    check_transition(application, LoanStatus.APPROVED)
    if amount <= 0 or amount > application.amount_requested:
        raise ValidationError(
            {
                "amount": _(
                    "The approved amount must be more than 0 and at most the amount requested."
                )
            }
        )
    if application.submitted_on and decided_on < application.submitted_on:
        raise ValidationError(
            {"decided_on": _("The decision cannot be dated before the application was submitted.")}
        )
    other_debt = DebtDeclaration.NONE if no_other_debt else application.other_debt
    application.other_debt = other_debt
    assessment = assess(application, today=decided_on, amount=amount, on=decided_on)
    if not assessment.eligible:
        problems = assessment.failing + assessment.open
        raise TransitionError(
            _("The loan cannot be approved: %(rules)s.")
            % {"rules": "; ".join(line.rule for line in problems)}
        )
    return _apply(
        application,
        LoanStatus.APPROVED,
        on=decided_on,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_("Loan (%(purpose)s) approved by the Social Policy Bank: %(amount)s."),
        decided_on=decided_on,
        decided_by=acting_user,
        approved_amount=amount,
        other_debt=other_debt,
    )


def reject(
    application: LoanApplication,
    *,
    reason: str,
    decided_on: date,
    expected_version: int,
    acting_user: Any,
) -> LoanApplication:
    require_role(acting_user, LOAN_DECIDERS)
    check_transition(application, LoanStatus.REJECTED)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the rejection.")})
    if application.submitted_on and decided_on < application.submitted_on:
        raise ValidationError(
            {"decided_on": _("The decision cannot be dated before the application was submitted.")}
        )
    return _apply(
        application,
        LoanStatus.REJECTED,
        on=decided_on,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_("Loan application (%(purpose)s) rejected by the Social Policy Bank."),
        decided_on=decided_on,
        decided_by=acting_user,
        rejection_reason=reason.strip(),
    )


def disburse(
    application: LoanApplication,
    *,
    amount: int,
    disbursed_on: date,
    contract_number: str,
    expected_version: int,
    acting_user: Any,
) -> LoanApplication:
    require_role(acting_user, LOAN_DECIDERS)
    check_transition(application, LoanStatus.DISBURSED)
    if amount <= 0 or amount > (application.approved_amount or 0):
        raise ValidationError(
            {
                "amount": _(
                    "The disbursed amount must be more than 0 and at most the approved amount."
                )
            }
        )
    if application.decided_on and disbursed_on < application.decided_on:
        raise ValidationError(
            {"disbursed_on": _("The money cannot be paid out before the approval.")}
        )
    if not contract_number.strip():
        raise ValidationError({"contract_number": _("Enter the loan contract number.")})
    application.disbursed_amount = amount
    return _apply(
        application,
        LoanStatus.DISBURSED,
        on=disbursed_on,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_("Loan (%(purpose)s) disbursed: %(amount)s."),
        disbursed_on=disbursed_on,
        disbursed_amount=amount,
        contract_number=contract_number.strip(),
    )


def record_repayment(
    application: LoanApplication,
    *,
    amount: int,
    paid_on: date,
    arrears_cleared: bool = False,
    expected_version: int,
    acting_user: Any,
) -> LoanApplication:
    """Money paid back. The loan is settled when nothing is owed; an overdue loan stays overdue
    unless the bank says this payment cleared the arrears."""
    require_role(acting_user, LOAN_DECIDERS)
    if application.status not in DEBT_STATUSES:
        raise TransitionError(
            _("Repayments are recorded only for a disbursed loan that is still owed.")
        )
    outstanding = application.outstanding
    if amount <= 0 or amount > outstanding:
        raise ValidationError(
            {
                "amount": _("The payment must be more than 0 and at most the %(owed)s owed.")
                % {"owed": format_vnd(outstanding)}
            }
        )
    if application.disbursed_on and paid_on < application.disbursed_on:
        raise ValidationError({"paid_on": _("A payment cannot come before the disbursement.")})
    repaid = application.repaid_amount + amount
    if repaid >= (application.disbursed_amount or 0):
        target, summary, extra = (
            LoanStatus.SETTLED,
            _("Loan (%(purpose)s) settled in full."),
            {"settled_on": paid_on, "overdue_since": None},
        )
    elif application.status == LoanStatus.OVERDUE and not arrears_cleared:
        target, summary, extra = LoanStatus.OVERDUE, "", {}
    else:
        target, summary, extra = LoanStatus.REPAYING, "", {"overdue_since": None}
    check_transition(application, target)
    with transaction.atomic():
        Repayment.objects.create(
            application=application, paid_on=paid_on, amount=amount, recorded_by=acting_user
        )
        application.repaid_amount = repaid
        return _apply(
            application,
            target,
            on=paid_on,
            acting_user=acting_user,
            expected_version=expected_version,
            summary=summary,
            repaid_amount=repaid,
            **extra,
        )


def mark_overdue(
    application: LoanApplication, *, since: date, expected_version: int, acting_user: Any
) -> LoanApplication:
    """Debt not paid when due: interest on it runs at the overdue rate (Art. 9: 130%)."""
    require_role(acting_user, LOAN_DECIDERS)
    if application.status == LoanStatus.OVERDUE:
        raise TransitionError(_("The loan is already overdue."))
    check_transition(application, LoanStatus.OVERDUE)
    if application.disbursed_on and since <= application.disbursed_on:
        raise ValidationError({"since": _("A loan cannot be overdue before it was disbursed.")})
    return _apply(
        application,
        LoanStatus.OVERDUE,
        on=since,
        acting_user=acting_user,
        expected_version=expected_version,
        summary=_("Loan (%(purpose)s) overdue since %(since)s."),
        overdue_since=since,
        summary_extra={"since": since.strftime("%d/%m/%Y")},
    )


# --- Internals ------------------------------------------------------------------------------------


def _apply(
    application: LoanApplication,
    target: str,
    *,
    on: date,
    acting_user: Any,
    expected_version: int | None = None,
    summary: str = "",
    summary_extra: dict[str, str] | None = None,
    **values: Any,
) -> LoanApplication:
    """Change the status (and `values`), audit it and write the timeline, in one transaction."""
    check_transition(application, target)
    with transaction.atomic():
        if expected_version is None:
            expected_version = application.version
        # Services set some facts on the instance before calling (the workforce, the amount):
        # the audit's "before" is what is stored, not what the instance holds now.
        stored = LoanApplication.objects.filter(pk=application.pk).values(*_stored_names()).get()
        before = {name: stored[_attname(name)] for name in _STATE_FIELDS}
        application.status = target
        application.status_changed_on = on
        for name, value in values.items():
            setattr(application, name, value)
        save_versioned(application, expected_version=expected_version, fields=_STATE_FIELDS)
        record(
            Action.STATE_CHANGE,
            user=acting_user,
            obj=application,
            changes=diff(before, snapshot(application, _STATE_FIELDS)),
        )
        if summary:
            _timeline(
                application,
                on=on,
                acting_user=acting_user,
                summary=summary,
                extra=summary_extra or {},
            )
    return application


def _attname(name: str) -> str:
    return LoanApplication._meta.get_field(name).attname


def _stored_names() -> list[str]:
    return [_attname(name) for name in _STATE_FIELDS]


def _timeline(
    application: LoanApplication,
    *,
    on: date,
    acting_user: Any,
    summary: str,
    extra: dict[str, str] | None = None,
) -> None:
    """An entry on the person's most recent case; business loans have no person timeline."""
    if application.kind != LoanKind.INDIVIDUAL:
        return
    case = latest_case(application.person_id)
    if case is None:
        return
    amount = application.disbursed_amount or application.approved_amount
    values = {
        "purpose": application.get_purpose_display().lower(),
        "amount": format_vnd(amount or application.amount_requested),
        **(extra or {}),
    }
    add_event(
        case,
        kind=TIMELINE_KIND,
        occurred_on=on,
        summary=summary % values,
        actor=acting_user,
        source=application,
    )
