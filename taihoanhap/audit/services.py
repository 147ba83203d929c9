"""Writing and verifying audit events.

`record()` must run inside the transaction of the change it records (it opens a savepoint
otherwise), so a failed change leaves no event and a recorded change always has one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import connection, models, transaction
from django.utils import timezone

from taihoanhap.audit.context import current_ip
from taihoanhap.audit.models import GENESIS_HASH, Action, AuditEvent, ChainHead, PendingView
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.models import VersionedModel
from taihoanhap.core.sql import placeholders

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from taihoanhap.accounts.models import User


def _jsonable(value: Any) -> Any:
    """Plain JSON values, so the hash is computed on exactly what is stored."""
    return json.loads(json.dumps(value, default=_default, ensure_ascii=False))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def object_label(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


# The chain makes each write wait for the previous one (PERFORMANCE.md): its statements are
# plain SQL, built once per process, because building them through the ORM cost more than
# running them. Views, the most frequent events, are not chained one by one (PendingView).


def _lock_head() -> tuple[int, str]:
    """The chain's tip, locked until the transaction ends (SQLite: by BEGIN IMMEDIATE)."""
    with connection.cursor() as cursor:
        cursor.execute(_statements(connection.vendor)["head"], [1])
        row = cursor.fetchone()
    if row is None:  # the row exists from migration 0002; only a test flush removes it
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        return head.last_seq, head.last_hash
    return row[0], row[1]


def _append(events: list[AuditEvent]) -> None:
    """INSERT the events (in chain order) and move the chain's tip to the last."""
    rows = [_db_values(event, AuditEvent._meta.concrete_fields) for event in events]
    statements = _statements(connection.vendor)
    with connection.cursor() as cursor:
        cursor.executemany(statements["insert"], rows)
        cursor.execute(statements["move"], [events[-1].seq, events[-1].hash, 1])
    for event in events:
        event._state.adding, event._state.db = False, connection.alias  # as after Model.save()


@functools.cache
def _statements(vendor: str) -> dict[str, str]:
    quote = connection.ops.quote_name
    head = quote(ChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    # Names from the models' metadata only; every value is bound as a parameter.
    return {
        "head": f"SELECT {quote('last_seq')}, {quote('last_hash')} FROM {head} "  # noqa: S608
        f"WHERE {quote('id')} = %s{lock}",
        "insert": _insert(AuditEvent, AuditEvent._meta.concrete_fields),
        "move": f"UPDATE {head} SET {quote('last_seq')} = %s, {quote('last_hash')} = %s "  # noqa: S608
        f"WHERE {quote('id')} = %s",
        "view": _insert(PendingView, _view_fields()),
    }


def _insert(model: type[models.Model], fields: Sequence[models.Field]) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns})"  # noqa: S608
        f" VALUES ({placeholders(fields)})"
    )


def _db_values(instance: models.Model, fields: Sequence[models.Field]) -> list[Any]:
    """The values of `fields` as `_insert`'s statement takes them (as Model.save() would)."""
    return [f.get_db_prep_save(getattr(instance, f.attname), connection) for f in fields]


@functools.cache
def _view_fields() -> tuple[models.Field, ...]:
    """A view's columns but its id, which the database numbers."""
    return tuple(field for field in PendingView._meta.concrete_fields if not field.primary_key)


def record(
    action: str,
    *,
    user: User | AnonymousUser | None = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
    note: str = "",
    username: str = "",
    ip: str | None = None,
) -> AuditEvent:
    """Append an event to the chain, after the views waiting to be chained. Call it inside the
    change's own transaction.
    """
    if obj is not None:
        object_type, object_id = object_label(obj)
    signed_in = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        last_seq, last_hash = _seal(*_lock_head())
        event = _link(
            AuditEvent(
                seq=last_seq + 1,
                at=timezone.now(),
                user=signed_in,
                username=(signed_in.get_username() if signed_in is not None else username)[:150],
                agency_id=signed_in.agency_id if signed_in is not None else None,
                action=Action(action),
                object_type=object_type,
                object_id=object_id,
                ip=ip if ip is not None else current_ip.get(),
                changes=_jsonable(changes or {}),
                note=note[:200],
            ),
            last_hash,
        )
        _append([event])
    return event


def record_export(
    user: User | AnonymousUser | None,
    rows: int,
    *,
    obj: models.Model | None = None,
    object_type: str = "",
    note: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    """Audit an export (Action.EXPORT) with the number of rows it carried out of the system, in
    `changes["rows"]`: every export, spreadsheet or printed list, goes through here.
    """
    return record(
        Action.EXPORT,
        user=user,
        obj=obj,
        object_type=object_type,
        note=note,
        changes={**(changes or {}), "rows": rows},
    )


def _link(event: AuditEvent, prev_hash: str) -> AuditEvent:
    event.prev_hash = prev_hash
    event.hash = event.compute_hash()
    return event


def record_view(user: User, obj: models.Model, *, note: str = "") -> None:
    """Record that `user` viewed `obj`: one INSERT, chained later with the other views
    (`seal_views`) at the time it happened.
    """
    object_type, object_id = object_label(obj)
    view = PendingView(
        at=timezone.now(),
        user_id=user.pk,
        username=user.get_username()[:150],
        agency_id=user.agency_id,
        object_type=object_type,
        object_id=object_id,
        ip=current_ip.get(),
        note=note[:200],
    )
    with connection.cursor() as cursor:
        cursor.execute(_statements(connection.vendor)["view"], _db_values(view, _view_fields()))


def seal_views() -> int:
    """Chain the views waiting in PendingView into the trail, oldest first; how many."""
    with transaction.atomic():
        last_seq, last_hash = _lock_head()
        sealed_seq, _ = _seal(last_seq, last_hash)
    return sealed_seq - last_seq


SEAL_BATCH = 1000


def _seal(last_seq: int, last_hash: str) -> tuple[int, str]:
    """Move the waiting views into the chain after (`last_seq`, `last_hash`), the chain's lock
    held; the new tip. Each view is removed in the transaction that chains it.
    """
    while batch := list(PendingView.objects.order_by("id")[:SEAL_BATCH]):
        events = []
        for view in batch:
            last_seq += 1
            event = _link(
                AuditEvent(
                    seq=last_seq,
                    at=view.at,
                    user_id=view.user_id,
                    username=view.username,
                    agency_id=view.agency_id,
                    action=Action.VIEW,
                    object_type=view.object_type,
                    object_id=view.object_id,
                    ip=view.ip,
                    changes={},
                    note=view.note,
                ),
                last_hash,
            )
            last_hash = event.hash
            events.append(event)
        _append(events)
        PendingView.objects.filter(id__in=[view.id for view in batch]).delete()
    return last_seq, last_hash


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Field values keyed by name, foreign keys by their id, for `diff`."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        assert isinstance(field, models.Field), f"{name} is not a field of {obj}"
        values[name] = getattr(obj, field.attname)
    return values


def save_audited(
    instance: VersionedModel,
    *,
    before: Mapping[str, Any],
    expected_version: int,
    acting_user: User,
    action: str = Action.UPDATE,
    fields: Sequence[str] | None = None,
    extra_changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Save an edited record under the optimistic lock and audit what changed, in the caller's
    transaction.

    `before` is the `snapshot` of the audited fields taken before the caller changed the
    instance; its keys are the fields compared. `fields` are the columns written when they
    differ from the audited ones (derived search keys, the province); `extra_changes` are
    entries the fields cannot show (an M2M set, a file). A stale `expected_version` raises
    `StaleRecordError` before anything is written. The event is recorded even when no audited
    field changed: the officer did save the form.
    """
    audited = list(before)
    save_versioned(
        instance,
        expected_version=expected_version,
        fields=list(fields) if fields is not None else audited,
    )
    changes = diff(dict(before), snapshot(instance, audited))
    changes.update(extra_changes or {})
    return record(action, user=acting_user, obj=instance, changes=changes)


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    problem: ChainProblem | None


def verify_chain(batch_size: int = 5000) -> ChainReport:
    """Walk the chain in order and stop at the first broken link."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for event in _iterate(batch_size):
        if event.seq != expected_seq:
            return ChainReport(expected_seq - 1, ChainProblem(expected_seq, "missing event"))
        if event.prev_hash != expected_prev:
            return ChainReport(
                expected_seq - 1, ChainProblem(event.seq, "link to the previous event is broken")
            )
        if event.compute_hash() != event.hash:
            return ChainReport(
                expected_seq - 1, ChainProblem(event.seq, "content does not match its hash")
            )
        expected_prev = event.hash
        expected_seq += 1
    checked = expected_seq - 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_seq != checked or head.last_hash != expected_prev):
        return ChainReport(checked, ChainProblem(checked + 1, "events at the end are missing"))
    return ChainReport(checked, None)


def _iterate(batch_size: int) -> Iterator[AuditEvent]:
    after = 0
    while True:
        batch = list(AuditEvent.objects.filter(seq__gt=after).order_by("seq")[:batch_size])
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
