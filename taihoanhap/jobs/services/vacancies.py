"""An employer's vacancies: created, edited, closed early."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.jobs.models import Employer, Vacancy

# --- Vacancies ---------------------------------------------------------------------------------

VACANCY_FIELDS = [
    "title",
    "trade",
    "count",
    "wage_min_vnd",
    "wage_max_vnd",
    "commune",
    "min_age",
    "max_age",
    "sex",
    "sex_reason",
    "skills",
    "min_level",
    "opens_on",
    "closes_on",
]


def _check_vacancy(vacancy: Vacancy) -> None:
    errors: dict[str, Any] = {}
    if vacancy.closes_on < vacancy.opens_on:
        errors["closes_on"] = _("The closing date cannot be before the opening date.")
    if (
        vacancy.wage_min_vnd
        and vacancy.wage_max_vnd
        and vacancy.wage_max_vnd < vacancy.wage_min_vnd
    ):
        errors["wage_max_vnd"] = _("The highest wage cannot be below the lowest.")
    if vacancy.min_age and vacancy.max_age and vacancy.max_age < vacancy.min_age:
        errors["max_age"] = _("The maximum age cannot be below the minimum age.")
    if vacancy.min_age is not None and vacancy.min_age < 15:
        # Labour Code 2019 Art. 143: under-15s may work only in listed light jobs.
        errors["min_age"] = _("The minimum working age is 15 (Labour Code 2019 Art. 143).")
    if vacancy.sex and not vacancy.sex_reason.strip():
        errors["sex_reason"] = _(
            "A requirement on sex needs its lawful reason (Labour Code 2019 Art. 8)."
        )
    if errors:
        raise ValidationError(errors)


def _vacancy_values(vacancy: Vacancy, data: dict[str, Any]) -> None:
    for name in VACANCY_FIELDS:
        setattr(vacancy, name, data.get(name))
    vacancy.sex = vacancy.sex or ""
    vacancy.sex_reason = (vacancy.sex_reason or "") if vacancy.sex else ""
    vacancy.skills = vacancy.skills or ""
    vacancy.min_level = vacancy.min_level or ""


@transaction.atomic
def create_vacancy(employer: Employer, *, data: dict[str, Any], acting_user: User) -> Vacancy:
    vacancy = Vacancy(employer=employer)
    _vacancy_values(vacancy, data)
    _check_vacancy(vacancy)
    vacancy.save()
    record(
        Action.CREATE,
        user=acting_user,
        obj=vacancy,
        changes=snapshot(vacancy, ["employer", *VACANCY_FIELDS]),
    )
    return vacancy


@transaction.atomic
def update_vacancy(
    vacancy: Vacancy, *, data: dict[str, Any], expected_version: int, acting_user: User
) -> Vacancy:
    fields = [*VACANCY_FIELDS, "province", "trade_key"]
    before = snapshot(vacancy, VACANCY_FIELDS)
    _vacancy_values(vacancy, data)
    _check_vacancy(vacancy)
    from taihoanhap.core.text import search_key

    vacancy.trade_key = search_key(vacancy.trade)
    province_id = vacancy.commune.parent_id
    assert province_id is not None  # a commune always lies in a province
    vacancy.province_id = province_id
    save_audited(
        vacancy,
        before=before,
        fields=fields,
        expected_version=expected_version,
        acting_user=acting_user,
    )
    return vacancy


@transaction.atomic
def close_vacancy(
    vacancy: Vacancy, *, closed_on: date, expected_version: int, acting_user: User
) -> Vacancy:
    """Close a vacancy before its closing date (all positions filled or withdrawn)."""
    if vacancy.closed_early_on is not None or vacancy.closes_on < closed_on:
        raise TransitionError(_("This vacancy is already closed."))
    before = snapshot(vacancy, ["closed_early_on"])
    vacancy.closed_early_on = closed_on
    save_audited(
        vacancy,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
    )
    return vacancy
