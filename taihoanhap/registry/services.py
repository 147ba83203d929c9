"""Writes to the registry's records: persons, sentences, releases, opening a case, helpers.

Every function runs in one transaction and writes its audit event in it; editable records are
saved with `audit.services.save_audited` (`core.locking.save_versioned` and the audit event)
against the version the form was opened with. The case's state changes live in
`registry.lifecycle`.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, save_audited, snapshot
from taihoanhap.core.citizen_id import clean_citizen_id, parse_citizen_id
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.validators import validate_person_name
from taihoanhap.registry import deadlines
from taihoanhap.registry.access import in_jurisdiction
from taihoanhap.registry.models import (
    Case,
    CaseStatus,
    DeadlineKind,
    Helper,
    HelperKind,
    Person,
    Release,
    ReleaseType,
    Sentence,
    Visibility,
)
from taihoanhap.registry.timeline import add_event

if TYPE_CHECKING:
    from taihoanhap.accounts.models import Agency, User
    from taihoanhap.geo.models import AdminUnit

PERSON_FIELDS = [
    "full_name",
    "other_names",
    "birth_date",
    "birth_year",
    "sex",
    "ethnicity",
    "citizen_id",
    "birth_registration_place",
    "permanent_commune",
    "permanent_address",
    "current_address",
    "phone",
    "family_contact",
]
SENTENCE_FIELDS = [
    "judgment_number",
    "judgment_date",
    "court",
    "offences",
    "penal_code_articles",
    "term_years",
    "term_months",
    "is_life",
    "start_date",
    "end_date",
    "additional_penalties",
    "additional_penalties_end",
    "civil_obligations",
    "civil_obligations_settled",
]
RELEASE_FIELDS = [
    "facility_name",
    "release_date",
    "certificate_number",
    "certificate_date",
]


def stored_text(message: Any, **params: Any) -> str:
    """Text kept in the database (timeline summaries), in the installation's language.

    `message` is a lazy translation; the parameters may be lazy labels too.
    """
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
        values = {name: str(value) for name, value in params.items()}
    return text % values if values else text


def ensure_in_jurisdiction(person: Person, acting_user: User) -> None:
    """Only an officer whose own jurisdiction holds the person acts on the record."""
    if not in_jurisdiction(acting_user, person):
        raise PermissionDenied


def ensure_open(case: Case) -> None:
    if case.is_closed:
        raise TransitionError(_("This case is closed: its record can no longer be changed."))


def citizen_id_taken(citizen_id: str | None, *, exclude_pk: Any = None) -> bool:
    number = clean_citizen_id(citizen_id)
    if not number:
        return False
    taken = Person.objects.filter(citizen_id=number)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return taken.exists()


def _duplicate_id_error() -> ValidationError:
    return ValidationError(
        {
            "citizen_id": _(
                "A person with this personal identification number is already registered."
            )
        },
        code="duplicate",
    )


def check_identity(person: Person) -> None:
    """The name and ID number as every write reads them (the forms check them too): no letter
    of another script, an ID of ASCII digits (core.citizen_id), stored cleaned or None."""
    errors: dict[str, list[ValidationError]] = {}
    for field in ("full_name", "other_names"):
        try:
            validate_person_name(getattr(person, field))
        except ValidationError as error:
            errors[field] = [error]
    person.citizen_id = clean_citizen_id(person.citizen_id) or None
    if person.citizen_id:
        try:
            parse_citizen_id(person.citizen_id)
        except ValidationError as error:
            errors["citizen_id"] = [error]
    if errors:
        raise ValidationError(errors)


def sync_person(case: Case) -> None:
    """Copy the case's list fields onto the person (the person's current case)."""
    Person.objects.filter(pk=case.person_id).update(
        current_case=case,
        case_status=case.status,
        case_class=case.current_class,
        release_date=case.release.release_date,
    )
    person = case.person
    person.current_case_id = case.pk
    person.case_status, person.case_class = case.status, case.current_class
    person.release_date = case.release.release_date


# --- Persons -----------------------------------------------------------------------------------


@transaction.atomic
def create_person(*, acting_user: User, commune: AdminUnit, **data: Any) -> Person:
    """Register a person living in `commune` (which must lie in the officer's jurisdiction)."""
    unknown = set(data) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    person = Person(commune=commune, **data)
    person.normalise()
    check_identity(person)
    ensure_in_jurisdiction(person, acting_user)
    if citizen_id_taken(person.citizen_id):
        raise _duplicate_id_error()
    person.save()
    record(
        Action.CREATE,
        user=acting_user,
        obj=person,
        changes=diff({}, snapshot(person, [*PERSON_FIELDS, "commune"])),
    )
    return person


@transaction.atomic
def update_person(
    person: Person, *, expected_version: int, acting_user: User, photo: Any = None, **data: Any
) -> Person:
    """Change a person's identity, residence or contact. The commune changes only by transfer."""
    unknown = set(data) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"Unknown person fields: {sorted(unknown)}")
    ensure_in_jurisdiction(person, acting_user)
    if person.is_closed:
        raise TransitionError(_("The record is closed (all cases ended): it is read-only."))
    if citizen_id_taken(data.get("citizen_id"), exclude_pk=person.pk):
        raise _duplicate_id_error()
    fields = list(data)
    before = snapshot(person, fields)
    for name, value in data.items():
        setattr(person, name, value)
    person.normalise()
    check_identity(person)
    fields += ["name_key", "birth_year"]
    if photo is not None:
        extension = PurePath(photo.name).suffix.lower()[:5] or ".jpg"
        # A random file name: the uploaded one may carry the person's name.
        person.photo.save(f"{uuid.uuid4().hex}{extension}", photo, save=False)
        fields.append("photo")
    save_audited(
        person,
        before=before,
        fields=fields,
        expected_version=expected_version,
        acting_user=acting_user,
        extra_changes={"photo": ["", "…"]} if photo is not None else None,
    )
    return person


# --- Sentences and releases --------------------------------------------------------------------


@transaction.atomic
def add_sentence(person: Person, *, acting_user: User, **data: Any) -> Sentence:
    """Record a sentence (also after a closed case: a new sentence opens a new chapter)."""
    ensure_in_jurisdiction(person, acting_user)
    sentence = Sentence.objects.create(person=person, **data)
    record(
        Action.CREATE,
        user=acting_user,
        obj=sentence,
        changes=diff({}, snapshot(sentence, SENTENCE_FIELDS)),
    )
    return sentence


@transaction.atomic
def update_sentence(
    sentence: Sentence, *, expected_version: int, acting_user: User, **data: Any
) -> Sentence:
    ensure_in_jurisdiction(sentence.person, acting_user)
    if sentence.person.is_closed:
        raise TransitionError(_("The record is closed (all cases ended): it is read-only."))
    before = snapshot(sentence, list(data))
    for name, value in data.items():
        setattr(sentence, name, value)
    save_audited(
        sentence, before=before, expected_version=expected_version, acting_user=acting_user
    )
    return sentence


@transaction.atomic
def update_release(
    release: Release, *, expected_version: int, acting_user: User, **data: Any
) -> Release:
    """Correct the release (e.g. the completion certificate's number and date)."""
    case = Case.objects.filter(release=release).first()
    ensure_in_jurisdiction(release.person, acting_user)
    if case is not None:
        ensure_open(case)
    before = snapshot(release, list(data))
    for name, value in data.items():
        setattr(release, name, value)
    save_audited(release, before=before, expected_version=expected_version, acting_user=acting_user)
    if case is not None and before.get("release_date") != release.release_date:
        case.release = release
        if case.status in (
            CaseStatus.EXPECTED,
            CaseStatus.ADDRESS_VERIFIED,
            CaseStatus.ADDRESS_MISMATCH,
        ):
            # The duties that hang on the release date move with it.
            moved = deadlines.cancel(case, DeadlineKind.EXPECTED_RETURN)
            if moved:
                deadlines.open_deadline(
                    case, kind=DeadlineKind.EXPECTED_RETURN, due_on=release.release_date
                )
            if deadlines.cancel(case, DeadlineKind.PAROLEE_REPORT):
                deadlines.open_deadline(
                    case,
                    kind=DeadlineKind.PAROLEE_REPORT,
                    due_on=deadlines.parolee_report_due(release.release_date),
                )
        sync_person(case)
    return release


# --- Opening a case (the pre-release notice) ---------------------------------------------------


@transaction.atomic
def open_case(
    person: Person,
    *,
    sentence: Sentence,
    release_type: str,
    release_date: date,
    acting_user: User,
    facility: Agency | None = None,
    facility_name: str = "",
    certificate_number: str = "",
    certificate_date: date | None = None,
    notice_received_on: date | None = None,
    notice_sender: str = "",
    notice_reference: str = "",
    probation_end: date | None = None,
) -> Case:
    """Open the case of a person expected to return (or who arrived without a notice).

    Stores the duties that follow: the address check within 3 working days of the notice
    (Circular 10/2024 Art. 8), the reception on the release date, and for a parolee the
    report within 5 days of release.
    """
    ensure_in_jurisdiction(person, acting_user)
    if sentence.person_id != person.pk:
        raise TransitionError(_("The sentence belongs to another person."))
    if person.cases.exclude(status=CaseStatus.CLOSED).exists():
        raise TransitionError(
            _("This person already has an open case: record the return on it or close it first.")
        )
    if release_type == ReleaseType.PAROLE:
        if probation_end is None:
            raise TransitionError(_("Give the end of probation for a conditional early release."))
        if probation_end <= release_date:
            raise TransitionError(_("The end of probation must be after the release date."))
    release = Release.objects.create(
        person=person,
        sentence=sentence,
        type=release_type,
        facility=facility,
        facility_name=facility_name,
        release_date=release_date,
        certificate_number=certificate_number,
        certificate_date=certificate_date,
    )
    case = Case.objects.create(
        person=person,
        release=release,
        status=CaseStatus.EXPECTED,
        officer=acting_user if getattr(acting_user, "role", None) == Role.COMMUNE_POLICE else None,
        notice_received_on=notice_received_on,
        notice_sender=notice_sender,
        notice_reference=notice_reference,
        probation_end=probation_end if release_type == ReleaseType.PAROLE else None,
    )
    if notice_received_on:
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.ADDRESS_CHECK,
            due_on=deadlines.address_check_due(notice_received_on),
        )
    deadlines.open_deadline(case, kind=DeadlineKind.EXPECTED_RETURN, due_on=release_date)
    if release_type == ReleaseType.PAROLE:
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.PAROLEE_REPORT,
            due_on=deadlines.parolee_report_due(release_date),
        )
    record(
        Action.CREATE,
        user=acting_user,
        obj=case,
        changes={
            "status": [None, case.status],
            "release_type": [None, release_type],
            "release_date": [None, release_date],
            "notice_received_on": [None, notice_received_on],
        },
    )
    if notice_received_on:
        summary = stored_text(
            _("Pre-release notice received; expected back on %(day)s"),
            day=f"{release_date:%d/%m/%Y}",
        )
    else:
        summary = stored_text(_("Case opened; released on %(day)s"), day=f"{release_date:%d/%m/%Y}")
    add_event(
        case,
        kind="case_opened",
        occurred_on=notice_received_on or timezone.localdate(),
        summary=summary,
        actor=acting_user,
        visibility=Visibility.ALL,
        source=case,
    )
    sync_person(case)
    return case


# --- Notes, officer and helpers ----------------------------------------------------------------


@transaction.atomic
def update_case_notes(case: Case, *, notes: str, expected_version: int, acting_user: User) -> Case:
    ensure_in_jurisdiction(case.person, acting_user)
    ensure_open(case)
    before = snapshot(case, ["notes"])
    case.notes = notes.strip()
    save_versioned(case, expected_version=expected_version, fields=["notes"])
    # The notes themselves stay out of the audit trail's change list: police-only content.
    if before["notes"] != case.notes:
        record(Action.UPDATE, user=acting_user, obj=case, changes={"notes": ["…", "…"]})
    return case


@transaction.atomic
def assign_officer(
    case: Case, *, officer: User | None, expected_version: int, acting_user: User
) -> Case:
    """Assign the police officer in charge (Circular 10/2024 Art. 9)."""
    ensure_in_jurisdiction(case.person, acting_user)
    ensure_open(case)
    if officer is not None and not in_jurisdiction(officer, case.person):
        raise TransitionError(_("The officer must work in the person's commune or province."))
    before = snapshot(case, ["officer"])
    case.officer = officer
    save_audited(case, before=before, expected_version=expected_version, acting_user=acting_user)
    add_event(
        case,
        kind="officer_assigned",
        occurred_on=timezone.localdate(),
        summary=stored_text(_("Officer in charge: %(name)s"), name=str(officer or "—")),
        actor=acting_user,
        visibility=Visibility.ALL,
    )
    return case


@transaction.atomic
def add_helper(case: Case, *, acting_user: User, **data: Any) -> Helper:
    """Assign a helper: an officer, an organisation or a family member (Circular 10 Art. 10)."""
    ensure_in_jurisdiction(case.person, acting_user)
    ensure_open(case)
    helper = Helper.objects.create(case=case, **data)
    record(
        Action.CREATE,
        user=acting_user,
        obj=helper,
        changes=diff({}, snapshot(helper, ["kind", "name", "organisation", "assigned_on"])),
    )
    add_event(
        case,
        kind="helper_assigned",
        occurred_on=helper.assigned_on,
        summary=stored_text(
            _("Helper assigned: %(name)s (%(kind)s)"),
            name=helper.name,
            kind=HelperKind(helper.kind).label,
        ),
        actor=acting_user,
        visibility=Visibility.ALL,
        source=helper,
    )
    return helper


@transaction.atomic
def end_helper(helper: Helper, *, ended_on: date, acting_user: User) -> Helper:
    case = helper.case
    ensure_in_jurisdiction(case.person, acting_user)
    ensure_open(case)
    if helper.ended_on is not None:
        raise TransitionError(_("This helper's assignment has already ended."))
    if ended_on < helper.assigned_on:
        raise TransitionError(_("The end date must not be before the assignment date."))
    helper.ended_on = ended_on
    helper.save(update_fields=["ended_on", "updated_at"])
    record(Action.UPDATE, user=acting_user, obj=helper, changes={"ended_on": [None, ended_on]})
    add_event(
        case,
        kind="helper_ended",
        occurred_on=ended_on,
        summary=stored_text(_("Helper's assignment ended: %(name)s"), name=helper.name),
        actor=acting_user,
        visibility=Visibility.ALL,
        source=helper,
    )
    return helper
