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
    ahead, other duties up to the configured horizon), and incoming transfers to answer: one
    statement of two parts whatever the caseload, at most WORK_QUEUE_MAX_ITEMS of each, most
    urgent first.
    """
    from datetime import timedelta

    from django.utils.translation import gettext as _

    from taihoanhap.accounts.scope import scope_for
    from taihoanhap.core.models import choice_label
    from taihoanhap.core.reversing import reverse_pk
    from taihoanhap.core.sql import date_value, day, fetch, uuid_value
    from taihoanhap.registry.access import REGISTRY_WRITERS, incoming_transfer_sql
    from taihoanhap.registry.models import Deadline, DeadlineKind, DeadlineStatus
    from taihoanhap.registry.rules import rule

    if getattr(user, "role", None) not in REGISTRY_WRITERS:
        return []
    limit = rule("WORK_QUEUE_MAX_ITEMS")
    horizon = today + timedelta(days=rule("WORK_QUEUE_HORIZON_DAYS"))
    expected = today + timedelta(days=rule("EXPECTED_RETURN_HORIZON_DAYS"))
    # Hand-written (core.sql), Deadline.objects.visible_to's rule: the area copied onto each
    # deadline, one indexed range (area, status, due_on).
    area, params = scope_for(user).sql(Deadline, "d", province="province", commune="commune")
    sql = (
        "SELECT * FROM (SELECT d.due_on, d.kind, d.legal_source, c.person_id, p.full_name"  # noqa: S608
        " FROM registry_deadline d"
        " JOIN registry_case c ON c.id = d.case_id"
        " JOIN registry_person p ON p.id = c.person_id"
        f" WHERE {area} AND d.status = %s"
        " AND (d.due_on <= %s OR (d.kind = %s AND d.due_on <= %s))"
        " ORDER BY d.due_on, d.kind LIMIT %s) AS deadlines"
    )
    params += [
        DeadlineStatus.OPEN,
        day(horizon),
        DeadlineKind.EXPECTED_RETURN,
        day(expected),
        limit,
    ]
    # Transfers into the area (the transfer's id in the person's column), oldest first.
    pending = incoming_transfer_sql(user, "t")
    if pending is not None:
        condition, more = pending
        sql += (
            " UNION ALL SELECT * FROM (SELECT t.requested_on, %s, '', t.id, p.full_name"  # noqa: S608
            " FROM registry_transfer t JOIN registry_person p ON p.id = t.person_id"
            f" WHERE {condition} ORDER BY t.requested_on, t.id LIMIT %s) AS transfers"
        )
        params += [_TRANSFER, *more, limit]
    kind_field = Deadline._meta.get_field("kind")
    answer = _("Answer an incoming transfer")
    items = []
    for due_on, kind, legal_source, target, full_name in fetch(sql, params):
        if kind == _TRANSFER:
            title, url = answer, reverse_pk("registry:transfer_decide", uuid_value(target))
        else:
            title = choice_label(kind_field, kind)
            url = reverse_pk("registry:person_detail", uuid_value(target))
        items.append(
            WorkItem(
                due_on=date_value(due_on),
                title=title,
                url=url,
                kind=f"registry.{kind}",
                person_name=full_name,
                legal_source=legal_source,
            )
        )
    return items


_TRANSFER = "incoming_transfer"  # not a deadline kind: marks the transfers' rows
