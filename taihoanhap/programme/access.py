"""Who reads and writes the programme's records.

- Budget: the finance officer keeps it; provincial police (the lead agency), People's Committee
  leaders and inspectors read it.
- Media: the media officer records activities; the same readers follow them.
- Models and exemplary individuals: the police (commune and provincial) record them in their
  area; leaders and inspectors read them and the compliance view.
- The target per unit: a provincial People's Committee leader (or the system administrator)
  records a new dated target.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from taihoanhap.accounts.roles import AgencyKind, Role

BUDGET_WRITERS = frozenset({Role.FINANCE_OFFICER})
BUDGET_READERS = BUDGET_WRITERS | {Role.PROVINCE_POLICE, Role.LEADER, Role.INSPECTOR}
MEDIA_WRITERS = frozenset({Role.MEDIA_OFFICER})
MEDIA_READERS = MEDIA_WRITERS | {Role.PROVINCE_POLICE, Role.LEADER, Role.INSPECTOR}
RECOGNITION_WRITERS = frozenset({Role.COMMUNE_POLICE, Role.PROVINCE_POLICE})
RECOGNITION_READERS = RECOGNITION_WRITERS | {Role.LEADER, Role.INSPECTOR}
TARGET_WRITERS = frozenset({Role.LEADER, Role.SYSTEM_ADMIN})
TARGET_READERS = RECOGNITION_READERS | {Role.SYSTEM_ADMIN}


def may_set_targets(user: Any) -> bool:
    """The provincial People's Committee (not a commune's), or the system administrator."""
    if getattr(user, "is_system_admin", False):
        return True
    agency = getattr(user, "agency", None)
    return (
        getattr(user, "role", None) == Role.LEADER
        and agency is not None
        and agency.kind == AgencyKind.PROVINCE_COMMITTEE
    )


def require(user: Any, roles: frozenset[str]) -> None:
    if getattr(user, "role", None) not in roles:
        raise PermissionDenied
