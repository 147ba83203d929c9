"""Budget lines per agency and activity, allocations, spending and execution."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.editing import save_form, service_arguments, show_errors
from taihoanhap.core.paging import paginate
from taihoanhap.core.xlsx import response
from taihoanhap.programme import services
from taihoanhap.programme.access import BUDGET_READERS, BUDGET_WRITERS
from taihoanhap.programme.exports import budget_workbook
from taihoanhap.programme.forms import (
    AllocationForm,
    BudgetFilterForm,
    LineCreateForm,
    LineEditForm,
    SpendingForm,
)
from taihoanhap.programme.models import BudgetLine
from taihoanhap.programme.selectors import execution_by_agency
from taihoanhap.programme.views.common import form_page


def _detail_url(line: BudgetLine) -> str:
    return reverse("programme:line_detail", kwargs={"pk": line.pk})


def _lines(request: HttpRequest) -> Any:
    return BudgetLine.objects.visible_to(request.user).select_related("agency")


def _filtered(request: HttpRequest) -> tuple[BudgetFilterForm, Any, int]:
    data = request.GET.copy()
    data.setdefault("year", str(timezone.localdate().year))
    form = BudgetFilterForm(data, agencies=Agency.objects.visible_to(request.user))
    lines = _lines(request)
    year = timezone.localdate().year
    if form.is_valid():
        year = form.cleaned_data["year"]
        if form.cleaned_data.get("agency"):
            lines = lines.filter(agency=form.cleaned_data["agency"])
        if form.cleaned_data.get("activity"):
            lines = lines.filter(activity=form.cleaned_data["activity"])
    return form, lines.filter(year=year), year


@allow(read=BUDGET_READERS)
def budget_overview(request: HttpRequest) -> HttpResponse:
    form, lines, year = _filtered(request)
    agencies = execution_by_agency(lines)
    allocated = sum(row.allocated for row in agencies)
    spent = sum(row.spent for row in agencies)
    return render(
        request,
        "programme/budget_overview.html",
        {
            "form": form,
            "year": year,
            "agencies": agencies,
            **paginate(request, lines.order_by("agency__name", "activity", "title"), 50),
            "allocated": allocated,
            "spent": spent,
            "percent": round(spent * 100 / allocated, 1) if allocated else None,
            "may_write": request.user.role in BUDGET_WRITERS,
        },
    )


@allow(read=BUDGET_READERS)
def budget_export(request: HttpRequest) -> HttpResponse:
    _, lines, year = _filtered(request)
    rows = list(lines.order_by("agency__name", "activity", "title"))
    record_export(
        request.user,
        len(rows),
        object_type=BudgetLine._meta.label_lower,
        note=f"budget {year}.xlsx, {len(rows)} rows",
    )
    return response(budget_workbook(year, rows), f"ngan-sach-{year}.xlsx")


@allow(read=BUDGET_WRITERS, write=BUDGET_WRITERS)
def line_create(request: HttpRequest) -> HttpResponse:
    form = LineCreateForm(
        request.POST or None,
        initial={"year": timezone.localdate().year},
        agencies=Agency.objects.visible_to(request.user).filter(is_active=True),
    )
    done = save_form(
        request,
        form,
        lambda data: services.create_line(
            year=data["year"],
            agency=data["agency"],
            activity=data["activity"],
            title=data["title"],
            estimate=data.get("estimate") or 0,
            note=data["note"],
            acting_user=request.user,
        ),
        success=lambda line: _("Recorded: the budget line %(title)s.") % {"title": line.title},
        then=_detail_url,
    )
    return done or form_page(
        request, form, _("New budget line"), cancel_url=reverse("programme:budget_overview")
    )


@allow(read=BUDGET_READERS)
def line_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    line = get_visible_or_404(_lines(request), pk=pk)
    record_view(request.user, line)
    return render(
        request,
        "programme/line_detail.html",
        {
            "line": line,
            "allocations": line.allocations.select_related("recorded_by"),
            "spendings": line.spendings.select_related("recorded_by"),
            "may_write": request.user.role in BUDGET_WRITERS,
        },
    )


@allow(read=BUDGET_WRITERS, write=BUDGET_WRITERS)
def line_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    line = get_visible_or_404(_lines(request), pk=pk)
    form = LineEditForm(
        request.POST or None,
        initial={
            "activity": line.activity,
            "title": line.title,
            "estimate": line.estimate,
            "note": line.note,
            "version": line.version,
        },
    )
    done = save_form(
        request,
        form,
        lambda data: services.update_line(
            line,
            activity=data["activity"],
            title=data["title"],
            estimate=data.get("estimate") or 0,
            note=data["note"],
            expected_version=data["version"],
            acting_user=request.user,
        ),
        success=_("Recorded: the changes to the budget line."),
        then=_detail_url(line),
        record=line,
    )
    return done or form_page(
        request, form, _("Change the budget line"), subtitle=line, cancel_url=_detail_url(line)
    )


@allow(read=BUDGET_WRITERS, write=BUDGET_WRITERS)
def allocation_add(request: HttpRequest, pk: Any) -> HttpResponse:
    line = get_visible_or_404(_lines(request), pk=pk)
    form = AllocationForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: services.add_allocation(
            line, **service_arguments(data), acting_user=request.user
        ),
        success=_("Recorded: the allocation."),
        then=_detail_url(line),
    )
    return done or form_page(
        request, form, _("Record an allocation"), subtitle=line, cancel_url=_detail_url(line)
    )


@allow(read=BUDGET_WRITERS, write=BUDGET_WRITERS)
def spending_add(request: HttpRequest, pk: Any) -> HttpResponse:
    line = get_visible_or_404(_lines(request), pk=pk)
    form = SpendingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            spending = services.add_spending(
                line,
                amount=data["amount"],
                spent_on=data["spent_on"],
                document_number=data["document_number"],
                description=data["description"],
                override_reason=data["override_reason"],
                acting_user=request.user,
            )
        except services.OverspendError as error:
            form.add_error("override", error.messages[0])
        except ValidationError as error:
            show_errors(form, error)
        else:
            if spending.over_allocation:
                messages.warning(
                    request,
                    _("Recorded beyond the allocation, with your reason, in the audit trail."),
                )
            else:
                messages.success(request, _("Recorded: the spending entry."))
            return redirect("programme:line_detail", pk=line.pk)
    return form_page(
        request, form, _("Record spending"), subtitle=line, cancel_url=_detail_url(line), line=line
    )
