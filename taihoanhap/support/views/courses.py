"""Vocational courses, enrolments and certificates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.core.paging import Column, listing
from taihoanhap.core.text import search_key
from taihoanhap.registry.models import Person
from taihoanhap.support import services
from taihoanhap.support.access import (
    COURSE_READERS,
    COURSE_WRITERS,
    ENROLMENT_READERS,
    ENROLMENT_WRITERS,
)
from taihoanhap.support.forms import (
    CertificateForm,
    CourseForm,
    EnrolForm,
    FinishEnrolmentForm,
)
from taihoanhap.support.models import (
    ACTIVE_ENROLMENT,
    Course,
    Enrolment,
    EnrolmentStatus,
    TrainingLevel,
)
from taihoanhap.support.selectors import current_cases, pick_person

COLUMNS = [
    Column("title", gettext_lazy("Course"), "title"),
    Column("trade", gettext_lazy("Trade"), "trade_key"),
    Column("level", pgettext_lazy("vocational", "Level"), "level"),
    Column("location", gettext_lazy("Location")),
    Column("start", gettext_lazy("Starts"), "starts_on"),
    Column("end", gettext_lazy("Ends"), "ends_on"),
    Column("seats", gettext_lazy("Enrolled / seats"), "taken", numeric=True),
]


def _courses(request: HttpRequest):
    return Course.objects.visible_to(request.user)


@allow(read=COURSE_READERS, write=COURSE_WRITERS)
def course_list(request: HttpRequest) -> HttpResponse:
    qs = (
        _courses(request)
        .select_related("commune", "facility")
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE_ENROLMENT)))
    )
    filters = {
        "trade": request.GET.get("trade", "").strip()[:100],
        "level": request.GET.get("level", ""),
        "where": request.GET.get("where", ""),
        "when": request.GET.get("when", ""),
    }
    if filters["trade"]:
        qs = qs.filter(trade_key__contains=search_key(filters["trade"]))
    if filters["level"] in TrainingLevel.values:
        qs = qs.filter(level=filters["level"])
    if filters["where"] == "inside":
        qs = qs.filter(facility__isnull=False)
    elif filters["where"] == "community":
        qs = qs.filter(facility__isnull=True)
    today = timezone.localdate()
    if filters["when"] == "upcoming":
        qs = qs.filter(starts_on__gt=today)
    elif filters["when"] == "running":
        qs = qs.filter(starts_on__lte=today, ends_on__gte=today)
    elif filters["when"] == "finished":
        qs = qs.filter(ends_on__lt=today)
    return render(
        request,
        "support/course_list.html",
        {
            "listing": listing(request, qs, COLUMNS, default_sort="-start"),
            "filters": filters,
            "levels": TrainingLevel.choices,
            "can_add": request.user.role in COURSE_WRITERS,
        },
    )


def _course_url(course: Course) -> str:
    return reverse("support:course_detail", kwargs={"pk": course.pk})


@allow(read=COURSE_WRITERS, write=COURSE_WRITERS)
def course_add(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.create_course(data=data, acting_user=request.user),
        success=lambda course: _("Recorded the course %(title)s.") % {"title": course},
        then=_course_url,
    )
    return done or render(request, "support/course_form.html", {"form": form, "course": None})


@allow(read=COURSE_WRITERS, write=COURSE_WRITERS)
def course_edit(request: HttpRequest, pk: str) -> HttpResponse:
    course = get_visible_or_404(_courses(request), pk=pk)
    form = CourseForm(request.POST or None, instance=course, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.update_course(
            course, data=data, expected_version=data["version"] or 0, acting_user=request.user
        ),
        success=lambda saved: _("Saved the course %(title)s.") % {"title": course},
        then=_course_url(course),
        record=course,
    )
    return done or render(request, "support/course_form.html", {"form": form, "course": course})


@allow(read=COURSE_READERS, write=COURSE_WRITERS)
def course_detail(request: HttpRequest, pk: str) -> HttpResponse:
    course = get_visible_or_404(
        _courses(request).select_related("commune", "facility", "organiser"), pk=pk
    )
    record_view(request.user, course)
    taken = course.enrolments.filter(status__in=ACTIVE_ENROLMENT).count()
    enrolments = None
    if request.user.role in ENROLMENT_READERS:
        enrolments = list(
            Enrolment.objects.visible_to(request.user)
            .filter(course=course)
            .select_related("person", "person__commune", "certificate")
            .order_by("person__name_key")
        )
    return render(
        request,
        "support/course_detail.html",
        {
            "course": course,
            "taken": taken,
            "enrolments": enrolments,
            "can_edit": request.user.role in COURSE_WRITERS,
            "can_enrol": _may_enrol(request.user, course),
        },
    )


def _may_enrol(user, course: Course) -> bool:
    if user.role == Role.FACILITY_OFFICER:
        return course.facility_id == user.agency_id
    return user.role in ENROLMENT_WRITERS


@allow(read=ENROLMENT_WRITERS, write=ENROLMENT_WRITERS)
def course_enrol(request: HttpRequest, pk: str) -> HttpResponse:
    """Find a person (the name or ID number is POSTed, never put in the address), then enrol."""
    course = get_visible_or_404(_courses(request), pk=pk)
    if not _may_enrol(request.user, course):
        raise PermissionDenied
    search, results = pick_person(request)
    form = EnrolForm(request.POST if "enrol" in request.POST else None)

    def enrol(data: dict[str, Any]) -> Person:
        person = get_visible_or_404(Person.objects.visible_to(request.user), pk=data["person"])
        services.enrol(course, person, enrolled_on=data["enrolled_on"], acting_user=request.user)
        return person

    done = save_form(
        request,
        form,
        enrol,
        success=lambda person: (
            _("Enrolled %(person)s in %(course)s.") % {"person": person, "course": course}
        ),
        then=_course_url(course),
    )
    if done:
        return done
    cases = current_cases([p.pk for p in results or []])
    rows = [
        {"person": p, "problem": services.enrolment_problem(course, p, cases.get(p.pk))}
        for p in results or []
    ]
    return render(
        request,
        "support/course_enrol.html",
        {
            "course": course,
            "search": search,
            "rows": rows,
            "searched": results is not None,
            "form": form,
        },
    )


def _enrolment(request: HttpRequest, pk: str) -> Enrolment:
    enrolment = get_visible_or_404(
        Enrolment.objects.visible_to(request.user).select_related("course", "person"), pk=pk
    )
    if not _may_enrol(request.user, enrolment.course):
        raise PermissionDenied
    return enrolment


@allow(read=ENROLMENT_WRITERS, write=ENROLMENT_WRITERS)
def enrolment_finish(request: HttpRequest, pk: str) -> HttpResponse:
    enrolment = _enrolment(request, pk)
    form = FinishEnrolmentForm(
        request.POST or None,
        initial={"version": enrolment.version, "finished_on": enrolment.course.ends_on},
    )
    done = save_form(
        request,
        form,
        lambda data: services.finish_enrolment(
            enrolment, **service_arguments(data), acting_user=request.user
        ),
        success=lambda saved: (
            _("Recorded the outcome for %(person)s: %(status)s.")
            % {"person": enrolment.person, "status": EnrolmentStatus(enrolment.status).label}
        ),
        then=_course_url(enrolment.course),
        record=enrolment,
    )
    return done or render(
        request, "support/enrolment_finish.html", {"enrolment": enrolment, "form": form}
    )


@allow(read=ENROLMENT_WRITERS, write=ENROLMENT_WRITERS)
def certificate_add(request: HttpRequest, pk: str) -> HttpResponse:
    enrolment = _enrolment(request, pk)
    form = CertificateForm(request.POST or None, initial={"issuer": enrolment.course.provider})
    done = save_form(
        request,
        form,
        lambda data: services.issue_certificate(
            enrolment, **service_arguments(data), acting_user=request.user
        ),
        success=lambda certificate: (
            _("Recorded certificate no. %(number)s for %(person)s.")
            % {"number": certificate.number, "person": enrolment.person}
        ),
        then=_course_url(enrolment.course),
    )
    return done or render(
        request, "support/certificate_add.html", {"enrolment": enrolment, "form": form}
    )
