import pytest
from django.core.exceptions import ValidationError

from taihoanhap.core.citizen_id import FEMALE, MALE, clean_citizen_id, parse_citizen_id


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
