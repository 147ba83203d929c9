"""Every transition of the case, legal and illegal (registry.lifecycle)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import StaleRecordError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import (
    AbsenceDecision,
    CaseClass,
    CaseEvent,
    CaseStatus,
    ClosureGround,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Person,
    ReleaseType,
    TransferStatus,
    Visibility,
)
from taihoanhap.registry.tests.factories import make_person, open_case_for, received_case
from taihoanhap.tests.clock import FROZEN_TODAY

TODAY = FROZEN_TODAY


def open_kinds(case) -> set[str]:
    return set(
        Deadline.objects.filter(case=case, status=DeadlineStatus.OPEN).values_list(
            "kind", flat=True
        )
    )


def last_event(case) -> CaseEvent:
    return CaseEvent.objects.filter(case=case).order_by("-recorded_at").first()


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


@pytest.fixture
def expected(cast, officer):
    return open_case_for(
        officer,
        commune=cast.commune_a,
        notice_received_on=TODAY - timedelta(days=2),
        release_date=TODAY + timedelta(days=50),
    )


@pytest.fixture
def managed(cast, officer):
    return received_case(officer, commune=cast.commune_a)


@pytest.fixture
def parolee(cast, officer):
    return received_case(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)


# --- Opening -----------------------------------------------------------------------------------


def test_opening_a_case_stores_the_address_check_and_the_expected_return(expected):
    assert expected.status == CaseStatus.EXPECTED
    assert open_kinds(expected) == {DeadlineKind.ADDRESS_CHECK, DeadlineKind.EXPECTED_RETURN}
    person = Person.objects.get(pk=expected.person_id)
    assert person.current_case_id == expected.pk
    assert person.case_status == CaseStatus.EXPECTED
    assert AuditEvent.objects.filter(
        action=Action.CREATE, object_type="registry.case", object_id=str(expected.pk)
    ).exists()


def test_a_parolee_case_also_stores_the_report_deadline(cast, officer):
    case = open_case_for(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)
    assert DeadlineKind.PAROLEE_REPORT in open_kinds(case)


def test_a_second_open_case_for_the_same_person_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        open_case_for(officer, expected.person)


def test_an_officer_of_another_commune_cannot_open_a_case_here(cast):
    with pytest.raises(PermissionDenied):
        open_case_for(cast.users["commune_b"], commune=cast.commune_a)


def test_a_parole_without_end_of_probation_is_refused(cast, officer):
    from taihoanhap.registry.services import open_case
    from taihoanhap.registry.tests.factories import make_sentence

    person = make_person(cast.commune_a)
    with pytest.raises(TransitionError):
        open_case(
            person,
            sentence=make_sentence(person),
            release_type=ReleaseType.PAROLE,
            release_date=TODAY,
            acting_user=officer,
        )


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


def test_ending_probation_of_a_full_term_case_is_refused(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.end_probation(
            managed,
            ended_on=TODAY,
            certificate_number="",
            certificate_date=None,
            acting_user=officer,
        )


# --- Transfers ---------------------------------------------------------------------------------


def transfer_to(case, officer, commune):
    return lifecycle.request_transfer(
        case,
        to_commune=commune,
        to_address="Ấp 3",
        reason="Chuyển về ở với vợ",
        requested_on=TODAY,
        acting_user=officer,
    )


def test_an_accepted_transfer_moves_person_history_and_scope(cast, managed, officer):
    transfer = transfer_to(managed, officer, cast.commune_b)
    # While pending, the receiving commune reads the person but the sender still manages.
    assert Person.objects.visible_to(cast.users["commune_b"]).filter(pk=managed.person_id).exists()
    assert not Deadline.objects.visible_to(cast.users["commune_b"]).filter(case=managed).exists()
    with pytest.raises(PermissionDenied):
        lifecycle.classify(
            managed, value="A", decided_on=TODAY, reason="x", acting_user=cast.users["commune_b"]
        )
    lifecycle.accept_transfer(transfer, accepted_on=TODAY, acting_user=cast.users["commune_b"])
    person = Person.objects.get(pk=managed.person_id)
    assert person.commune == cast.commune_b
    assert person.current_address == "Ấp 3"
    assert not Person.objects.visible_to(officer).filter(pk=person.pk).exists()
    assert Deadline.objects.visible_to(cast.users["commune_b"]).filter(case=managed).exists()
    assert CaseEvent.objects.filter(person=person).count() >= 3  # history kept
    managed.refresh_from_db()
    assert managed.officer == cast.users["commune_b"]


def test_a_transfer_to_another_province_is_accepted_there(cast, managed, officer):
    transfer = transfer_to(managed, officer, cast.other_commune)
    assert (
        Person.objects.visible_to(cast.users["other_province"])
        .filter(pk=managed.person_id)
        .exists()
    )
    lifecycle.accept_transfer(transfer, accepted_on=TODAY, acting_user=cast.users["other_province"])
    person = Person.objects.get(pk=managed.person_id)
    assert person.province == cast.other_province
    assert not Person.objects.visible_to(cast.users["province"]).filter(pk=person.pk).exists()


def test_the_sending_commune_cannot_accept_its_own_transfer(cast, managed, officer):
    transfer = transfer_to(managed, officer, cast.commune_b)
    with pytest.raises(PermissionDenied):
        lifecycle.accept_transfer(transfer, accepted_on=TODAY, acting_user=officer)


def test_a_refused_transfer_leaves_the_person_where_they_were(cast, managed, officer):
    transfer = transfer_to(managed, officer, cast.commune_b)
    with pytest.raises(TransitionError):
        lifecycle.reject_transfer(
            transfer, decided_on=TODAY, note="", acting_user=cast.users["commune_b"]
        )
    lifecycle.reject_transfer(
        transfer, decided_on=TODAY, note="Không cư trú tại đây", acting_user=cast.users["commune_b"]
    )
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REJECTED
    assert Person.objects.get(pk=managed.person_id).commune == cast.commune_a
    assert (
        not Person.objects.visible_to(cast.users["commune_b"]).filter(pk=managed.person_id).exists()
    )
    with pytest.raises(TransitionError):
        lifecycle.accept_transfer(transfer, accepted_on=TODAY, acting_user=cast.users["commune_b"])


def test_a_second_pending_transfer_is_refused_and_a_withdrawn_one_frees_the_case(
    cast, managed, officer
):
    transfer = transfer_to(managed, officer, cast.commune_b)
    with pytest.raises(TransitionError):
        transfer_to(managed, officer, cast.other_commune)
    lifecycle.cancel_transfer(transfer, acting_user=officer)
    assert transfer_to(managed, officer, cast.other_commune).is_pending


def test_a_transfer_to_the_same_commune_is_refused(cast, managed, officer):
    with pytest.raises(TransitionError):
        transfer_to(managed, officer, cast.commune_a)


def test_a_transfer_before_the_return_is_refused(cast, expected, officer):
    with pytest.raises(TransitionError):
        transfer_to(expected, officer, cast.commune_b)


# --- Re-offence, custody, closure --------------------------------------------------------------


def test_a_reoffence_holds_the_person_in_class_d(managed, officer):
    lifecycle.record_reoffence(
        managed,
        occurred_on=TODAY,
        offence="Trộm cắp tài sản",
        penal_code_articles=[173],
        acting_user=officer,
    )
    managed.refresh_from_db()
    assert managed.status == CaseStatus.HELD
    assert managed.current_class == CaseClass.D
    assert managed.reoffences.count() == 1
    assert managed.classifications.first().value == CaseClass.D
    assert DeadlineKind.EXPUNGEMENT_REVIEW not in open_kinds(managed)
    assert last_event(managed).visibility == Visibility.POLICE
    lifecycle.end_hold(managed, released_on=TODAY, note="Đình chỉ điều tra", acting_user=officer)
    managed.refresh_from_db()
    assert managed.status == CaseStatus.UNDER_MANAGEMENT


def test_a_reoffence_of_an_expected_case_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.record_reoffence(expected, occurred_on=TODAY, offence="x", acting_user=officer)


def test_a_held_parolee_released_before_the_end_returns_to_probation(parolee, officer):
    lifecycle.record_reoffence(parolee, occurred_on=TODAY, offence="x", acting_user=officer)
    lifecycle.end_hold(parolee, released_on=TODAY, note="", acting_user=officer)
    parolee.refresh_from_db()
    assert parolee.status == CaseStatus.ON_PROBATION


def test_a_held_person_sentenced_again_is_closed_under_the_new_sentence(managed, officer):
    lifecycle.record_reoffence(managed, occurred_on=TODAY, offence="x", acting_user=officer)
    lifecycle.close_case(
        managed,
        ground=ClosureGround.NEW_SENTENCE,
        closed_on=TODAY,
        reference="Bản án 3/2027/HS-ST",
        acting_user=officer,
    )
    managed.refresh_from_db()
    assert managed.status == CaseStatus.CLOSED
    assert last_event(managed).visibility == Visibility.POLICE


def test_expungement_closes_the_case_and_it_becomes_read_only(managed, officer):
    lifecycle.close_case(
        managed,
        ground=ClosureGround.EXPUNGED,
        closed_on=TODAY,
        reference="Phiếu LLTP số 123, 01/01/2027",
        acting_user=officer,
    )
    managed.refresh_from_db()
    assert managed.status == CaseStatus.CLOSED
    assert open_kinds(managed) == set()
    assert Person.objects.get(pk=managed.person_id).case_status == CaseStatus.CLOSED
    with pytest.raises(TransitionError):
        lifecycle.classify(managed, value="A", decided_on=TODAY, reason="x", acting_user=officer)
    with pytest.raises(TransitionError):
        lifecycle.close_case(
            managed, ground=ClosureGround.DIED, closed_on=TODAY, acting_user=officer
        )
    from taihoanhap.registry.services import update_case_notes, update_person

    with pytest.raises(TransitionError):
        update_case_notes(managed, notes="x", expected_version=managed.version, acting_user=officer)
    person = Person.objects.get(pk=managed.person_id)
    with pytest.raises(TransitionError):
        update_person(person, expected_version=person.version, acting_user=officer, phone="1")


def test_expungement_needs_its_document_and_settled_civil_obligations(cast, officer):
    case = received_case(
        officer,
        commune=cast.commune_a,
        civil_obligations="Bồi thường 20.000.000 đ",
        civil_obligations_settled=False,
    )
    with pytest.raises(TransitionError):
        lifecycle.close_case(
            case, ground=ClosureGround.EXPUNGED, closed_on=TODAY, acting_user=officer
        )
    with pytest.raises(TransitionError):
        lifecycle.close_case(
            case,
            ground=ClosureGround.EXPUNGED,
            closed_on=TODAY,
            reference="Phiếu LLTP 1",
            acting_user=officer,
        )


def test_a_case_not_yet_returned_closes_as_not_residing_but_not_as_expunged(expected, officer):
    with pytest.raises(TransitionError):
        lifecycle.close_case(
            expected,
            ground=ClosureGround.EXPUNGED,
            closed_on=TODAY,
            reference="x",
            acting_user=officer,
        )
    lifecycle.close_case(
        expected, ground=ClosureGround.NOT_RESIDING, closed_on=TODAY, acting_user=officer
    )
    expected.refresh_from_db()
    assert expected.status == CaseStatus.CLOSED


def test_another_ground_needs_an_explanation(managed, officer):
    with pytest.raises(TransitionError):
        lifecycle.close_case(
            managed, ground=ClosureGround.OTHER, closed_on=TODAY, acting_user=officer
        )


def test_closing_cancels_a_pending_transfer(cast, managed, officer):
    transfer = transfer_to(managed, officer, cast.commune_b)
    lifecycle.close_case(managed, ground=ClosureGround.DIED, closed_on=TODAY, acting_user=officer)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED


def test_postponing_the_expungement_review_schedules_the_next(managed, officer):
    lifecycle.postpone_expungement_review(
        managed, reviewed_on=TODAY, finding="Chưa đủ thời gian", acting_user=officer
    )
    reviews = Deadline.objects.filter(
        case=managed, kind=DeadlineKind.EXPUNGEMENT_REVIEW, status=DeadlineStatus.OPEN
    )
    assert reviews.count() == 1
    assert reviews.get().due_on > TODAY + timedelta(days=150)


# --- Integrity ---------------------------------------------------------------------------------


def test_a_transition_on_a_stale_form_is_a_conflict(managed, officer):
    stale_version = managed.version
    lifecycle.classify(managed, value="A", decided_on=TODAY, reason="x", acting_user=officer)
    with pytest.raises(StaleRecordError):
        lifecycle.record_reoffence(
            managed,
            occurred_on=TODAY,
            offence="x",
            acting_user=officer,
            expected_version=stale_version,
        )
    managed.refresh_from_db()
    assert managed.status == CaseStatus.UNDER_MANAGEMENT
    assert managed.reoffences.count() == 0  # the whole transition rolled back


def test_a_bank_officer_cannot_act_on_a_case(cast, managed):
    with pytest.raises(PermissionDenied):
        lifecycle.classify(managed, value="A", decided_on=TODAY, reason="x", acting_user=cast.bank)
