"""Who may see which persons, and which of their fields.

Two rules combine:
- scope (`accounts.scope`): the person's current commune lies in the user's jurisdiction;
  a detention facility instead sees the persons it released or is about to release;
- role: which roles read person pages at all, and which of them see the offence, the sentence
  and the case notes (a bank officer never does).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import scope_for

# Roles that open person pages (each within its scope).
PERSON_READERS = frozenset(
    {
        Role.PROVINCE_POLICE,
        Role.COMMUNE_POLICE,
        Role.FACILITY_OFFICER,
        Role.EMPLOYMENT_OFFICER,
        Role.TRAINING_OFFICER,
        Role.SOCIAL_OFFICER,
        Role.BANK_OFFICER,
        Role.INSPECTOR,
    }
)
# Roles that write the registry (persons, cases, deadlines, transitions).
REGISTRY_WRITERS = frozenset({Role.PROVINCE_POLICE, Role.COMMUNE_POLICE})
# Roles that see criminal-history fields: offences, sentences, case notes, police-only events.
OFFENCE_READERS = frozenset(
    {Role.PROVINCE_POLICE, Role.COMMUNE_POLICE, Role.FACILITY_OFFICER, Role.INSPECTOR}
)


def person_scope_q(user: Any, *, prefix: str = "") -> Q:
    """Filter for persons (at `prefix`, e.g. "case__person__") inside the user's scope."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if user.role == Role.FACILITY_OFFICER:
        # A facility works across provinces but only with its own inmates.
        from taihoanhap.registry.models import Release

        released_here = Release.objects.filter(facility_id=user.agency_id).values("person_id")
        return Q(**{f"{prefix}id__in": released_here}) if user.agency_id else Q(pk__in=[])
    return scope_for(user).q(province=f"{prefix}province", commune=f"{prefix}commune")


def can_see_offence(user: Any) -> bool:
    return getattr(user, "role", None) in OFFENCE_READERS
