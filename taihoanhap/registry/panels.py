"""Sections that other apps add to the person page.

An app contributes with `<app>/panels.py` defining `panels_for(person, user) -> list[Panel]`;
it returns only what `user` may see (the person is already known to be in the user's scope).
Deciding which panels a user gets must not query the database: a panel's context is given as a
function, called only when the section is opened (`person_section`), and it uses a constant
number of queries. The person page lists the sections folded; each loads on demand, so the
page itself costs the same whatever the other agencies recorded. A panel's template is
rendered without the request (no context processors, no CSRF token): it links to its app's
pages rather than holding a form.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.utils.functional import Promise

from taihoanhap.core.discovery import app_hooks


class Panel:
    def __init__(
        self,
        title: str | Promise,
        template: str,
        context: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
        order: int = 100,
    ):
        self.title = title
        self.template = template
        self.order = order
        self._context = context if context is not None else {}

    @property
    def key(self) -> str:
        """The section's name in its URL: the template's path, e.g. "support-panels-needs"."""
        return self.template.removesuffix(".html").replace("/", "-")

    @cached_property
    def context(self) -> dict[str, Any]:
        """The template's values, computed (with their queries) on first use."""
        return self._context() if callable(self._context) else self._context

    def __repr__(self) -> str:
        return f"<Panel {self.key}>"


def panels_for(person: Any, user: Any) -> list[Panel]:
    # This module's own panels_for is the collector, not a contribution.
    providers = app_hooks("panels", "panels_for", exclude=__name__)
    panels = [panel for provider in providers for panel in provider(person, user)]
    return sorted(panels, key=lambda panel: panel.order)
