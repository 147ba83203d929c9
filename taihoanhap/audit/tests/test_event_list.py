from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.services import record, record_view

URL = "/nhat-ky/"


def _events(cast):
    record(Action.VIEW, user=cast.users["commune_a"], object_type="registry.person", object_id="p1")
    record(Action.EXPORT, user=cast.users["province"], note="25 rows")
    record(
        Action.VIEW,
        user=cast.users["other_province"],
        object_type="registry.person",
        object_id="p2",
    )


def _count(client, **filters) -> int:
    return client.get(URL, filters).context["page"].paginator.count


def test_the_administrator_filters_by_user_action_and_record(client_for, cast):
    client = client_for("admin")  # signing in is itself an event
    _events(cast)
    assert _count(client) == 4
    assert _count(client, action=Action.VIEW) == 2
    by_user = client.get(URL, {"user": cast.users["commune_a"].pk}).context["page"]
    assert [e.object_id for e in by_user] == ["p1"]
    by_action = client.get(URL, {"action": Action.EXPORT}).context["page"]
    assert [e.note for e in by_action] == ["25 rows"]
    by_record = client.get(URL, {"object_id": "p2"}).context["page"]
    assert [e.user for e in by_record] == [cast.users["other_province"]]


def test_the_period_filter_uses_dd_mm_yyyy_dates(client_for, cast):
    client = client_for("admin")
    _events(cast)
    today = timezone.localdate()
    tomorrow = (today + timedelta(days=1)).strftime("%d/%m/%Y")
    assert _count(client, action=Action.VIEW, date_from=today.strftime("%d/%m/%Y")) == 2
    assert _count(client, action=Action.VIEW, date_to=today.strftime("%d/%m/%Y")) == 2
    assert _count(client, date_from=tomorrow) == 0


def test_a_reversed_period_is_explained(client_for, cast):
    response = client_for("admin").get(URL, {"date_from": "10/03/2026", "date_to": "01/03/2026"})
    assert "Ngày kết thúc không được trước ngày bắt đầu" in response.content.decode()


def test_an_inspector_reads_only_the_events_of_agencies_in_the_province(client_for, cast):
    _events(cast)
    page = client_for("inspector").get(URL, {"action": Action.VIEW}).context["page"]
    assert {e.user.username for e in page} == {"commune_a"}
    exports = client_for("inspector").get(URL, {"action": Action.EXPORT}).context["page"]
    assert {e.user.username for e in exports} == {"province"}


def test_the_page_lists_events_newest_first(client_for, cast):
    _events(cast)
    seqs = [e.seq for e in client_for("admin").get(URL).context["page"]]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == AuditEvent.objects.count()
    assert reverse("audit:event_list") == URL


def test_the_trail_shows_a_view_as_soon_as_it_is_made(client_for, cast):
    client = client_for("admin")
    record_view(cast.users["commune_a"], cast.users["commune_a"], note="opened")
    page = client.get(URL, {"action": Action.VIEW}).context["page"]
    assert [event.note for event in page] == ["opened"]
