"""The person's timeline: every capability records what it did for the person here."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models

from taihoanhap.core.sql import date_value, fetch, uuid_param
from taihoanhap.registry.models import Case, CaseEvent, Visibility


def add_event(
    case: Case,
    *,
    kind: str,
    occurred_on: date,
    summary: str,
    actor: Any = None,
    visibility: str = Visibility.ALL,
    source: models.Model | None = None,
) -> CaseEvent:
    """Append a timeline entry; call it inside the service's transaction.

    `summary` is shown to everyone who may see the entry: keep offence details out of entries
    with Visibility.ALL.
    """
    return CaseEvent.objects.create(
        case=case,
        person_id=case.person_id,
        kind=kind,
        occurred_on=occurred_on,
        summary=summary[:300],
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        agency_id=getattr(actor, "agency_id", None),
        visibility=visibility,
        source_type=source._meta.label_lower if source is not None else "",
        source_id=str(source.pk) if source is not None else "",
    )


def events_for(person: Any, user: Any) -> models.QuerySet[CaseEvent]:
    """The timeline of `person` as `user` may read it (police-only entries filtered out)."""
    from taihoanhap.registry.access import can_see_offence

    events = CaseEvent.objects.filter(person=person)
    if not can_see_offence(user):
        events = events.filter(visibility=Visibility.ALL)
    return events


def timeline_of(person: Any, user: Any, limit: int = 200) -> list[tuple[date, str, str | None]]:
    """(date, summary, agency name) of the newest `limit` entries of `events_for(person, user)`,
    read by hand (core.sql) for the person page: the same entries, the same order.
    """
    from taihoanhap.registry.access import can_see_offence

    police_only = "" if can_see_offence(user) else " AND e.visibility = %s"
    rows = fetch(
        "SELECT e.occurred_on, e.summary, a.name FROM registry_caseevent e"  # noqa: S608
        " LEFT JOIN accounts_agency a ON a.id = e.agency_id"
        f" WHERE e.person_id = %s{police_only}"
        " ORDER BY e.occurred_on DESC, e.recorded_at DESC LIMIT %s",
        [uuid_param(person.pk), *([Visibility.ALL] if police_only else []), limit],
    )
    return [(date_value(day), summary, agency) for day, summary, agency in rows]
