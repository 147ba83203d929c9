import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from taihoanhap.core.citizen_id import (
    FEMALE,
    MALE,
    citizen_id_query,
    clean_citizen_id,
    display_citizen_id,
    is_legacy_number,
    parse_citizen_id,
)


def test_example_from_the_decree_reads_place_sex_and_year():
    parsed = parse_citizen_id("035199000123", birth_year=1999, sex=FEMALE)
    assert (parsed.legacy, parsed.sex, parsed.birth_year) == (False, FEMALE, 1999)


@pytest.mark.parametrize(
    ("number", "year", "sex"),
    [
        ("075090001234", 1990, MALE),  # 1900s male: 0
        ("075185001234", 1985, FEMALE),  # 1900s female: 1
        ("075205001234", 2005, MALE),  # 2000s male: 2
        ("075301001234", 2001, FEMALE),  # 2000s female: 3
    ],
)
def test_century_and_sex_digit(number, year, sex):
    assert parse_citizen_id(number, birth_year=year, sex=sex).birth_year == year


def test_birth_year_that_disagrees_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as error:
        parse_citizen_id("075090001234", birth_year=1991)
    assert error.value.code == "birth_year"


def test_century_digit_that_disagrees_with_the_birth_year_is_refused():
    # 2 means born 2000-2099, so 1990 cannot match even though the year digits say 90.
    with pytest.raises(ValidationError):
        parse_citizen_id("075290001234", birth_year=1990)


def test_sex_that_disagrees_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_citizen_id("075090001234", birth_year=1990, sex=FEMALE)
    assert error.value.code == "sex"


@pytest.mark.parametrize("number", ["07509000123", "0750900012345", "07509000123a", ""])
def test_wrong_length_or_letters_are_refused(number):
    with pytest.raises(ValidationError) as error:
        parse_citizen_id(number)
    assert error.value.code == "format"


def test_place_code_000_is_refused():
    with pytest.raises(ValidationError):
        parse_citizen_id("000090001234")


def test_old_nine_digit_id_is_accepted_as_legacy_without_checks():
    parsed = parse_citizen_id("271234567", birth_year=1970, sex=MALE)
    assert parsed.legacy and parsed.birth_year is None


def test_spaces_and_dots_typed_between_groups_are_ignored():
    assert clean_citizen_id("075 090.001 234") == "075090001234"
    assert parse_citizen_id("075 090 001 234", birth_year=1990).number == "075090001234"


# --- Digits of other scripts (issue 16, item 13) -----------------------------------------------


def test_full_width_digits_are_folded_to_the_ascii_number():
    # What a Japanese/Chinese IME in full-width mode types: the same number, stored once.
    assert clean_citizen_id("０７５０９０００１２３４") == "075090001234"
    assert parse_citizen_id("０７５ ０９０ ００１ ２３４").number == "075090001234"


@pytest.mark.parametrize(
    "number",
    [
        "٠٧٥٠٩٠٠٠١٢٣٤",  # Arabic-Indic digits: `\d` matched them
        "০৭৫০৯০০০১২৩৪",  # Bengali digits
        "07509000123٤",  # one foreign digit among ASCII ones
    ],
)
def test_digits_of_other_scripts_are_refused(number):
    with pytest.raises(ValidationError) as error:
        parse_citizen_id(number)
    assert error.value.code == "format"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("075 090 001 234", "075090001234"),
        ("０７５０９０００１２３４", "075090001234"),
        ("123.456.789", "123456789"),
        ("٠٧٥٠٩٠٠٠١٢٣٤", None),
        ("Nguyễn Văn An", None),
        ("12345", None),
    ],
)
def test_a_search_box_holds_an_id_number_only_in_ascii_or_full_width_digits(typed, number):
    assert citizen_id_query(typed) == number


def test_an_old_identity_card_number_is_shown_as_such():
    with translation.override("vi"):
        assert display_citizen_id("123456789") == "123456789 (CMND cũ)"
        assert display_citizen_id("075090001234") == "075090001234"
        assert display_citizen_id(None) == ""
    assert is_legacy_number("123456789") and not is_legacy_number("075090001234")
