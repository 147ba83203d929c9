"""The address check, the reception and classification (registry.lifecycle.reception)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import (
    CaseClass,
    CaseStatus,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Person,
    ReleaseType,
    Visibility,
)
from taihoanhap.registry.tests.factories import open_case_for
from taihoanhap.registry.tests.lifecycle.helpers import TODAY, last_event, open_kinds

# --- Address check -----------------------------------------------------------------------------


def test_verifying_the_address_closes_the_check_and_records_it(expected, officer):
    lifecycle.verify_address(expected, checked_on=TODAY, note="Gặp mẹ", acting_user=officer)
    expected.refresh_from_db()
    assert expected.status == CaseStatus.ADDRESS_VERIFIED
    assert DeadlineKind.ADDRESS_CHECK not in open_kinds(expected)
    assert DeadlineKind.EXPECTED_RETURN in open_kinds(expected)
    assert last_event(expected).kind == "address_verified"
    assert AuditEvent.objects.filter(
        action=Action.STATE_CHANGE, object_id=str(expected.pk)
    ).exists()


def test_an_address_mismatch_is_answered_with_hcd_03(expected, officer):
    lifecycle.answer_address_mismatch(
        expected,
        checked_on=TODAY,
        note="Gia đình đã chuyển đi",
        reply_number="12/CAX",
        reply_date=TODAY,
        acting_user=officer,
    )
    expected.refresh_from_db()
    assert expected.status == CaseStatus.ADDRESS_MISMATCH
    assert expected.mismatch_reply_number == "12/CAX"
    assert open_kinds(expected) == set()


def test_an_address_check_before_the_notice_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.verify_address(
            expected, checked_on=TODAY - timedelta(days=10), note="", acting_user=officer
        )


def test_verifying_the_address_of_a_managed_case_is_refused(managed, officer):
    with pytest.raises(TransitionError) as error:
        lifecycle.verify_address(managed, checked_on=TODAY, note="", acting_user=officer)
    assert "Verify the address" in str(error.value) or "Xác minh" in str(error.value)


# --- Reception ---------------------------------------------------------------------------------


@pytest.mark.parametrize("before", ["expected", "verified", "mismatch"])
def test_reception_is_possible_from_every_awaiting_state(cast, officer, before):
    case = open_case_for(
        officer,
        commune=cast.commune_a,
        notice_received_on=TODAY - timedelta(days=10),
        release_date=TODAY - timedelta(days=1),
    )
    if before == "verified":
        lifecycle.verify_address(case, checked_on=TODAY, note="", acting_user=officer)
    if before == "mismatch":
        lifecycle.answer_address_mismatch(
            case,
            checked_on=TODAY,
            note="x",
            reply_number="1",
            reply_date=TODAY,
            acting_user=officer,
        )
    lifecycle.record_reception(
        case, received_on=TODAY, commitment_signed=True, needs="Việc làm", acting_user=officer
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.UNDER_MANAGEMENT
    assert case.officer == officer
    kinds = open_kinds(case)
    assert DeadlineKind.EXPECTED_RETURN not in kinds
    assert DeadlineKind.ADDRESS_CHECK not in kinds
    assert DeadlineKind.CLASSIFICATION in kinds


def test_reception_without_the_signed_commitment_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_reception(
            expected,
            received_on=TODAY + timedelta(days=60),
            commitment_signed=False,
            acting_user=officer,
        )


def test_reception_before_the_release_date_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_reception(
            expected, received_on=TODAY, commitment_signed=True, acting_user=officer
        )


def test_reception_of_a_managed_case_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_reception(
            managed, received_on=TODAY, commitment_signed=True, acting_user=officer
        )


def test_reception_opens_the_expungement_review_for_a_full_term(managed):
    review = Deadline.objects.get(case=managed, kind=DeadlineKind.EXPUNGEMENT_REVIEW)
    # 3-year term: 2 years from release (Criminal Code Art. 70(2)(b)).
    assert managed.release.release_date + timedelta(days=729) <= review.due_on
    assert "Điều 70" in review.legal_source


def test_a_parolee_received_starts_probation_with_a_monthly_assessment(parolee):
    assert parolee.status == CaseStatus.ON_PROBATION
    assert parolee.reported_on == parolee.received_on
    kinds = open_kinds(parolee)
    assert DeadlineKind.PAROLEE_REPORT not in kinds
    assert DeadlineKind.PROBATION_ASSESSMENT in kinds
    assert DeadlineKind.PROBATION_END in kinds
    assessment = Deadline.objects.get(case=parolee, kind=DeadlineKind.PROBATION_ASSESSMENT)
    assert assessment.due_on.day in range(5, 12)  # the 5th, or the next working day


def test_a_parolee_reporting_late_is_recorded_as_late(cast, officer):
    case = open_case_for(
        officer,
        commune=cast.commune_a,
        release_type=ReleaseType.PAROLE,
        release_date=TODAY - timedelta(days=20),
    )
    lifecycle.record_reception(case, received_on=TODAY, commitment_signed=True, acting_user=officer)
    assert "late" in last_event(case).summary or "muộn" in last_event(case).summary


# --- Classification ----------------------------------------------------------------------------


def test_classifying_keeps_the_history_and_schedules_the_next(managed, officer):
    lifecycle.classify(
        managed, value="B", decided_on=TODAY, reason="Chưa có việc làm", acting_user=officer
    )
    lifecycle.classify(
        managed, value="A", decided_on=TODAY, reason="Có việc làm ổn định", acting_user=officer
    )
    managed.refresh_from_db()
    assert managed.current_class == CaseClass.A
    assert list(managed.classifications.values_list("value", flat=True)) == ["A", "B"]
    open_classifications = Deadline.objects.filter(
        case=managed, kind=DeadlineKind.CLASSIFICATION, status=DeadlineStatus.OPEN
    )
    assert open_classifications.count() == 1
    assert open_classifications.get().due_on > TODAY + timedelta(days=150)
    assert Person.objects.get(pk=managed.person_id).case_class == "A"
    assert last_event(managed).visibility == Visibility.POLICE


def test_classifying_an_expected_case_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.classify(expected, value="A", decided_on=TODAY, reason="x", acting_user=officer)


def test_a_classification_without_reason_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.classify(managed, value="A", decided_on=TODAY, reason=" ", acting_user=officer)
