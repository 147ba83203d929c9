import unicodedata

import pytest

from taihoanhap.core.text import foreign_letter, normalize_text, search_key, title_name


def test_search_key_strips_diacritics_and_case():
    assert search_key("Nguyễn Văn Ân") == "nguyen van an"


def test_search_key_maps_d_with_stroke():
    assert search_key("Đặng Thị Đào") == "dang thi dao"


def test_search_key_accepts_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Ân")
    assert decomposed != "Nguyễn Văn Ân"
    assert search_key(decomposed) == "nguyen van an"


def test_search_key_collapses_spaces():
    assert search_key("  Lê   Thị\tHoa ") == "le thi hoa"


def test_normalize_text_gives_nfc_and_single_spaces():
    value = normalize_text(unicodedata.normalize("NFD", " Trần  Thị Thu "))
    assert value == "Trần Thị Thu"
    assert unicodedata.is_normalized("NFC", value)


def test_title_name_capitalises_each_word():
    assert title_name("nguyễn văn AN") == "Nguyễn Văn An"


def test_empty_values_give_empty_keys():
    assert search_key(None) == "" and normalize_text("") == ""


# --- Letters of other scripts (issue 16, item 14) ----------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Nguyễn Văn An", "Đặng Thị Đào", "Hoàng Ngọc Ánh", "H'Hen Niê", "Ksor Y Phun"],
)
def test_a_vietnamese_name_has_no_foreign_letter(name):
    assert foreign_letter(name) is None
    assert foreign_letter(unicodedata.normalize("NFD", name)) is None


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Nguyễn Văn \u0410n", (12, "\u0410", "CYRILLIC")),  # Cyrillic capital А
        ("Trần V\u0430n Bình", (7, "\u0430", "CYRILLIC")),  # Cyrillic а
        ("Lê Thị Ho\u03b1", (10, "\u03b1", "GREEK")),  # Greek alpha
        ("Ng\u043e Văn An", (3, "\u043e", "CYRILLIC")),  # Cyrillic о
    ],
)
def test_a_look_alike_letter_of_another_script_is_found_with_its_position(name, found):
    assert foreign_letter(name) == found


def test_a_look_alike_letter_would_otherwise_defeat_the_duplicate_check():
    # Why the check exists: the search key differs, so the duplicate guard does not match.
    assert search_key("Trần V\u0430n Bình") != search_key("Trần Văn Bình")
