"""Due dates of the registry's duties across weekends and Tết (Civil Code Art. 144-148, BRIEF §9),
and the expungement hint (Criminal Code Art. 70, BRIEF §10).
"""

from __future__ import annotations

from datetime import date

import pytest

from taihoanhap.core.models import DayOverride
from taihoanhap.registry import deadlines
from taihoanhap.registry.expungement import expungement_hint
from taihoanhap.registry.models import Deadline, DeadlineKind, ReleaseType
from taihoanhap.registry.tests.factories import make_case, make_person, open_case_for

pytestmark = pytest.mark.django_db


def test_a_notice_received_the_day_before_tet_is_checked_by_25_02_2026():
    # Friday 13/02/2026; 16-20/02 are Tết, 21-22 a weekend: working days 23, 24, 25.
    assert deadlines.address_check_due(date(2026, 2, 13)) == date(2026, 2, 25)


def test_a_notice_received_on_a_friday_skips_the_weekend():
    assert deadlines.address_check_due(date(2026, 3, 6)) == date(2026, 3, 11)


def test_a_government_day_swap_counts_as_a_working_day():
    DayOverride.objects.create(date=date(2026, 2, 21), is_working_day=True, reason="Làm bù")
    assert deadlines.address_check_due(date(2026, 2, 13)) == date(2026, 2, 24)


def test_the_number_of_working_days_is_configuration(settings):
    settings.REGISTRY_RULES = {"ADDRESS_CHECK_WORKING_DAYS": 5}
    assert deadlines.address_check_due(date(2026, 3, 6)) == date(2026, 3, 13)


def test_a_parolee_report_period_ending_in_tet_moves_to_the_next_working_day():
    # Released Tuesday 10/02/2026: 5 days end Sunday 15/02, then Tết until 22/02.
    assert deadlines.parolee_report_due(date(2026, 2, 10)) == date(2026, 2, 23)


def test_a_parolee_report_period_ending_on_a_working_day_stays():
    assert deadlines.parolee_report_due(date(2026, 3, 2)) == date(2026, 3, 9)  # Sat 7 → Mon 9


def test_the_monthly_assessment_is_due_on_the_fifth_or_the_next_working_day():
    assert deadlines.assessment_due(date(2026, 3, 1)) == date(2026, 3, 5)  # Thursday
    assert deadlines.assessment_due(date(2026, 9, 1)) == date(2026, 9, 7)  # Sat 5 → Mon 7


def test_reclassification_falls_due_after_the_configured_months(settings):
    assert deadlines.reclassification_due(date(2026, 1, 15)) == date(2026, 7, 15)
    settings.REGISTRY_RULES = {"RECLASSIFICATION_MONTHS": 3}
    assert deadlines.reclassification_due(date(2026, 1, 15)) == date(2026, 4, 15)


def test_a_month_end_reclassification_ends_on_the_months_last_day():
    # 31/08/2026 + 6 months: February has no 31st, so its last day; 28/02/2027 is a Sunday.
    assert deadlines.reclassification_due(date(2026, 8, 31)) == date(2027, 3, 1)


def test_opening_a_case_stores_the_due_date_with_its_legal_source(cast):
    case = open_case_for(
        cast.users["commune_a"],
        commune=cast.commune_a,
        notice_received_on=date(2026, 2, 13),
        release_date=date(2026, 4, 13),
    )
    check = Deadline.objects.get(case=case, kind=DeadlineKind.ADDRESS_CHECK)
    assert check.due_on == date(2026, 2, 25)
    assert check.legal_source == "Thông tư 10/2024/TT-BCA, Điều 8"
    assert check.commune_id == cast.commune_a.pk


# --- Expungement (Criminal Code Art. 70) -------------------------------------------------------


def case_with(cast, *, released: date, release_type=ReleaseType.FULL_TERM, **sentence):
    person = make_person(cast.commune_a)
    case = make_case(person, release_type=release_type, release_date=released)
    sentence_row = case.release.sentence
    for name, value in sentence.items():
        setattr(sentence_row, name, value)
    sentence_row.save()
    return case


@pytest.mark.parametrize(
    ("term", "years", "earliest"),
    [
        ({"term_years": 0, "term_months": 0}, 1, date(2027, 3, 10)),
        ({"term_years": 5, "term_months": 0}, 2, date(2028, 3, 10)),
        # 3 years end Saturday 10/03/2029: the next working day.
        ({"term_years": 5, "term_months": 1}, 3, date(2029, 3, 12)),
        ({"term_years": 15, "term_months": 0}, 3, date(2029, 3, 12)),
        ({"term_years": 15, "term_months": 6}, 5, date(2031, 3, 10)),
        ({"is_life": True}, 5, date(2031, 3, 10)),
    ],
)
def test_the_expungement_period_follows_the_main_penalty(cast, term, years, earliest):
    case = case_with(cast, released=date(2026, 3, 10), **term)
    hint = expungement_hint(case)
    assert hint.years == years
    assert hint.earliest == earliest


def test_a_longer_additional_penalty_postpones_expungement(cast):
    case = case_with(
        cast,
        released=date(2026, 3, 10),
        term_years=2,
        additional_penalties="Cấm cư trú 3 năm",
        additional_penalties_end=date(2029, 3, 12),
    )
    hint = expungement_hint(case)
    assert hint.earliest == date(2029, 3, 12)
    assert hint.cautions


def test_national_security_crimes_are_expunged_only_by_court_decision(cast):
    case = case_with(cast, released=date(2026, 3, 10), penal_code_articles=[117])
    hint = expungement_hint(case)
    assert hint.court_only
    assert hint.earliest is None


def test_unsettled_civil_obligations_are_a_caution(cast):
    case = case_with(
        cast,
        released=date(2026, 3, 10),
        civil_obligations="Bồi thường",
        civil_obligations_settled=False,
    )
    assert expungement_hint(case).cautions


def test_a_parolee_counts_from_the_end_of_probation(cast):
    case = case_with(cast, released=date(2025, 3, 10), release_type=ReleaseType.PAROLE)
    case.probation_end = date(2026, 3, 10)
    assert expungement_hint(case).earliest == date(2028, 3, 10)


def test_a_new_offence_gives_no_date(cast):
    case = case_with(cast, released=date(2026, 3, 10))
    assert expungement_hint(case, has_reoffence=True).earliest is None


def test_the_expungement_years_are_configuration(cast, settings):
    settings.REGISTRY_RULES = {"EXPUNGEMENT_YEARS_UP_TO_5": 4}
    case = case_with(cast, released=date(2026, 3, 10), term_years=3)
    assert expungement_hint(case).years == 4
