"""Vocational courses: created and edited by the training agency."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.geo.models import UnitLevel
from taihoanhap.support.models import ACTIVE_ENROLMENT, Course
from taihoanhap.support.services.base import _require_agency

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
    # _check_course: a course has a facility (an agency serving a unit) or a commune.
    unit = course.facility.unit if course.facility is not None else course.commune
    assert unit is not None
    province_id = unit.id if unit.level == UnitLevel.PROVINCE else unit.parent_id
    assert province_id is not None  # every unit below a province has its parent
    return province_id


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
def create_course(*, data: dict[str, Any], acting_user: User) -> Course:
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
    course: Course, *, data: dict[str, Any], expected_version: int, acting_user: User
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
    save_audited(
        course,
        before=before,
        fields=[*COURSE_FIELDS, "province", "trade_key"],
        expected_version=expected_version,
        acting_user=acting_user,
    )
    return course
