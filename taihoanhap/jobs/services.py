"""All writes of the jobs app: employers, vacancies, employment, consent and job fairs.

Every function runs in one transaction and writes its audit event (and, for anything about a
person, the timeline entry) inside it. The caller fetched the records through `visible_to`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.money import format_vnd
from taihoanhap.core.workdays import add_months_raw
from taihoanhap.jobs.access import ORGANISER_KINDS
from taihoanhap.jobs.models import (
    ContactStage,
    Employer,
    EmploymentRecord,
    EmploymentStatus,
    FairAttendance,
    FairContact,
    FairEmployer,
    FairRegistration,
    JobFair,
    MatchingConsent,
    Vacancy,
)
from taihoanhap.jobs.rules import near_release_months
from taihoanhap.registry.models import CaseStatus, Person
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.services.base import current_case, record_text, require_open_case

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
def create_employer(*, data: dict[str, Any], acting_user: Any) -> Employer:
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
    employer: Employer, *, data: dict[str, Any], expected_version: int, acting_user: Any
) -> Employer:
    fields = [*EMPLOYER_FIELDS, "province"]
    before = snapshot(employer, fields)
    for name in EMPLOYER_FIELDS:
        setattr(employer, name, data[name])
    employer.province_id = employer.commune.parent_id
    _check_employer(employer)
    save_versioned(employer, expected_version=expected_version, fields=fields)
    record(
        Action.UPDATE,
        user=acting_user,
        obj=employer,
        changes=diff(before, snapshot(employer, fields)),
    )
    return employer


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
def create_vacancy(employer: Employer, *, data: dict[str, Any], acting_user: Any) -> Vacancy:
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
    vacancy: Vacancy, *, data: dict[str, Any], expected_version: int, acting_user: Any
) -> Vacancy:
    fields = [*VACANCY_FIELDS, "province", "trade_key"]
    before = snapshot(vacancy, VACANCY_FIELDS)
    _vacancy_values(vacancy, data)
    _check_vacancy(vacancy)
    from taihoanhap.core.text import search_key

    vacancy.trade_key = search_key(vacancy.trade)
    vacancy.province_id = vacancy.commune.parent_id
    save_versioned(vacancy, expected_version=expected_version, fields=fields)
    record(
        Action.UPDATE,
        user=acting_user,
        obj=vacancy,
        changes=diff(before, snapshot(vacancy, VACANCY_FIELDS)),
    )
    return vacancy


@transaction.atomic
def close_vacancy(
    vacancy: Vacancy, *, closed_on: date, expected_version: int, acting_user: Any
) -> Vacancy:
    """Close a vacancy before its closing date (all positions filled or withdrawn)."""
    if vacancy.closed_early_on is not None or vacancy.closes_on < closed_on:
        raise TransitionError(_("This vacancy is already closed."))
    vacancy.closed_early_on = closed_on
    save_versioned(vacancy, expected_version=expected_version, fields=["closed_early_on"])
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=vacancy,
        changes={"closed_early_on": [None, closed_on]},
    )
    return vacancy


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
    acting_user: Any,
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
    acting_user: Any,
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
    acting_user: Any,
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
def withdraw_consent(person: Person, *, withdrawn_on: date, acting_user: Any) -> MatchingConsent:
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


# --- Job fairs ---------------------------------------------------------------------------------

FAIR_FIELDS = ["title", "held_on", "commune", "venue", "note"]


def _check_organisers(organisers: list[Agency]) -> None:
    if not organisers:
        raise ValidationError({"organisers": _("Name at least one organiser.")})
    if any(agency.kind not in ORGANISER_KINDS for agency in organisers):
        raise ValidationError({"organisers": _("This agency cannot organise a job fair.")})


@transaction.atomic
def create_fair(*, data: dict[str, Any], organisers: list[Agency], acting_user: Any) -> JobFair:
    _check_organisers(organisers)
    fair = JobFair(created_by=acting_user, **{name: data.get(name) for name in FAIR_FIELDS})
    fair.note = fair.note or ""
    fair.save()
    fair.organisers.set(organisers)
    record(
        Action.CREATE,
        user=acting_user,
        obj=fair,
        changes={
            **snapshot(fair, [*FAIR_FIELDS, "province"]),
            "organisers": [a.pk for a in organisers],
        },
    )
    return fair


@transaction.atomic
def update_fair(
    fair: JobFair,
    *,
    data: dict[str, Any],
    organisers: list[Agency],
    expected_version: int,
    acting_user: Any,
) -> JobFair:
    _check_organisers(organisers)
    fields = [*FAIR_FIELDS, "province"]
    before = snapshot(fair, fields)
    before_organisers = sorted(fair.organisers.values_list("pk", flat=True))
    for name in FAIR_FIELDS:
        setattr(fair, name, data.get(name))
    fair.note = fair.note or ""
    fair.province_id = fair.commune.parent_id
    save_versioned(fair, expected_version=expected_version, fields=fields)
    fair.organisers.set(organisers)
    changes = diff(before, snapshot(fair, fields))
    after_organisers = sorted(a.pk for a in organisers)
    if after_organisers != before_organisers:
        changes["organisers"] = [before_organisers, after_organisers]
    record(Action.UPDATE, user=acting_user, obj=fair, changes=changes)
    return fair


@transaction.atomic
def cancel_fair(fair: JobFair, *, cancelled_on: date, expected_version: int, acting_user: Any):
    if fair.is_cancelled:
        raise TransitionError(_("This fair is already cancelled."))
    if FairContact.objects.filter(registration__fair=fair).exists():
        raise TransitionError(_("Outcomes are already recorded: the fair cannot be cancelled."))
    fair.cancelled_on = cancelled_on
    save_versioned(fair, expected_version=expected_version, fields=["cancelled_on"])
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=fair,
        changes={"cancelled_on": [None, cancelled_on]},
    )
    return fair


def _check_fair_open(fair: JobFair) -> None:
    if fair.is_cancelled:
        raise TransitionError(_("This fair was cancelled."))


@transaction.atomic
def add_fair_employer(
    fair: JobFair, *, employer: Employer, vacancies: list[Vacancy], acting_user: Any
) -> FairEmployer:
    _check_fair_open(fair)
    if any(v.employer_id != employer.pk for v in vacancies):
        raise ValidationError({"vacancies": _("Choose vacancies of this employer only.")})
    participant, created = FairEmployer.objects.get_or_create(fair=fair, employer=employer)
    participant.vacancies.set(vacancies)
    record(
        Action.CREATE if created else Action.UPDATE,
        user=acting_user,
        obj=participant,
        changes={
            "fair": fair.pk,
            "employer": employer.pk,
            "vacancies": [v.pk for v in vacancies],
        },
    )
    return participant


def registration_problem(fair: JobFair, case: Any) -> str | None:
    """Why the person whose current case is `case` cannot register for `fair`, or None.

    Returnees under management register; inmates only when their expected release falls within
    the configured months after the fair (Decree 49/2020/NĐ-CP pre-release preparation)."""
    if case is None or case.is_closed:
        return str(_("This person has no open case."))
    if case.status == CaseStatus.HELD:
        return str(_("This person is held again and cannot take part in a fair."))
    if case.status == CaseStatus.EXPECTED:
        months = near_release_months()
        if case.release.release_date > add_months_raw(fair.held_on, months):
            return str(
                _("An inmate may take part only if released within %(months)s months of the fair.")
                % {"months": months}
            )
    return None


@transaction.atomic
def register_for_fair(
    fair: JobFair,
    person: Person,
    *,
    registered_on: date,
    consent_now: bool = False,
    acting_user: Any,
) -> FairRegistration:
    """Register a person for a fair. Taking part is applying for job matching, so the person's
    consent is needed (recorded now if they give it now)."""
    _check_fair_open(fair)
    problem = registration_problem(fair, current_case(person))
    if problem:
        raise TransitionError(problem, code="not_eligible")
    if FairRegistration.objects.filter(fair=fair, person=person).exists():
        raise TransitionError(_("This person is already registered for this fair."))
    if active_consent(person) is None:
        if not consent_now:
            raise TransitionError(
                _(
                    "The person has not agreed to job matching. Ask them, and tick the consent "
                    "box if they agree."
                ),
                code="no_consent",
            )
        give_consent(
            person,
            given_on=registered_on,
            note=record_text(_("Given when registering for the fair %(fair)s"), fair=fair),
            acting_user=acting_user,
        )
    case = require_open_case(person)
    registration = FairRegistration.objects.create(
        fair=fair,
        person=person,
        case=case,
        registered_on=registered_on,
        as_inmate=case.status == CaseStatus.EXPECTED,
        registered_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=registration,
        changes={"fair": fair.pk, "person": person.pk, "registered_on": registered_on},
    )
    add_event(
        case,
        kind="jobs.fair",
        occurred_on=registered_on,
        summary=record_text(
            _("Registered for the job fair %(fair)s on %(date)s"),
            fair=fair.title,
            date=f"{fair.held_on:%d/%m/%Y}",
        ),
        actor=acting_user,
        source=registration,
    )
    return registration


@transaction.atomic
def record_attendance(
    registration: FairRegistration,
    *,
    attended: bool,
    expected_version: int,
    acting_user: Any,
    today: date,
) -> FairRegistration:
    fair = registration.fair
    _check_fair_open(fair)
    if fair.held_on > today:
        raise TransitionError(_("Attendance can be recorded from the day of the fair."))
    if not attended and registration.contacts.exists():
        raise TransitionError(_("Interviews are recorded for this person: they attended."))
    before = registration.attendance
    registration.attendance = FairAttendance.ATTENDED if attended else FairAttendance.ABSENT
    if before == registration.attendance:
        return registration
    save_versioned(registration, expected_version=expected_version, fields=["attendance"])
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=registration,
        changes={"attendance": [before, registration.attendance]},
    )
    if attended:
        add_event(
            registration.case,
            kind="jobs.fair",
            occurred_on=fair.held_on,
            summary=record_text(_("Attended the job fair %(fair)s"), fair=fair.title),
            actor=acting_user,
            source=registration,
        )
    return registration


# stage -> the stages it may follow (None: a first contact)
CONTACT_TRANSITIONS: dict[str, frozenset[str | None]] = {
    ContactStage.INTERVIEWED: frozenset({None}),
    ContactStage.OFFERED: frozenset({None, ContactStage.INTERVIEWED}),
    ContactStage.HIRED: frozenset({None, ContactStage.INTERVIEWED, ContactStage.OFFERED}),
    ContactStage.NOT_HIRED: frozenset({ContactStage.INTERVIEWED, ContactStage.OFFERED}),
}

_CONTACT_SUMMARIES = {
    ContactStage.INTERVIEWED: _("Interviewed by %(employer)s at the job fair %(fair)s"),
    ContactStage.OFFERED: _("Offered a job by %(employer)s at the job fair %(fair)s"),
    ContactStage.NOT_HIRED: _("Not hired by %(employer)s after the job fair %(fair)s"),
}


@transaction.atomic
def record_contact(
    registration: FairRegistration,
    *,
    participant: FairEmployer,
    stage: str,
    on: date,
    vacancy: Vacancy | None = None,
    starts_on: date | None = None,
    job_title: str = "",
    monthly_wage_vnd: int | None = None,
    labour_contract: bool = False,
    note: str = "",
    expected_version: int | None = None,
    acting_user: Any,
    today: date,
) -> FairContact:
    """Record an interview, an offer, a hire or a refusal between a person and an employer.

    A hire creates the person's employment record (employed by that employer from
    `starts_on`), which ends their previous employment status."""
    fair = registration.fair
    _check_fair_open(fair)
    if participant.fair_id != fair.pk:
        raise ValidationError({"participant": _("This employer does not take part in the fair.")})
    if registration.attendance != FairAttendance.ATTENDED:
        raise TransitionError(_("Record that the person attended the fair first."))
    if on < fair.held_on:
        raise ValidationError({"on": _("The date cannot be before the fair.")})
    if on > today:
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if vacancy is not None and vacancy.employer_id != participant.employer_id:
        raise ValidationError({"vacancy": _("Choose a vacancy of this employer.")})
    contact = FairContact.objects.filter(registration=registration, participant=participant).first()
    current = contact.stage if contact else None
    if stage not in CONTACT_TRANSITIONS or current not in CONTACT_TRANSITIONS[stage]:
        raise TransitionError(
            _("This outcome cannot follow the one already recorded for this employer."),
            code="illegal",
        )
    adding = contact is None
    if contact is None:
        contact = FairContact(
            registration=registration, participant=participant, interviewed_on=on, stage=stage
        )
    before = current
    contact.stage = stage
    contact.vacancy = vacancy or contact.vacancy
    contact.note = note or contact.note
    if stage in (ContactStage.OFFERED, ContactStage.HIRED) and contact.offered_on is None:
        contact.offered_on = on
    if stage == ContactStage.HIRED:
        contact.hired_on = on
        contact.employment = _new_employment(
            registration.person,
            status=EmploymentStatus.EMPLOYED,
            started_on=starts_on or on,
            employer=participant.employer,
            vacancy=contact.vacancy,
            job_title=job_title or (contact.vacancy.title if contact.vacancy else ""),
            monthly_wage_vnd=monthly_wage_vnd,
            labour_contract=labour_contract,
            note=record_text(_("Hired at the job fair %(fair)s"), fair=fair.title),
            acting_user=acting_user,
        )
    if adding:
        contact.save()
    else:
        save_versioned(
            contact,
            expected_version=contact.version if expected_version is None else expected_version,
            fields=["stage", "vacancy", "note", "offered_on", "hired_on", "employment"],
        )
    record(
        Action.STATE_CHANGE if before else Action.CREATE,
        user=acting_user,
        obj=contact,
        changes={"stage": [before, stage], "on": on, "employer": participant.employer_id},
    )
    if stage == ContactStage.HIRED:
        summary = record_text(
            _("Hired by %(employer)s at the job fair %(fair)s, starting %(date)s"),
            employer=participant.employer,
            fair=fair.title,
            date=f"{contact.employment.started_on:%d/%m/%Y}",
        )
        if monthly_wage_vnd:
            summary += f" ({format_vnd(monthly_wage_vnd)})"
    else:
        summary = record_text(
            _CONTACT_SUMMARIES[stage], employer=participant.employer, fair=fair.title
        )
    add_event(
        current_case(registration.person) or registration.case,
        kind="jobs.hire" if stage == ContactStage.HIRED else "jobs.fair",
        occurred_on=on,
        summary=summary,
        actor=acting_user,
        source=contact,
    )
    return contact
