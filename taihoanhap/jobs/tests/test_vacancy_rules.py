"""The minimum working age of a vacancy (Labour Code 2019 Art. 143: under-15s may do only listed
light work), indexed as rule support.minimum-working-age in docs/legal-rules.toml."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from taihoanhap.jobs import services
from taihoanhap.jobs.models import Vacancy
from taihoanhap.jobs.tests.factories import make_employer
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db


def vacancy_data(commune: Any, *, min_age: int) -> dict[str, Any]:
    opens_on = today()
    return {
        "title": "Thợ hàn",
        "trade": "Hàn điện",
        "count": 2,
        "commune": commune,
        "min_age": min_age,
        "opens_on": opens_on,
        "closes_on": opens_on + timedelta(days=30),
    }


def test_a_vacancy_for_workers_under_15_is_refused(cast):
    employer = make_employer(cast.commune_a)
    with pytest.raises(ValidationError) as refused:
        services.create_vacancy(
            employer,
            data=vacancy_data(cast.commune_a, min_age=14),
            acting_user=cast.users["employment"],
        )
    assert "min_age" in refused.value.message_dict
    assert not Vacancy.objects.exists()


def test_a_vacancy_from_15_years_is_accepted(cast):
    employer = make_employer(cast.commune_a)
    vacancy = services.create_vacancy(
        employer,
        data=vacancy_data(cast.commune_a, min_age=15),
        acting_user=cast.users["employment"],
    )
    assert Vacancy.objects.get(pk=vacancy.pk).min_age == 15
