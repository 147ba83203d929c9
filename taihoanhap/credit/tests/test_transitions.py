"""The status of a loan: each legal step audited and on the timeline, each illegal one refused."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import StaleRecordError
from taihoanhap.credit import services
from taihoanhap.credit.models import (
    DebtDeclaration,
    ListStatus,
    LoanApplication,
    LoanPurpose,
    LoanStatus,
)
from taihoanhap.credit.services import ApplicationData
from taihoanhap.credit.tests import factories as f
from taihoanhap.registry.models import CaseEvent

pytestmark = pytest.mark.django_db

DAY = date(2025, 10, 1)


def _approve(loan, bank, *, amount=50_000_000, decided_on=DAY, no_other_debt=True):
    """The bank approves `loan` at the version it read."""
    return services.approve(
        loan,
        amount=amount,
        decided_on=decided_on,
        no_other_debt=no_other_debt,
        expected_version=loan.version,
        acting_user=bank,
    )


@pytest.fixture
def police(cast):
    return cast.users["commune_a"]


@pytest.fixture
def bank(cast):
    return cast.users["bank"]


@pytest.fixture
def committee(cast):
    return cast.users["commune_leader"]


def _events(loan: LoanApplication) -> list[str]:
    return list(
        CaseEvent.objects.filter(source_id=str(loan.pk))
        .order_by("occurred_on", "recorded_at")
        .values_list("summary", flat=True)
    )


def _audited(loan: LoanApplication, action: str = Action.STATE_CHANGE) -> int:
    return AuditEvent.objects.filter(
        object_type="credit.loanapplication", object_id=str(loan.pk), action=action
    ).count()


def test_an_individual_loan_goes_through_every_status(cast, police, bank, committee):
    case = f.returnee(cast.commune_a, completed_on=date(2024, 3, 1))
    loan = services.create_individual_application(
        person=case.person,
        data=ApplicationData(
            purpose=LoanPurpose.PRODUCTION,
            amount_requested=60_000_000,
            representative_name="Nguyễn Thị Mẹ",
            representative_relationship="parent",
        ),
        today=DAY,
        acting_user=police,
    )
    assert loan.status == LoanStatus.DRAFT
    entry = services.put_on_list(loan, today=DAY, acting_user=police)
    the_list = entry.eligible_list
    services.submit_list(the_list, expected_version=the_list.version, today=DAY, acting_user=police)
    moved = services.confirm_list(
        the_list, confirmed_on=DAY, expected_version=the_list.version, acting_user=committee
    )
    assert [item.pk for item in moved] == [loan.pk]
    loan.refresh_from_db()
    assert loan.status == LoanStatus.ON_LIST
    assert loan.list_entry == entry

    services.submit_application(
        loan, submitted_on=date(2025, 10, 2), expected_version=loan.version, acting_user=police
    )
    _approve(loan, bank, decided_on=date(2025, 10, 6))
    assert (loan.status, loan.approved_amount, loan.other_debt) == (
        LoanStatus.APPROVED,
        50_000_000,
        DebtDeclaration.NONE,
    )
    services.disburse(
        loan,
        amount=50_000_000,
        disbursed_on=date(2025, 10, 8),
        contract_number="HĐ-0001",
        expected_version=loan.version,
        acting_user=bank,
    )
    services.record_repayment(
        loan,
        amount=10_000_000,
        paid_on=date(2026, 4, 8),
        expected_version=loan.version,
        acting_user=bank,
    )
    assert (loan.status, loan.outstanding) == (LoanStatus.REPAYING, 40_000_000)
    services.mark_overdue(
        loan, since=date(2026, 10, 9), expected_version=loan.version, acting_user=bank
    )
    assert loan.status == LoanStatus.OVERDUE
    services.record_repayment(
        loan,
        amount=5_000_000,
        paid_on=date(2026, 11, 1),
        expected_version=loan.version,
        acting_user=bank,
    )
    assert loan.status == LoanStatus.OVERDUE  # the arrears were not said to be cleared
    services.record_repayment(
        loan,
        amount=35_000_000,
        paid_on=date(2026, 12, 1),
        expected_version=loan.version,
        acting_user=bank,
    )
    loan.refresh_from_db()
    assert (loan.status, loan.outstanding, loan.settled_on) == (
        LoanStatus.SETTLED,
        0,
        date(2026, 12, 1),
    )
    assert loan.repayments.count() == 3
    # Every status change is audited with its changed fields.
    assert _audited(loan) == 8
    approval = AuditEvent.objects.filter(
        object_id=str(loan.pk), changes__status=[LoanStatus.SUBMITTED, LoanStatus.APPROVED]
    ).get()
    assert approval.changes["approved_amount"] == [None, 50_000_000]
    assert approval.user == bank
    # The timeline tells the story, without anything about the offence.
    summaries = _events(loan)
    assert len(summaries) == 7
    assert "50.000.000 đ" in summaries[3]
    assert all(f.OFFENCE not in text and f.JUDGMENT not in text for text in summaries)
    assert CaseEvent.objects.filter(source_id=str(loan.pk), case=case).count() == 7


def test_a_business_loan_is_confirmed_on_form_02_by_the_commune(cast, police, bank, committee):
    company = f.employer(cast.commune_a, workforce=40, returnees=4)
    loan = services.create_business_application(
        employer=company,
        data=ApplicationData(
            purpose=LoanPurpose.PRODUCTION,
            amount_requested=400_000_000,
            collateral="Nhà xưởng",
        ),
        today=DAY,
        acting_user=police,
    )
    services.confirm_plan(
        loan, confirmed_on=DAY, expected_version=loan.version, acting_user=committee
    )
    assert loan.status == LoanStatus.ON_LIST
    assert loan.plan_confirming_body == str(committee.agency)
    company.returnees_on_contract = 5  # hired one more; the file takes the facts when submitted
    company.save()
    services.submit_application(
        loan, submitted_on=DAY, expected_version=loan.version, acting_user=police
    )
    loan.refresh_from_db()
    assert loan.returnees_on_contract == 5
    assert CaseEvent.objects.count() == 0  # a business has no person timeline


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (LoanStatus.DRAFT, "approve"),
        (LoanStatus.DRAFT, "submit"),
        (LoanStatus.SUBMITTED, "disburse"),
        (LoanStatus.APPROVED, "reject"),
        (LoanStatus.SETTLED, "overdue"),
        (LoanStatus.REJECTED, "approve"),
        (LoanStatus.OVERDUE, "overdue"),
        (LoanStatus.APPROVED, "repay"),
    ],
)
def test_an_illegal_transition_is_refused(cast, police, bank, status, action):
    loan = f.individual(
        f.returnee(cast.commune_a),
        police,
        status=status,
        approved_amount=50_000_000,
        disbursed_amount=50_000_000 if status in (LoanStatus.OVERDUE,) else None,
        decided_on=DAY,
    )
    calls = {
        "approve": lambda: _approve(loan, bank, amount=1_000_000),
        "submit": lambda: services.submit_application(
            loan, submitted_on=DAY, expected_version=loan.version, acting_user=police
        ),
        "disburse": lambda: services.disburse(
            loan,
            amount=1_000_000,
            disbursed_on=DAY,
            contract_number="X",
            expected_version=loan.version,
            acting_user=bank,
        ),
        "reject": lambda: services.reject(
            loan, reason="Không", decided_on=DAY, expected_version=loan.version, acting_user=bank
        ),
        "overdue": lambda: services.mark_overdue(
            loan, since=date(2026, 1, 1), expected_version=loan.version, acting_user=bank
        ),
        "repay": lambda: services.record_repayment(
            loan, amount=1, paid_on=DAY, expected_version=loan.version, acting_user=bank
        ),
    }
    with pytest.raises(TransitionError):
        calls[action]()
    loan.refresh_from_db()
    assert loan.status == status
    assert _audited(loan) == 0


def test_the_bank_cannot_approve_an_amount_over_the_limit(cast, police, bank):
    case = f.returnee(cast.commune_a)
    f.eligible_list(cast.commune_a, police, cases=[case])
    loan = f.individual(
        case, police, status=LoanStatus.SUBMITTED, amount=120_000_000, collateral="Đất"
    )
    with pytest.raises(TransitionError, match=r"100\.000\.000"):
        _approve(loan, bank, amount=110_000_000)


def test_the_bank_must_check_its_other_programmes_before_approving(cast, police, bank):
    case = f.returnee(cast.commune_a)
    f.eligible_list(cast.commune_a, police, cases=[case])
    loan = f.individual(case, police, status=LoanStatus.SUBMITTED)
    with pytest.raises(TransitionError):
        _approve(loan, bank, no_other_debt=False)


def test_a_business_whose_share_fell_below_10_percent_cannot_submit(cast, police, committee):
    company = f.employer(cast.commune_a, workforce=40, returnees=4)
    loan = f.business(company, police, status=LoanStatus.ON_LIST, plan_confirmed_on=DAY)
    company.workforce = 50
    company.save()
    with pytest.raises(TransitionError, match="10%"):
        services.submit_application(
            loan, submitted_on=DAY, expected_version=loan.version, acting_user=police
        )


def test_a_file_failing_a_rule_cannot_be_submitted(cast, police):
    case = f.returnee(cast.commune_a, completed_on=date(2019, 1, 2))  # window ended in 2024
    loan = f.individual(case, police, status=LoanStatus.ON_LIST)
    with pytest.raises(TransitionError, match="5"):
        services.submit_application(
            loan, submitted_on=DAY, expected_version=loan.version, acting_user=police
        )


def test_a_rejection_needs_a_reason_and_is_on_the_timeline(cast, police, bank):
    loan = f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        services.reject(
            loan, reason="  ", decided_on=DAY, expected_version=loan.version, acting_user=bank
        )
    services.reject(
        loan,
        reason="Chưa có phương án sử dụng vốn",
        decided_on=DAY,
        expected_version=loan.version,
        acting_user=bank,
    )
    assert loan.rejection_reason == "Chưa có phương án sử dụng vốn"
    assert len(_events(loan)) == 1


def test_a_stale_version_is_refused(cast, police, bank):
    loan = f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.SUBMITTED)
    stale = loan.version
    LoanApplication.objects.filter(pk=loan.pk).update(version=stale + 1)
    with pytest.raises(StaleRecordError):
        services.reject(
            loan, reason="Lý do", decided_on=DAY, expected_version=stale, acting_user=bank
        )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.SUBMITTED


def test_only_the_communes_peoples_committee_confirms_form_01(cast, police):
    the_list = f.eligible_list(cast.commune_a, police, status=ListStatus.SUBMITTED)
    for user in (cast.users["leader"], cast.users["commune_a"], cast.users["bank"]):
        with pytest.raises(PermissionDenied):
            services.confirm_list(
                the_list, confirmed_on=DAY, expected_version=the_list.version, acting_user=user
            )
    the_list.refresh_from_db()
    assert the_list.status == ListStatus.SUBMITTED


def test_a_committee_of_another_commune_cannot_confirm(cast, police):
    from taihoanhap.accounts.models import Agency
    from taihoanhap.accounts.roles import AgencyKind, Role
    from taihoanhap.tests.cast import make_user

    agency_b = Agency.objects.create(
        name="UBND xã Xuân Lộc", kind=AgencyKind.COMMUNE_COMMITTEE, unit=cast.commune_b
    )
    leader_b = make_user("leader_b", Role.LEADER, agency_b)
    the_list = f.eligible_list(cast.commune_a, police, status=ListStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.confirm_list(
            the_list, confirmed_on=DAY, expected_version=the_list.version, acting_user=leader_b
        )


def test_a_confirmed_list_no_longer_changes(cast, police):
    case = f.returnee(cast.commune_a)
    the_list = f.eligible_list(cast.commune_a, police, cases=[case])
    with pytest.raises(TransitionError):
        services.add_entry(the_list, person=f.returnee(cast.commune_a).person, acting_user=police)
    with pytest.raises(TransitionError):
        services.remove_entry(the_list.entries.get(), acting_user=police)


def test_a_returned_list_goes_back_to_the_police_with_the_reason(cast, police, committee):
    the_list = f.eligible_list(
        cast.commune_a, police, status=ListStatus.SUBMITTED, cases=[f.returnee(cast.commune_a)]
    )
    services.return_list(
        the_list,
        reason="Thiếu địa chỉ",
        expected_version=the_list.version,
        acting_user=committee,
    )
    assert (the_list.status, the_list.returned_reason) == (ListStatus.DRAFT, "Thiếu địa chỉ")


def test_a_person_living_elsewhere_cannot_go_on_the_communes_list(cast, police):
    the_list = f.eligible_list(cast.commune_a, police, status=ListStatus.DRAFT)
    with pytest.raises(ValidationError):
        services.add_entry(the_list, person=f.returnee(cast.commune_b).person, acting_user=police)


def test_mark_on_list_links_an_existing_confirmed_entry(cast, police):
    case = f.returnee(cast.commune_a)
    the_list = f.eligible_list(cast.commune_a, police, cases=[case])
    loan = f.individual(case, police)
    services.mark_on_list(loan, expected_version=loan.version, today=DAY, acting_user=police)
    assert loan.status == LoanStatus.ON_LIST
    assert loan.list_entry == the_list.entries.get()


def test_mark_on_list_is_refused_without_a_confirmed_entry(cast, police):
    loan = f.individual(f.returnee(cast.commune_a), police)
    with pytest.raises(TransitionError):
        services.mark_on_list(loan, expected_version=loan.version, today=DAY, acting_user=police)


def test_other_roles_cannot_call_the_banks_services(cast, police):
    loan = f.individual(f.returnee(cast.commune_a), police, status=LoanStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.reject(
            loan, reason="x", decided_on=DAY, expected_version=loan.version, acting_user=police
        )


def test_a_repayment_cannot_exceed_what_is_owed(cast, police, bank):
    loan = f.individual(
        f.returnee(cast.commune_a),
        police,
        status=LoanStatus.DISBURSED,
        disbursed_amount=10_000_000,
        disbursed_on=DAY,
    )
    with pytest.raises(ValidationError):
        services.record_repayment(
            loan,
            amount=10_000_001,
            paid_on=DAY,
            expected_version=loan.version,
            acting_user=bank,
        )
