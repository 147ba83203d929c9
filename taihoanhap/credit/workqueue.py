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

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.credit.access import may_confirm_for
from taihoanhap.credit.models import (
    EligibleList,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanStatus,
)
from taihoanhap.registry.workqueue import WorkItem

LIMIT = 100


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


def _application_item(application: LoanApplication, title: Any, today: date) -> WorkItem:
    return WorkItem(
        due_on=today,
        title=_since(title, application.status_changed_on),
        url=reverse("credit:application_detail", kwargs={"pk": application.pk}),
        kind="credit_loan",
        person_name=application.borrower_label,
        legal_source="Quyết định 22/2023/QĐ-TTg",
    )


def _list_item(eligible_list: EligibleList, day: date, title: Any, today: date) -> WorkItem:
    return WorkItem(
        due_on=today,
        title=_since(title, day),
        url=reverse("credit:list_detail", kwargs={"pk": eligible_list.pk}),
        kind="credit_form01",
        legal_source="Quyết định 22/2023/QĐ-TTg, Mẫu số 01",
    )


def _police(user: Any, today: date) -> list[WorkItem]:
    applications = LoanApplication.objects.visible_to(user).filter(status=LoanStatus.ON_LIST)
    items = [
        _application_item(application, _("Submit the loan application to the bank"), today)
        for application in applications.select_related("person", "employer")[:LIMIT]
    ]
    returned = EligibleList.objects.visible_to(user).filter(
        status=ListStatus.DRAFT, returned_reason__gt=""
    )
    items += [
        _list_item(
            item, item.updated_at.date(), _("Correct Form 01 returned by the Committee"), today
        )
        for item in returned.select_related("commune")[:LIMIT]
    ]
    return items


def _committee(user: Any, today: date) -> list[WorkItem]:
    lists = EligibleList.objects.visible_to(user).filter(status=ListStatus.SUBMITTED)
    items = [
        _list_item(item, item.submitted_on or item.drawn_up_on, _("Confirm Form 01"), today)
        for item in lists.select_related("commune")[:LIMIT]
    ]
    plans = LoanApplication.objects.visible_to(user).filter(
        kind=LoanKind.BUSINESS, status=LoanStatus.DRAFT
    )
    items += [
        _application_item(application, _("Confirm the business loan plan (Form 02)"), today)
        for application in plans.select_related("employer")[:LIMIT]
    ]
    return items


def _bank(user: Any, today: date) -> list[WorkItem]:
    applications = (
        LoanApplication.objects.visible_to(user)
        .filter(status__in=[LoanStatus.SUBMITTED, LoanStatus.APPROVED])
        .select_related("person", "employer")
    )
    return [
        _application_item(
            application,
            _("Decide on the loan application")
            if application.status == LoanStatus.SUBMITTED
            else _("Record the disbursement"),
            today,
        )
        for application in applications[:LIMIT]
    ]
