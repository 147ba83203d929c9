from django.urls import reverse

from taihoanhap.geo.models import REFORM_DATE, AdminUnit, UnitKind, UnitLevel


def _many_communes(province, count):
    for number in range(count):
        AdminUnit(
            level=UnitLevel.COMMUNE,
            kind=UnitKind.XA,
            code=f"9{number:04d}",
            name=f"Thử {number:02d}",
            parent=province,
            valid_from=REFORM_DATE,
        ).save()


def test_a_commune_officer_sees_the_communes_of_the_province(client_for, cast):
    response = client_for("commune_a").get(reverse("geo:commune_list"))
    names = [u.name for u in response.context["communes"]]
    assert names == ["Trấn Biên", "Xuân Lộc"]
    assert "Lâm Viên - Đà Lạt" not in response.content.decode()


def test_the_list_pages_by_25_with_one_query(client_for, cast, django_assert_num_queries):
    _many_communes(cast.province, 30)
    client = client_for("province")
    client.get(reverse("geo:commune_list"))  # warm the session
    with django_assert_num_queries(3):  # session, user with agency and unit, the page
        response = client.get(reverse("geo:commune_list"))
    assert len(response.context["communes"]) == 25
    after = response.context["next_after"]
    second = client.get(reverse("geo:commune_list"), {"after": after}).context["communes"]
    assert len(second) == 7 and second[0].name_key > after


def test_the_name_filter_ignores_accents_and_prefixes(client_for, cast):
    response = client_for("province").get(reverse("geo:commune_list"), {"q": "Xa xuan"})
    assert [u.name for u in response.context["communes"]] == ["Xuân Lộc"]
