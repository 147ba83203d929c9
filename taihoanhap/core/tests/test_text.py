import unicodedata

from taihoanhap.core.text import normalize_text, search_key, title_name


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
