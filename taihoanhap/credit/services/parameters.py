"""Dated credit parameters (the interest rates, ceilings and terms in force from a date)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.credit.access import PARAMETER_WRITERS, require_role
from taihoanhap.credit.models import PARAMETER_UNITS, CreditParameter, ParameterUnit

# --- Dated parameters ----------------------------------------------------------------------------


def add_parameter(
    *,
    key: str,
    value: Decimal,
    effective_from: date,
    source: str,
    note: str = "",
    acting_user: User,
) -> CreditParameter:
    """Record a new value in force from `effective_from` (a new decision or rate notice)."""
    require_role(acting_user, PARAMETER_WRITERS)
    if value < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    if PARAMETER_UNITS[key] == ParameterUnit.VND and value != value.to_integral_value():
        raise ValidationError({"value": _("An amount in VND has no decimals.")})
    with transaction.atomic():
        if CreditParameter.objects.filter(key=key, effective_from=effective_from).exists():
            raise ValidationError(
                {"effective_from": _("A value of this parameter already starts on this day.")}
            )
        row = CreditParameter.objects.create(
            key=key,
            value=value,
            effective_from=effective_from,
            source=source.strip(),
            note=note.strip(),
            created_by=acting_user,
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=row,
            changes={"key": [None, key], "value": [None, value], "from": [None, effective_from]},
        )
    return row
