"""The demo makes loans in every status through the services, and copes with no persons."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from taihoanhap.accounts.roles import Role
from taihoanhap.audit.models import AuditEvent
from taihoanhap.core.demo import DemoContext
from taihoanhap.credit import demo
from taihoanhap.credit.models import LoanApplication, LoanKind, LoanStatus
from taihoanhap.credit.tests import factories as f
from taihoanhap.registry.models import CaseEvent
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db


def _ctx(cast) -> DemoContext:
    ctx = DemoContext(
        province=cast.province,
        communes=[cast.commune_a, cast.commune_b],
        persons=20,
        rng=random.Random(1),
        today=today(),
        progress=lambda message: None,
    )
    ctx.users["nganhang"] = cast.users["bank"]
    ctx.data["commune_a"], ctx.data["commune_b"] = cast.commune_a, cast.commune_b
    return ctx


def test_the_demo_makes_loans_in_every_status(cast):
    for index in range(12):
        f.returnee(
            cast.commune_a if index % 2 else cast.commune_b,
            completed_on=today() - timedelta(days=400 + index),
        )
    demo.generate(_ctx(cast))
    statuses = set(
        LoanApplication.objects.filter(kind=LoanKind.INDIVIDUAL).values_list("status", flat=True)
    )
    assert statuses == set(LoanStatus.values)
    assert LoanApplication.objects.filter(kind=LoanKind.BUSINESS).exists()
    assert CaseEvent.objects.filter(kind="credit_loan").exists()
    assert AuditEvent.objects.filter(object_type="credit.loanapplication").exists()
    # A People's Committee leader was created for commune B, which had none.
    assert cast.commune_b.pk in {
        unit for unit in LoanApplication.objects.values_list("commune", flat=True)
    }
    from taihoanhap.accounts.models import User

    assert User.objects.filter(role=Role.LEADER, agency__unit=cast.commune_b).exists()


def test_the_demo_without_persons_still_makes_business_loans(cast):
    demo.generate(_ctx(cast))
    assert not LoanApplication.objects.filter(kind=LoanKind.INDIVIDUAL).exists()
    assert LoanApplication.objects.filter(kind=LoanKind.BUSINESS).count() == 3
