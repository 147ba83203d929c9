"""Who does what with loans (each view's rule, and the checks services repeat).

- Commune police draw up Form 01 and the loan files of their commune.
- The LEADER of a commune People's Committee confirms Form 01 and Form 02 of that commune; a
  provincial People's Committee leader reads but does not confirm.
- The Social Policy Bank officer decides, disburses and records repayments and overdue debt,
  and records new rates; the system administrator may also record dated parameters.
- Provincial police, leaders and inspectors read within their scope.
Nobody here sees the offence, the sentence or case notes: this app never shows them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from taihoanhap.accounts.roles import AgencyKind, Role

LOAN_READERS = frozenset(
    {Role.COMMUNE_POLICE, Role.PROVINCE_POLICE, Role.BANK_OFFICER, Role.LEADER, Role.INSPECTOR}
)
LOAN_DRAFTERS = frozenset({Role.COMMUNE_POLICE})
LOAN_DECIDERS = frozenset({Role.BANK_OFFICER})
CONFIRMERS = frozenset({Role.LEADER})
EXPORTERS = frozenset({Role.COMMUNE_POLICE, Role.PROVINCE_POLICE, Role.BANK_OFFICER, Role.LEADER})
PARAMETER_READERS = LOAN_READERS | {Role.FINANCE_OFFICER, Role.SYSTEM_ADMIN}
PARAMETER_WRITERS = frozenset({Role.BANK_OFFICER, Role.SYSTEM_ADMIN})


def may_confirm_for(user: Any, commune_id: int) -> bool:
    """The leader of the commune People's Committee of `commune_id` (Form 01 and Form 02)."""
    agency = getattr(user, "agency", None)
    return (
        getattr(user, "role", None) == Role.LEADER
        and agency is not None
        and agency.is_active
        and agency.kind == AgencyKind.COMMUNE_COMMITTEE
        and agency.unit_id == commune_id
    )


def require_confirmer(user: Any, commune_id: int) -> None:
    if not may_confirm_for(user, commune_id):
        raise PermissionDenied(
            _("Only the People's Committee of the commune confirms its Form 01 and Form 02.")
        )


def require_role(user: Any, roles: frozenset[str]) -> None:
    if getattr(user, "role", None) not in roles:
        raise PermissionDenied
