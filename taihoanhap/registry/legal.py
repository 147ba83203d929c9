"""The registry's configurable legal numbers, for the index of legal rules (core.legal_index)."""

from __future__ import annotations

from taihoanhap.core.legal_index import REGISTRY_RULE
from taihoanhap.registry.rules import RULES


def configuration() -> dict[str, str]:
    """Each rule of registry.rules, with the legal source its definition cites."""
    return {REGISTRY_RULE + name: rule.source for name, rule in RULES.items()}


def defaults() -> dict[str, object]:
    """Each rule's default (a deployment may override it with the REGISTRY_RULES setting)."""
    return {REGISTRY_RULE + name: rule.default for name, rule in RULES.items()}
