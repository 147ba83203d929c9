"""Each condition of Decision 22/2023/QĐ-TTg on its boundary, with the limits as dated rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from taihoanhap.credit.eligibility import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    assess,
    person_lines,
)
from taihoanhap.credit.models import (
    CreditParameter,
    DebtDeclaration,
    ListStatus,
    LoanPurpose,
    LoanStatus,
    ParameterKey,
)
from taihoanhap.credit.parameters import parameters_on, rates_on
from taihoanhap.credit.tests import factories as f
from taihoanhap.registry.models import ReleaseType

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


def _on_list(cast, officer, case):
    f.eligible_list(cast.commune_a, officer, cases=[case])


def _status(application, code, day=date(2025, 10, 1), amount=None):
    return assess(application, today=day, on=day, amount=amount).line(code).status


# --- Certificate --------------------------------------------------------------------------


def test_a_person_without_a_certificate_does_not_meet_the_certificate_rule(cast, officer):
    loan = f.individual(f.returnee(cast.commune_a, certificate=False), officer)
    assert _status(loan, "certificate") == NOT_MET


def test_an_amnesty_certificate_meets_the_certificate_rule(cast, officer):
    case = f.returnee(cast.commune_a, release_type=ReleaseType.AMNESTY)
    line = assess(f.individual(case, officer), today=date(2025, 10, 1)).line("certificate")
    assert line.status == MET
    assert "215/GCN-TG" in line.detail


# --- Within 5 years of completing the sentence (Civil Code Art. 147-148) -------------------


def test_borrowing_on_the_fifth_anniversary_is_within_the_window(cast, officer):
    # Completed Wednesday 03/03/2021; five years end on Tuesday 03/03/2026, a working day.
    loan = f.individual(f.returnee(cast.commune_a, completed_on=date(2021, 3, 3)), officer)
    assert _status(loan, "window", date(2026, 3, 3)) == MET


def test_borrowing_the_day_after_the_fifth_anniversary_is_too_late(cast, officer):
    loan = f.individual(f.returnee(cast.commune_a, completed_on=date(2021, 3, 3)), officer)
    assert _status(loan, "window", date(2026, 3, 4)) == NOT_MET


def test_a_window_ending_on_a_saturday_runs_to_the_next_working_day(cast, officer):
    # 07/03/2026 is a Saturday: the period ends at the end of Monday 09/03/2026 (Art. 148(5)).
    loan = f.individual(f.returnee(cast.commune_a, completed_on=date(2021, 3, 7)), officer)
    assert _status(loan, "window", date(2026, 3, 9)) == MET
    assert _status(loan, "window", date(2026, 3, 10)) == NOT_MET


def test_a_parolee_completes_the_sentence_at_the_end_of_the_term(cast, officer):
    case = f.returnee(
        cast.commune_a, completed_on=date(2020, 1, 6), release_type=ReleaseType.PAROLE
    )
    sentence = case.release.sentence
    sentence.end_date = date(2021, 3, 3)  # released early in 2020, probation to 03/03/2021
    sentence.save()
    loan = f.individual(case, officer)
    assert _status(loan, "window", date(2026, 3, 3)) == MET


def test_the_window_length_is_a_dated_parameter(cast, officer, cast_admin):
    from taihoanhap.credit.services import add_parameter

    add_parameter(
        key=ParameterKey.ELIGIBILITY_WINDOW_YEARS,
        value=Decimal("3"),
        effective_from=date(2026, 1, 1),
        source="Quyết định thử",
        acting_user=cast_admin,
    )
    loan = f.individual(f.returnee(cast.commune_a, completed_on=date(2021, 3, 3)), officer)
    assert _status(loan, "window", date(2025, 12, 31)) == MET
    assert _status(loan, "window", date(2026, 1, 2)) == NOT_MET


# --- Form 01 ------------------------------------------------------------------------------------


def test_a_person_on_a_confirmed_form_01_of_their_commune_meets_the_list_rule(cast, officer):
    case = f.returnee(cast.commune_a)
    _on_list(cast, officer, case)
    assert _status(f.individual(case, officer), "list") == MET


def test_a_list_not_yet_confirmed_does_not_count(cast, officer):
    case = f.returnee(cast.commune_a)
    f.eligible_list(cast.commune_a, officer, status=ListStatus.SUBMITTED, cases=[case])
    assert _status(f.individual(case, officer), "list") == NOT_MET


def test_a_list_of_another_commune_does_not_count(cast, officer):
    case = f.returnee(cast.commune_a)
    f.eligible_list(cast.commune_b, cast.users["commune_b"], cases=[case])
    assert _status(f.individual(case, officer), "list") == NOT_MET


# --- Outstanding debt for the same purpose --------------------------------------------------


def test_an_outstanding_loan_for_the_same_purpose_blocks_a_new_one(cast, officer):
    case = f.returnee(cast.commune_a)
    f.individual(case, officer, status=LoanStatus.REPAYING, disbursed_amount=10_000_000)
    assert _status(f.individual(case, officer), "debt") == NOT_MET


def test_a_settled_loan_or_another_purpose_does_not_block(cast, officer):
    case = f.returnee(cast.commune_a)
    f.individual(case, officer, status=LoanStatus.SETTLED)
    f.individual(case, officer, status=LoanStatus.REPAYING, purpose=LoanPurpose.TRAINING)
    loan = f.individual(case, officer)
    assert _status(loan, "debt") == UNKNOWN  # the bank still checks its other programmes
    loan.other_debt = DebtDeclaration.NONE
    assert _status(loan, "debt") == MET
    loan.other_debt = DebtDeclaration.EXISTS
    assert _status(loan, "debt") == NOT_MET


# --- Amounts and collateral ----------------------------------------------------------------


def test_exactly_100_million_for_an_individual_is_within_the_limit_without_collateral(
    cast, officer
):
    loan = f.individual(f.returnee(cast.commune_a), officer, amount=100_000_000)
    assert _status(loan, "amount") == MET
    assert _status(loan, "collateral") == NOT_APPLICABLE


def test_one_dong_above_100_million_is_over_the_individual_limit_and_needs_collateral(
    cast, officer
):
    loan = f.individual(f.returnee(cast.commune_a), officer, amount=100_000_001)
    assert _status(loan, "amount") == NOT_MET
    assert _status(loan, "collateral") == NOT_MET
    loan.collateral = "Sổ đỏ thửa đất số 12"
    assert _status(loan, "collateral") == MET


def test_training_loans_are_limited_to_4_million_per_month(cast, officer):
    loan = f.individual(
        f.returnee(cast.commune_a),
        officer,
        purpose=LoanPurpose.TRAINING,
        amount=24_000_000,
        training_months=6,
    )
    assert _status(loan, "amount") == MET
    assert _status(loan, "amount", amount=24_000_001) == NOT_MET


def test_business_loans_are_limited_per_returnee_employed(cast, officer):
    loan = f.business(f.employer(cast.commune_a, workforce=40, returnees=4), officer)
    assert _status(loan, "amount", amount=400_000_000) == MET
    assert _status(loan, "amount", amount=400_000_001) == NOT_MET


def test_business_loans_are_limited_to_2_billion_per_project(cast, officer):
    loan = f.business(f.employer(cast.commune_a, workforce=100, returnees=25), officer)
    assert _status(loan, "amount", amount=2_000_000_000) == MET
    assert _status(loan, "amount", amount=2_000_000_001) == NOT_MET


def test_a_business_loan_above_100_million_needs_collateral(cast, officer):
    loan = f.business(f.employer(cast.commune_a), officer, collateral="")
    assert _status(loan, "collateral") == NOT_MET


# --- The 10% rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workforce", "returnees", "expected"),
    [(40, 4, MET), (100, 10, MET), (31, 3, NOT_MET), (91, 9, NOT_MET), (7, 1, MET)],
    ids=["exactly-10%-of-40", "exactly-10%-of-100", "9.7%", "9.9%", "14%"],
)
def test_at_least_10_percent_of_the_workforce_must_be_returnees(
    cast, officer, workforce, returnees, expected
):
    loan = f.business(f.employer(cast.commune_a, workforce=workforce, returnees=returnees), officer)
    assert _status(loan, "share") == expected


def test_a_business_plan_not_confirmed_on_form_02_is_not_met(cast, officer):
    loan = f.business(f.employer(cast.commune_a), officer)
    assert _status(loan, "plan") == NOT_MET
    loan.plan_confirmed_on = date(2025, 9, 1)
    assert _status(loan, "plan") == MET


# --- Whole assessments ---------------------------------------------------------------------------


def test_an_application_meeting_every_rule_is_eligible(cast, officer):
    case = f.returnee(cast.commune_a)
    _on_list(cast, officer, case)
    loan = f.individual(case, officer, other_debt=DebtDeclaration.NONE)
    assessment = assess(loan, today=date(2025, 10, 1))
    assert assessment.eligible, [(line.code, line.status) for line in assessment.lines]
    assert all(line.source for line in assessment.lines)


def test_the_person_level_conditions_are_shown_without_an_application(cast, officer):
    case = f.returnee(cast.commune_a, completed_on=date(2024, 3, 1))
    lines = person_lines(case.person, today=date(2025, 10, 1))
    assert [line.code for line in lines] == ["certificate", "window", "list"]
    assert [line.status for line in lines] == [MET, MET, NOT_MET]


# --- Dated limits and rates ----------------------------------------------------------------


def test_a_new_limit_applies_from_its_effective_date(cast, officer, cast_admin):
    from taihoanhap.credit.services import add_parameter

    add_parameter(
        key=ParameterKey.INDIVIDUAL_LIMIT,
        value=Decimal("150000000"),
        effective_from=date(2027, 1, 1),
        source="Quyết định sửa đổi (thử)",
        acting_user=cast_admin,
    )
    loan = f.individual(f.returnee(cast.commune_a), officer, amount=120_000_000)
    assert _status(loan, "amount", date(2026, 12, 31)) == NOT_MET
    assert _status(loan, "amount", date(2027, 1, 1)) == MET


def test_the_rate_in_force_follows_its_effective_dates_and_overdue_is_130_percent(cast_admin):
    from taihoanhap.credit.services import add_parameter

    add_parameter(
        key=ParameterKey.POOR_HOUSEHOLD_RATE,
        value=Decimal("6"),
        effective_from=date(2027, 1, 1),
        source="Thông báo lãi suất (thử)",
        acting_user=cast_admin,
    )
    before, after = rates_on(date(2026, 12, 31)), rates_on(date(2027, 1, 1))
    assert before.annual_percent == Decimal("6.6")
    assert before.overdue_annual_percent == Decimal("8.58")
    assert before.monthly_percent == Decimal("0.550")
    assert after.annual_percent == Decimal("6")
    assert after.overdue_annual_percent == Decimal("7.80")


def test_no_rate_is_in_force_before_the_decision_took_effect():
    assert rates_on(date(2023, 10, 9)).annual_percent is None
    assert rates_on(date(2023, 10, 10)).annual_percent == Decimal("6.6")


def test_the_seeded_parameters_cite_their_source():
    params = parameters_on(date(2024, 1, 1))
    assert set(params.rows) == set(ParameterKey.values)
    assert all("22/2023/QĐ-TTg" in row.source for row in params.rows.values())
    assert CreditParameter.objects.count() == len(ParameterKey.values)
