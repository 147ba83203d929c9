"""After approval: disbursement, repayments and overdue debt."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.money import format_vnd
from taihoanhap.credit.access import LOAN_DECIDERS, require_role
from taihoanhap.credit.models import DEBT_STATUSES, LoanApplication, LoanStatus, Repayment
from taihoanhap.credit.services.base import _apply, check_transition


def disburse(
    application: LoanApplication,
    *,
    amount: int,
    disbursed_on: date,
    contract_number: str,
    expected_version: int,
    acting_user: User,
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
    acting_user: User,
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
    # The columns the new status sets, passed on to _apply as its **values.
    extra: dict[str, Any]
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
    application: LoanApplication, *, since: date, expected_version: int, acting_user: User
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
