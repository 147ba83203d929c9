"""The support search reads an ID number like every other boundary (issue 16, item 13)."""

from __future__ import annotations

import pytest

from taihoanhap.registry.tests.factories import make_case, make_person
from taihoanhap.support.selectors import find_persons

pytestmark = pytest.mark.django_db

FULL_WIDTH = "０７５０８８００１２３４"  # 075088001234 typed by an IME in full-width mode


def test_the_support_search_finds_a_person_by_a_full_width_id_number(cast):
    person = make_person(cast.commune_a, citizen_id="075088001234")
    make_case(person)
    assert find_persons(cast.users["commune_a"], FULL_WIDTH) == [person]
