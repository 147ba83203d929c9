"""Referrals in the work queue: overdue ones for the sender, unanswered ones for the receiver."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from taihoanhap.core.models import choice_label
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.core.sql import date_value, day, fetch, uuid_value
from taihoanhap.registry.access import person_scope_sql
from taihoanhap.registry.rules import rule
from taihoanhap.registry.workqueue import WorkItem
from taihoanhap.support.models import Referral, ReferralStatus


def items_for(user: Any, today: date) -> list[WorkItem]:
    """Referrals the user's agency sent that are past their answer date, and referrals it
    received that still await its answer; the most urgent first, at most as many as the queue
    shows (a provincial agency may have thousands outstanding).

    One statement of two parts rather than one filter with OR: each part walks its (agency,
    status, answer date) index in order and stops at the limit, where the OR made PostgreSQL
    join every referral to its person. Hand-written (core.sql); the persons are those of
    Referral.objects.visible_to (the agency's own referrals are the only ones asked for).
    """
    agency_id = getattr(user, "agency_id", None)
    if agency_id is None:
        return []
    limit = rule("WORK_QUEUE_MAX_ITEMS")
    in_scope, scope_params = person_scope_sql(user, "p")

    def waiting(agency_column: str, more: str = "") -> str:
        return (
            "SELECT r.id, r.purpose, r.respond_by, r.deadline_source, r.to_agency_id,"  # noqa: S608
            " p.full_name, fa.name, ta.name"
            " FROM support_referral r"
            " JOIN registry_person p ON p.id = r.person_id"
            " JOIN accounts_agency fa ON fa.id = r.from_agency_id"
            " JOIN accounts_agency ta ON ta.id = r.to_agency_id"
            f" WHERE r.status = %s AND {in_scope} AND r.{agency_column} = %s{more}"
            " ORDER BY r.respond_by LIMIT %s"
        )

    overdue = waiting("from_agency_id", " AND r.respond_by < %s")
    incoming = waiting("to_agency_id")
    both = f"SELECT * FROM ({overdue}) AS overdue UNION ALL SELECT * FROM ({incoming}) AS incoming"  # noqa: S608
    rows = fetch(
        both,
        [
            *(ReferralStatus.SENT, *scope_params, agency_id, day(today), limit),
            *(ReferralStatus.SENT, *scope_params, agency_id, limit),
        ],
    )
    unique = {row[0]: row for row in rows}.values()
    purpose_field = Referral._meta.get_field("purpose")
    items = []
    for pk, purpose, respond_by, source, to_agency_id, person_name, sender, receiver in sorted(
        unique, key=lambda row: date_value(row[2])
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
                due_on=date_value(respond_by),
                title=title,
                url=reverse_pk("support:referral_detail", uuid_value(pk)),
                kind=kind,
                person_name=person_name,
                legal_source=source,
            )
        )
    return items
