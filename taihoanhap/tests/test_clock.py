"""The suite's clock: every test starts at the frozen instant, and a test's "today" is the code's,
even at an hour when the UTC date and the date in Hà Nội differ."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

import pytest
import time_machine as tm

from taihoanhap.core.workdays import holiday_name, is_working_day
from taihoanhap.registry.models import CaseEvent
from taihoanhap.registry.tests.factories import open_case_for
from taihoanhap.tests.clock import FROZEN_AT, FROZEN_TODAY, today


def test_every_test_starts_at_the_frozen_instant():
    assert tm.escape_hatch.is_travelling()
    assert today() == FROZEN_TODAY == FROZEN_AT.date()
    assert dt.datetime.now(dt.UTC) - FROZEN_AT < timedelta(minutes=10)


@pytest.mark.django_db
def test_the_frozen_day_is_a_wednesday_with_no_holiday_for_four_weeks_either_side():
    assert FROZEN_TODAY.weekday() == 2
    assert is_working_day(FROZEN_TODAY)
    around = [FROZEN_TODAY + timedelta(days=n) for n in range(-28, 29)]
    assert [day for day in around if holiday_name(day)] == []


@pytest.mark.real_clock
def test_a_test_marked_real_clock_keeps_the_real_clock():
    assert not tm.escape_hatch.is_travelling()


def test_the_tests_today_is_the_codes_when_the_utc_date_is_the_day_before(cast, time_machine):
    # 23:30 UTC on Tuesday 13 October 2026 is 06:30 on Wednesday 14 October in Hà Nội (UTC+7).
    # Travelling to a UTC instant also sets the process's zone to UTC, as on a server or a
    # developer's machine whose zone is UTC: date.today() then answers the UTC date.
    time_machine.move_to(dt.datetime(2026, 10, 13, 23, 30, tzinfo=dt.UTC), tick=False)
    assert date.today() == date(2026, 10, 13)  # what the tests used to ask: the wrong day
    assert today() == date(2026, 10, 14)

    # The code dates what happens today with timezone.localdate(): the opening of a case with no
    # pre-release notice is an event of today, the day the tests' today() gives.
    case = open_case_for(cast.users["commune_a"], commune=cast.commune_a)
    opened = CaseEvent.objects.get(case=case, kind="case_opened")
    assert opened.occurred_on == today()
    assert opened.occurred_on != date.today()
