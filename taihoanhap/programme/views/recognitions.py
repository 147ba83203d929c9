"""Models and exemplary individuals, the target per unit and the province's compliance view."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404, scope_for
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.core.paging import paginate
from taihoanhap.employers.models import Employer
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.programme import services
from taihoanhap.programme.access import (
    RECOGNITION_READERS,
    RECOGNITION_WRITERS,
    TARGET_READERS,
    TARGET_WRITERS,
    may_set_targets,
)
from taihoanhap.programme.forms import (
    ComplianceForm,
    RecognitionEditForm,
    RecognitionFilterForm,
    RecognitionForm,
    TargetForm,
    YearForm,
)
from taihoanhap.programme.models import Recognition, TargetRule
from taihoanhap.programme.selectors import compliance, target_for, user_province
from taihoanhap.programme.views.common import form_page


def _units(user: Any) -> Any:
    """Units a user may record for or filter on: their communes, and the province itself for a
    provincial user."""
    scope = scope_for(user)
    communes = Q(level=UnitLevel.COMMUNE) & scope.q(province="parent", commune="pk")
    provinces = Q(level=UnitLevel.PROVINCE) & (
        Q() if scope.everything else Q(pk__in=sorted(scope.province_ids))
    )
    return AdminUnit.objects.current().filter(communes | provinces).order_by("-level", "name_key")


def _recognitions(request: HttpRequest) -> Any:
    return Recognition.objects.visible_to(request.user).select_related("unit")


def _year(request: HttpRequest) -> tuple[YearForm, int]:
    data = request.GET.copy()
    data.setdefault("year", str(timezone.localdate().year))
    form = YearForm(data)
    year = form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year
    return form, year


@allow(read=RECOGNITION_READERS)
def compliance_view(request: HttpRequest) -> HttpResponse:
    """Every unit of the province, met or not met, for the year (the leader's landing page)."""
    data = request.GET.copy()
    data.setdefault("year", str(timezone.localdate().year))
    form = ComplianceForm(data)
    valid = form.is_valid()
    year = form.cleaned_data["year"] if valid else timezone.localdate().year
    province = user_province(request.user)
    if province is None:
        raise Http404
    report = compliance(request.user, province, year)
    rows = report.rows
    if valid and form.cleaned_data.get("unmet_only"):
        rows = [row for row in rows if not row.met]
    return render(
        request,
        "programme/compliance.html",
        {"form": form, "report": report, "rows": rows, "year": year},
    )


@allow(read=RECOGNITION_READERS)
def compliance_unit(request: HttpRequest, unit: int) -> HttpResponse:
    """Drill-down: the models and exemplary individuals of one unit in the year."""
    form, year = _year(request)
    chosen = get_visible_or_404(_units(request.user), pk=unit)
    province = chosen if chosen.level == UnitLevel.PROVINCE else chosen.parent
    recognitions = _recognitions(request).filter(year=year)
    if chosen.level == UnitLevel.COMMUNE:
        recognitions = recognitions.filter(unit=chosen)
    return render(
        request,
        "programme/compliance_unit.html",
        {
            "form": form,
            "unit": chosen,
            "year": year,
            "rule": target_for(province, year),
            "recognitions": recognitions.order_by("kind", "name"),
            "may_write": request.user.role in RECOGNITION_WRITERS,
        },
    )


@allow(read=RECOGNITION_READERS)
def recognition_list(request: HttpRequest) -> HttpResponse:
    form = RecognitionFilterForm(request.GET or None, units=_units(request.user))
    recognitions = _recognitions(request)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("year"):
            recognitions = recognitions.filter(year=data["year"])
        if data.get("kind"):
            recognitions = recognitions.filter(kind=data["kind"])
        if data.get("unit"):
            recognitions = recognitions.filter(unit=data["unit"])
    return render(
        request,
        "programme/recognition_list.html",
        {
            **paginate(request, recognitions.order_by("-year", "unit__name_key", "name"), 25),
            "form": form,
            "may_write": request.user.role in RECOGNITION_WRITERS,
        },
    )


def _employers(user: Any) -> Any:
    return Employer.objects.visible_to(user).order_by("name")


def _detail_url(recognition: Recognition) -> str:
    return reverse("programme:recognition_detail", kwargs={"pk": recognition.pk})


@allow(read=RECOGNITION_WRITERS, write=RECOGNITION_WRITERS)
def recognition_create(request: HttpRequest) -> HttpResponse:
    units = _units(request.user)
    initial: dict[str, Any] = {"year": timezone.localdate().year}
    if units.count() == 1:
        initial["unit"] = units.get().pk
    form = RecognitionForm(
        request.POST or None, initial=initial, units=units, employers=_employers(request.user)
    )
    done = save_form(
        request,
        form,
        lambda data: services.create_recognition(
            data=form.recognition_data(), acting_user=request.user
        ),
        success=lambda recognition: _("Recorded: %(name)s.") % {"name": recognition.name},
        then=_detail_url,
    )
    return done or form_page(
        request,
        form,
        _("Record a model or an exemplary individual"),
        cancel_url=reverse("programme:recognition_list"),
    )


@allow(read=RECOGNITION_READERS)
def recognition_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    recognition = get_visible_or_404(_recognitions(request).select_related("employer"), pk=pk)
    record_view(request.user, recognition)
    return render(
        request,
        "programme/recognition_detail.html",
        {
            "recognition": recognition,
            "may_write": request.user.role in RECOGNITION_WRITERS,
        },
    )


@allow(read=RECOGNITION_WRITERS, write=RECOGNITION_WRITERS)
def recognition_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    recognition = get_visible_or_404(_recognitions(request), pk=pk)
    fields = [name for name in services.RECOGNITION_FIELDS if name != "kind"]
    form = RecognitionEditForm(
        request.POST or None,
        initial={
            **{name: getattr(recognition, name) for name in fields},
            "version": recognition.version,
        },
        units=_units(request.user),
        employers=_employers(request.user),
    )
    done = save_form(
        request,
        form,
        lambda data: services.update_recognition(
            recognition,
            data=form.recognition_data(),
            expected_version=data["version"],
            acting_user=request.user,
        ),
        success=_("Recorded: the changes."),
        then=_detail_url(recognition),
        record=recognition,
    )
    return done or form_page(
        request,
        form,
        _("Change the record"),
        subtitle=recognition.name,
        cancel_url=_detail_url(recognition),
    )


@allow(read=TARGET_READERS)
def target_list(request: HttpRequest) -> HttpResponse:
    province = user_province(request.user)
    rules = TargetRule.objects.filter(Q(province__isnull=True) | Q(province=province))
    return render(
        request,
        "programme/target_list.html",
        {
            "rules": rules.select_related("province").order_by("-effective_from"),
            "current": target_for(province, timezone.localdate().year) if province else None,
            "may_add": may_set_targets(request.user),
        },
    )


@allow(read=TARGET_WRITERS, write=TARGET_WRITERS)
def target_add(request: HttpRequest) -> HttpResponse:
    if not may_set_targets(request.user):
        raise PermissionDenied
    province = user_province(request.user)
    form = TargetForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: services.add_target(
            province=province, **service_arguments(data), acting_user=request.user
        ),
        success=_("Recorded: the new target and the day it takes effect."),
        then="programme:target_list",
    )
    return done or form_page(
        request,
        form,
        _("Set a new target"),
        subtitle=province or _("Default for every province"),
        cancel_url=reverse("programme:target_list"),
    )
