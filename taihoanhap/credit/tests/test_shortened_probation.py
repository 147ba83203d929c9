"""The loan window after a court shortened probation (Decision 22/2023/QĐ-TTg; Criminal Code
Art. 66(4); Civil Code Art. 147-148).

A parolee completes the sentence when probation ends. When the court cuts probation short, the
registry records the earlier end (`registry.lifecycle.end_probation`, with the court's decision)
and the five years run from that day, not from the end of the term first set.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from taihoanhap.credit.eligibility import MET, NOT_MET, assess, completion_date
from taihoanhap.credit.tests import factories as f
from taihoanhap.registry import lifecycle
from taihoanhap.registry.expungement import expungement_hint
from taihoanhap.registry.models import ReleaseType
from taihoanhap.registry.tests.factories import received_case

pytestmark = pytest.mark.django_db

RELEASED = date(2023, 11, 1)
# Probation set to the end of the term: Thursday 26/06/2025; five years later, Wednesday
# 26/06/2030, is a working day.
TERM_END = date(2025, 6, 26)
# The court shortened probation to Tuesday 12/03/2024; five years later, Monday 12/03/2029, is a
# working day, so the window ends there (Civil Code Art. 148).
SHORTENED_END = date(2024, 3, 12)
DECISION = "Quyết định rút ngắn thời gian thử thách 5/2024/QĐ-TA"


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


def _parolee(cast, officer, term_end: date | None):
    """Released on RELEASED with probation to TERM_END; `term_end` is the sentence's."""
    return received_case(
        officer,
        commune=cast.commune_a,
        release_type=ReleaseType.PAROLE,
        released_on=RELEASED,
        probation_end=TERM_END,
        end_date=term_end,
    )


@pytest.fixture
def parolee(cast, officer):
    return _parolee(cast, officer, TERM_END)


def _end_probation(case, officer, ended_on: date, shortened_by: str = ""):
    return lifecycle.end_probation(
        case,
        ended_on=ended_on,
        certificate_number="77/GCN",
        certificate_date=ended_on,
        shortened_by=shortened_by,
        acting_user=officer,
    )


def _window(case, officer, day: date) -> str:
    loan = f.individual(case, officer)
    return assess(loan, today=day, on=day).line("window").status


def test_the_window_runs_five_years_from_the_day_the_court_ended_probation(parolee, officer):
    case = _end_probation(parolee, officer, SHORTENED_END, DECISION)
    assert completion_date(case) == SHORTENED_END
    assert _window(case, officer, date(2029, 3, 11)) == MET
    assert _window(case, officer, date(2029, 3, 12)) == MET
    assert _window(case, officer, date(2029, 3, 13)) == NOT_MET


def test_a_parolee_becomes_eligible_on_the_day_the_court_ended_probation(parolee, officer):
    case = _end_probation(parolee, officer, SHORTENED_END, DECISION)
    assert _window(case, officer, SHORTENED_END - timedelta(days=1)) == NOT_MET
    assert _window(case, officer, SHORTENED_END) == MET
    loan = f.individual(case, officer)
    assert "12/03/2024" in assess(loan, today=SHORTENED_END, on=SHORTENED_END).line("window").detail


def test_probation_ended_on_the_date_set_runs_from_the_end_of_the_term(parolee, officer):
    case = _end_probation(parolee, officer, TERM_END)
    assert completion_date(case) == TERM_END
    assert _window(case, officer, TERM_END - timedelta(days=1)) == NOT_MET
    assert _window(case, officer, date(2030, 6, 26)) == MET
    assert _window(case, officer, date(2030, 6, 27)) == NOT_MET


def test_an_end_of_probation_recorded_late_does_not_move_the_completion(parolee, officer):
    # No court decision: the sentence was completed at the end of the term, whenever the
    # officer recorded it.
    case = _end_probation(parolee, officer, TERM_END + timedelta(days=10))
    assert completion_date(case) == TERM_END
    assert _window(case, officer, date(2030, 6, 26)) == MET
    assert _window(case, officer, date(2030, 6, 27)) == NOT_MET


def test_a_parolee_still_on_probation_completes_at_the_end_of_probation_set(cast, officer):
    # No end of the term on the sentence: the end of probation the registry holds counts.
    case = _parolee(cast, officer, None)
    assert completion_date(case) == TERM_END


def test_credit_and_expungement_count_from_the_same_shortened_end(parolee, officer):
    # Both periods run from completing the main penalty (Criminal Code Art. 70 for expungement):
    # the registry's expungement hint and the loan window must start on the same day.
    case = _end_probation(parolee, officer, SHORTENED_END, DECISION)
    assert expungement_hint(case).completed_on == completion_date(case) == SHORTENED_END
