"""The employment section of the person page: status over time, consent, job suggestions."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.jobs.access import CONSENT_WRITERS, EMPLOYMENT_WRITERS, HINT_READERS, MATCH_READERS
from taihoanhap.jobs.models import EmploymentRecord, FairRegistration, MatchingConsent
from taihoanhap.jobs.selectors import classification_hint
from taihoanhap.registry.panels import Panel
from taihoanhap.support.access import SUPPORT_READERS


def panels_for(person: Any, user: Any) -> list[Panel]:
    """The employment section for the roles that follow support (no query until opened)."""
    role = getattr(user, "role", None)
    if role not in SUPPORT_READERS:
        return []
    return [
        Panel(
            title=_("Employment"),
            template="jobs/panels/employment.html",
            context=lambda: _context(person, role),
            order=230,
        )
    ]


def _context(person: Any, role: str) -> dict[str, Any]:
    """A fixed number of queries: employment history, consents, fairs and their outcomes."""
    today = timezone.localdate()
    records = list(EmploymentRecord.objects.filter(person=person).select_related("employer"))
    consents = list(MatchingConsent.objects.filter(person=person))
    active = next((c for c in consents if c.withdrawn_on is None), None)
    fairs = list(
        FairRegistration.objects.filter(person=person)
        .select_related("fair")
        .prefetch_related("contacts__participant__employer")
        .order_by("-fair__held_on")
    )
    current = next((r for r in records if r.ended_on is None), None)
    return {
        "person": person,
        "employment_records": records,
        "employment_current": current,
        "matching_consents": consents,
        "active_matching_consent": active,
        "fair_rows": fairs,
        "class_hint": classification_hint(records, today) if role in HINT_READERS else None,
        "can_record_employment": role in EMPLOYMENT_WRITERS,
        "can_record_consent": role in CONSENT_WRITERS,
        "can_see_matches": role in MATCH_READERS,
    }
