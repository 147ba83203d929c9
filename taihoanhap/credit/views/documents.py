"""Printable pages and Excel exports of Form 01, Form 02 and the applications list (audited)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import communes_in_scope
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.xlsx import response
from taihoanhap.credit.access import EXPORTERS, LOAN_READERS
from taihoanhap.credit.exports import (
    applications_workbook,
    form01_workbook,
    form02_workbook,
)
from taihoanhap.credit.forms import ApplicationFilterForm
from taihoanhap.credit.models import LoanApplication, LoanKind
from taihoanhap.credit.selectors import applications_for, filter_applications
from taihoanhap.credit.views.common import get_application, get_list, today
from taihoanhap.credit.views.lists import visible_entries

EXPORT_LIMIT = 5000


@allow(read=LOAN_READERS)
def list_print(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    record_view(request.user, eligible_list, note="print")
    return render(
        request,
        "credit/form01_print.html",
        {"list": eligible_list, "entries": visible_entries(eligible_list, request.user)},
    )


@allow(read=EXPORTERS)
def list_export(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    entries = visible_entries(eligible_list, request.user)
    record_export(
        request.user,
        len(entries),
        obj=eligible_list,
        note=f"form01.xlsx, {len(entries)} rows",
    )
    return response(
        form01_workbook(eligible_list, entries),
        f"mau-01-{eligible_list.drawn_up_on:%Y%m%d}.xlsx",
    )


def _business(request: HttpRequest, pk: Any) -> LoanApplication:
    application = get_application(request, pk)
    if application.kind != LoanKind.BUSINESS:
        raise Http404
    return application


@allow(read=LOAN_READERS)
def form02_print(request: HttpRequest, pk: Any) -> HttpResponse:
    application = _business(request, pk)
    record_view(request.user, application, note="print form 02")
    return render(request, "credit/form02_print.html", {"application": application})


@allow(read=EXPORTERS)
def form02_export(request: HttpRequest, pk: Any) -> HttpResponse:
    application = _business(request, pk)
    record_export(request.user, 1, obj=application, note="form02.xlsx")
    return response(form02_workbook(application), f"mau-02-{today():%Y%m%d}.xlsx")


@allow(read=EXPORTERS)
def application_export(request: HttpRequest) -> HttpResponse:
    form = ApplicationFilterForm(request.GET or None, communes=communes_in_scope(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    applications = list(filter_applications(applications_for(request.user), data)[:EXPORT_LIMIT])
    record_export(
        request.user,
        len(applications),
        object_type=LoanApplication._meta.label_lower,
        note=f"applications.xlsx, {len(applications)} rows",
        changes={"filters": {key: str(value) for key, value in data.items() if value}},
    )
    return response(applications_workbook(applications), f"ho-so-vay-{today():%Y%m%d}.xlsx")
