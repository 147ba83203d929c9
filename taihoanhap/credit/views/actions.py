"""Status changes of a loan application, each behind a confirmation step.

GET shows what will happen (and why it cannot, if the status does not allow it); POST calls the
service and comes back to the application with a message saying what was recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taihoanhap.accounts.access import allow
from taihoanhap.core.editing import save_form
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.money import format_vnd
from taihoanhap.credit import services
from taihoanhap.credit.access import CONFIRMERS, LOAN_DECIDERS, LOAN_DRAFTERS, require_confirmer
from taihoanhap.credit.forms import (
    ApproveForm,
    ConfirmForm,
    DatedConfirmForm,
    DisburseForm,
    RejectForm,
    RepayForm,
)
from taihoanhap.credit.models import DEBT_STATUSES, LoanApplication, LoanKind, LoanStatus
from taihoanhap.credit.views.common import get_application, today


@dataclass(frozen=True)
class Step:
    title: str | Promise
    explanation: str | Promise
    button: str | Promise
    target: str | None
    make_form: Callable[[Any, LoanApplication], forms.Form]
    perform: Callable[[LoanApplication, dict[str, Any], Any], str]
    check: Callable[[Any, LoanApplication], None] | None = None
    danger: bool = False
    # Why the step is impossible in the application's current state ("" if it is possible);
    # by default, whether the status may move to `target`.
    blocked: Callable[[LoanApplication], str] | None = None

    def why_blocked(self, application: LoanApplication) -> str:
        if self.blocked is not None:
            return self.blocked(application)
        if self.target is None:
            return ""
        try:
            services.check_transition(application, self.target)
        except TransitionError as error:
            return error.messages[0]
        return ""


def _run(request: HttpRequest, pk: Any, step: Step) -> HttpResponse:
    application = get_application(request, pk)
    if step.check is not None:
        step.check(request.user, application)
    blocked = step.why_blocked(application)
    form = step.make_form(request.POST if request.method == "POST" else None, application)
    back = reverse("credit:application_detail", kwargs={"pk": application.pk})
    done = None
    if not blocked:
        done = save_form(
            request,
            form,
            lambda data: step.perform(application, data, request.user),
            success=str,  # the step says what it did
            then=back,
            record=application,
        )
    return done or render(
        request,
        "credit/application_action.html",
        {
            "application": application,
            "step": step,
            "form": form,
            "blocked": blocked,
            "back": back,
        },
    )


def _version(data: Any, application: LoanApplication) -> ConfirmForm:
    return ConfirmForm(data, initial={"version": application.version})


def _dated(label: Any) -> Callable[[Any, LoanApplication], DatedConfirmForm]:
    def make(data: Any, application: LoanApplication) -> DatedConfirmForm:
        return DatedConfirmForm(
            data, initial={"version": application.version}, today=today(), label=label
        )

    return make


def _confirmer_check(user: Any, application: LoanApplication) -> None:
    require_confirmer(user, application.commune_id)


# --- Commune police -----------------------------------------------------------------------------


def _put_on_list(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    entry = services.put_on_list(application, today=today(), acting_user=user)
    return _(
        "Recorded: %(person)s is on %(list)s, to be sent to the commune People's Committee."
    ) % {
        "person": application.person,
        "list": entry.eligible_list,
    }


PUT_ON_LIST = Step(
    title=gettext_lazy("Put the person on Form 01"),
    explanation=gettext_lazy(
        "The person is added to the commune's Form 01 list being drawn up (a new list is "
        "started if there is none). When the commune People's Committee confirms the list, "
        "this application moves on by itself."
    ),
    button=gettext_lazy("Put on Form 01"),
    target=None,
    make_form=lambda data, application: forms.Form(data),
    perform=_put_on_list,
    blocked=lambda application: (
        ""
        if application.kind == LoanKind.INDIVIDUAL and application.status == LoanStatus.DRAFT
        else _("Only a draft individual application goes on Form 01.")
    ),
)


def _mark_on_list(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.mark_on_list(
        application, expected_version=data["version"], today=today(), acting_user=user
    )
    return _("Recorded: the application is on the confirmed list.")


MARK_ON_LIST = Step(
    title=gettext_lazy("The person is already on a confirmed Form 01"),
    explanation=gettext_lazy(
        "The system looks for the person on a Form 01 list of their commune already confirmed "
        "by the commune People's Committee, and links this application to it."
    ),
    button=gettext_lazy("Link to the confirmed list"),
    target=LoanStatus.ON_LIST,
    make_form=_version,
    perform=_mark_on_list,
)


def _submit(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.submit_application(
        application, submitted_on=data["on"], expected_version=data["version"], acting_user=user
    )
    return _("Recorded: the application has been submitted to the Social Policy Bank.")


SUBMIT = Step(
    title=gettext_lazy("Submit the application to the bank"),
    explanation=gettext_lazy(
        "The file goes to the Social Policy Bank for its decision and can no longer be "
        "corrected here. It is refused if a condition is plainly not met."
    ),
    button=gettext_lazy("Submit to the bank"),
    target=LoanStatus.SUBMITTED,
    make_form=_dated(gettext_lazy("Submitted on")),
    perform=_submit,
)


# --- Commune People's Committee -------------------------------------------------------------------


def _confirm_plan(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.confirm_plan(
        application, confirmed_on=data["on"], expected_version=data["version"], acting_user=user
    )
    return _("Recorded: the commune People's Committee confirmed the loan plan (Form 02).")


CONFIRM_PLAN = Step(
    title=gettext_lazy("Confirm the business's loan plan (Form 02)"),
    explanation=gettext_lazy(
        "The commune People's Committee confirms that the business operates in the commune, "
        "employs the returnees stated and that the loan plan is as described. The confirmation "
        "is recorded with your name and cannot be undone."
    ),
    button=gettext_lazy("Confirm Form 02"),
    target=LoanStatus.ON_LIST,
    make_form=_dated(gettext_lazy("Confirmed on")),
    perform=_confirm_plan,
    check=_confirmer_check,
)


# --- The bank ---------------------------------------------------------------------------------


def _approve_form(data: Any, application: LoanApplication) -> ApproveForm:
    return ApproveForm(
        data,
        initial={"version": application.version, "amount": application.amount_requested},
        today=today(),
        label=gettext_lazy("Decided on"),
    )


def _approve(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.approve(
        application,
        amount=data["amount"],
        decided_on=data["on"],
        no_other_debt=data["no_other_debt"],
        expected_version=data["version"],
        acting_user=user,
    )
    return _("Recorded: the loan of %(amount)s is approved.") % {
        "amount": format_vnd(data["amount"])
    }


APPROVE = Step(
    title=gettext_lazy("Approve the loan"),
    explanation=gettext_lazy(
        "Every condition must be met on the day of the decision, with the approved amount. "
        "The person's timeline records the approval."
    ),
    button=gettext_lazy("Approve"),
    target=LoanStatus.APPROVED,
    make_form=_approve_form,
    perform=_approve,
)


def _reject(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.reject(
        application,
        reason=data["reason"],
        decided_on=data["on"],
        expected_version=data["version"],
        acting_user=user,
    )
    return _("Recorded: the application is rejected.")


REJECT = Step(
    title=gettext_lazy("Reject the application"),
    explanation=gettext_lazy(
        "The application is closed with your reason, which the commune police will read. "
        "A new application can be drawn up later."
    ),
    button=gettext_lazy("Reject"),
    target=LoanStatus.REJECTED,
    make_form=lambda data, application: RejectForm(
        data,
        initial={"version": application.version},
        today=today(),
        label=gettext_lazy("Decided on"),
    ),
    perform=_reject,
    danger=True,
)


def _disburse(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.disburse(
        application,
        amount=data["amount"],
        disbursed_on=data["on"],
        contract_number=data["contract_number"],
        expected_version=data["version"],
        acting_user=user,
    )
    return _("Recorded: %(amount)s disbursed.") % {"amount": format_vnd(data["amount"])}


DISBURSE = Step(
    title=gettext_lazy("Record the disbursement"),
    explanation=gettext_lazy(
        "Record the money paid out under the loan contract. Interest runs at the rate in force "
        "from this day."
    ),
    button=gettext_lazy("Record the disbursement"),
    target=LoanStatus.DISBURSED,
    make_form=lambda data, application: DisburseForm(
        data,
        initial={"version": application.version, "amount": application.approved_amount},
        today=today(),
        label=gettext_lazy("Disbursed on"),
    ),
    perform=_disburse,
)


def _repay_form(data: Any, application: LoanApplication) -> RepayForm:
    form = RepayForm(
        data,
        initial={"version": application.version},
        today=today(),
        label=gettext_lazy("Paid on"),
    )
    if application.status != LoanStatus.OVERDUE:
        del form.fields["arrears_cleared"]
    return form


def _repay(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.record_repayment(
        application,
        amount=data["amount"],
        paid_on=data["on"],
        arrears_cleared=data.get("arrears_cleared", False),
        expected_version=data["version"],
        acting_user=user,
    )
    if application.status == LoanStatus.SETTLED:
        return _("Recorded: the loan is settled in full.")
    return _("Recorded: a repayment of %(amount)s; %(owed)s still owed.") % {
        "amount": format_vnd(data["amount"]),
        "owed": format_vnd(application.outstanding),
    }


REPAY = Step(
    title=gettext_lazy("Record a repayment"),
    explanation=gettext_lazy(
        "When the payment covers everything still owed, the loan is recorded as settled."
    ),
    button=gettext_lazy("Record the repayment"),
    target=None,
    make_form=_repay_form,
    perform=_repay,
    blocked=lambda application: (
        ""
        if application.status in DEBT_STATUSES
        else _("Repayments are recorded only for a disbursed loan that is still owed.")
    ),
)


def _overdue(application: LoanApplication, data: dict[str, Any], user: Any) -> str:
    services.mark_overdue(
        application, since=data["on"], expected_version=data["version"], acting_user=user
    )
    return _("Recorded: the loan is overdue; the overdue rate applies to the debt.")


OVERDUE = Step(
    title=gettext_lazy("Record overdue debt"),
    explanation=gettext_lazy(
        "The debt was not paid when due. From this day the overdue rate (130 percent of the "
        "lending rate) applies, and the person's timeline records it."
    ),
    button=gettext_lazy("Record overdue debt"),
    target=LoanStatus.OVERDUE,
    make_form=_dated(gettext_lazy("Overdue since")),
    perform=_overdue,
    danger=True,
)


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def put_on_list(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, PUT_ON_LIST)


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def mark_on_list(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, MARK_ON_LIST)


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def submit(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, SUBMIT)


@allow(read=CONFIRMERS, write=CONFIRMERS)
def confirm_plan(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, CONFIRM_PLAN)


@allow(read=LOAN_DECIDERS, write=LOAN_DECIDERS)
def approve(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, APPROVE)


@allow(read=LOAN_DECIDERS, write=LOAN_DECIDERS)
def reject(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, REJECT)


@allow(read=LOAN_DECIDERS, write=LOAN_DECIDERS)
def disburse(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, DISBURSE)


@allow(read=LOAN_DECIDERS, write=LOAN_DECIDERS)
def repay(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, REPAY)


@allow(read=LOAN_DECIDERS, write=LOAN_DECIDERS)
def overdue(request: HttpRequest, pk: Any) -> HttpResponse:
    return _run(request, pk, OVERDUE)
