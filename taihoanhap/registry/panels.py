"""Sections that other apps add to the person page.

An app contributes with `<app>/panels.py` defining `panels_for(person, user) -> list[Panel]`;
it returns only what `user` may see (the person is already known to be in the user's scope) and
uses a constant number of queries. The person page renders each panel's template with its
context, ordered by `order`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.functional import Promise


@dataclass(frozen=True)
class Panel:
    title: str | Promise
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


@cache
def _providers() -> tuple[Any, ...]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("taihoanhap."):
            continue
        if f"{config.name}.panels" == __name__:
            continue  # this module: the registry renders its own sections directly
        try:
            module = import_module(f"{config.name}.panels")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.panels":
                raise
            continue
        if hasattr(module, "panels_for"):
            found.append(module.panels_for)
    return tuple(found)


def panels_for(person: Any, user: Any) -> list[Panel]:
    panels = [panel for provider in _providers() for panel in provider(person, user)]
    return sorted(panels, key=lambda panel: panel.order)
