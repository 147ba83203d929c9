"""Every write of the credit app: dated parameters, Form 01, loan applications and their status.

Each service runs in one transaction, checks the transition, saves with the version the user
read and writes its audit event (`audit.services.save_audited`) and, for an individual loan,
the person's timeline entry, all in that transaction. Timeline summaries carry the loan's kind,
purpose and amount, never anything about the offence.

Status (Decision 22/2023/QĐ-TTg, in the order the work happens):
draft → on the confirmed list (Form 01) / plan confirmed (Form 02) → submitted to the bank →
approved or rejected → disbursed → repaying → settled, or overdue.

The services live by stage in `parameters`, `lists`, `applications`, `confirmation`, `decisions`
and `repayment`, what they share in `base`; this package re-exports the ones the views, forms,
demo and tests call (`services.approve(...)`).
"""

from taihoanhap.credit.services.applications import (
    ApplicationData,
    create_business_application,
    create_individual_application,
    update_application,
)
from taihoanhap.credit.services.base import EDITABLE_FIELDS, check_transition
from taihoanhap.credit.services.confirmation import (
    confirm_plan,
    mark_on_list,
    put_on_list,
    submit_application,
)
from taihoanhap.credit.services.decisions import approve, reject
from taihoanhap.credit.services.lists import (
    add_entry,
    confirm_list,
    create_list,
    remove_entry,
    return_list,
    submit_list,
)
from taihoanhap.credit.services.parameters import add_parameter
from taihoanhap.credit.services.repayment import disburse, mark_overdue, record_repayment

__all__ = [
    "EDITABLE_FIELDS",
    "ApplicationData",
    "add_entry",
    "add_parameter",
    "approve",
    "check_transition",
    "confirm_list",
    "confirm_plan",
    "create_business_application",
    "create_individual_application",
    "create_list",
    "disburse",
    "mark_on_list",
    "mark_overdue",
    "put_on_list",
    "record_repayment",
    "reject",
    "remove_entry",
    "return_list",
    "submit_application",
    "submit_list",
    "update_application",
]
