"""Building persons and cases for tests, straight through the ORM (not the services)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models import (
    Case,
    CaseStatus,
    Person,
    Release,
    ReleaseType,
    Sentence,
    Sex,
)
from taihoanhap.tests.clock import today

_counter = iter(range(1, 10**9))


def make_person(commune: AdminUnit, **fields: Any) -> Person:
    number = next(_counter)
    defaults: dict[str, Any] = {
        "full_name": f"Nguyễn Văn Thử {number}",
        "birth_date": date(1990, 1, 1),
        "birth_year": 1990,
        "sex": Sex.MALE,
        "citizen_id": f"0750900{number:05d}",
        "commune": commune,
        "current_address": "Tổ 1, khu phố 2",
    }
    defaults.update(fields)
    return Person.objects.create(**defaults)


def make_sentence(person: Person, **fields: Any) -> Sentence:
    defaults: dict[str, Any] = {
        "judgment_number": "12/2022/HS-ST",
        "judgment_date": date(2022, 3, 1),
        "court": "Tòa án nhân dân tỉnh Đồng Nai",
        "offences": "Trộm cắp tài sản",
        "penal_code_articles": [173],
        "term_years": 3,
        "start_date": date(2022, 3, 1),
        "end_date": date(2025, 3, 1),
    }
    defaults.update(fields)
    return Sentence.objects.create(person=person, **defaults)


def make_case(
    person: Person | None = None,
    *,
    commune: AdminUnit | None = None,
    status: str = CaseStatus.UNDER_MANAGEMENT,
    release_type: str = ReleaseType.FULL_TERM,
    release_date: date | None = None,
    **fields: Any,
) -> Case:
    if person is None:
        assert commune is not None, "give a person or a commune"
        person = make_person(commune)
    sentence = make_sentence(person)
    release = Release.objects.create(
        person=person,
        sentence=sentence,
        type=release_type,
        facility_name="Trại giam Xuân Lộc",
        release_date=release_date or today() - timedelta(days=200),
    )
    case = Case.objects.create(person=person, release=release, status=status, **fields)
    from taihoanhap.registry.services import sync_person

    sync_person(case)  # the person's list fields, as the services keep them
    return case


# --- Through the services (for tests of the lifecycle, deadlines and pages) ---------------------


def open_case_for(
    user: Any,
    person: Person | None = None,
    *,
    commune: AdminUnit | None = None,
    release_type: str = ReleaseType.FULL_TERM,
    release_date: date | None = None,
    notice_received_on: date | None = None,
    probation_end: date | None = None,
    **sentence_fields: Any,
) -> Case:
    """An expected case opened by `user` as a commune would on receiving the notice."""
    from taihoanhap.registry.services import open_case

    if person is None:
        assert commune is not None, "give a person or a commune"
        person = make_person(commune)
    release_date = release_date or today() + timedelta(days=30)
    if release_type == ReleaseType.PAROLE and probation_end is None:
        probation_end = release_date + timedelta(days=400)
    return open_case(
        person,
        sentence=make_sentence(person, **sentence_fields),
        release_type=release_type,
        release_date=release_date,
        facility_name="Trại giam Xuân Lộc",
        notice_received_on=notice_received_on,
        notice_sender="Trại giam Xuân Lộc",
        probation_end=probation_end,
        acting_user=user,
    )


def received_case(
    user: Any,
    person: Person | None = None,
    *,
    commune: AdminUnit | None = None,
    release_type: str = ReleaseType.FULL_TERM,
    released_on: date | None = None,
    **fields: Any,
) -> Case:
    """A case opened and received at the commune (under management, or on probation)."""
    from taihoanhap.registry.lifecycle import record_reception

    released_on = released_on or today() - timedelta(days=40)
    case = open_case_for(
        user,
        person,
        commune=commune,
        release_type=release_type,
        release_date=released_on,
        **fields,
    )
    return record_reception(
        case, received_on=released_on + timedelta(days=2), commitment_signed=True, acting_user=user
    )
