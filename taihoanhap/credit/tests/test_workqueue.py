"""Loan work in the work queue: what each role has to do next, within its area."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from taihoanhap.credit.models import ListStatus, LoanStatus
from taihoanhap.credit.tests import factories as f
from taihoanhap.credit.workqueue import items_for

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


def test_the_bank_officer_sees_files_to_decide_and_to_pay_out(cast):
    police = cast.users["commune_a"]
    f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.SUBMITTED)
    f.individual(f.returnee(cast.commune_b), police, status=LoanStatus.APPROVED)
    f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.DRAFT)
    items = items_for(cast.users["bank"], TODAY)
    assert len(items) == 2
    assert all(not item.is_overdue(TODAY) for item in items)
    assert {item.kind for item in items} == {"credit_loan"}


def test_the_commune_committee_sees_lists_and_plans_to_confirm_in_its_commune(cast):
    police = cast.users["commune_a"]
    f.eligible_list(cast.commune_a, police, status=ListStatus.SUBMITTED)
    f.eligible_list(cast.commune_b, cast.users["commune_b"], status=ListStatus.SUBMITTED)
    f.business(f.employer(cast.commune_a), police)
    items = items_for(cast.users["commune_leader"], TODAY)
    assert sorted(item.kind for item in items) == ["credit_form01", "credit_loan"]


def test_the_commune_police_see_files_ready_for_the_bank(cast):
    police = cast.users["commune_a"]
    f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.ON_LIST)
    f.individual(f.returnee(cast.commune_b), police, status=LoanStatus.ON_LIST)
    assert len(items_for(police, TODAY)) == 1
    assert items_for(cast.users["leader"], TODAY) == []  # a provincial leader confirms nothing


def test_the_work_queue_lists_every_file_in_a_constant_number_of_queries(
    cast, django_assert_max_num_queries
):
    police = cast.users["commune_a"]
    loans = [
        f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.SUBMITTED)
        for _ in range(6)
    ]
    bank = cast.users["bank"]
    items_for(bank, TODAY)
    with django_assert_max_num_queries(2):
        items = items_for(bank, TODAY)
    # All six files, each naming its borrower: an empty or short queue would also be fast.
    expected = {
        (reverse("credit:application_detail", kwargs={"pk": loan.pk}), loan.person.full_name)
        for loan in loans
    }
    assert {(item.url, item.person_name) for item in items} == expected
    assert len(items) == 6


def test_the_longest_waiting_files_come_first_and_name_the_borrower(cast):
    police = cast.users["commune_a"]
    recent = f.individual(
        f.returnee(cast.commune_a), police, status=LoanStatus.ON_LIST, status_changed_on=TODAY
    )
    waiting = f.individual(
        f.returnee(cast.commune_a),
        police,
        status=LoanStatus.ON_LIST,
        status_changed_on=date(2026, 1, 5),
    )
    items = items_for(police, TODAY)
    assert [item.person_name for item in items] == [
        waiting.person.full_name,
        recent.person.full_name,
    ]
    assert "05/01/2026" in str(items[0].title)
    assert str(waiting.pk) in items[0].url
