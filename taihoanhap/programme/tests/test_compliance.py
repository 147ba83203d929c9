"""Models and exemplary individuals: counting against the dated target, per unit."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from taihoanhap.audit.tests.views import audited_views
from taihoanhap.programme import services
from taihoanhap.programme.models import RecognitionCategory, RecognitionKind, TargetLevel
from taihoanhap.programme.selectors import compliance, target_for
from taihoanhap.programme.services import RecognitionData
from taihoanhap.programme.tests import factories as f

pytestmark = pytest.mark.django_db


def _rows(report):
    return {row.unit.pk: row for row in report.rows}


def _add_target(cast, persona="leader", **fields):
    """add_target for the province, one model and one individual per commune unless given."""
    values = {
        "province": cast.province,
        "level": TargetLevel.COMMUNE,
        "min_collective": 1,
        "min_individual": 1,
        "effective_from": date(2027, 1, 1),
        "source": "Thử",
        **fields,
    }
    return services.add_target(**values, acting_user=cast.users[persona])


def _create_recognition(cast, unit, category):
    return services.create_recognition(
        data=RecognitionData(
            unit=unit,
            year=2026,
            category=category,
            name="Xưởng mộc Thành Công",
            description="Nhận 5 người hoàn lương vào làm",
            recognised_by="UBND phường Trấn Biên",
        ),
        acting_user=cast.users["commune_a"],
    )


def test_the_default_target_is_one_model_and_one_individual_per_commune(cast):
    rule = target_for(cast.province, 2026)
    assert (rule.level, rule.min_collective, rule.min_individual) == (TargetLevel.COMMUNE, 1, 1)
    assert "693/UBND-NC" in rule.source


def test_a_commune_with_a_model_and_an_individual_meets_the_target(cast):
    police = cast.users["province"]
    f.recognition(cast.commune_a, police)
    f.recognition(cast.commune_a, police, category=RecognitionCategory.HELPER, name="Bà Tư")
    f.recognition(cast.commune_b, police)  # a model but no individual
    f.recognition(cast.commune_b, police, year=2025, category=RecognitionCategory.RETURNEE)
    report = compliance(cast.users["leader"], cast.province, 2026)
    rows = _rows(report)
    assert set(rows) == {cast.commune_a.pk, cast.commune_b.pk}  # every unit listed
    assert (rows[cast.commune_a.pk].collective, rows[cast.commune_a.pk].individual) == (1, 1)
    assert rows[cast.commune_a.pk].met
    assert (rows[cast.commune_b.pk].collective, rows[cast.commune_b.pk].individual) == (1, 0)
    assert not rows[cast.commune_b.pk].met  # last year's individual does not count
    assert (report.met_count, report.unmet_count) == (1, 1)


def test_a_units_own_target_applies_from_its_date(cast):
    police = cast.users["province"]
    f.recognition(cast.commune_a, police, year=2026)
    f.recognition(cast.commune_a, police, year=2026, category=RecognitionCategory.RETURNEE)
    f.recognition(cast.commune_a, police, year=2027)
    f.recognition(cast.commune_a, police, year=2027, category=RecognitionCategory.RETURNEE)
    _add_target(cast, min_collective=2, source="Kế hoạch của UBND tỉnh (thử)")
    assert _rows(compliance(cast.users["leader"], cast.province, 2026))[cast.commune_a.pk].met
    assert not _rows(compliance(cast.users["leader"], cast.province, 2027))[cast.commune_a.pk].met


def test_a_province_wide_target_counts_the_whole_province(cast):
    police = cast.users["province"]
    f.recognition(cast.commune_a, police)
    f.recognition(cast.commune_b, police, category=RecognitionCategory.HELPER)
    _add_target(cast, level=TargetLevel.PROVINCE, effective_from=date(2026, 1, 1))
    report = compliance(cast.users["leader"], cast.province, 2026)
    assert [row.unit for row in report.rows] == [cast.province]
    assert report.rows[0].met


def test_a_commune_user_sees_only_their_commune(cast):
    report = compliance(cast.users["commune_leader"], cast.province, 2026)
    assert [row.unit for row in report.rows] == [cast.commune_a]


def test_only_the_provincial_committee_sets_targets(cast):
    for persona in ("commune_leader", "province", "finance"):
        with pytest.raises(PermissionDenied):
            _add_target(cast, persona)


def test_the_category_decides_the_kind(cast):
    recognition = _create_recognition(cast, cast.commune_a, RecognitionCategory.EMPLOYER)
    assert recognition.kind == RecognitionKind.COLLECTIVE
    assert recognition.province == cast.province


def test_a_commune_officer_cannot_record_for_another_commune(cast):
    with pytest.raises(PermissionDenied):
        _create_recognition(cast, cast.commune_b, RecognitionCategory.CLUB)


def test_the_compliance_page_lists_every_unit_with_met_or_not_met(cast, client_for):
    police = cast.users["province"]
    f.recognition(cast.commune_a, police)
    f.recognition(cast.commune_a, police, category=RecognitionCategory.HELPER, name="Bà Tư")
    page = client_for("leader").get(reverse("programme:compliance") + "?year=2026")
    html = page.content.decode()
    assert str(cast.commune_a) in html and str(cast.commune_b) in html
    assert page.context["report"].met_count == 1
    drill = client_for("leader").get(
        reverse("programme:compliance_unit", kwargs={"unit": cast.commune_a.pk}) + "?year=2026"
    )
    assert "Bà Tư" in drill.content.decode()


def test_the_compliance_page_runs_a_constant_number_of_queries(
    cast, client_for, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from taihoanhap.tests.cast import make_unit

    client = client_for("leader")
    url = reverse("programme:compliance") + "?year=2026"
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for index in range(5):
        unit = make_unit(f"Xã Thử {index}", f"9{index}000", "xa", cast.province)
        f.recognition(unit, cast.users["province"])
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


def test_a_recognition_outside_the_users_area_answers_404_and_is_not_changed(cast, client_for):
    recognition = f.recognition(cast.commune_a, cast.users["commune_a"])
    url = reverse("programme:recognition_detail", kwargs={"pk": recognition.pk})
    assert recognition.name in client_for("commune_a").get(url).content.decode()  # the control
    for persona in ("commune_b", "other_province"):
        refused = client_for(persona).get(url)
        assert refused.status_code == 404
        assert recognition.name not in refused.content.decode()
    # Only commune A's reading is recorded as a view of the recognition.
    viewers = audited_views(object_id=str(recognition.pk)).values_list("user", flat=True)
    assert list(viewers) == [cast.users["commune_a"].pk]
    unit_url = reverse("programme:compliance_unit", kwargs={"unit": cast.commune_a.pk})
    assert client_for("commune_a").get(unit_url).status_code == 200  # the control
    assert client_for("commune_b").get(unit_url).status_code == 404


def test_a_recognition_outside_the_users_area_cannot_be_corrected(cast, client_for):
    recognition = f.recognition(cast.commune_a, cast.users["commune_a"])
    url = reverse("programme:recognition_edit", kwargs={"pk": recognition.pk})
    data = {
        "unit": cast.commune_a.pk,
        "year": "2026",
        "category": recognition.category,
        "name": "Tên đã sửa",
        "description": recognition.description,
        "recognised_by": recognition.recognised_by,
        "version": recognition.version,
    }
    for persona in ("commune_b", "other_province"):
        assert client_for(persona).post(url, data).status_code == 404
    recognition.refresh_from_db()
    assert (recognition.name, recognition.version) == (
        "Tổ tự quản giúp người hoàn lương khu phố 3",
        1,
    )
    # The same correction by commune A is saved: it was refused for its scope.
    assert client_for("commune_a").post(url, data).status_code == 302
    recognition.refresh_from_db()
    assert (recognition.name, recognition.version) == ("Tên đã sửa", 2)


def test_the_compliance_page_can_show_only_units_not_meeting_the_target(cast, client_for):
    police = cast.users["province"]
    f.recognition(cast.commune_a, police)
    f.recognition(cast.commune_a, police, category=RecognitionCategory.HELPER, name="Bà Tư")
    page = client_for("leader").get(reverse("programme:compliance") + "?year=2026&unmet_only=on")
    assert [row.unit for row in page.context["rows"]] == [cast.commune_b]
