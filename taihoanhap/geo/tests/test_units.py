from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from taihoanhap.geo.models import REFORM_DATE, AdminUnit, UnitLevel
from taihoanhap.geo.services import (
    UnitImportError,
    current_successors,
    find_units,
    import_legacy_units,
    load_current_units,
    name_query_key,
    resolve_commune,
)

EXAMPLE_CSV = Path(__file__).parent / "data" / "legacy_units_binh_phuoc.csv"

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    load_current_units()


def _counts() -> tuple[int, int]:
    current = AdminUnit.objects.current()
    return current.provinces().count(), current.communes().count()


def test_loading_twice_gives_34_provinces_and_3321_communes():
    call_command("load_units", verbosity=0)
    first = list(AdminUnit.objects.order_by("id").values_list("id", "code", "name", "parent_id"))
    result = load_current_units()
    assert _counts() == (34, 3321)
    assert (result.created, result.updated) == (0, 0)
    assert (
        list(AdminUnit.objects.order_by("id").values_list("id", "code", "name", "parent_id"))
        == first
    )


def test_current_units_are_valid_from_1_july_2025(units):
    assert not AdminUnit.objects.exclude(valid_from=REFORM_DATE).exists()
    dong_nai = AdminUnit.objects.get(level=UnitLevel.PROVINCE, code="75")
    assert dong_nai.full_name == "Tỉnh Đồng Nai"
    assert dong_nai.children.count() == 95


def test_a_changed_name_is_updated_on_reload(units):
    ward = AdminUnit.objects.get(level=UnitLevel.COMMUNE, code="26041")
    ward.name = "Sai tên"
    ward.save()
    assert load_current_units().updated == 1
    ward.refresh_from_db()
    assert ward.name == "Trấn Biên" and ward.name_key == "tran bien"


@pytest.mark.parametrize(
    "text",
    ["Phường Trấn Biên", "phuong tran bien", "Tran Bien", "P. Trấn Biên", "  TRẤN   BIÊN "],
)
def test_lookup_tolerates_missing_diacritics_and_prefixes(units, text):
    assert [u.code for u in find_units(text, level=UnitLevel.COMMUNE)] == ["26041"]


@pytest.mark.parametrize(
    "text", ["Tỉnh Đồng Nai", "dong nai", "TP. Hồ Chí Minh", "tp ho chi minh", "Thành phố Hà Nội"]
)
def test_province_lookup_tolerates_prefixes(units, text):
    assert len(find_units(text, level=UnitLevel.PROVINCE)) == 1


def test_name_query_key_removes_one_kind_prefix():
    assert name_query_key("Xã Tân Tiến") == "tan tien"
    assert name_query_key("TT. Lộc Ninh") == "loc ninh"
    assert name_query_key("Thị trấn Tân Phú") == "tan phu"


def test_the_example_csv_resolves_an_old_binh_phuoc_commune_to_todays_ward(units):
    import_legacy_units(EXAMPLE_CSV)
    # Xã Tân Thành of the former Đồng Xoài city became part of Phường Đồng Xoài, Đồng Nai.
    resolved = resolve_commune("Xa Tan Thanh", district="TP Đồng Xoài", province="Bình Phước")
    assert [(u.full_name, u.parent.name) for u in resolved] == [("Phường Đồng Xoài", "Đồng Nai")]


def test_an_ambiguous_old_name_needs_the_district(units):
    import_legacy_units(EXAMPLE_CSV)
    # Two former communes of Bình Phước were called Tân Thành.
    assert len(resolve_commune("Tân Thành", province="Bình Phước")) == 2
    assert [u.code for u in resolve_commune("Tân Thành", district="Bù Đốp")] == ["25318"]


def test_an_old_district_resolves_to_the_communes_it_became(units):
    import_legacy_units(EXAMPLE_CSV)
    district = AdminUnit.objects.get(level=UnitLevel.DISTRICT, code="689")
    assert {u.name for u in current_successors(district)} == {"Đồng Xoài", "Bình Phước"}
    old_province = AdminUnit.objects.get(level=UnitLevel.PROVINCE, code="70")
    assert [u.name for u in current_successors(old_province)] == ["Đồng Nai"]


def test_an_old_unit_is_itself_on_a_date_before_the_reform(units):
    import_legacy_units(EXAMPLE_CSV)
    old = AdminUnit.objects.get(level=UnitLevel.COMMUNE, code="25210", valid_to__isnull=False)
    assert current_successors(old, on=date(2024, 1, 1)) == [old]


def test_importing_the_same_file_twice_changes_nothing(units):
    call_command("import_legacy_units", str(EXAMPLE_CSV), verbosity=0)
    before = AdminUnit.objects.count()
    second = import_legacy_units(EXAMPLE_CSV)
    assert (second.created, second.updated, second.links) == (0, 0, 0)
    assert AdminUnit.objects.count() == before


def test_a_bad_file_imports_nothing_and_lists_every_error(units, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "level,kind,code,name,parent_code,valid_from,valid_to,successor_codes\n"
        "province,tinh,70,Tỉnh Bình Phước,,01/01/1997,30/06/2025,75\n"
        "commune,xa,99999,Xã Không Có,123,,30/06/2025,26041\n"
        "commune,huyen,1,Xã Sai Loại,,,31/13/2024,\n"
        "commune,xa,2,Xã Thiếu Kế Thừa,,,30/06/2025,00000\n",
        encoding="utf-8",
    )
    before = AdminUnit.objects.count()
    with pytest.raises(UnitImportError) as error:
        import_legacy_units(bad)
    assert len(error.value.errors) == 3
    assert any("Line 3" in e or "Dòng 3" in e for e in error.value.errors)
    assert AdminUnit.objects.count() == before
    with pytest.raises(CommandError):
        call_command("import_legacy_units", str(bad), verbosity=0)
