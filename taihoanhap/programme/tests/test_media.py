"""Media activities: validation by channel, totals per outlet, channel and period, scope."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taihoanhap.programme import services
from taihoanhap.programme.models import Channel, MediaActivity, MediaTopic
from taihoanhap.programme.selectors import media_totals
from taihoanhap.programme.services import MediaData
from taihoanhap.programme.tests import factories as f

pytestmark = pytest.mark.django_db


# A correction of the factory's print item, as the media officer posts it on the item's page.
CORRECTION = {
    "version": "1",
    "outlet": "Báo Đồng Nai",
    "channel": "print",
    "title": "Tiêu đề đã sửa",
    "published_on": "05/03/2026",
    "topic": "examples",
    "word_count": "1300",
}


def _create(cast, **fields):
    """create_media by the media officer, with a valid print item's values unless given."""
    values = {
        "outlet": "Đài truyền thanh",
        "channel": Channel.PRINT,
        "title": "Tuyên truyền",
        "published_on": date(2026, 3, 1),
        "topic": MediaTopic.POLICY,
        **fields,
    }
    return services.create_media(data=MediaData(**values), acting_user=cast.users["media"])


def test_a_broadcast_needs_its_duration(cast):
    with pytest.raises(ValidationError) as error:
        _create(cast, outlet="Đài PT-TH", channel=Channel.TELEVISION, title="Phóng sự")
    assert "duration_minutes" in error.value.message_dict


def test_a_loudspeaker_item_belongs_to_a_commune_of_the_province(cast):
    loudspeaker = {"channel": Channel.LOUDSPEAKER, "duration_minutes": 5}
    with pytest.raises(ValidationError):
        _create(cast, commune=cast.other_commune, **loudspeaker)
    made = _create(cast, commune=cast.commune_a, **loudspeaker)
    assert made.province == cast.province


def test_totals_are_counted_per_outlet_channel_and_period(cast):
    officer = cast.users["media"]
    f.media(cast.province, officer, outlet="Báo A", word_count=1000)
    f.media(cast.province, officer, outlet="Báo A", word_count=500, published_on=date(2026, 4, 2))
    f.media(
        cast.province,
        officer,
        outlet="Đài B",
        channel=Channel.RADIO,
        word_count=None,
        duration_minutes=15,
        published_on=date(2026, 7, 1),
    )
    qs = MediaActivity.objects.all()
    by_outlet = {row["outlet"]: row for row in media_totals(qs, "outlet")}
    assert (by_outlet["Báo A"]["n"], by_outlet["Báo A"]["words"]) == (2, 1500)
    assert (by_outlet["Đài B"]["n"], by_outlet["Đài B"]["minutes"]) == (1, 15)
    by_channel = {row["channel"]: row["n"] for row in media_totals(qs, "channel")}
    assert by_channel == {Channel.PRINT: 2, Channel.RADIO: 1}
    by_quarter = [(row["period"].month, row["n"]) for row in media_totals(qs, "quarter")]
    assert by_quarter == [(7, 1), (4, 1), (1, 1)]
    by_month = media_totals(qs.filter(published_on__lt=date(2026, 5, 1)), "month")
    assert [row["n"] for row in by_month] == [1, 1]


def test_the_media_page_filters_by_period_and_shows_totals(cast, client_for):
    officer = cast.users["media"]
    f.media(cast.province, officer, published_on=date(2026, 1, 10))
    f.media(cast.province, officer, published_on=date(2026, 6, 10))
    page = client_for("leader").get(
        reverse("programme:media_list") + "?date_from=01/06/2026&group=channel"
    )
    assert page.context["page"].paginator.count == 1
    assert page.context["total_count"] == 1


def test_a_media_activity_of_another_province_answers_404(cast, client_for):
    item = f.media(cast.province, cast.users["media"], title="Mở lối hoàn lương số 7")
    url = reverse("programme:media_detail", kwargs={"pk": item.pk})
    # The control: a reader of the province (not only its author) gets the item.
    assert item.title in client_for("province").get(url).content.decode()
    refused = client_for("other_province").get(url)
    assert refused.status_code == 404
    assert item.title not in refused.content.decode()
    # A correction posted from there is refused too (the role does not write media) and leaves
    # the item as it was.
    assert client_for("other_province").post(url, CORRECTION).status_code == 403
    item.refresh_from_db()
    assert (item.title, item.word_count, item.version) == ("Mở lối hoàn lương số 7", 1200, 1)


def test_the_media_officer_corrects_an_activity_with_a_version_check(cast, client_for):
    item = f.media(cast.province, cast.users["media"])
    url = reverse("programme:media_detail", kwargs={"pk": item.pk})
    form = CORRECTION
    assert client_for("media").post(url, form).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.version) == ("Tiêu đề đã sửa", 2)
    stale = client_for("media").post(url, {**form, "title": "Bản cũ"})
    assert stale.status_code == 200
    assert stale.context["form"].non_field_errors()
    assert "Bản cũ" in stale.content.decode()
