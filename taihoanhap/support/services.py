"""All writes of the support app: needs, measures, referrals, courses, enrolments, certificates.

Every function runs in one transaction, writes its audit event and the person's timeline entry
inside it, and raises `TransitionError` (a ValidationError) for an illegal state change.
The caller has already fetched the person or record through `visible_to(acting_user)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import Role
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import diff, record, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.core.locking import save_versioned
from taihoanhap.core.money import format_vnd
from taihoanhap.geo.models import UnitLevel
from taihoanhap.registry.models import Case, CaseStatus, Person, Visibility
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.access import RECEIVING_AGENCY_KINDS, measure_kinds_for
from taihoanhap.support.models import (
    ACTIVE_ENROLMENT,
    MEASURE_ANSWERS,
    SENSITIVE_MEASURES,
    SENSITIVE_NEEDS,
    AssessmentOccasion,
    Attendance,
    Certificate,
    Course,
    Enrolment,
    EnrolmentStatus,
    MeasureKind,
    Need,
    NeedAssessment,
    NeedKind,
    NeedStatus,
    Referral,
    ReferralStatus,
    SupportMeasure,
    TrainingLevel,
)
from taihoanhap.support.rules import (
    REFERRAL_DEADLINE_SOURCE,
    referral_respond_by,
    referral_response_days,
)

# --- Shared helpers ----------------------------------------------------------------------------


def record_text(message: Any, **params: Any) -> str:
    """A timeline summary in the language of the records (Vietnamese), whoever is signed in."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
        if params:
            text = text % {key: str(value) for key, value in params.items()}
    return text


def choice_labels(choices: Any, values: Iterable[str]) -> str:
    """Choice labels joined by commas, in the language of the records."""
    with translation.override(settings.LANGUAGE_CODE):
        return ", ".join(str(choices(value).label) for value in values)


def current_case(person: Person) -> Case | None:
    """The person's current case: the most recent one."""
    return Case.objects.filter(person=person).order_by("-created_at").first()


def require_open_case(person: Person) -> Case:
    case = current_case(person)
    if case is None or case.is_closed:
        raise TransitionError(
            _("This person has no open case: support can only be recorded on an open case."),
            code="no_open_case",
        )
    return case


def _require_agency(user: Any) -> Agency:
    if getattr(user, "agency_id", None) is None:
        raise PermissionDenied
    return user.agency


# --- Needs -------------------------------------------------------------------------------------


@transaction.atomic
def assess_needs(
    person: Person,
    *,
    kinds: Iterable[str],
    occasion: str,
    assessed_on: date,
    note: str = "",
    acting_user: Any,
) -> NeedAssessment:
    """Record what the person needs (Circular 10/2024/TT-BCA Art. 9: the reception officer
    records the person's needs; repeated on review). A need already open stays open: it is not
    duplicated."""
    case = require_open_case(person)
    kinds = list(dict.fromkeys(kinds))
    if not kinds:
        raise ValidationError(_("Choose at least one need."), code="no_needs")
    assessment = NeedAssessment.objects.create(
        person=person,
        case=case,
        occasion=occasion,
        assessed_on=assessed_on,
        note=note,
        assessed_by=acting_user,
    )
    already_open = set(
        Need.objects.filter(person=person, status=NeedStatus.OPEN).values_list("kind", flat=True)
    )
    new = [kind for kind in kinds if kind not in already_open]
    Need.objects.bulk_create(
        Need(person=person, assessment=assessment, kind=kind, opened_on=assessed_on) for kind in new
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=assessment,
        changes={"occasion": occasion, "needs": new, "still_open": sorted(already_open)},
    )
    _needs_timeline(case, assessment, new, acting_user)
    return assessment


def _needs_timeline(case: Case, assessment: NeedAssessment, kinds: list[str], user: Any) -> None:
    plain = choice_labels(NeedKind, [k for k in kinds if k not in SENSITIVE_NEEDS])
    sensitive = choice_labels(NeedKind, [k for k in kinds if k in SENSITIVE_NEEDS])
    occasion = AssessmentOccasion(assessment.occasion).label
    if plain or not sensitive:
        listed = plain or record_text(_("no new need"))
        add_event(
            case,
            kind="support.needs",
            occurred_on=assessment.assessed_on,
            summary=record_text(
                _("Needs assessed (%(occasion)s): %(needs)s"), occasion=occasion, needs=listed
            ),
            actor=user,
            source=assessment,
        )
    if sensitive:
        # Health needs are sensitive: only roles that see police-only entries read them here;
        # the health department sees them in the support panel.
        add_event(
            case,
            kind="support.needs",
            occurred_on=assessment.assessed_on,
            summary=record_text(
                _("Health needs assessed (%(occasion)s): %(needs)s"),
                occasion=occasion,
                needs=sensitive,
            ),
            actor=user,
            visibility=Visibility.POLICE,
            source=assessment,
        )


@transaction.atomic
def close_need(
    need: Need,
    *,
    status: str,
    closed_on: date,
    note: str = "",
    expected_version: int,
    acting_user: Any,
) -> Need:
    """An open need is met or declined by the person; a closed need stays closed."""
    if need.status != NeedStatus.OPEN:
        raise TransitionError(_("This need is already closed."), code="need_closed")
    if status not in (NeedStatus.MET, NeedStatus.DECLINED):
        raise TransitionError(_("A need can only be marked met or declined."), code="bad_status")
    if closed_on < need.opened_on:
        raise ValidationError(
            {"closed_on": _("The date cannot be before the need was recorded.")}, code="date"
        )
    before = snapshot(need, ["status", "closed_on", "closing_note"])
    need.status, need.closed_on, need.closing_note = status, closed_on, note
    save_versioned(
        need, expected_version=expected_version, fields=["status", "closed_on", "closing_note"]
    )
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=need,
        changes=diff(before, snapshot(need, ["status", "closed_on", "closing_note"])),
    )
    case = require_open_case(need.person)
    add_event(
        case,
        kind="support.need_closed",
        occurred_on=closed_on,
        summary=record_text(
            _("Need %(need)s: %(status)s"),
            need=NeedKind(need.kind).label,
            status=NeedStatus(need.status).label,
        ),
        actor=acting_user,
        visibility=Visibility.POLICE if need.is_sensitive else Visibility.ALL,
        source=need,
    )
    return need


# --- Support measures --------------------------------------------------------------------------


@transaction.atomic
def record_measure(
    person: Person,
    *,
    kind: str,
    provided_on: date,
    provider_name: str = "",
    amount_vnd: int | None = None,
    outcome: str = "",
    acting_user: Any,
) -> SupportMeasure:
    """Record support given to the person; it closes the open need it answers (Decree
    49/2020/NĐ-CP: each agency supports within its own field)."""
    if kind not in measure_kinds_for(acting_user.role):
        raise PermissionDenied
    agency = _require_agency(acting_user)
    case = require_open_case(person)
    measure = _create_measure(
        person,
        case,
        kind=kind,
        provided_on=provided_on,
        agency=agency,
        provider_name=provider_name,
        amount_vnd=amount_vnd,
        outcome=outcome,
        acting_user=acting_user,
    )
    summary = record_text(
        _("Support: %(kind)s by %(provider)s"),
        kind=MeasureKind(kind).label,
        provider=measure.provider_label,
    )
    if amount_vnd:
        summary += f" ({format_vnd(amount_vnd)})"
    if measure.need_id:
        summary += record_text(_("; need met"))
    add_event(
        case,
        kind="support.measure",
        occurred_on=provided_on,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if kind in SENSITIVE_MEASURES else Visibility.ALL,
        source=measure,
    )
    return measure


def _create_measure(
    person: Person,
    case: Case,
    *,
    kind: str,
    provided_on: date,
    agency: Agency,
    provider_name: str,
    amount_vnd: int | None,
    outcome: str,
    acting_user: Any,
) -> SupportMeasure:
    need = None
    answers = MEASURE_ANSWERS.get(kind)
    if answers:
        need = (
            Need.objects.select_for_update()
            .filter(person=person, kind=answers, status=NeedStatus.OPEN)
            .first()
        )
    measure = SupportMeasure.objects.create(
        person=person,
        case=case,
        kind=kind,
        provided_on=provided_on,
        agency=agency,
        provider_name=provider_name,
        amount_vnd=amount_vnd or None,
        outcome=outcome,
        need=need,
        recorded_by=acting_user,
    )
    if need is not None:
        Need.objects.filter(pk=need.pk).update(
            status=NeedStatus.MET, closed_on=max(provided_on, need.opened_on)
        )
    record(
        Action.CREATE,
        user=acting_user,
        obj=measure,
        changes={
            "kind": kind,
            "provided_on": provided_on,
            "agency": agency.pk,
            "amount_vnd": amount_vnd,
            "need_met": need.pk if need else None,
        },
    )
    return measure


# --- Referrals ---------------------------------------------------------------------------------


def receiving_agencies(person: Person) -> Any:
    """Agencies a referral about `person` may go to: active, able to answer, serving the
    person's province (or their commune)."""
    from django.db.models import Q

    return Agency.objects.filter(
        Q(unit_id=person.province_id, unit__level=UnitLevel.PROVINCE)
        | Q(unit_id=person.commune_id),
        kind__in=RECEIVING_AGENCY_KINDS,
        is_active=True,
    ).order_by("kind", "name")


@transaction.atomic
def send_referral(
    person: Person,
    *,
    to_agency: Agency,
    purpose: str,
    message: str = "",
    sent_on: date,
    acting_user: Any,
) -> Referral:
    """Refer the person to another agency; it must answer within the configured number of
    working days (see support.rules)."""
    from_agency = _require_agency(acting_user)
    if not receiving_agencies(person).filter(pk=to_agency.pk).exists():
        raise ValidationError(
            {"to_agency": _("This agency cannot receive referrals about this person.")},
            code="agency",
        )
    if to_agency.pk == from_agency.pk:
        raise ValidationError(
            {"to_agency": _("Choose another agency than your own.")}, code="agency"
        )
    case = require_open_case(person)
    need = Need.objects.filter(person=person, kind=purpose, status=NeedStatus.OPEN).first()
    days = referral_response_days()
    referral = Referral.objects.create(
        person=person,
        case=case,
        purpose=purpose,
        need=need,
        from_agency=from_agency,
        to_agency=to_agency,
        message=message,
        sent_on=sent_on,
        respond_by=referral_respond_by(sent_on),
        deadline_source=record_text(REFERRAL_DEADLINE_SOURCE, days=days),
        sent_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=referral,
        changes={
            "purpose": purpose,
            "from_agency": from_agency.pk,
            "to_agency": to_agency.pk,
            "sent_on": sent_on,
            "respond_by": referral.respond_by,
        },
    )
    add_event(
        case,
        kind="support.referral",
        occurred_on=sent_on,
        summary=record_text(
            _("Referred to %(agency)s for %(purpose)s"),
            agency=to_agency,
            purpose=NeedKind(referral.purpose).label,
        ),
        actor=acting_user,
        visibility=Visibility.POLICE if purpose in SENSITIVE_NEEDS else Visibility.ALL,
        source=referral,
    )
    return referral


class ReferralAction:
    ACCEPT = "accept"
    START = "start"
    DONE = "done"
    DECLINE = "decline"


# action -> (statuses it may leave, status it reaches)
REFERRAL_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    ReferralAction.ACCEPT: (frozenset({ReferralStatus.SENT}), ReferralStatus.ACCEPTED),
    ReferralAction.START: (frozenset({ReferralStatus.ACCEPTED}), ReferralStatus.IN_PROGRESS),
    ReferralAction.DONE: (
        frozenset({ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}),
        ReferralStatus.DONE,
    ),
    ReferralAction.DECLINE: (
        frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}),
        ReferralStatus.DECLINED,
    ),
}

_REFERRAL_SUMMARIES = {
    ReferralAction.ACCEPT: _("%(agency)s accepted the referral for %(purpose)s"),
    ReferralAction.START: _("%(agency)s started work on the referral for %(purpose)s"),
    ReferralAction.DONE: _("%(agency)s completed the referral for %(purpose)s: %(text)s"),
    ReferralAction.DECLINE: _("%(agency)s declined the referral for %(purpose)s: %(text)s"),
}


def allowed_referral_actions(referral: Referral, user: Any) -> list[str]:
    """What `user` may do next with the referral: only the receiving agency answers it."""
    if getattr(user, "agency_id", None) != referral.to_agency_id:
        return []
    return [
        action
        for action, (sources, _target) in REFERRAL_TRANSITIONS.items()
        if referral.status in sources
    ]


@transaction.atomic
def transition_referral(
    referral: Referral,
    *,
    action: str,
    on: date,
    text: str = "",
    expected_version: int,
    acting_user: Any,
) -> Referral:
    """Move a referral along sent → accepted → in progress → done, or decline it with a reason.

    Only officers of the receiving agency answer. Completing a referral records the support
    the receiving agency gave, which meets the open need of the same kind."""
    if getattr(acting_user, "agency_id", None) != referral.to_agency_id:
        raise PermissionDenied
    if action not in REFERRAL_TRANSITIONS:
        raise TransitionError(_("Unknown action."), code="unknown")
    sources, target = REFERRAL_TRANSITIONS[action]
    if referral.status not in sources:
        raise TransitionError(
            _("A referral that is “%(status)s” cannot be changed this way."),
            code="illegal",
            params={"status": referral.get_status_display()},
        )
    if on < referral.sent_on:
        raise ValidationError({"on": _("The date cannot be before the referral was sent.")})
    if action == ReferralAction.DECLINE and not text.strip():
        raise ValidationError({"text": _("Give the reason for declining.")}, code="reason")
    fields = ["status", "handled_by", "responded_on", "closed_on", "decline_reason", "outcome"]
    before = snapshot(referral, fields)
    referral.status = target
    referral.handled_by = acting_user
    if referral.responded_on is None:
        referral.responded_on = on
    if action == ReferralAction.DECLINE:
        referral.decline_reason, referral.closed_on = text.strip(), on
    elif action == ReferralAction.DONE:
        referral.outcome, referral.closed_on = text.strip(), on
    save_versioned(referral, expected_version=expected_version, fields=fields)
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=referral,
        changes=diff(before, snapshot(referral, fields)),
    )
    measure = None
    if action == ReferralAction.DONE and referral.purpose in MEASURE_ANSWERS.values():
        measure = _create_measure(
            referral.person,
            referral.case,
            kind=referral.purpose,  # measure kinds share their values with the needs they meet
            provided_on=on,
            agency=referral.to_agency,
            provider_name="",
            amount_vnd=None,
            outcome=referral.outcome,
            acting_user=acting_user,
        )
    summary = record_text(
        _REFERRAL_SUMMARIES[action],
        agency=referral.to_agency,
        purpose=NeedKind(referral.purpose).label,
        text=text.strip() or "—",
    )
    if measure is not None and measure.need_id:
        summary += record_text(_("; need met"))
    add_event(
        referral.case,
        kind="support.referral",
        occurred_on=on,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if referral.purpose in SENSITIVE_NEEDS else Visibility.ALL,
        source=referral,
    )
    return referral


# --- Courses -----------------------------------------------------------------------------------

COURSE_FIELDS = [
    "title",
    "trade",
    "level",
    "provider",
    "starts_on",
    "ends_on",
    "commune",
    "facility",
    "address",
    "seats",
    "cost_vnd",
    "support_vnd",
    "support_note",
]


def _course_province(course: Course) -> int:
    if course.facility_id:
        unit = course.facility.unit
        return unit.id if unit.level == UnitLevel.PROVINCE else unit.parent_id
    return course.commune.parent_id


def _check_course(course: Course) -> None:
    if not course.facility_id and not course.commune_id:
        raise ValidationError(
            {"commune": _("Give the commune where the course is held, or the facility.")}
        )
    if course.ends_on < course.starts_on:
        raise ValidationError({"ends_on": _("The course cannot end before it starts.")})
    if course.seats < 1:
        raise ValidationError({"seats": _("A course has at least one seat.")})


@transaction.atomic
def create_course(*, data: dict[str, Any], acting_user: Any) -> Course:
    agency = _require_agency(acting_user)
    course = Course(organiser=agency, **{name: data.get(name) for name in COURSE_FIELDS})
    course.address = course.address or ""
    course.support_note = course.support_note or ""
    course.cost_vnd = course.cost_vnd or 0
    course.support_vnd = course.support_vnd or 0
    _check_course(course)
    course.province_id = _course_province(course)
    course.save()
    record(
        Action.CREATE,
        user=acting_user,
        obj=course,
        changes=snapshot(course, [*COURSE_FIELDS, "province"]),
    )
    return course


@transaction.atomic
def update_course(
    course: Course, *, data: dict[str, Any], expected_version: int, acting_user: Any
) -> Course:
    before = snapshot(course, [*COURSE_FIELDS, "province"])
    for name in COURSE_FIELDS:
        setattr(course, name, data.get(name))
    course.address = course.address or ""
    course.support_note = course.support_note or ""
    course.cost_vnd = course.cost_vnd or 0
    course.support_vnd = course.support_vnd or 0
    _check_course(course)
    taken = course.enrolments.filter(status__in=ACTIVE_ENROLMENT).count()
    if course.seats < taken:
        raise ValidationError(
            {"seats": _("%(count)s people are already enrolled: keep at least that many seats.")},
            params={"count": taken},
        )
    course.province_id = _course_province(course)
    from taihoanhap.core.text import search_key

    course.trade_key = search_key(course.trade)
    save_versioned(
        course,
        expected_version=expected_version,
        fields=[*COURSE_FIELDS, "province", "trade_key"],
    )
    record(
        Action.UPDATE,
        user=acting_user,
        obj=course,
        changes=diff(before, snapshot(course, [*COURSE_FIELDS, "province"])),
    )
    return course


def enrolment_problem(course: Course, person: Person, case: Case | None) -> str | None:
    """Why `person` cannot join `course`, or None.

    Inmates (a case still "expected to return") learn inside their own facility before release
    (Decree 49/2020/NĐ-CP); a course inside a facility is for that facility's inmates only."""
    if case is None or case.is_closed:
        return str(_("This person has no open case."))
    if case.status == CaseStatus.HELD:
        return str(_("This person is held again and cannot join a course."))
    inmate = case.status == CaseStatus.EXPECTED
    facility_id = case.release.facility_id
    if inmate and course.facility_id != facility_id:
        return str(_("An inmate can only join a course held inside their detention facility."))
    if course.facility_id and not inmate:
        return str(_("This course is held inside a detention facility, for its inmates only."))
    return None


@transaction.atomic
def enrol(course: Course, person: Person, *, enrolled_on: date, acting_user: Any) -> Enrolment:
    if acting_user.role == Role.FACILITY_OFFICER and course.facility_id != acting_user.agency_id:
        raise PermissionDenied
    case = current_case(person)
    problem = enrolment_problem(course, person, case)
    if problem:
        raise TransitionError(problem, code="not_eligible")
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if Enrolment.objects.filter(course=locked, person=person).exists():
        raise TransitionError(_("This person is already enrolled in this course."), code="twice")
    taken = locked.enrolments.filter(status__in=ACTIVE_ENROLMENT).count()
    if taken >= locked.seats:
        raise TransitionError(_("The course is full."), code="full")
    assert case is not None
    enrolment = Enrolment.objects.create(
        course=locked,
        person=person,
        case=case,
        enrolled_on=enrolled_on,
        as_inmate=case.status == CaseStatus.EXPECTED,
        enrolled_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=enrolment,
        changes={"course": course.pk, "person": person.pk, "enrolled_on": enrolled_on},
    )
    add_event(
        case,
        kind="support.enrolment",
        occurred_on=enrolled_on,
        summary=record_text(
            _("Enrolled in the course %(course)s (%(trade)s, %(level)s)"),
            course=course.title,
            trade=course.trade,
            level=TrainingLevel(course.level).label,
        ),
        actor=acting_user,
        source=enrolment,
    )
    return enrolment


_FINISH_SUMMARIES = {
    EnrolmentStatus.COMPLETED: _("Completed the course %(course)s"),
    EnrolmentStatus.NOT_COMPLETED: _("Did not complete the course %(course)s"),
    EnrolmentStatus.DROPPED_OUT: _("Left the course %(course)s"),
}


def _check_course_writer(course: Course, user: Any) -> None:
    if user.role == Role.FACILITY_OFFICER and course.facility_id != user.agency_id:
        raise PermissionDenied


@transaction.atomic
def finish_enrolment(
    enrolment: Enrolment,
    *,
    status: str,
    attendance: str,
    finished_on: date,
    note: str = "",
    expected_version: int,
    acting_user: Any,
) -> Enrolment:
    """Record how an enrolment ended: completed, not completed, or dropped out."""
    _check_course_writer(enrolment.course, acting_user)
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise TransitionError(_("The outcome of this enrolment is already recorded."))
    if status not in _FINISH_SUMMARIES:
        raise TransitionError(_("Unknown outcome."))
    if status == EnrolmentStatus.COMPLETED and not attendance:
        raise ValidationError({"attendance": _("Give the attendance of a completed course.")})
    if finished_on < enrolment.enrolled_on:
        raise ValidationError({"finished_on": _("The date cannot be before the enrolment.")})
    fields = ["status", "attendance", "finished_on", "note"]
    before = snapshot(enrolment, fields)
    enrolment.status, enrolment.attendance = status, attendance or ""
    enrolment.finished_on, enrolment.note = finished_on, note
    save_versioned(enrolment, expected_version=expected_version, fields=fields)
    record(
        Action.STATE_CHANGE,
        user=acting_user,
        obj=enrolment,
        changes=diff(before, snapshot(enrolment, fields)),
    )
    summary = record_text(_FINISH_SUMMARIES[status], course=enrolment.course.title)
    if enrolment.attendance:
        summary += f" ({record_text(Attendance(enrolment.attendance).label).lower()})"
    add_event(
        current_case(enrolment.person) or enrolment.case,
        kind="support.enrolment",
        occurred_on=finished_on,
        summary=summary,
        actor=acting_user,
        source=enrolment,
    )
    return enrolment


@transaction.atomic
def issue_certificate(
    enrolment: Enrolment,
    *,
    number: str,
    issued_on: date,
    issuer: str,
    acting_user: Any,
) -> Certificate:
    """Record the certificate of a completed course. It belongs to the person, so one earned
    inside a facility stays on the record after release."""
    _check_course_writer(enrolment.course, acting_user)
    if enrolment.status != EnrolmentStatus.COMPLETED:
        raise TransitionError(_("Only a completed course gives a certificate."))
    if Certificate.objects.filter(enrolment=enrolment).exists():
        raise TransitionError(_("A certificate is already recorded for this enrolment."))
    if Certificate.objects.filter(issuer=issuer, number=number).exists():
        raise ValidationError(
            {"number": _("This issuer already gave a certificate with this number.")}
        )
    course = enrolment.course
    certificate = Certificate.objects.create(
        person=enrolment.person,
        enrolment=enrolment,
        number=number,
        issued_on=issued_on,
        issuer=issuer,
        trade=course.trade,
        level=course.level,
        earned_in_detention=enrolment.as_inmate,
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=certificate,
        changes={"number": number, "issued_on": issued_on, "issuer": issuer},
    )
    add_event(
        current_case(enrolment.person) or enrolment.case,
        kind="support.certificate",
        occurred_on=issued_on,
        summary=record_text(
            _("Vocational certificate %(trade)s (%(level)s) no. %(number)s, issued by %(issuer)s"),
            trade=course.trade,
            level=TrainingLevel(course.level).label,
            number=number,
            issuer=issuer,
        ),
        actor=acting_user,
        source=certificate,
    )
    return certificate
