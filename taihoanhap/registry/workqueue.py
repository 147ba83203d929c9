"""The work queue ("Việc cần làm"): what is due for an officer, most urgent first.

Each app may contribute items from `<app>/workqueue.py` with a function
`items_for(user, today) -> list[WorkItem]` that returns only items inside the user's scope,
uses a constant number of queries and returns at most WORK_QUEUE_MAX_ITEMS items, the most
urgent first (so the merged top of the queue is exact). `collect()` merges them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from django.utils.functional import Promise

from taihoanhap.core.discovery import app_hooks


class WorkItem(NamedTuple):
    """One duty. A named tuple: a queue visit builds up to a few hundred of them."""

    due_on: date
    title: str | Promise  # what to do, e.g. "Xác minh nơi cư trú"
    url: str  # where to do it (opaque IDs only)
    kind: str
    person_name: str = ""
    legal_source: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


def collect(user: Any, today: date) -> list[WorkItem]:
    providers = app_hooks("workqueue", "items_for")
    items = [item for provider in providers for item in provider(user, today)]
    return sorted(items, key=_urgency)


def _urgency(item: WorkItem) -> tuple[date, str]:
    return item.due_on, str(item.title)


# --- The registry's own items ------------------------------------------------------------------


def items_for(user: Any, today: date) -> list[WorkItem]:
    """Open registry deadlines in the user's jurisdiction (expected returns up to 60 days
    ahead, other duties up to the configured horizon), and incoming transfers to answer.
    Two queries whatever the caseload (the transfers' one shared with the scope's check); at
    most WORK_QUEUE_MAX_ITEMS of each, most urgent first.
    """
    from datetime import timedelta

    from django.utils.translation import gettext as _

    from taihoanhap.accounts.scope import scope_for
    from taihoanhap.core.models import choice_label
    from taihoanhap.core.reversing import reverse_pk
    from taihoanhap.core.sql import date_value, day, fetch, uuid_value
    from taihoanhap.registry.access import REGISTRY_WRITERS, incoming_transfers
    from taihoanhap.registry.models import Deadline, DeadlineKind, DeadlineStatus
    from taihoanhap.registry.rules import rule

    if getattr(user, "role", None) not in REGISTRY_WRITERS:
        return []
    limit = rule("WORK_QUEUE_MAX_ITEMS")
    horizon = today + timedelta(days=rule("WORK_QUEUE_HORIZON_DAYS"))
    expected = today + timedelta(days=rule("EXPECTED_RETURN_HORIZON_DAYS"))
    # Hand-written (core.sql), Deadline.objects.visible_to's rule: the area copied onto each
    # deadline, one indexed range (area, status, due_on).
    area, area_params = scope_for(user).sql(province="d.province_id", commune="d.commune_id")
    deadlines = fetch(
        "SELECT d.due_on, d.kind, d.legal_source, c.person_id, p.full_name"  # noqa: S608
        " FROM registry_deadline d"
        " JOIN registry_case c ON c.id = d.case_id"
        " JOIN registry_person p ON p.id = c.person_id"
        f" WHERE {area} AND d.status = %s"
        " AND (d.due_on <= %s OR (d.kind = %s AND d.due_on <= %s))"
        " ORDER BY d.due_on, d.kind LIMIT %s",
        [
            *area_params,
            DeadlineStatus.OPEN,
            day(horizon),
            DeadlineKind.EXPECTED_RETURN,
            day(expected),
            limit,
        ],
    )
    kind_field = Deadline._meta.get_field("kind")
    items = [
        WorkItem(
            due_on=date_value(due_on),
            title=choice_label(kind_field, kind),
            url=reverse_pk("registry:person_detail", uuid_value(person_id)),
            kind=f"registry.{kind}",
            person_name=full_name,
            legal_source=legal_source,
        )
        for due_on, kind, legal_source, person_id, full_name in deadlines
    ]
    # The same rows that open these persons' pages to the receiving commune (read once).
    answer = _("Answer an incoming transfer")
    items += [
        WorkItem(
            due_on=requested_on,
            title=answer,
            url=reverse_pk("registry:transfer_decide", pk),
            kind="registry.incoming_transfer",
            person_name=full_name,
        )
        for pk, requested_on, _person_id, full_name in incoming_transfers(user)[:limit]
    ]
    return items
