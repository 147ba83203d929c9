"""The clock every test runs on, and the one way tests ask for "today".

The root conftest.py moves the clock to FROZEN_AT before each test (browser tests and tests
marked ``real_clock`` keep the real clock). Tests ask for today's date with ``today()``, which is
the code's own ``timezone.localdate()`` (Asia/Ho_Chi_Minh), never ``date.today()``: the latter
follows the process's time zone, which is not the site's wherever TZ is not Django's (time-machine
travelling to a UTC instant, Windows, a zone file missing), and then the test and the code
disagree on the date for seven hours around midnight.

A module-level constant captured at import time (``TODAY = ...``) must use FROZEN_TODAY: modules
are imported before any fixture runs, with the real clock.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

# Wednesday 14 October 2026, 10:00 in Hà Nội (03:00 UTC). Why this instant:
# - a Wednesday, a working day, with whole working weeks on either side, so that tests computing
#   "N working days" or expecting a particular weekday do not depend on the day the suite runs;
# - no Vietnamese public holiday nearby: the last is National Day (1-2 September 2026, six weeks
#   before), the next Vietnam Cultural Day (24 November 2026, six weeks after);
# - mid-morning, so the local and the UTC dates are the same day and no test crosses midnight;
# - late enough that "400 days ago" (9 September 2025) still falls after the administrative
#   reform of 1 July 2025 that the test cast's communes belong to.
# The zone is given as a ZoneInfo on purpose: time-machine then sets the process's TZ to it,
# the same zone Django set from settings.TIME_ZONE.
FROZEN_AT = dt.datetime(2026, 10, 14, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
FROZEN_TODAY = FROZEN_AT.date()


def today() -> dt.date:
    """Today's date as the code under test sees it (the site's local date)."""
    return timezone.localdate()
