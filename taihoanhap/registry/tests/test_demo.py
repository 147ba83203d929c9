"""The demo data: every state in the demo officer's commune, consistent citizen IDs, deadlines
due and overdue, and a constant number of queries whatever the volume.
"""

from __future__ import annotations

import random

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taihoanhap.accounts import demo as accounts_demo
from taihoanhap.core.citizen_id import parse_citizen_id
from taihoanhap.core.demo import DemoContext
from taihoanhap.registry import demo
from taihoanhap.registry.models import (
    Case,
    CaseStatus,
    Deadline,
    DeadlineStatus,
    Person,
)
from taihoanhap.tests.clock import today


def context(cast, persons: int) -> DemoContext:
    ctx = DemoContext(
        province=cast.province,
        communes=[cast.commune_a, cast.commune_b],
        persons=persons,
        rng=random.Random(7),
        today=today(),
        progress=lambda message: None,
    )
    accounts_demo.generate(ctx)
    return ctx


def test_the_demo_officers_commune_has_every_state_and_due_work(cast):
    ctx = context(cast, 200)
    demo.generate(ctx)
    assert Person.objects.count() == 200
    in_a = set(Case.objects.filter(person__commune=cast.commune_a).values_list("status", flat=True))
    assert in_a == set(CaseStatus.values)
    open_in_a = Deadline.objects.filter(commune=cast.commune_a, status=DeadlineStatus.OPEN)
    assert open_in_a.filter(due_on__lt=ctx.today).exists()
    assert open_in_a.filter(due_on__gte=ctx.today).exists()
    managed = Case.objects.filter(id__in=ctx.data["managed_case_ids"])
    assert managed.count() == len(ctx.data["managed_case_ids"]) > 0
    assert set(managed.values_list("status", flat=True)) <= {
        CaseStatus.UNDER_MANAGEMENT,
        CaseStatus.ON_PROBATION,
    }


def test_the_demo_people_have_vietnamese_names_and_consistent_ids(cast):
    demo.generate(context(cast, 150))
    people = list(Person.objects.all())
    assert any(person.full_name != person.name_key for person in people)
    for person in people:
        assert person.current_case_id is not None
        assert person.case_status
        if person.citizen_id:
            parse_citizen_id(person.citizen_id, birth_year=person.birth_year, sex=person.sex)


def test_the_demo_makes_no_query_per_person(cast):
    ctx = context(cast, 600)
    with CaptureQueriesContext(connection) as captured:
        demo.generate(ctx)
    # One insert per table and batch, a few lookups: nothing that grows with the people.
    assert len(captured) < 40
    assert Person.objects.count() == 600


def test_the_demo_command_fills_the_province(cast):
    call_command("demo_data", "--persons", "80", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Person.objects.count() == 80
