"""The sections of support's person page come from the providers registered with it."""

from __future__ import annotations

from taihoanhap.registry.panels import Panel
from taihoanhap.support import panels, sections


def _provider(title: str, order: int):
    def provide(person, user) -> list[Panel]:
        return [Panel(title=title, template="t.html", context=dict, order=order)]

    return provide


def test_sections_of_every_provider_come_in_their_order(monkeypatch):
    monkeypatch.setattr(sections, "_providers", [])
    sections.register(_provider("later", 300))
    sections.register(_provider("first", 100))
    assert [panel.title for panel in sections.sections_for(None, None)] == ["first", "later"]


def test_registering_a_provider_twice_shows_its_sections_once(monkeypatch):
    monkeypatch.setattr(sections, "_providers", [])
    provider = _provider("once", 100)
    sections.register(provider)
    sections.register(provider)
    assert len(sections.sections_for(None, None)) == 1


def test_support_registers_its_own_panels_when_the_app_is_ready():
    assert panels.panels_for in sections._providers
