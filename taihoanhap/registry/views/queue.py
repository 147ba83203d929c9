"""“Việc cần làm”: the officer's overdue and upcoming duties, most urgent first."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from taihoanhap.accounts.access import allow
from taihoanhap.registry.rows import queue_rows
from taihoanhap.registry.rules import rule
from taihoanhap.registry.views.common import QUEUE_READERS
from taihoanhap.registry.workqueue import collect


@allow(read=QUEUE_READERS)
@never_cache
def work_queue(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    # The most urgent items only: a provincial officer's queue can hold thousands.
    limit = rule("WORK_QUEUE_MAX_ITEMS")
    items = collect(request.user, today)
    capped = len(items) >= limit  # at the limit, more may have been left out
    items = items[:limit]
    week = today + timedelta(days=7)
    groups = [
        ("overdue", [item for item in items if item.due_on < today]),
        ("today", [item for item in items if item.due_on == today]),
        ("week", [item for item in items if today < item.due_on <= week]),
        ("later", [item for item in items if item.due_on > week]),
    ]
    return render(
        request,
        "registry/work_queue.html",
        {
            # (key, items, their HTML rows) for each group that has items.
            "groups": [
                (key, rows, queue_rows(rows, overdue=key == "overdue"))
                for key, rows in groups
                if rows
            ],
            "count": len(items),
            "today": today,
            "horizon": rule("WORK_QUEUE_HORIZON_DAYS"),
            "expected_horizon": rule("EXPECTED_RETURN_HORIZON_DAYS"),
            "capped": capped,
        },
    )
