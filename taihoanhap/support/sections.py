"""The sections of support's own person page, contributed by the apps that follow support.

Support's person page shows its own panels and those of apps built on support (jobs adds the
employment section). Those apps sit above support, so support cannot import them: each one
registers its `panels_for` here from its AppConfig.ready(), and the page asks this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from taihoanhap.registry.panels import Panel

PanelProvider = Callable[[Any, Any], list[Panel]]

_providers: list[PanelProvider] = []


def register(provider: PanelProvider) -> None:
    """Add a section provider; registering the same one twice (ready() re-run) adds it once."""
    if provider not in _providers:
        _providers.append(provider)


def sections_for(person: Any, user: Any) -> list[Panel]:
    """Every registered section the user may see, in their `order`."""
    panels = [panel for provider in _providers for panel in provider(person, user)]
    return sorted(panels, key=lambda panel: panel.order)
