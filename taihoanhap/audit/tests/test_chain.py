import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from taihoanhap.audit import services
from taihoanhap.audit.context import current_ip
from taihoanhap.audit.models import Action, AppendOnlyError, AuditEvent, PendingView
from taihoanhap.audit.services import (
    ChainReport,
    diff,
    record,
    record_view,
    seal_views,
    verify_chain,
)
from taihoanhap.core.models import DayOverride


class Boom(Exception):
    pass


def _change(user, *, fail: bool) -> None:
    """A service-shaped change: write, audit, then maybe fail before commit."""
    with transaction.atomic():
        row = DayOverride.objects.create(date="2026-03-09", is_working_day=False, reason="Nghỉ")
        record(Action.CREATE, user=user, obj=row)
        if fail:
            raise Boom


def test_a_change_and_its_event_commit_together(cast):
    _change(cast.users["admin"], fail=False)
    event = AuditEvent.objects.get()
    assert event.object_type == "core.dayoverride"
    assert event.user == cast.users["admin"]


def test_a_failed_change_leaves_no_event(cast):
    with pytest.raises(Boom):
        _change(cast.users["admin"], fail=True)
    assert not AuditEvent.objects.exists()
    assert not DayOverride.objects.exists()
    # The chain head rolled back too: the next event continues the chain without a gap.
    record(Action.VIEW, user=cast.users["admin"], object_type="x", object_id="1")
    assert verify_chain().problem is None


def test_events_chain_each_to_the_previous(cast):
    first = record(
        Action.VIEW, user=cast.users["province"], object_type="registry.person", object_id="a"
    )
    second = record(Action.EXPORT, user=cast.users["province"], note="12 rows")
    assert (first.seq, second.seq) == (1, 2)
    assert second.prev_hash == first.hash
    report = verify_chain()
    assert (report.checked, report.problem) == (2, None)
    call_command("verify_audit", verbosity=0)


def test_changed_fields_are_recorded_as_old_and_new():
    assert diff({"a": 1, "b": "x"}, {"a": 2, "b": "x"}) == {"a": [1, 2]}


def test_the_model_refuses_updates_and_deletes(cast):
    event = record(Action.VIEW, user=cast.users["province"], object_type="x", object_id="1")
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_the_database_refuses_updates_and_deletes(cast):
    record(Action.VIEW, user=cast.users["province"], object_type="x", object_id="1")
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditEvent.objects.update(note="changed")
    if connection.vendor == "postgresql":  # see migration 0003 for SQLite
        with pytest.raises(Exception, match="append-only"), transaction.atomic():
            AuditEvent.objects.all().delete()


def _disable_guard():
    """What an attacker with database access would do before tampering."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred FK checks first
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        else:
            cursor.execute("DROP TRIGGER audit_event_no_update")


def _three_events(cast):
    for object_id in ("a", "b", "c"):
        record(
            Action.VIEW,
            user=cast.users["province"],
            object_type="registry.person",
            object_id=object_id,
        )


def test_tampering_with_a_stored_event_is_detected(cast):
    _three_events(cast)
    _disable_guard()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET object_id = 'z' WHERE seq = 2")
    report = verify_chain()
    assert report.problem is not None and report.problem.seq == 2
    with pytest.raises(CommandError, match="#2"):
        call_command("verify_audit", verbosity=0)


def test_a_deleted_event_is_detected(cast):
    _three_events(cast)
    _disable_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = 2")
    assert verify_chain().problem.seq == 2


def test_a_removed_tail_is_detected(cast):
    _three_events(cast)
    _disable_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = 3")
    assert verify_chain().problem.seq == 3


def test_a_rehashed_event_still_breaks_the_next_link(cast):
    _three_events(cast)
    _disable_guard()
    event = AuditEvent.objects.get(seq=2)
    event.object_id = "z"
    forged = event.compute_hash()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET object_id = 'z', hash = %s WHERE seq = 2", [forged]
        )
    assert verify_chain().problem.seq == 3


def test_what_is_stored_is_what_the_hash_covers(cast):
    # The event is written with plain SQL: every field must come back exactly as hashed.
    from datetime import date
    from decimal import Decimal

    event = record(
        Action.UPDATE,
        user=cast.users["commune_a"],
        object_type="registry.person",
        object_id="b",
        changes={"full_name": ["Nguyễn Văn An", "Nguyễn Văn Ân"], "on": date(2026, 2, 16)},
        note="sửa tên",
        ip="203.0.113.7",
    )
    record(Action.EXPORT, user=cast.users["province"], changes={"rate": Decimal("0.65")})
    stored = AuditEvent.objects.get(seq=event.seq)
    assert stored.content() == event.content()
    assert stored.changes == {"full_name": ["Nguyễn Văn An", "Nguyễn Văn Ân"], "on": "2026-02-16"}
    assert (stored.ip, stored.agency_id) == ("203.0.113.7", cast.users["commune_a"].agency_id)
    assert verify_chain().problem is None


# --- Views: written in one statement, chained in batches ---------------------------------------


def _view(user, object_id: str, note: str = "") -> None:
    record_view(user, DayOverride(pk=object_id), note=note)


def test_a_view_waits_unchained_then_is_sealed_with_its_own_time(cast):
    user = cast.users["commune_a"]
    token = current_ip.set("10.0.0.7")
    try:
        _view(user, "41", note="print HCD-02")
    finally:
        current_ip.reset(token)
    waiting = PendingView.objects.get()
    assert not AuditEvent.objects.exists()  # one INSERT, the chain untouched
    assert seal_views() == 1
    event = AuditEvent.objects.get()
    assert (event.seq, event.action, event.object_type, event.object_id) == (
        1,
        Action.VIEW,
        "core.dayoverride",
        "41",
    )
    assert (event.user, event.agency, event.username) == (user, user.agency, user.username)
    assert (event.at, event.ip, event.note) == (waiting.at, "10.0.0.7", "print HCD-02")
    assert not PendingView.objects.exists()
    assert seal_views() == 0  # nothing left: running it again chains nothing twice
    assert verify_chain() == ChainReport(1, None)


def test_a_chained_event_comes_after_the_views_written_before_it(cast):
    user = cast.users["province"]
    _view(user, "1")
    _view(user, "2")
    change = record(Action.EXPORT, user=user, note="12 rows")
    assert change.seq == 3
    assert list(AuditEvent.objects.order_by("seq").values_list("action", "object_id")) == [
        (Action.VIEW, "1"),
        (Action.VIEW, "2"),
        (Action.EXPORT, ""),
    ]
    assert not PendingView.objects.exists()
    assert verify_chain() == ChainReport(3, None)


def test_views_beyond_a_batch_are_sealed_in_order(cast, monkeypatch):
    monkeypatch.setattr(services, "SEAL_BATCH", 2)
    for number in range(5):
        _view(cast.users["province"], str(number))
    assert seal_views() == 5
    assert list(AuditEvent.objects.order_by("seq").values_list("object_id", flat=True)) == [
        "0",
        "1",
        "2",
        "3",
        "4",
    ]
    assert verify_chain() == ChainReport(5, None)


def test_the_commands_chain_the_waiting_views(cast, capsys):
    _view(cast.users["province"], "1")
    call_command("verify_audit")
    assert "1 events" in capsys.readouterr().out
    _view(cast.users["province"], "2")
    call_command("seal_audit")
    assert "1 views chained" in capsys.readouterr().out
    assert AuditEvent.objects.count() == 2


def test_a_waiting_view_cannot_be_changed(cast):
    _view(cast.users["province"], "1")
    view = PendingView.objects.get()
    with pytest.raises(AppendOnlyError):
        view.save()
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        PendingView.objects.update(note="changed")
