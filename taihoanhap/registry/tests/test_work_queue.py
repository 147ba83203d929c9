"""“Việc cần làm”: scoped, most urgent first, the right horizon, and what disappears when done."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from taihoanhap.registry import deadlines as registry_deadlines
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import DeadlineKind
from taihoanhap.registry.tests.factories import make_case, open_case_for
from taihoanhap.registry.workqueue import collect, items_for

QUEUE = reverse("registry:work_queue")


def today():
    return timezone.localdate()


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
