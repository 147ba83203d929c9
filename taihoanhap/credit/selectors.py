"""Reads of the credit app, each starting from the scoped querysets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.credit.access import (
    CONFIRMERS,
    LOAN_DECIDERS,
    LOAN_DRAFTERS,
    may_confirm_for,
)
from taihoanhap.credit.models import (
    DEBT_STATUSES,
    EligibleList,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanStatus,
)
from taihoanhap.registry.models import Case, Person

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


def applications_for(user: User) -> QuerySet[LoanApplication]:
    return LoanApplication.objects.visible_to(user).select_related("person", "employer", "commune")


def filter_applications(
    qs: QuerySet[LoanApplication], data: dict[str, Any]
) -> QuerySet[LoanApplication]:
    from taihoanhap.credit.forms import ApplicationFilterForm

    if data.get("status"):
        qs = qs.filter(status=data["status"])
    if data.get("kind"):
        qs = qs.filter(kind=data["kind"])
    if data.get("purpose"):
        qs = qs.filter(purpose=data["purpose"])
    if data.get("commune"):
        qs = qs.filter(commune=data["commune"])
    order = ApplicationFilterForm.SORTS.get(data.get("sort") or "date", "-status_changed_on")
    return qs.order_by(order, "-created_at")


def borrowable_persons(user: User) -> QuerySet[Person]:
    """Persons in the user's scope who have a release recorded (a case)."""
    return (
        Person.objects.visible_to(user)
        .filter(pk__in=Case.objects.values("person_id"))
        .order_by("name_key")
    )


@dataclass(frozen=True)
class StatusTotal:
    status: str
    label: str | Promise
    count: int
    requested: int
    disbursed: int


@dataclass(frozen=True)
class CommuneTotal:
    commune: str
    count: int
    disbursed: int
    outstanding: int
    overdue: int


def totals(qs: QuerySet[LoanApplication]) -> tuple[list[StatusTotal], list[CommuneTotal]]:
    """Counts and VND by status, and lending per commune (two queries)."""
    by_status = {
        row["status"]: row
        for row in qs.order_by()
        .values("status")
        .annotate(n=Count("pk"), requested=Sum("amount_requested"), paid=Sum("disbursed_amount"))
    }
    statuses = [
        StatusTotal(
            status=status.value,
            label=status.label,
            count=by_status.get(status, {}).get("n", 0),
            requested=by_status.get(status, {}).get("requested") or 0,
            disbursed=by_status.get(status, {}).get("paid") or 0,
        )
        for status in LoanStatus
    ]
    communes = [
        CommuneTotal(
            commune=f"{row['commune__name']}",
            count=row["n"],
            disbursed=row["paid"] or 0,
            outstanding=(row["paid_open"] or 0) - (row["repaid_open"] or 0),
            overdue=row["overdue"],
        )
        for row in qs.order_by("commune__name_key")
        .values("commune__name", "commune__name_key")
        .annotate(
            n=Count("pk"),
            paid=Sum("disbursed_amount"),
            paid_open=Sum("disbursed_amount", filter=Q(status__in=DEBT_STATUSES)),
            repaid_open=Sum("repaid_amount", filter=Q(status__in=DEBT_STATUSES)),
            overdue=Count("pk", filter=Q(status=LoanStatus.OVERDUE)),
        )
    ]
    return statuses, communes


@dataclass(frozen=True)
class Action:
    label: str | Promise
    url: str
    primary: bool = False
    danger: bool = False


def actions_for(application: LoanApplication, user: User) -> list[Action]:
    """What `user` may do next with `application`, by role and status."""
    role = getattr(user, "role", None)
    status = application.status
    pk = application.pk
    actions: list[Action] = []

    def add(label: Any, name: str, **flags: bool) -> None:
        actions.append(Action(label, reverse(f"credit:{name}", kwargs={"pk": pk}), **flags))

    if role in LOAN_DRAFTERS:
        if status == LoanStatus.DRAFT and application.kind == LoanKind.INDIVIDUAL:
            add(_("Put on Form 01"), "application_put_on_list", primary=True)
            add(_("Already on a confirmed Form 01"), "application_mark_on_list")
        if status == LoanStatus.ON_LIST:
            add(_("Submit to the bank"), "application_submit", primary=True)
        if status == LoanStatus.DRAFT or (
            status == LoanStatus.ON_LIST and application.kind == LoanKind.INDIVIDUAL
        ):
            add(_("Correct the application"), "application_edit")
    if (
        role in CONFIRMERS
        and application.kind == LoanKind.BUSINESS
        and status == LoanStatus.DRAFT
        and may_confirm_for(user, application.commune_id)
    ):
        add(_("Confirm the loan plan (Form 02)"), "application_confirm_plan", primary=True)
    if role in LOAN_DECIDERS:
        if status == LoanStatus.SUBMITTED:
            add(_("Approve"), "application_approve", primary=True)
            add(_("Reject"), "application_reject", danger=True)
        if status == LoanStatus.APPROVED:
            add(_("Record the disbursement"), "application_disburse", primary=True)
        if status in DEBT_STATUSES:
            add(_("Record a repayment"), "application_repay", primary=True)
        if status in (LoanStatus.DISBURSED, LoanStatus.REPAYING):
            add(_("Record overdue debt"), "application_overdue", danger=True)
    return actions


def lists_for(user: User) -> QuerySet[EligibleList]:
    return (
        EligibleList.objects.visible_to(user)
        .select_related("commune", "drawn_up_by")
        .annotate(entry_count=Count("entries"))
    )


def list_statuses() -> list[tuple[str, Any]]:
    return list(ListStatus.choices)
