"""core.sql: values passed to and read from hand-written SQL agree with the ORM's on each engine."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from taihoanhap.accounts.models import Agency, User
from taihoanhap.core.sql import (
    build_row,
    date_value,
    day,
    fetch,
    in_condition,
    local_date,
    model_columns,
    select_list,
    uuid_param,
    uuid_value,
)
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models import Case, Release, Sentence
from taihoanhap.registry.tests.factories import make_case


def test_in_condition_of_nothing_selects_nothing():
    assert in_condition("x", []) == ("1 = 0", [])
    assert in_condition("x", [3, 1]) == ("x IN (%s, %s)", [3, 1])


def test_a_case_read_by_hand_matches_the_orm(cast):
    record = make_case(commune=cast.commune_a)
    record.refresh_from_db()
    [(pk, person_id, created_at)] = fetch(
        "SELECT c.id, c.person_id, c.created_at FROM registry_case c WHERE c.id = %s",
        [uuid_param(record.pk)],
    )
    assert uuid_value(pk) == record.pk
    assert uuid_value(person_id) == record.person_id
    assert local_date(created_at) == timezone.localdate(record.created_at)


def test_dates_round_trip_through_a_parameter(cast):
    record = make_case(commune=cast.commune_a, release_date=date(2025, 1, 29))
    [(released,)] = fetch(
        "SELECT r.release_date FROM registry_release r WHERE r.id = %s AND r.release_date = %s",
        [uuid_param(record.release_id), day(date(2025, 1, 29))],
    )
    assert date_value(released) == date(2025, 1, 29)


@pytest.mark.parametrize(
    "stored",
    [
        datetime(2026, 1, 31, 18, 30),  # naive UTC, as SQLite gives it
        "2026-01-31 18:30:00",
        datetime(2026, 1, 31, 18, 30, tzinfo=UTC),
    ],
)
def test_local_date_is_the_date_in_vietnam(stored):
    assert timezone.get_current_timezone() == ZoneInfo("Asia/Ho_Chi_Minh")
    assert local_date(stored) == date(2026, 2, 1)  # 18:30 UTC is 01:30 the next day


def test_uuid_values_are_parsed_from_either_form():
    value = uuid.uuid4()
    assert uuid_value(value) is value
    assert uuid_value(value.hex) == value


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_instances_built_from_a_hand_written_row_equal_the_orms(cast):
    """Every field type the person page reads (uuid, dates, timestamps, booleans, JSON, files,
    foreign keys) comes back as the ORM gives it, and an outer join that found nothing is None.
    """
    record = make_case(
        commune=cast.commune_a,
        officer=cast.users["commune_a"],
        commitment_signed=True,
        received_on=date(2025, 2, 3),
    )
    record.release.facility = cast.agencies["facility"]
    record.release.save()
    sentence = record.release.sentence
    parts = (
        model_columns(Case, "k"),
        model_columns(Release, "r"),
        model_columns(Sentence, "s"),
        model_columns(Agency, "f"),
        model_columns(User, "u"),
        model_columns(AdminUnit, "pc"),
    )
    [row] = fetch(
        f"SELECT {select_list(*parts)} FROM registry_case k"  # noqa: S608
        " JOIN registry_release r ON r.id = k.release_id"
        " JOIN registry_sentence s ON s.id = r.sentence_id"
        " LEFT JOIN accounts_agency f ON f.id = r.facility_id"
        " LEFT JOIN accounts_user u ON u.id = k.officer_id"
        " JOIN registry_person p ON p.id = k.person_id"
        " LEFT JOIN geo_adminunit pc ON pc.id = p.permanent_commune_id"
        " WHERE k.id = %s",
        [uuid_param(record.pk)],
    )
    case, release, built_sentence, facility, officer, permanent = build_row(row, *parts)
    for built, model, pk in (
        (case, Case, record.pk),
        (release, Release, record.release_id),
        (built_sentence, Sentence, sentence.pk),
        (facility, Agency, cast.agencies["facility"].pk),
        (officer, User, cast.users["commune_a"].pk),
    ):
        assert type(built) is model
        assert not built._state.adding
        assert _fields(built) == _fields(model.objects.get(pk=pk))
    assert built_sentence.penal_code_articles == [173]
    assert case.commitment_signed is True
    assert case.received_on == date(2025, 2, 3)
    assert timezone.is_aware(case.created_at)
    assert permanent is None  # no permanent commune recorded: the LEFT JOIN found no row


def test_a_repeated_statement_is_prepared_on_postgresql(cast):
    """Planning the person page's joins cost more than running them: on PostgreSQL a statement
    repeated on a connection is prepared and planned once (settings: PREPARED_STATEMENTS).
    """
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    for _ in range(8):
        fetch("SELECT u.username FROM accounts_user u WHERE u.id = %s", [cast.users["admin"].pk])
    [(prepared,)] = fetch(
        "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
        ["%u.username FROM accounts_user u WHERE%"],
    )
    assert prepared == 1
