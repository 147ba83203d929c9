"""Building support records for tests, through the services where the rules matter."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from taihoanhap.accounts.models import Agency
from taihoanhap.registry.models import Case, CaseStatus, Person
from taihoanhap.registry.tests.factories import make_case
from taihoanhap.support.models import Course, Referral, TrainingLevel
from taihoanhap.support.rules import referral_respond_by
from taihoanhap.tests.cast import Cast
from taihoanhap.tests.clock import today


def case_in(commune: Any, **fields: Any) -> Case:
    return make_case(commune=commune, **fields)


def make_referral(
    cast: Cast,
    *,
    case: Case | None = None,
    sent_on: date | None = None,
    to: str = "home_affairs",
    **fields: Any,
) -> Referral:
    """A referral from commune A's police to an agency of the cast (the Home Affairs
    department by default), straight through the ORM."""
    case = case or case_in(cast.commune_a)
    sent_on = sent_on or today() - timedelta(days=1)
    values: dict[str, Any] = {
        "person": case.person,
        "case": case,
        "purpose": "job",
        "from_agency": cast.agencies["police_a"],
        "to_agency": cast.agencies[to],
        "message": "Cần việc làm ổn định",
        "sent_on": sent_on,
        "respond_by": referral_respond_by(sent_on),
        "deadline_source": "5 ngày làm việc",
        "sent_by": cast.users["commune_a"],
    }
    values.update(fields)
    return Referral.objects.create(**values)


def make_course(cast: Cast, *, facility: Agency | None = None, **fields: Any) -> Course:
    day = today()
    values: dict[str, Any] = {
        "title": "Hàn điện cơ bản",
        "trade": "Hàn điện",
        "level": TrainingLevel.ELEMENTARY,
        "provider": "Trường Cao đẳng Công nghệ Đồng Nai",
        "starts_on": day - timedelta(days=30),
        "ends_on": day + timedelta(days=60),
        "commune": None if facility else cast.commune_a,
        "facility": facility,
        "province": cast.province,
        "seats": 20,
        "cost_vnd": 3_000_000,
        "support_vnd": 1_500_000,
        "organiser": cast.agencies["education"],
    }
    values.update(fields)
    return Course.objects.create(**values)


def inmate_case(cast: Cast, *, release_in_days: int = 45, person: Person | None = None) -> Case:
    """A person still inside the cast's facility, expected home in commune A."""
    case = make_case(
        person,
        commune=cast.commune_a,
        status=CaseStatus.EXPECTED,
        release_date=today() + timedelta(days=release_in_days),
    )
    case.release.facility = cast.agencies["facility"]
    case.release.save(update_fields=["facility"])
    return case
