"""Transfers between communes and provinces (registry.lifecycle.transfer)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import CaseEvent, Deadline, Person, TransferStatus
from taihoanhap.registry.tests.lifecycle.helpers import TODAY, transfer_to

# --- Transfers ---------------------------------------------------------------------------------


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
