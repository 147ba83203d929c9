"""Sections of the person page: needs and support, referrals, training and certificates."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.registry.panels import Panel
from taihoanhap.support import selectors
from taihoanhap.support.access import (
    MEASURE_WRITERS,
    NEED_WRITERS,
    REFERRAL_READERS,
    REFERRAL_SENDERS,
    SUPPORT_READERS,
)


def panels_for(person: Any, user: Any) -> list[Panel]:
    """Five queries whatever the person's history; nothing for roles outside support."""
    role = getattr(user, "role", None)
    panels: list[Panel] = []
    if role in SUPPORT_READERS:
        panels.append(
            Panel(
                title=_("Needs and support"),
                template="support/panels/needs.html",
                context=lambda: {
                    "person": person,
                    "need_rows": selectors.needs_of(person, user),
                    "measure_rows": selectors.measures_of(person, user),
                    "can_assess_needs": role in NEED_WRITERS,
                    "can_record_support": role in MEASURE_WRITERS,
                },
                order=200,
            )
        )
    if role in REFERRAL_READERS:
        panels.append(
            Panel(
                title=_("Referrals"),
                template="support/panels/referrals.html",
                context=lambda: {
                    "person": person,
                    "referral_rows": selectors.referrals_of(person, user),
                    "can_send_referral": role in REFERRAL_SENDERS,
                    "referral_today": timezone.localdate(),
                },
                order=210,
            )
        )
    if role in SUPPORT_READERS:
        panels.append(
            Panel(
                title=_("Vocational training and certificates"),
                template="support/panels/training.html",
                context=lambda: {
                    "person": person,
                    "enrolment_rows": selectors.enrolments_of(person),
                    "certificate_rows": selectors.certificates_of(person),
                },
                order=220,
            )
        )
    return panels
