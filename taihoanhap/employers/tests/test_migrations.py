"""Employer moved from jobs to employers without touching its rows (state-only migrations).

Runs the real migrations on the test database (SQLite or PostgreSQL, as the suite does): back
to where Employer lived in jobs, rows written there, then forward to the latest state.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

# The state just before the move: jobs, credit and programme at their last migration before it.
BEFORE = [
    ("employers", None),
    ("jobs", "0002_vacancies_employment_consent_fairs"),
    ("credit", "0002_seed_decision_22_2023_parameters"),
    ("programme", "0002_seed_default_target"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_employers_written_before_the_move_are_read_after_it_with_their_vacancies():
    old = _migrate(BEFORE)
    unit = old.get_model("geo", "AdminUnit")
    province = unit.objects.create(
        level="province", kind="tinh", code="75", name="Đồng Nai", valid_from=date(2025, 7, 1)
    )
    commune = unit.objects.create(
        level="commune",
        kind="phuong",
        code="26041",
        name="Trấn Biên",
        parent=province,
        valid_from=date(2025, 7, 1),
    )
    employer = old.get_model("jobs", "Employer").objects.create(
        name="Công ty May Biên Hòa",
        tax_code="3601234567",
        sector="may mặc",
        size="small",
        commune=commune,
        province=province,
    )
    old.get_model("jobs", "Vacancy").objects.create(
        employer=employer,
        title="Thợ may",
        trade="may",
        count=3,
        commune=commune,
        province=province,
        opens_on=date(2026, 1, 1),
        closes_on=date(2026, 2, 1),
    )
    content_type = old.get_model("contenttypes", "ContentType")
    content_type.objects.get_or_create(app_label="jobs", model="employer")

    new = _migrate(_latest())

    moved = new.get_model("employers", "Employer").objects.get(pk=employer.pk)
    assert moved.name == "Công ty May Biên Hòa"
    assert new.get_model("jobs", "Vacancy").objects.get().employer_id == moved.pk
    assert new.get_model("employers", "Employer")._meta.db_table == "jobs_employer"
    labels = set(
        new.get_model("contenttypes", "ContentType")
        .objects.filter(model="employer")
        .values_list("app_label", flat=True)
    )
    assert labels == {"employers"}
