"""“Việc cần làm”: scoped, most urgent first, the right horizon, and what disappears when done."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from taihoanhap.registry import deadlines as registry_deadlines
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import DeadlineKind
from taihoanhap.registry.tests.factories import make_case, open_case_for, received_case
from taihoanhap.registry.workqueue import collect, items_for
from taihoanhap.tests.clock import today

QUEUE = reverse("registry:work_queue")


def test_the_queue_lists_the_areas_duties_most_urgent_first(cast):
    near = make_case(commune=cast.commune_a)
    far = make_case(commune=cast.commune_a)
    other = make_case(commune=cast.commune_b)
    registry_deadlines.open_deadline(
        far, kind=DeadlineKind.CLASSIFICATION, due_on=today() + timedelta(days=10)
    )
    registry_deadlines.open_deadline(
        near, kind=DeadlineKind.CLASSIFICATION, due_on=today() - timedelta(days=2)
    )
    registry_deadlines.open_deadline(other, kind=DeadlineKind.CLASSIFICATION, due_on=today())
    registry_deadlines.open_deadline(
        near, kind=DeadlineKind.EXPUNGEMENT_REVIEW, due_on=today() + timedelta(days=200)
    )
    items = collect(cast.users["commune_a"], today())
    assert [item.person_name for item in items] == [near.person.full_name, far.person.full_name]
    assert items[0].is_overdue(today())
    assert items[0].legal_source
    assert len(collect(cast.users["province"], today())) == 3
    assert collect(cast.users["other_province"], today()) == []


def test_expected_returns_show_sixty_days_ahead(cast):
    officer = cast.users["commune_a"]
    soon = open_case_for(officer, commune=cast.commune_a, release_date=today() + timedelta(days=50))
    open_case_for(officer, commune=cast.commune_a, release_date=today() + timedelta(days=70))
    names = [item.person_name for item in collect(officer, today())]
    assert names == [soon.person.full_name]


def test_roles_without_registry_duties_get_no_registry_items(cast):
    make_case(commune=cast.commune_a)
    assert items_for(cast.users["bank"], today()) == []
    assert items_for(cast.users["inspector"], today()) == []


def test_the_reception_deadline_disappears_once_the_person_is_received(client_for, cast):
    officer = cast.users["commune_a"]
    case = open_case_for(officer, commune=cast.commune_a, release_date=today())
    client = client_for("commune_a")
    body = client.get(QUEUE).content.decode()
    assert case.person.full_name in body
    lifecycle.record_reception(
        case, received_on=today(), commitment_signed=True, acting_user=officer
    )
    kinds = [item.kind for item in collect(officer, today())]
    assert "registry.expected_return" not in kinds


def test_the_commune_officer_lands_on_the_work_queue(client_for, cast):
    response = client_for("commune_a").get(reverse("core:home"))
    assert response["Location"] == QUEUE
    assert client_for("province").get(reverse("core:home"))["Location"] == QUEUE


def test_an_empty_queue_says_what_to_do_next(client_for, cast):
    body = client_for("commune_a").get(QUEUE).content.decode()
    assert reverse("registry:person_list") in body


def test_an_incoming_transfer_is_queued_for_the_receiving_side_only(cast):
    """The transfer's row goes to the jurisdiction it enters from outside: the receiving
    commune, and the receiving province when it comes from another province.
    """
    within = received_case(cast.users["commune_a"], commune=cast.commune_a)
    from_outside = received_case(cast.users["other_province"], commune=cast.other_commune)
    transfers = [
        lifecycle.request_transfer(
            case,
            to_commune=target,
            to_address="Ấp 1",
            reason="Chuyển nơi ở",
            requested_on=today() - timedelta(days=days_ago),
            acting_user=user,
        )
        for case, target, user, days_ago in (
            (within, cast.commune_b, cast.users["commune_a"], 1),
            (from_outside, cast.commune_a, cast.users["other_province"], 3),
        )
    ]

    def answers(persona):
        return [
            (item.url, item.person_name)
            for item in collect(cast.users[persona], today())
            if item.kind == "registry.incoming_transfer"
        ]

    def answer(transfer):
        url = reverse("registry:transfer_decide", kwargs={"pk": transfer.pk})
        return (url, transfer.person.full_name)

    assert answers("commune_b") == [answer(transfers[0])]
    assert answers("commune_a") == [answer(transfers[1])]
    assert answers("province") == [answer(transfers[1])]
    assert answers("other_province") == []
    [item] = [i for i in collect(cast.users["commune_a"], today()) if "incoming" in i.kind]
    assert item.due_on == today() - timedelta(days=3) and item.is_overdue(today())
