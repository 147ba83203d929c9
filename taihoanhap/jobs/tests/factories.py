"""Building employers, vacancies and fairs for tests, straight through the ORM."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from taihoanhap.employers.models import Employer
from taihoanhap.jobs.models import FairRegistration, JobFair, Vacancy
from taihoanhap.registry.models import Case
from taihoanhap.registry.tests.factories import make_case
from taihoanhap.tests.cast import Cast
from taihoanhap.tests.clock import today

_numbers = iter(range(1, 10**6))


def make_employer(commune: Any, **fields: Any) -> Employer:
    number = next(_numbers)
    values: dict[str, Any] = {
        "name": f"Công ty TNHH Cơ khí Thử {number}",
        "tax_code": f"36{number:08d}",
        "sector": "Cơ khí",
        "size": "small",
        "workforce": 40,
        "returnees_on_contract": 2,
        "commune": commune,
        "contact_name": "Trần Văn Quản",
        "phone": "0912345678",
    }
    values.update(fields)
    return Employer.objects.create(**values)


def make_vacancy(employer: Employer, **fields: Any) -> Vacancy:
    day = today()
    values: dict[str, Any] = {
        "title": "Thợ hàn",
        "trade": "Hàn điện",
        "count": 3,
        "wage_min_vnd": 7_000_000,
        "wage_max_vnd": 9_000_000,
        "commune": employer.commune,
        "opens_on": day - timedelta(days=10),
        "closes_on": day + timedelta(days=30),
    }
    values.update(fields)
    return Vacancy.objects.create(employer=employer, **values)


def make_fair(cast: Cast, *, commune: Any = None, held_on: date | None = None, **fields: Any):
    values: dict[str, Any] = {
        "title": "Phiên chợ của tình người",
        "held_on": held_on or today(),
        "commune": commune or cast.commune_a,
        "venue": "Nhà văn hóa phường",
        "created_by": cast.users["employment"],
    }
    values.update(fields)
    fair = JobFair.objects.create(**values)
    fair.organisers.set([cast.agencies["home_affairs"], cast.agencies["province_police"]])
    return fair


def make_registration(cast: Cast, fair: JobFair, case: Case | None = None, **fields: Any):
    case = case or make_case(commune=cast.commune_a)
    values: dict[str, Any] = {
        "fair": fair,
        "person": case.person,
        "case": case,
        "registered_on": fair.held_on,
        "registered_by": cast.users["employment"],
    }
    values.update(fields)
    return FairRegistration.objects.create(**values)
