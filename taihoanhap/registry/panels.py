"""Sections that other apps add to the person page.

An app contributes with `<app>/panels.py` defining `panels_for(person, user) -> list[Panel]`;
it returns only what `user` may see (the person is already known to be in the user's scope) and
uses a constant number of queries. The person page renders each panel's template with its
context, ordered by `order`, without the request (so no context processors and no CSRF
token: a panel links to its app's pages rather than holding a form).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from taihoanhap.core.discovery import app_hooks


@dataclass(frozen=True)
class Panel:
    title: str | Promise
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def panels_for(person: Any, user: Any) -> list[Panel]:
    # This module's own panels_for is the collector, not a contribution.
    providers = app_hooks("panels", "panels_for", exclude=__name__)
    panels = [panel for provider in providers for panel in provider(person, user)]
    return sorted(panels, key=lambda panel: panel.order)
