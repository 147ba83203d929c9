"""Conditional early release: assessments, absences, violations, the end of probation
(registry.lifecycle.probation).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import (
    AbsenceDecision,
    CaseStatus,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
)
from taihoanhap.registry.tests.lifecycle.helpers import TODAY, last_event, open_kinds

# --- Probation ---------------------------------------------------------------------------------


def test_a_monthly_assessment_closes_its_deadline_and_opens_the_next(parolee, officer):
    month = parolee.received_on.replace(day=1)
    lifecycle.record_assessment(
        parolee, month=month, assessed_on=TODAY, compliant=True, note="", acting_user=officer
    )
    rows = Deadline.objects.filter(case=parolee, kind=DeadlineKind.PROBATION_ASSESSMENT)
    assert rows.get(subject_id=f"{month:%Y-%m}").status == DeadlineStatus.DONE
    following = (month + timedelta(days=32)).replace(day=1)
    assert rows.get(subject_id=f"{following:%Y-%m}").status == DeadlineStatus.OPEN


def test_a_month_is_assessed_only_once(parolee, officer):
    month = parolee.received_on.replace(day=1)
    lifecycle.record_assessment(
        parolee, month=month, assessed_on=TODAY, compliant=True, note="", acting_user=officer
    )
    with pytest.raises(TransitionError):
        lifecycle.record_assessment(
            parolee, month=month, assessed_on=TODAY, compliant=True, note="", acting_user=officer
        )


def test_a_future_month_cannot_be_assessed(parolee, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_assessment(
            parolee,
            month=TODAY + timedelta(days=40),
            assessed_on=TODAY,
            compliant=True,
            note="",
            acting_user=officer,
        )


def test_an_assessment_outside_probation_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_assessment(
            managed, month=TODAY, assessed_on=TODAY, compliant=True, note="", acting_user=officer
        )


def test_an_absence_request_waits_for_a_decision_then_is_decided_once(parolee, officer):
    absence = lifecycle.request_absence(
        parolee,
        requested_on=TODAY,
        leave_on=TODAY + timedelta(days=3),
        return_on=TODAY + timedelta(days=6),
        destination="TP Hồ Chí Minh",
        reason="Thăm mẹ ốm",
        acting_user=officer,
    )
    assert DeadlineKind.ABSENCE_DECISION in open_kinds(parolee)
    lifecycle.decide_absence(
        absence,
        approved=True,
        decided_on=TODAY,
        decided_by_name="Chủ tịch UBND",
        decision_reason="Lý do chính đáng",
        acting_user=officer,
    )
    absence.refresh_from_db()
    assert absence.decision == AbsenceDecision.APPROVED
    assert DeadlineKind.ABSENCE_DECISION not in open_kinds(parolee)
    with pytest.raises(TransitionError):
        lifecycle.decide_absence(
            absence,
            approved=False,
            decided_on=TODAY,
            decided_by_name="",
            decision_reason="x",
            acting_user=officer,
        )


def test_an_absence_returning_before_leaving_is_refused(parolee, officer):
    with pytest.raises(TransitionError):
        lifecycle.request_absence(
            parolee,
            requested_on=TODAY,
            leave_on=TODAY + timedelta(days=3),
            return_on=TODAY + timedelta(days=1),
            destination="x",
            reason="x",
            acting_user=officer,
        )


def test_a_decision_without_reasons_is_refused(parolee, officer):
    absence = lifecycle.request_absence(
        parolee,
        requested_on=TODAY,
        leave_on=TODAY + timedelta(days=1),
        return_on=TODAY + timedelta(days=2),
        destination="x",
        reason="x",
        acting_user=officer,
    )
    with pytest.raises(TransitionError):
        lifecycle.decide_absence(
            absence,
            approved=False,
            decided_on=TODAY,
            decided_by_name="",
            decision_reason="",
            acting_user=officer,
        )


def violation(case, officer, day=None):
    return lifecycle.record_violation(
        case,
        occurred_on=day or TODAY,
        kind="obligation",
        description="Vắng mặt khi được triệu tập",
        sanction="Nhắc nhở",
        acting_user=officer,
    )


def test_the_second_violation_flags_a_revocation_proposal(parolee, officer):
    violation(parolee, officer)
    parolee.refresh_from_db()
    assert not parolee.revocation_flagged
    with pytest.raises(TransitionError):
        lifecycle.record_revocation_proposal(
            parolee, proposed_on=TODAY, reference="01/CV", acting_user=officer
        )
    violation(parolee, officer)
    parolee.refresh_from_db()
    assert parolee.revocation_flagged
    assert DeadlineKind.REVOCATION_PROPOSAL in open_kinds(parolee)
    lifecycle.record_revocation_proposal(
        parolee, proposed_on=TODAY, reference="01/CV", acting_user=officer
    )
    parolee.refresh_from_db()
    assert parolee.revocation_proposed_on == TODAY
    assert DeadlineKind.REVOCATION_PROPOSAL not in open_kinds(parolee)


def test_the_revocation_threshold_is_configuration(parolee, officer, settings):
    settings.REGISTRY_RULES = {"REVOCATION_THRESHOLD": 1}
    violation(parolee, officer)
    parolee.refresh_from_db()
    assert parolee.revocation_flagged


def test_a_violation_of_a_person_not_on_probation_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        violation(managed, officer)


def test_probation_ends_into_ordinary_management(parolee, officer):
    lifecycle.end_probation(
        parolee,
        ended_on=parolee.probation_end,
        certificate_number="45/GCN",
        certificate_date=parolee.probation_end,
        acting_user=officer,
    )
    parolee.refresh_from_db()
    assert parolee.status == CaseStatus.UNDER_MANAGEMENT
    assert parolee.release.certificate_number == "45/GCN"
    kinds = open_kinds(parolee)
    assert DeadlineKind.PROBATION_ASSESSMENT not in kinds
    assert DeadlineKind.PROBATION_END not in kinds
    assert DeadlineKind.EXPUNGEMENT_REVIEW in kinds


def test_an_early_end_of_probation_needs_the_courts_decision(parolee, officer):
    with pytest.raises(TransitionError):
        lifecycle.end_probation(
            parolee,
            ended_on=TODAY,
            certificate_number="1",
            certificate_date=TODAY,
            acting_user=officer,
        )
    lifecycle.end_probation(
        parolee,
        ended_on=TODAY,
        certificate_number="1",
        certificate_date=TODAY,
        shortened_by="Quyết định rút ngắn 5/2026/QĐ-TA",
        acting_user=officer,
    )
    parolee.refresh_from_db()
    assert parolee.status == CaseStatus.UNDER_MANAGEMENT


def test_an_early_end_of_probation_records_the_courts_decision(parolee, officer):
    # The decision is the ground of the earlier completion of the sentence (Criminal Code
    # Art. 66(4)); the timeline keeps it with the day probation actually ended.
    lifecycle.end_probation(
        parolee,
        ended_on=TODAY,
        certificate_number="46/GCN",
        certificate_date=TODAY,
        shortened_by="Quyết định rút ngắn 5/2026/QĐ-TA",
        acting_user=officer,
    )
    parolee.refresh_from_db()
    assert parolee.probation_ended_on == TODAY < parolee.probation_end
    entry = last_event(parolee)
    assert entry.kind == "probation_ended"
    assert "Quyết định rút ngắn 5/2026/QĐ-TA" in entry.summary
    assert "46/GCN" in entry.summary


def test_ending_probation_of_a_full_term_case_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.end_probation(
            managed,
            ended_on=TODAY,
            certificate_number="",
            certificate_date=None,
            acting_user=officer,
        )
