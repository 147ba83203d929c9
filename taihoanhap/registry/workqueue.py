"""The work queue ("Việc cần làm"): what is due for an officer, most urgent first.

Each app may contribute items from `<app>/workqueue.py` with a function
`items_for(user, today) -> list[WorkItem]` that returns only items inside the user's scope and
uses a constant number of queries. `collect()` merges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.functional import Promise


@dataclass(frozen=True)
class WorkItem:
    due_on: date
    title: str | Promise  # what to do, e.g. "Xác minh nơi cư trú"
    url: str  # where to do it (opaque IDs only)
    kind: str
    person_name: str = ""
    legal_source: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


@cache
def _providers() -> tuple[Any, ...]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("taihoanhap."):
            continue
        try:
            module = import_module(f"{config.name}.workqueue")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.workqueue":
                raise
            continue
        if hasattr(module, "items_for"):
            found.append(module.items_for)
    return tuple(found)


def collect(user: Any, today: date) -> list[WorkItem]:
    items = [item for provider in _providers() for item in provider(user, today)]
    return sorted(items, key=lambda item: (item.due_on, str(item.title)))
