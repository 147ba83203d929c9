"""A person's employment status and their consent to be matched to vacancies."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.errors import TransitionError
from taihoanhap.jobs.models import (
    Employer,
    EmploymentRecord,
    EmploymentStatus,
    MatchingConsent,
    Vacancy,
)
from taihoanhap.registry.models import Person
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.services.base import current_case, record_text, require_open_case

# --- Employment status -------------------------------------------------------------------------


def _employment_summary(record_: EmploymentRecord) -> str:
    status = EmploymentStatus(record_.status).label
    if record_.employer_id or record_.workplace:
        return record_text(
            _("Employment: %(status)s at %(employer)s"),
            status=status,
            employer=record_.employer or record_.workplace,
        )
    return record_text(_("Employment: %(status)s"), status=status)


def _new_employment(
    person: Person,
    *,
    status: str,
    started_on: date,
    employer: Employer | None,
    vacancy: Vacancy | None,
    job_title: str,
    monthly_wage_vnd: int | None,
    labour_contract: bool,
    note: str,
    acting_user: User,
    workplace: str = "",
) -> EmploymentRecord:
    if status == EmploymentStatus.EMPLOYED and employer is None and not workplace.strip():
        raise ValidationError(
            {"employer": _("Choose the employer, or name the workplace if it is not listed.")},
            code="employer",
        )
    if status != EmploymentStatus.EMPLOYED:
        employer, vacancy, labour_contract, workplace = None, None, False, ""
    case = require_open_case(person)
    current = (
        EmploymentRecord.objects.select_for_update()
        .filter(person=person, ended_on__isnull=True)
        .first()
    )
    if current is not None:
        if started_on < current.started_on:
            raise ValidationError(
                {
                    "started_on": _(
                        "The current status began on %(date)s: the new one cannot start earlier."
                    )
                },
                params={"date": f"{current.started_on:%d/%m/%Y}"},
            )
        EmploymentRecord.objects.filter(pk=current.pk).update(ended_on=started_on)
    employment = EmploymentRecord.objects.create(
        person=person,
        case=case,
        status=status,
        employer=employer,
        vacancy=vacancy,
        workplace=workplace,
        job_title=job_title,
        monthly_wage_vnd=monthly_wage_vnd,
        labour_contract=labour_contract,
        started_on=started_on,
        note=note,
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=employment,
        changes={
            "status": status,
            "started_on": started_on,
            "employer": employer.pk if employer else None,
            "previous_ended": current.pk if current else None,
        },
    )
    return employment


@transaction.atomic
def record_employment(
    person: Person,
    *,
    status: str,
    started_on: date,
    employer: Employer | None = None,
    workplace: str = "",
    job_title: str = "",
    monthly_wage_vnd: int | None = None,
    labour_contract: bool = False,
    note: str = "",
    acting_user: User,
) -> EmploymentRecord:
    """Record the person's employment status from `started_on`; it ends the current one."""
    employment = _new_employment(
        person,
        status=status,
        started_on=started_on,
        employer=employer,
        workplace=workplace,
        vacancy=None,
        job_title=job_title,
        monthly_wage_vnd=monthly_wage_vnd,
        labour_contract=labour_contract,
        note=note,
        acting_user=acting_user,
    )
    add_event(
        employment.case,
        kind="jobs.employment",
        occurred_on=started_on,
        summary=_employment_summary(employment),
        actor=acting_user,
        source=employment,
    )
    return employment


# --- Consent to job matching -------------------------------------------------------------------


def active_consent(person: Person) -> MatchingConsent | None:
    return MatchingConsent.objects.filter(person=person, withdrawn_on__isnull=True).first()


@transaction.atomic
def give_consent(
    person: Person,
    *,
    given_on: date,
    desired_trade: str = "",
    note: str = "",
    acting_user: User,
) -> MatchingConsent:
    """Record that the person applied for job matching and agreed to it (Law 91/2025/QH15:
    explicit consent, never inferred from silence)."""
    if active_consent(person) is not None:
        raise TransitionError(_("This person's consent to job matching is already recorded."))
    case = require_open_case(person)
    consent = MatchingConsent.objects.create(
        person=person,
        given_on=given_on,
        desired_trade=desired_trade,
        note=note,
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=consent,
        changes={"given_on": given_on, "desired_trade": desired_trade},
    )
    add_event(
        case,
        kind="jobs.consent",
        occurred_on=given_on,
        summary=record_text(_("Agreed to job matching")),
        actor=acting_user,
        source=consent,
    )
    return consent


@transaction.atomic
def withdraw_consent(person: Person, *, withdrawn_on: date, acting_user: User) -> MatchingConsent:
    """Withdrawal takes effect at once: the person is no longer suggested to anyone."""
    consent = active_consent(person)
    if consent is None:
        raise TransitionError(_("This person has no consent to withdraw."))
    if withdrawn_on < consent.given_on:
        raise ValidationError({"withdrawn_on": _("The date cannot be before the consent.")})
    consent.withdrawn_on, consent.withdrawn_by = withdrawn_on, acting_user
    consent.save(update_fields=["withdrawn_on", "withdrawn_by", "updated_at"])
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=consent,
        changes={"withdrawn_on": [None, withdrawn_on]},
    )
    case = current_case(person)
    if case is not None:
        add_event(
            case,
            kind="jobs.consent",
            occurred_on=withdrawn_on,
            summary=record_text(_("Withdrew consent to job matching")),
            actor=acting_user,
            source=consent,
        )
    return consent
