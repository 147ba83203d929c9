"""Taking part in a job fair: registration, attendance and the contacts with employers
(interview, offer, hire).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.money import format_vnd
from taihoanhap.core.workdays import add_months_raw
from taihoanhap.jobs.models import (
    ContactStage,
    EmploymentStatus,
    FairAttendance,
    FairContact,
    FairEmployer,
    FairRegistration,
    JobFair,
    Vacancy,
)
from taihoanhap.jobs.rules import near_release_months
from taihoanhap.jobs.services.employment import _new_employment, active_consent, give_consent
from taihoanhap.jobs.services.fairs import _check_fair_open
from taihoanhap.registry.models import Case, CaseStatus, Person
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.services.base import current_case, record_text, require_open_case


def registration_problem(fair: JobFair, case: Case | None) -> str | None:
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
    acting_user: User,
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
    acting_user: User,
    today: date,
) -> FairRegistration:
    fair = registration.fair
    _check_fair_open(fair)
    if fair.held_on > today:
        raise TransitionError(_("Attendance can be recorded from the day of the fair."))
    if not attended and registration.contacts.exists():
        raise TransitionError(_("Interviews are recorded for this person: they attended."))
    before = snapshot(registration, ["attendance"])
    registration.attendance = FairAttendance.ATTENDED if attended else FairAttendance.ABSENT
    if before["attendance"] == registration.attendance:
        return registration
    save_audited(
        registration,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
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

# Keyed by stage; looked up with the plain string a form posts.
_CONTACT_SUMMARIES: dict[str, Promise] = {
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
    acting_user: User,
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
        assert contact.employment is not None  # created above for a hire
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
