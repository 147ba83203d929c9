"""The lifecycle tests' officer and their cases in each starting state."""

from __future__ import annotations

from datetime import timedelta

import pytest

from taihoanhap.registry.models import ReleaseType
from taihoanhap.registry.tests.factories import open_case_for, received_case
from taihoanhap.registry.tests.lifecycle.helpers import TODAY


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


@pytest.fixture
def expected(cast, officer):
    return open_case_for(
        officer,
        commune=cast.commune_a,
        notice_received_on=TODAY - timedelta(days=2),
        release_date=TODAY + timedelta(days=50),
    )


@pytest.fixture
def managed(cast, officer):
    return received_case(officer, commune=cast.commune_a)


@pytest.fixture
def parolee(cast, officer):
    return received_case(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)
