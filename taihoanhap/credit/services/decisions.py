"""The bank's decision on a loan application: approved or rejected."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.core.errors import TransitionError
from taihoanhap.credit.access import LOAN_DECIDERS, require_role
from taihoanhap.credit.eligibility import assess
from taihoanhap.credit.models import DebtDeclaration, LoanApplication, LoanStatus
from taihoanhap.credit.services.base import _apply, check_transition

# --- Loan applications: the bank ---------------------------------------------------------------


def approve(
    application: LoanApplication,
    *,
    amount: int,
    decided_on: date,
    no_other_debt: bool,
    expected_version: int,
    acting_user: User,
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
    acting_user: User,
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
