"""Reading the audit trail, scoped to the reader."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from taihoanhap.accounts.models import Agency, User
from taihoanhap.audit.models import AuditEvent


def events_visible_to(user: User) -> QuerySet[AuditEvent]:
    """A system administrator reads every event; an inspector those of agencies in scope."""
    qs = AuditEvent.objects.select_related("user", "agency")
    if user.is_system_admin and user.agency_id is None:
        return qs
    return qs.filter(agency__in=Agency.objects.visible_to(user))


def filter_events(qs: QuerySet[AuditEvent], data: dict[str, Any]) -> QuerySet[AuditEvent]:
    if data.get("user"):
        qs = qs.filter(user=data["user"])
    if data.get("action"):
        qs = qs.filter(action=data["action"])
    if data.get("object_id"):
        qs = qs.filter(object_id=data["object_id"].strip())
    tz = timezone.get_current_timezone()
    if data.get("date_from"):
        qs = qs.filter(at__gte=datetime.combine(data["date_from"], time.min, tzinfo=tz))
    if data.get("date_to"):
        qs = qs.filter(at__lte=datetime.combine(data["date_to"], time.max, tzinfo=tz))
    return qs
