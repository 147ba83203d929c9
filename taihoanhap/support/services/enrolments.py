"""Enrolments in a course, their outcome and the certificate."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import Case, CaseStatus, Person
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.models import (
    ACTIVE_ENROLMENT,
    Attendance,
    Certificate,
    Course,
    Enrolment,
    EnrolmentStatus,
    TrainingLevel,
)
from taihoanhap.support.services.base import current_case, record_text


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
def enrol(course: Course, person: Person, *, enrolled_on: date, acting_user: User) -> Enrolment:
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


# Keyed by outcome; looked up with the plain string a form posts.
_FINISH_SUMMARIES: dict[str, Promise] = {
    EnrolmentStatus.COMPLETED: _("Completed the course %(course)s"),
    EnrolmentStatus.NOT_COMPLETED: _("Did not complete the course %(course)s"),
    EnrolmentStatus.DROPPED_OUT: _("Left the course %(course)s"),
}


def _check_course_writer(course: Course, user: User) -> None:
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
    acting_user: User,
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
    save_audited(
        enrolment,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
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
    acting_user: User,
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
