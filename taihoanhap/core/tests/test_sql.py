"""core.sql: values passed to and read from hand-written SQL agree with the ORM's on each engine."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from taihoanhap.core.sql import (
    date_value,
    day,
    fetch,
    in_condition,
    local_date,
    uuid_param,
    uuid_value,
)
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
