"""The hand-written reads' scope (core.sql) selects exactly what the ORM's scope selects.

The work queue's reads are SQL; their filters come from `Scope.sql` and `person_scope_sql`,
written beside `Scope.q` and `person_scope_q`. Every persona of the cast, on records spread
over two communes, another province, a facility's releases and pending transfers both ways.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from taihoanhap.accounts.scope import Scope, scope_for
from taihoanhap.core.sql import fetch, uuid_value
from taihoanhap.registry import deadlines as registry_deadlines
from taihoanhap.registry.access import person_scope_q, person_scope_sql
from taihoanhap.registry.models import Case, Deadline, DeadlineKind, Person, Release, Transfer
from taihoanhap.registry.selectors import cases_for_page, person_for_page, sentences_for_page
from taihoanhap.registry.tests.factories import make_case, make_sentence
from taihoanhap.tests.cast import PERSONAS
from taihoanhap.tests.clock import today


@pytest.fixture
def spread(cast):
    """Cases in both communes and in the other province; one released by the cast's facility;
    a pending transfer from commune A to commune B and one from the other province into A.
    """
    cases = [
        make_case(commune=commune)
        for commune in (cast.commune_a, cast.commune_a, cast.commune_b, cast.other_commune)
    ]
    Release.objects.filter(pk=cases[2].release_id).update(facility=cast.agencies["facility"])
    for record, source, target in (
        (cases[1], cast.commune_a, cast.commune_b),
        (cases[3], cast.other_commune, cast.commune_a),
    ):
        Transfer.objects.create(
            case=record,
            person=record.person,
            from_commune=source,
            from_province=source.parent,
            to_commune=target,
            to_province=target.parent,
            to_address="Ấp 1",
            reason="Chuyển nơi ở",
            requested_on=today(),
        )
    for record in cases:
        registry_deadlines.open_deadline(record, kind=DeadlineKind.CLASSIFICATION, due_on=today())
    return cases


def _users(cast):
    return [*(cast.users[name] for name in PERSONAS), AnonymousUser()]


def _sql_ids(condition: str, params: list, table: str, alias: str) -> set:
    rows = fetch(f"SELECT {alias}.id FROM {table} {alias} WHERE {condition}", params)  # noqa: S608
    return {uuid_value(pk) for (pk,) in rows}


@pytest.mark.parametrize("incoming", [True, False])
def test_person_scope_sql_selects_the_persons_of_person_scope_q(cast, spread, incoming):
    for user in _users(cast):
        expected = set(
            Person.objects.filter(person_scope_q(user, incoming=incoming)).values_list(
                "pk", flat=True
            )
        )
        condition, params = person_scope_sql(user, "p", incoming=incoming)
        assert _sql_ids(condition, params, "registry_person", "p") == expected, user


def test_the_spread_tells_the_personas_apart(cast, spread):
    """The comparison above is not vacuous: the personas see different, non-empty sets."""
    seen = {
        name: frozenset(Person.objects.filter(person_scope_q(cast.users[name])))
        for name in ("commune_a", "commune_b", "province", "other_province", "facility")
    }
    assert all(seen.values())
    assert len(set(seen.values())) == len(seen)
    moving_in = spread[3].person
    assert moving_in in seen["commune_a"] and moving_in not in seen["commune_b"]
    assert moving_in not in Person.objects.filter(
        person_scope_q(cast.users["commune_a"], incoming=False)
    )


def test_scope_sql_selects_the_rows_of_scope_q(cast, spread):
    scopes = [scope_for(user) for user in _users(cast)]
    scopes += [Scope(everything=True), Scope(province_ids=frozenset({cast.province.id}))]
    for scope in scopes:
        expected = set(
            Deadline.objects.filter(scope.q(province="province", commune="commune")).values_list(
                "pk", flat=True
            )
        )
        condition, params = scope.sql(Deadline, "d", province="province", commune="commune")
        assert _sql_ids(condition, params, "registry_deadline", "d") == expected, scope


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_person_for_page_gives_every_persona_the_orms_person_or_404(cast, spread):
    """The person page's hand-written read: the same person, with the same communes, for each
    persona that `Person.objects.visible_to` lets see them, and 404 for everyone else.
    """
    for user in _users(cast):
        visible = Person.objects.visible_to(user).select_related(
            "commune", "province", "permanent_commune"
        )
        for record in spread:
            expected = visible.filter(pk=record.person_id).first()
            if expected is None:
                with pytest.raises(Http404):
                    person_for_page(user, record.person_id)
                continue
            person = person_for_page(user, str(record.person_id))
            assert _fields(person) == _fields(expected), user
            assert (person.commune, person.province, person.permanent_commune) == (
                expected.commune,
                expected.province,
                None,
            )
            assert person.commune.full_name == expected.commune.full_name


def test_the_sentences_and_cases_of_the_page_are_the_orms(cast):
    record = make_case(commune=cast.commune_a, release_date=date(2024, 1, 10))
    person = record.person
    later = make_case(person, release_date=date(2025, 6, 1), officer=cast.users["commune_a"])
    make_sentence(person, judgment_date=date(2021, 5, 4), penal_code_articles=[171, 173])
    sentences = sentences_for_page(person)
    assert [s.pk for s in sentences] == [
        s.pk for s in person.sentences.order_by("-judgment_date", "-created_at")
    ]
    assert [_fields(s) for s in sentences] == [
        _fields(s) for s in person.sentences.order_by("-judgment_date", "-created_at")
    ]
    cases = cases_for_page(person, sentences)
    assert [case.pk for case in cases] == [later.pk, record.pk]  # the latest release first
    for case in cases:
        expected = Case.objects.select_related("release", "officer").get(pk=case.pk)
        assert _fields(case) == _fields(expected)
        assert _fields(case.release) == _fields(expected.release)
        assert case.officer == expected.officer
        assert case.release.sentence in sentences  # taken from the page's own read
    assert str(cases[0].officer) == str(cast.users["commune_a"])
    assert cases[1].officer is None
