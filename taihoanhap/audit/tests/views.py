"""For tests of other apps: the views recorded, once chained into the trail."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.services import seal_views


def audited_views(**lookup: Any) -> QuerySet[AuditEvent]:
    """The view events matching `lookup`, after chaining the views still waiting."""
    seal_views()
    return AuditEvent.objects.filter(action=Action.VIEW, **lookup)
