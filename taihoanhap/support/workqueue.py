"""Referrals in the work queue: overdue ones for the sender, unanswered ones for the receiver."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from taihoanhap.core.models import choice_label
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.registry.rules import rule
from taihoanhap.registry.workqueue import WorkItem
from taihoanhap.support.models import Referral, ReferralStatus


def items_for(user: Any, today: date) -> list[WorkItem]:
    """Two queries: referrals the user's agency sent that are past their answer date, and
    referrals it received that still await its answer; the most urgent first, at most as many
    as the queue shows (a provincial agency may have thousands outstanding).

    Two queries rather than one with OR: each walks its (agency, status, answer date) index in
    order and stops at the limit, where the OR made PostgreSQL join every referral to its person.
    """
    agency_id = getattr(user, "agency_id", None)
    if agency_id is None:
        return []
    limit = rule("WORK_QUEUE_MAX_ITEMS")
    # Plain values, not model instances: up to 100 referrals of four joined tables each.
    waiting = (
        Referral.objects.visible_to(user)
        .filter(status=ReferralStatus.SENT)
        .order_by("respond_by")
        .values_list(
            "pk",
            "purpose",
            "respond_by",
            "deadline_source",
            "to_agency_id",
            "person__full_name",
            "from_agency__name",
            "to_agency__name",
        )
    )
    overdue = waiting.filter(from_agency_id=agency_id, respond_by__lt=today)[:limit]
    incoming = waiting.filter(to_agency_id=agency_id)[:limit]
    unique = {row[0]: row for row in [*overdue, *incoming]}.values()
    purpose_field = Referral._meta.get_field("purpose")
    items = []
    for pk, purpose, respond_by, source, to_agency_id, person_name, sender, receiver in sorted(
        unique, key=lambda row: row[2]
    )[:limit]:
        if to_agency_id == agency_id:
            title = _("Answer the referral from %(agency)s (%(purpose)s)") % {
                "agency": sender,
                "purpose": choice_label(purpose_field, purpose),
            }
            kind = "support.referral_incoming"
        else:
            title = _("Referral to %(agency)s not answered (%(purpose)s)") % {
                "agency": receiver,
                "purpose": choice_label(purpose_field, purpose),
            }
            kind = "support.referral_overdue"
        items.append(
            WorkItem(
                due_on=respond_by,
                title=title,
                url=reverse_pk("support:referral_detail", pk),
                kind=kind,
                person_name=person_name,
                legal_source=source,
            )
        )
    return items
