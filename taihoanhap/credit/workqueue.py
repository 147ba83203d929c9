"""Loan work for the commune police, the commune People's Committee and the bank.

- Commune police: applications confirmed on Form 01 / Form 02, to submit to the bank; lists
  returned by the People's Committee for correction.
- Leader of a commune People's Committee: Form 01 lists and Form 02 plans awaiting confirmation.
- Bank officer: applications awaiting a decision, approved loans awaiting disbursement.
No legal deadline applies to these steps: each item is due today (never shown as overdue) and
its title says since when it waits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.accounts.roles import Role
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.credit.access import may_confirm_for
from taihoanhap.credit.models import (
    EligibleList,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanStatus,
)
from taihoanhap.registry.rules import rule
from taihoanhap.registry.workqueue import WorkItem


def items_for(user: Any, today: date) -> list[WorkItem]:
    role = getattr(user, "role", None)
    if role == Role.COMMUNE_POLICE:
        return _police(user, today)
    if role == Role.LEADER and user.agency_id and may_confirm_for(user, user.agency.unit_id):
        return _committee(user, today)
    if role == Role.BANK_OFFICER:
        return _bank(user, today)
    return []


def _since(title: Any, day: date) -> str:
    return _("%(task)s (waiting since %(date)s)") % {
        "task": title,
        "date": day.strftime("%d/%m/%Y"),
    }


# Plain values, not model instances, the longest-waiting first, as many as the queue shows.


def _applications(
    queryset: QuerySet[LoanApplication], titles: dict[str, Any], today: date
) -> list[WorkItem]:
    """One item per application; `titles` gives the task for each status asked for."""
    rows = (
        queryset.filter(status__in=list(titles))
        .order_by("status_changed_on", "pk")
        .values_list("pk", "status", "status_changed_on", "person__full_name", "employer__name")
    )
    return [
        WorkItem(
            due_on=today,
            title=_since(titles[status], waiting_since),
            url=reverse_pk("credit:application_detail", pk),
            kind="credit_loan",
            person_name=person_name or employer_name or "",
            legal_source="Quyết định 22/2023/QĐ-TTg",
        )
        for pk, status, waiting_since, person_name, employer_name in rows[: _limit()]
    ]


def _list_item(pk: Any, waiting_since: date, title: Any, today: date) -> WorkItem:
    return WorkItem(
        due_on=today,
        title=_since(title, waiting_since),
        url=reverse_pk("credit:list_detail", pk),
        kind="credit_form01",
        legal_source="Quyết định 22/2023/QĐ-TTg, Mẫu số 01",
    )


def _limit() -> int:
    return rule("WORK_QUEUE_MAX_ITEMS")


def _police(user: Any, today: date) -> list[WorkItem]:
    items = _applications(
        LoanApplication.objects.visible_to(user),
        {LoanStatus.ON_LIST: _("Submit the loan application to the bank")},
        today,
    )
    returned = (
        EligibleList.objects.visible_to(user)
        .filter(status=ListStatus.DRAFT, returned_reason__gt="")
        .order_by("updated_at", "pk")
        .values_list("pk", "updated_at")
    )
    title = _("Correct Form 01 returned by the Committee")
    items += [
        _list_item(pk, timezone.localdate(updated_at), title, today)
        for pk, updated_at in returned[: _limit()]
    ]
    return items


def _committee(user: Any, today: date) -> list[WorkItem]:
    submitted = (
        EligibleList.objects.visible_to(user)
        .filter(status=ListStatus.SUBMITTED)
        .order_by("submitted_on", "drawn_up_on", "pk")
        .values_list("pk", "submitted_on", "drawn_up_on")
    )
    title = _("Confirm Form 01")
    items = [
        _list_item(pk, submitted_on or drawn_up_on, title, today)
        for pk, submitted_on, drawn_up_on in submitted[: _limit()]
    ]
    items += _applications(
        LoanApplication.objects.visible_to(user).filter(kind=LoanKind.BUSINESS),
        {LoanStatus.DRAFT: _("Confirm the business loan plan (Form 02)")},
        today,
    )
    return items


def _bank(user: Any, today: date) -> list[WorkItem]:
    return _applications(
        LoanApplication.objects.visible_to(user),
        {
            LoanStatus.SUBMITTED: _("Decide on the loan application"),
            LoanStatus.APPROVED: _("Record the disbursement"),
        },
        today,
    )
