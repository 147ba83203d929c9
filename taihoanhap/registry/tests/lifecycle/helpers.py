"""What the lifecycle tests share: today, the open deadlines and last timeline entry of a case,
a transfer request.
"""

from __future__ import annotations

from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import CaseEvent, Deadline, DeadlineStatus
from taihoanhap.tests.clock import FROZEN_TODAY

TODAY = FROZEN_TODAY


def open_kinds(case) -> set[str]:
    return set(
        Deadline.objects.filter(case=case, status=DeadlineStatus.OPEN).values_list(
            "kind", flat=True
        )
    )


def last_event(case) -> CaseEvent:
    return CaseEvent.objects.filter(case=case).order_by("-recorded_at").first()


def transfer_to(case, officer, commune):
    return lifecycle.request_transfer(
        case,
        to_commune=commune,
        to_address="Ấp 3",
        reason="Chuyển về ở với vợ",
        requested_on=TODAY,
        acting_user=officer,
    )
