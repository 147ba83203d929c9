"""The person-visibility rule exists once (`registry.access.PersonReach.q`), and every way of
asking it answers alike: the ORM's querysets, the hand-written reads of the person page and
the work queues, and the other personal-data models' `visible_to`.

The previous rule was written twice and had drifted: the querysets put the ids of at most 500
pending incoming transfers in the filter, the hand-written reads a subquery without a cap. The
fixture below sends 501 transfers into commune A, the newest last, so that a cap would show.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from taihoanhap.accounts.scope import scope_for
from taihoanhap.core.sql import fetch, uuid_value
from taihoanhap.registry.access import (
    incoming_transfer_sql,
    incoming_transfers,
    person_scope_q,
    person_scope_sql,
)
from taihoanhap.registry.deadlines import open_deadline
from taihoanhap.registry.models import (
    Case,
    CaseStatus,
    Deadline,
    DeadlineKind,
    Person,
    Release,
    ReleaseType,
    Sentence,
    Sex,
    Transfer,
)
from taihoanhap.registry.selectors import person_for_page
from taihoanhap.registry.tests.factories import make_case
from taihoanhap.tests.cast import PERSONAS
from taihoanhap.tests.clock import today

MOVING_IN = 501  # one more than the old cap of the querysets' id list


def _bulk_moving_in(cast, count: int) -> list[Person]:
    """`count` persons of the other province with a pending transfer into commune A, created
    in five statements; the last person's transfer is the newest.
    """
    moved_on = today()
    persons = Person.objects.bulk_create(
        Person(
            full_name=f"Trần Văn Chuyển {n}",
            name_key=f"tran van chuyen {n:04d}",
            birth_year=1985,
            sex=Sex.MALE,
            commune=cast.other_commune,
            province=cast.other_province,
            case_status=CaseStatus.UNDER_MANAGEMENT,
        )
        for n in range(count)
    )
    sentences = Sentence.objects.bulk_create(
        Sentence(
            person=person,
            judgment_number="1/2020/HS-ST",
            judgment_date=date(2020, 1, 1),
            court="Tòa án nhân dân tỉnh",
            offences="Trộm cắp tài sản",
        )
        for person in persons
    )
    releases = Release.objects.bulk_create(
        Release(
            person=person,
            sentence=sentence,
            type=ReleaseType.FULL_TERM,
            facility_name="Trại giam",
            release_date=date(2024, 1, 1),
        )
        for person, sentence in zip(persons, sentences, strict=True)
    )
    cases = Case.objects.bulk_create(
        Case(person=person, release=release, status=CaseStatus.UNDER_MANAGEMENT)
        for person, release in zip(persons, releases, strict=True)
    )
    Transfer.objects.bulk_create(
        Transfer(
            case=case,
            person=case.person,
            from_commune=cast.other_commune,
            from_province=cast.other_province,
            to_commune=cast.commune_a,
            to_province=cast.province,
            to_address="Ấp 2",
            reason="Về sống với gia đình",
            requested_on=moved_on if n == count - 1 else moved_on - timedelta(days=30),
        )
        for n, case in enumerate(cases)
    )
    return persons


@pytest.fixture
def moving_in(cast):
    persons = _bulk_moving_in(cast, MOVING_IN)
    # People of the communes themselves, so that each persona sees a set of its own.
    for commune in (cast.commune_a, cast.commune_b, cast.other_commune):
        open_deadline(make_case(commune=commune), kind=DeadlineKind.CLASSIFICATION, due_on=today())
    return persons


def _users(cast):
    return [*(cast.users[name] for name in PERSONAS), AnonymousUser()]


def _sql_person_ids(user) -> set:
    condition, params = person_scope_sql(user, "p")
    rows = fetch(f"SELECT p.id FROM registry_person p WHERE {condition}", params)  # noqa: S608
    return {uuid_value(pk) for (pk,) in rows}


def test_a_police_officer_sees_every_person_moving_in_beyond_the_old_cap(cast, moving_in):
    newest = moving_in[-1]
    officer = cast.users["commune_a"]
    queryset_ids = set(Person.objects.visible_to(officer).values_list("pk", flat=True))
    assert {person.pk for person in moving_in} <= queryset_ids
    assert newest.pk in _sql_person_ids(officer)
    assert person_for_page(officer, newest.pk) == newest  # the person page's own read
    assert Case.objects.visible_to(officer).filter(person=newest).exists()


def test_the_persons_moving_in_are_not_yet_managed_nor_seen_by_another_commune(cast, moving_in):
    newest = moving_in[-1]
    assert not Person.objects.managed_by(cast.users["commune_a"]).filter(pk=newest.pk).exists()
    assert not Person.objects.visible_to(cast.users["commune_b"]).filter(pk=newest.pk).exists()
    with pytest.raises(Http404):
        person_for_page(cast.users["commune_b"], newest.pk)


def test_the_queryset_and_the_hand_written_reads_agree_for_every_persona(cast, moving_in):
    sizes = set()
    for user in _users(cast):
        expected = set(Person.objects.visible_to(user).values_list("pk", flat=True))
        assert _sql_person_ids(user) == expected, user
        sizes.add(len(expected))
    assert len(sizes) > 3  # the personas see different sets: the comparison is not vacuous


def test_the_incoming_transfers_of_the_work_queue_are_those_of_the_rule(cast, moving_in):
    for user in _users(cast):
        scope = scope_for(user)
        expected = incoming_transfers(scope)
        pending = incoming_transfer_sql(user, "t")
        if expected is None:
            assert pending is None, user
            continue
        condition, params = pending
        rows = fetch(f"SELECT t.id FROM registry_transfer t WHERE {condition}", params)  # noqa: S608
        assert {uuid_value(pk) for (pk,) in rows} == set(expected.values_list("pk", flat=True)), (
            user
        )
    assert incoming_transfers(scope_for(cast.users["commune_a"])).count() == MOVING_IN


def _person_path(model) -> str | None:
    """The lookup from `model` to its person: directly, or through its case."""
    for target, suffix in ((Person, ""), (Case, "__person")):
        for field in model._meta.concrete_fields:
            if field.related_model is target:
                return f"{field.name}{suffix}"
    return None


def test_the_scoped_managers_of_personal_data_stay_within_the_persons_rule(cast, moving_in):
    """Every `visible_to` of a model that hangs off a person (or a case) selects only rows of
    persons that `Person.objects.visible_to` lets the user see: one rule beneath them all.
    """
    checked_with_rows = set()
    for model in apps.get_models():
        manager = model._default_manager
        path = _person_path(model)
        if model is Person or path is None or not hasattr(manager, "visible_to"):
            continue
        for user in _users(cast):
            persons = set(Person.objects.visible_to(user).values_list("pk", flat=True))
            rows = manager.visible_to(user).exclude(**{f"{path}__isnull": True})
            seen = set(rows.values_list(path, flat=True))
            assert seen <= persons, (model, user)
            if seen:
                checked_with_rows.add(model)
    assert {Case, Deadline} <= checked_with_rows


def test_person_scope_q_with_a_prefix_is_the_same_rule_through_a_relation(cast, moving_in):
    for user in _users(cast):
        persons = set(Person.objects.visible_to(user).values_list("pk", flat=True))
        through_case = set(
            Case.objects.filter(person_scope_q(user, prefix="person__")).values_list(
                "person_id", flat=True
            )
        )
        assert through_case == persons & set(Case.objects.values_list("person_id", flat=True))
