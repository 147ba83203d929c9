"""Employers: created and edited by the employment agencies."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.jobs.models import Employer

# --- Employers ---------------------------------------------------------------------------------

EMPLOYER_FIELDS = [
    "name",
    "tax_code",
    "sector",
    "size",
    "workforce",
    "returnees_on_contract",
    "commune",
    "address",
    "contact_name",
    "phone",
    "email",
    "willing_to_hire",
]


def _check_employer(employer: Employer) -> None:
    if employer.returnees_on_contract > employer.workforce:
        raise ValidationError(
            {"returnees_on_contract": _("Cannot be more than the number of employees.")}
        )
    duplicate = Employer.objects.filter(tax_code=employer.tax_code).exclude(pk=employer.pk)
    if duplicate.exists():
        raise ValidationError({"tax_code": _("An employer with this tax code is already listed.")})


@transaction.atomic
def create_employer(*, data: dict[str, Any], acting_user: User) -> Employer:
    employer = Employer(**{name: data[name] for name in EMPLOYER_FIELDS})
    _check_employer(employer)
    employer.save()
    record(
        Action.CREATE,
        user=acting_user,
        obj=employer,
        changes=snapshot(employer, [*EMPLOYER_FIELDS, "province"]),
    )
    return employer


@transaction.atomic
def update_employer(
    employer: Employer, *, data: dict[str, Any], expected_version: int, acting_user: User
) -> Employer:
    fields = [*EMPLOYER_FIELDS, "province"]
    before = snapshot(employer, fields)
    for name in EMPLOYER_FIELDS:
        setattr(employer, name, data[name])
    province_id = employer.commune.parent_id
    assert province_id is not None  # a commune always lies in a province
    employer.province_id = province_id
    _check_employer(employer)
    save_audited(
        employer, before=before, expected_version=expected_version, acting_user=acting_user
    )
    return employer
