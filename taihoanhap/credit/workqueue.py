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

from django.utils.translation import gettext as _

from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import scope_for
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.core.sql import date_value, fetch, in_condition, local_date, uuid_value
from taihoanhap.credit.access import may_confirm_for
from taihoanhap.credit.models import EligibleList, ListStatus, LoanKind, LoanStatus
from taihoanhap.employers.models import Employer
from taihoanhap.registry.access import person_scope_sql
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


# Hand-written reads (core.sql) with the scope of the models' visible_to, the longest-waiting
# first, as many as the queue shows.


def _applications(
    user: Any, titles: dict[str, Any], today: date, *, kind: str | None = None
) -> list[WorkItem]:
    """One item per application in the user's scope (LoanApplication.objects.visible_to:
    an individual loan by its person, a business loan by its employer) whose status is one of
    `titles`, which gives the task for each.
    """
    person_area, person_params = person_scope_sql(user, "p")
    employer_area, employer_params = scope_for(user).sql(
        Employer, "e", province="province", commune="commune"
    )
    statuses, status_params = in_condition("a.status", list(titles))
    only_kind = " AND a.kind = %s" if kind else ""
    rows = fetch(
        "SELECT a.id, a.status, a.status_changed_on, p.full_name, e.name"  # noqa: S608
        " FROM credit_loanapplication a"
        " LEFT JOIN registry_person p ON p.id = a.person_id"
        " LEFT JOIN jobs_employer e ON e.id = a.employer_id"
        f" WHERE {statuses}{only_kind}"
        f" AND ((a.kind = %s AND {person_area}) OR (a.kind = %s AND {employer_area}))"
        " ORDER BY a.status_changed_on, a.id LIMIT %s",
        [
            *status_params,
            *([kind] if kind else []),
            LoanKind.INDIVIDUAL,
            *person_params,
            LoanKind.BUSINESS,
            *employer_params,
            _limit(),
        ],
    )
    return [
        WorkItem(
            due_on=today,
            title=_since(titles[status], date_value(waiting_since)),
            url=reverse_pk("credit:application_detail", uuid_value(pk)),
            kind="credit_loan",
            person_name=person_name or employer_name or "",
            legal_source="Quyết định 22/2023/QĐ-TTg",
        )
        for pk, status, waiting_since, person_name, employer_name in rows
    ]


def _lists(user: Any, where: str, params: list[Any], order: str) -> list[tuple[Any, ...]]:
    """Form 01 lists in the user's area (EligibleList.objects.visible_to) matching `where`."""
    area, area_params = scope_for(user).sql(
        EligibleList, "l", province="province", commune="commune"
    )
    return fetch(
        "SELECT l.id, l.updated_at, l.submitted_on, l.drawn_up_on FROM credit_eligiblelist l"  # noqa: S608
        f" WHERE {area} AND {where} ORDER BY {order} LIMIT %s",
        [*area_params, *params, _limit()],
    )


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
        user, {LoanStatus.ON_LIST: _("Submit the loan application to the bank")}, today
    )
    returned = _lists(
        user,
        "l.status = %s AND l.returned_reason > %s",
        [ListStatus.DRAFT, ""],
        "l.updated_at, l.id",
    )
    title = _("Correct Form 01 returned by the Committee")
    items += [
        _list_item(uuid_value(pk), local_date(updated_at), title, today)
        for pk, updated_at, _submitted, _drawn_up in returned
    ]
    return items


def _committee(user: Any, today: date) -> list[WorkItem]:
    submitted = _lists(
        user, "l.status = %s", [ListStatus.SUBMITTED], "l.submitted_on, l.drawn_up_on, l.id"
    )
    title = _("Confirm Form 01")
    items = [
        _list_item(uuid_value(pk), date_value(submitted_on or drawn_up_on), title, today)
        for pk, _updated, submitted_on, drawn_up_on in submitted
    ]
    items += _applications(
        user,
        {LoanStatus.DRAFT: _("Confirm the business loan plan (Form 02)")},
        today,
        kind=LoanKind.BUSINESS,
    )
    return items


def _bank(user: Any, today: date) -> list[WorkItem]:
    return _applications(
        user,
        {
            LoanStatus.SUBMITTED: _("Decide on the loan application"),
            LoanStatus.APPROVED: _("Record the disbursement"),
        },
        today,
    )
