"""What the credit services share: the status transitions, the fields a status change writes,
and the audited status change with its timeline entry (`_apply`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import save_audited
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.money import format_vnd
from taihoanhap.credit.eligibility import latest_case
from taihoanhap.credit.models import LoanApplication, LoanKind, LoanStatus
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


# --- Internals ------------------------------------------------------------------------------------


def _apply(
    application: LoanApplication,
    target: str,
    *,
    on: date,
    acting_user: User,
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
        save_audited(
            application,
            before=before,
            action=Action.STATE_CHANGE,
            expected_version=expected_version,
            acting_user=acting_user,
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
    field = LoanApplication._meta.get_field(name)
    assert isinstance(field, models.Field), f"{name} is a column of LoanApplication"
    return field.attname


def _stored_names() -> list[str]:
    return [_attname(name) for name in _STATE_FIELDS]


def _timeline(
    application: LoanApplication,
    *,
    on: date,
    acting_user: User,
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
