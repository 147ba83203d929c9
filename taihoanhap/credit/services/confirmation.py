"""The commune's confirmation of a loan application: on the list (Form 01), the confirmed plan
(Form 02) and the submission to the bank.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.core.errors import TransitionError
from taihoanhap.credit.access import LOAN_DRAFTERS, require_confirmer, require_role
from taihoanhap.credit.eligibility import assess
from taihoanhap.credit.models import (
    EligibleList,
    EligibleListEntry,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanStatus,
)
from taihoanhap.credit.services.base import _apply, check_transition
from taihoanhap.credit.services.lists import add_entry, create_list
from taihoanhap.geo.models import AdminUnit

# --- Loan applications: the commune's confirmation ------------------------------------------------


def open_list_for(commune: AdminUnit, *, today: date, acting_user: User) -> EligibleList:
    """The commune's Form 01 list still being drawn up (a new one if there is none)."""
    existing = (
        EligibleList.objects.filter(commune=commune, status=ListStatus.DRAFT)
        .order_by("-drawn_up_on", "-created_at")
        .first()
    )
    return existing or create_list(commune=commune, drawn_up_on=today, acting_user=acting_user)


def put_on_list(
    application: LoanApplication, *, today: date, acting_user: User
) -> EligibleListEntry:
    """From a draft application: add its person to the commune's Form 01 being drawn up."""
    require_role(acting_user, LOAN_DRAFTERS)
    if application.kind != LoanKind.INDIVIDUAL or application.status != LoanStatus.DRAFT:
        raise TransitionError(_("Only a draft individual application goes on Form 01."))
    person = application.person
    assert person is not None  # an individual loan has a person (credit_loan_borrower_fits_kind)
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
    application: LoanApplication, *, expected_version: int, today: date, acting_user: User
) -> LoanApplication:
    """A draft application whose person is already on a confirmed Form 01 of their commune."""
    from taihoanhap.credit.eligibility import confirmed_entry

    require_role(acting_user, LOAN_DRAFTERS)
    check_transition(application, LoanStatus.ON_LIST)
    if application.kind != LoanKind.INDIVIDUAL:
        raise TransitionError(_("A business loan is confirmed on Form 02."))
    person = application.person
    assert person is not None  # an individual loan has a person (credit_loan_borrower_fits_kind)
    entry = confirmed_entry(application.person_id, person.commune_id)
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
    application: LoanApplication, *, confirmed_on: date, expected_version: int, acting_user: User
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
    application: LoanApplication, *, submitted_on: date, expected_version: int, acting_user: User
) -> LoanApplication:
    """Send the file to the bank. Refused while a rule is plainly not met; rules that only the
    bank can check (its other programmes) stay open for the bank."""
    require_role(acting_user, LOAN_DRAFTERS)
    check_transition(application, LoanStatus.SUBMITTED)
    extra: dict[str, Any] = {}
    if application.kind == LoanKind.BUSINESS:
        employer = application.employer
        assert employer is not None  # a business loan has an employer (the same constraint)
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
