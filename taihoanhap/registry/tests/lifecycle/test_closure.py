"""Re-offence, custody, expungement and closure (registry.lifecycle.reoffence, .closure)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import (
    CaseClass,
    CaseStatus,
    ClosureGround,
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    Person,
    TransferStatus,
    Visibility,
)
from taihoanhap.registry.tests.factories import received_case
from taihoanhap.registry.tests.lifecycle.helpers import TODAY, last_event, open_kinds, transfer_to

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
