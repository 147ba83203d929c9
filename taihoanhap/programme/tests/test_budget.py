"""Budget lines, allocations, spending and execution; over-spending needs an explicit override."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.tests.views import audited_views
from taihoanhap.programme import services
from taihoanhap.programme.models import BudgetActivity, BudgetLine, Spending
from taihoanhap.programme.selectors import execution_by_agency
from taihoanhap.programme.tests import factories as f

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 2)


@pytest.fixture
def finance(cast):
    return cast.users["finance"]


@pytest.fixture
def funded(cast, finance):
    return f.line(cast.agencies["home_affairs"], finance, allocated=10_000_000)


def _spend(line, user, amount, reason=""):
    return services.add_spending(
        line,
        amount=amount,
        spent_on=DAY,
        document_number="PC-001",
        description="Thuê hội trường",
        override_reason=reason,
        acting_user=user,
    )


def test_spending_up_to_the_allocation_is_recorded(funded, finance):
    _spend(funded, finance, 4_000_000)
    _spend(funded, finance, 6_000_000)  # exactly the allocation
    funded.refresh_from_db()
    assert (funded.spent_total, funded.remaining, funded.execution_percent) == (
        10_000_000,
        0,
        100.0,
    )
    assert not Spending.objects.filter(over_allocation=True).exists()


def test_spending_beyond_the_allocation_is_refused_without_an_override(funded, finance):
    _spend(funded, finance, 9_000_000)
    with pytest.raises(services.OverspendError, match=r"1\.000\.001 đ"):
        _spend(funded, finance, 2_000_001)
    funded.refresh_from_db()
    assert funded.spent_total == 9_000_000
    assert Spending.objects.count() == 1


def test_an_override_with_a_reason_is_recorded_and_audited(funded, finance):
    spending = _spend(funded, finance, 12_000_000, reason="Chỉ đạo khẩn của UBND tỉnh")
    assert spending.over_allocation
    assert spending.override_reason == "Chỉ đạo khẩn của UBND tỉnh"
    event = AuditEvent.objects.get(object_id=str(spending.pk), action=Action.CREATE)
    assert event.changes["override_reason"] == [None, "Chỉ đạo khẩn của UBND tỉnh"]
    assert event.note.startswith("override")
    funded.refresh_from_db()
    assert funded.execution_percent == 120.0


def test_a_reason_is_not_kept_when_no_override_was_needed(funded, finance):
    spending = _spend(funded, finance, 1_000_000, reason="không cần")
    assert (spending.over_allocation, spending.override_reason) == (False, "")


def test_allocations_add_up_on_the_line(funded, finance):
    services.add_allocation(
        funded,
        amount=5_000_000,
        allocated_on=DAY,
        decision_number="12/QĐ-UBND",
        acting_user=finance,
    )
    funded.refresh_from_db()
    assert funded.allocated_total == 15_000_000
    with pytest.raises(ValidationError):
        services.add_allocation(
            funded, amount=0, allocated_on=DAY, decision_number="x", acting_user=finance
        )


def test_execution_is_computed_per_agency(cast, finance):
    home = cast.agencies["home_affairs"]
    a = f.line(home, finance, allocated=10_000_000, title="A")
    b = f.line(home, finance, allocated=30_000_000, title="B")
    f.line(cast.agencies["education"], finance, allocated=0, title="C")
    _spend(a, finance, 10_000_000)
    _spend(b, finance, 5_000_000)
    rows = {row.agency: row for row in execution_by_agency(BudgetLine.objects.all())}
    assert rows[home.name].allocated == 40_000_000
    assert rows[home.name].spent == 15_000_000
    assert rows[home.name].percent == 37.5
    assert rows[cast.agencies["education"].name].percent is None


def test_only_the_finance_officer_keeps_the_budget(cast, funded):
    with pytest.raises(PermissionDenied):
        _spend(funded, cast.users["leader"], 1)


def test_a_line_for_an_agency_of_another_province_is_refused(cast, finance):
    with pytest.raises(PermissionDenied):
        services.create_line(
            year=2026,
            agency=cast.agencies["other_province_police"],
            activity=BudgetActivity.OTHER,
            title="Không thuộc tỉnh",
            acting_user=finance,
        )


def test_the_spending_page_offers_the_override_when_needed(cast, client_for, funded):
    client = client_for("finance")
    url = reverse("programme:spending_add", kwargs={"pk": funded.pk})
    form = {
        "amount": "11.000.000",
        "spent_on": "02/03/2026",
        "document_number": "PC-9",
        "description": "In tờ rơi",
    }
    refused = client.post(url, form)
    assert refused.status_code == 200
    assert refused.context["form"].errors["override"]
    assert not Spending.objects.exists()
    missing_reason = client.post(url, {**form, "override": "on"})
    assert missing_reason.context["form"].errors["override_reason"]
    accepted = client.post(url, {**form, "override": "on", "override_reason": "Tăng số lượng"})
    assert accepted.status_code == 302
    assert Spending.objects.get().over_allocation


def test_the_budget_overview_shows_execution_and_runs_constant_queries(
    cast, client_for, finance, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("leader")
    url = reverse("programme:budget_overview") + "?year=2026"
    f.line(cast.agencies["home_affairs"], finance, allocated=1_000_000, spent_total=500_000)
    with CaptureQueriesContext(connection) as before:
        page = client.get(url)
    assert "50%" in page.content.decode()
    for index in range(5):
        f.line(cast.agencies["education"], finance, allocated=1_000_000, title=f"L{index}")
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


def test_a_line_outside_the_users_area_answers_404(cast, client_for, finance):
    line = f.line(cast.agencies["home_affairs"], finance)
    url = reverse("programme:line_detail", kwargs={"pk": line.pk})
    assert client_for("other_province").get(url).status_code == 404
    assert client_for("commune_leader").get(url).status_code == 404
    assert client_for("leader").get(url).status_code == 200
    assert audited_views(object_id=str(line.pk)).exists()
