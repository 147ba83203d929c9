"""Bad input at the registry's boundaries (issue 16, items 13-15): digits of other scripts in an
ID number, look-alike letters of other scripts in a name, dates that do not exist or lie ahead.

Each boundary (the person form, the person services, the searches) reads through the one
function in core, so one spelling of a person cannot slip past the duplicate checks. The
support search and the credit representative have their tests in their own apps.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from taihoanhap.registry import services
from taihoanhap.registry.models import Person
from taihoanhap.registry.selectors import parse_query
from taihoanhap.registry.summaries import identity_summary
from taihoanhap.registry.tests.factories import make_person
from taihoanhap.registry.tests.test_person_pages import CREATE, person_data
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db

FULL_WIDTH = "０７５０８８００１２３４"  # 075088001234 typed by an IME in full-width mode
ARABIC_INDIC = "٠٧٥٠٨٨٠٠١٢٣٤"
CYRILLIC_NAME = "Trần V\u0430n Bình"  # the "a" of "Van" is Cyrillic


def service_data(**overrides):
    data = {
        "full_name": "Trần Văn Bình",
        "birth_date": date(1988, 5, 12),
        "birth_year": 1988,
        "sex": "M",
        "citizen_id": "075088001234",
        "current_address": "Tổ 3",
    }
    data.update(overrides)
    return data


# --- ID numbers --------------------------------------------------------------------------------


def test_a_full_width_id_number_is_caught_as_a_duplicate_on_the_form(client_for, cast):
    make_person(cast.commune_a, citizen_id="075088001234", full_name="Người Khác")
    response = client_for("commune_a").post(CREATE, person_data(cast, citizen_id=FULL_WIDTH))
    assert [e.code for e in response.context["form"].errors.as_data()["citizen_id"]] == [
        "duplicate"
    ]
    assert Person.objects.count() == 1


def test_a_full_width_id_number_is_stored_in_ascii(client_for, cast):
    response = client_for("commune_a").post(CREATE, person_data(cast, citizen_id=FULL_WIDTH))
    assert response.status_code == 302
    assert Person.objects.get().citizen_id == "075088001234"


def test_an_id_number_in_arabic_indic_digits_is_refused_on_the_form(client_for, cast):
    response = client_for("commune_a").post(CREATE, person_data(cast, citizen_id=ARABIC_INDIC))
    # Refused as digits that are not digits, not by chance ("٠٧٥" is not the place code "075").
    assert [e.code for e in response.context["form"].errors.as_data()["citizen_id"]] == ["format"]
    assert not Person.objects.exists()


def test_the_service_folds_a_full_width_id_number_before_its_duplicate_check(cast):
    make_person(cast.commune_a, citizen_id="075088001234", full_name="Người Khác")
    with pytest.raises(ValidationError) as error:
        services.create_person(
            acting_user=cast.users["commune_a"],
            commune=cast.commune_a,
            **service_data(citizen_id=FULL_WIDTH),
        )
    assert "citizen_id" in error.value.error_dict
    assert Person.objects.count() == 1


def test_the_service_refuses_an_id_number_in_other_digits(cast):
    with pytest.raises(ValidationError) as error:
        services.create_person(
            acting_user=cast.users["commune_a"],
            commune=cast.commune_a,
            **service_data(citizen_id=ARABIC_INDIC),
        )
    assert "citizen_id" in error.value.error_dict


def test_the_service_refuses_it_on_an_update_too(cast):
    person = make_person(cast.commune_a)
    with pytest.raises(ValidationError):
        services.update_person(
            person,
            expected_version=person.version,
            acting_user=cast.users["commune_a"],
            citizen_id=ARABIC_INDIC,
        )


@pytest.mark.parametrize("typed", [FULL_WIDTH, "０７５ ０８８ ００１ ２３４"])
def test_the_person_search_reads_a_full_width_id_number(typed):
    assert parse_query(typed).citizen_id == "075088001234"


def test_the_person_search_does_not_take_other_digits_for_an_id_number():
    assert parse_query(ARABIC_INDIC).citizen_id == ""


def test_the_person_page_shows_an_old_identity_card_number_as_such(cast):
    person = make_person(cast.commune_a, citizen_id="123456789")
    with translation.override("vi"):
        assert "123456789 (CMND cũ)" in identity_summary(person)


# --- Names -------------------------------------------------------------------------------------


def test_a_name_with_a_cyrillic_letter_is_refused_on_the_form_with_its_position(client_for, cast):
    with translation.override("vi"):
        response = client_for("commune_a").post(CREATE, person_data(cast, full_name=CYRILLIC_NAME))
    [message] = response.context["form"].errors["full_name"]
    assert "Ký tự thứ 7" in message
    assert not Person.objects.exists()


def test_a_name_with_a_cyrillic_letter_cannot_defeat_the_duplicate_check_through_the_service(
    cast,
):
    make_person(cast.commune_a, full_name="Trần Văn Bình", citizen_id=None)
    with pytest.raises(ValidationError) as error:
        services.create_person(
            acting_user=cast.users["commune_a"],
            commune=cast.commune_a,
            **service_data(full_name=CYRILLIC_NAME, citizen_id=None),
        )
    assert "full_name" in error.value.error_dict


# --- Dates -------------------------------------------------------------------------------------


def test_a_birth_date_in_the_future_is_refused_saying_so(client_for, cast):
    tomorrow = (today() + timedelta(days=1)).strftime("%d/%m/%Y")
    with translation.override("vi"):
        response = client_for("commune_a").post(CREATE, person_data(cast, birth=tomorrow))
    assert response.context["form"].errors["birth"] == ["Ngày sinh không thể ở tương lai."]


def test_an_impossible_birth_date_is_told_apart_from_text_that_is_no_date(client_for, cast):
    client = client_for("commune_a")
    with translation.override("vi"):
        impossible = client.post(CREATE, person_data(cast, birth="31/02/1990"))
        garbage = client.post(CREATE, person_data(cast, birth="abc"))
    [impossible_message] = impossible.context["form"].errors["birth"]
    [garbage_message] = garbage.context["form"].errors["birth"]
    assert impossible_message.startswith("31/02/1990 không phải là ngày có thật")
    assert "dd/mm/yyyy" in garbage_message and impossible_message != garbage_message
