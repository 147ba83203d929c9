"""Referrals in the work queue: overdue ones for the sender, unanswered ones for the receiver."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

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
    waiting = (
        Referral.objects.visible_to(user)
        .filter(status=ReferralStatus.SENT)
        .select_related("person", "from_agency", "to_agency")
        .only(
            "purpose",
            "respond_by",
            "deadline_source",
            "from_agency_id",
            "to_agency_id",
            "person__full_name",
            "from_agency__name",
            "to_agency__name",
        )
        .order_by("respond_by")
    )
    overdue = waiting.filter(from_agency_id=agency_id, respond_by__lt=today)[:limit]
    incoming = waiting.filter(to_agency_id=agency_id)[:limit]
    unique = {referral.pk: referral for referral in [*overdue, *incoming]}.values()
    referrals = sorted(unique, key=lambda referral: referral.respond_by)[:limit]
    items = []
    for referral in referrals:
        url = reverse_pk("support:referral_detail", referral.pk)
        if referral.to_agency_id == agency_id:
            title = _("Answer the referral from %(agency)s (%(purpose)s)") % {
                "agency": referral.from_agency,
                "purpose": referral.get_purpose_display(),
            }
            kind = "support.referral_incoming"
        else:
            title = _("Referral to %(agency)s not answered (%(purpose)s)") % {
                "agency": referral.to_agency,
                "purpose": referral.get_purpose_display(),
            }
            kind = "support.referral_overdue"
        items.append(
            WorkItem(
                due_on=referral.respond_by,
                title=title,
                url=url,
                kind=kind,
                person_name=referral.person.full_name,
                legal_source=referral.deadline_source,
            )
        )
    return items
