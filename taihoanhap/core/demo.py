"""The demo-data framework: each app adds its part in `<app>/demo.py`.

`manage.py demo_data` builds a DemoContext and calls `generate(ctx)` of every app's demo module
in INSTALLED_APPS order (accounts before registry before support ...), so later issues extend
the demo by adding a module, not by editing this one.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DEMO_PASSWORD = "demo-taihoanhap-2026"  # noqa: S105 - documented demo accounts, never production

# The agencies' demo (needs, referrals, courses, jobs) covers at most this many cases, oldest
# first (the demo communes come first): at a million persons it would otherwise hold every open
# case and its records in memory for no gain in realism. The registry itself is never bounded.
AGENCY_DEMO_CASES = 25_000


@dataclass
class DemoContext:
    province: Any
    communes: list[Any]
    persons: int
    rng: random.Random
    today: date
    progress: Callable[[str], None]
    # Filled by the apps as they go, for the apps after them.
    agencies: dict[str, Any] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
