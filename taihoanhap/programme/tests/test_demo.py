"""The programme demo: budget with execution and one override, media, units meeting the target
and units not meeting it."""

from __future__ import annotations

import random
from datetime import date

import pytest

from taihoanhap.core.demo import DemoContext
from taihoanhap.programme import demo
from taihoanhap.programme.models import BudgetLine, MediaActivity, Spending, TargetRule
from taihoanhap.programme.selectors import compliance

pytestmark = pytest.mark.django_db


def test_the_demo_fills_budget_media_and_models(cast):
    ctx = DemoContext(
        province=cast.province,
        communes=[cast.commune_a, cast.commune_b],
        persons=0,
        rng=random.Random(3),
        today=date(2026, 11, 20),
        progress=lambda message: None,
    )
    ctx.agencies.update(cast.agencies)
    ctx.agencies["commune_committee_a"] = cast.agencies["committee_a"]
    ctx.users.update(
        {
            "taichinh": cast.users["finance"],
            "baochi": cast.users["media"],
            "ca.tinh": cast.users["province"],
            "lanhdao": cast.users["leader"],
        }
    )
    demo.generate(ctx)
    assert BudgetLine.objects.count() == len(demo.BUDGET)
    assert Spending.objects.filter(over_allocation=True).exclude(override_reason="").exists()
    assert MediaActivity.objects.count() == 30
    report = compliance(cast.users["leader"], cast.province, 2026)
    assert report.met_count == 1 and report.unmet_count == 1
    assert TargetRule.objects.filter(province=cast.province).exists()
