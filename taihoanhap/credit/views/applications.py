"""Loan applications: lists, totals, drawing up, the detail page and corrections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import communes_in_scope, get_visible_or_404
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form
from taihoanhap.core.paging import paginate, sort_links
from taihoanhap.credit.access import EXPORTERS, LOAN_DECIDERS, LOAN_DRAFTERS, LOAN_READERS
from taihoanhap.credit.eligibility import assess
from taihoanhap.credit.forms import (
    ApplicationFilterForm,
    BusinessApplicationForm,
    EditBusinessForm,
    EditIndividualForm,
    IndividualApplicationForm,
)
from taihoanhap.credit.models import LoanApplication, LoanKind, LoanStatus
from taihoanhap.credit.parameters import rates_on
from taihoanhap.credit.selectors import (
    actions_for,
    applications_for,
    borrowable_persons,
    filter_applications,
    totals,
)
from taihoanhap.credit.services import (
    EDITABLE_FIELDS,
    create_business_application,
    create_individual_application,
    update_application,
)
from taihoanhap.credit.views.common import (
    get_application,
    today,
)
from taihoanhap.employers.models import Employer

PAGE_SIZE = 25


def _list_page(request: HttpRequest, *, fixed_statuses: list[str] | None, title: str) -> Any:
    form = ApplicationFilterForm(request.GET or None, communes=communes_in_scope(request.user))
    applications = applications_for(request.user)
    if fixed_statuses is not None:
        applications = applications.filter(status__in=fixed_statuses)
    data = form.cleaned_data if form.is_valid() else {}
    applications = filter_applications(applications, data)
    return render(
        request,
        "credit/application_list.html",
        {
            **paginate(request, applications, PAGE_SIZE),
            "title": title,
            "form": form,
            "sorts": sort_links(request, {"date": "date", "amount": "amount", "status": "status"}),
            "fixed": fixed_statuses is not None,
            "may_export": request.user.role in EXPORTERS,
            "may_draw_up": request.user.role in LOAN_DRAFTERS,
        },
    )


@allow(read=LOAN_READERS)
def application_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, fixed_statuses=None, title=_("Loan applications"))


@allow(read=LOAN_DECIDERS)
def awaiting_decision(request: HttpRequest) -> HttpResponse:
    """The bank officer's landing page: files to decide and approved loans to pay out."""
    return _list_page(
        request,
        fixed_statuses=[LoanStatus.SUBMITTED, LoanStatus.APPROVED],
        title=_("Applications awaiting the bank"),
    )


@allow(read=LOAN_READERS)
def summary(request: HttpRequest) -> HttpResponse:
    statuses, communes = totals(applications_for(request.user))
    return render(
        request,
        "credit/summary.html",
        {
            "statuses": statuses,
            "communes": communes,
            "total_count": sum(row.count for row in statuses),
            "total_disbursed": sum(row.disbursed for row in communes),
            "total_outstanding": sum(row.outstanding for row in communes),
            "rates": rates_on(today()),
        },
    )


def _detail_url(application: LoanApplication) -> str:
    return reverse("credit:application_detail", kwargs={"pk": application.pk})


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def create_individual(request: HttpRequest) -> HttpResponse:
    persons = borrowable_persons(request.user)
    initial = {}
    if chosen := request.GET.get("person"):
        initial["person"] = get_visible_or_404(persons, pk=chosen).pk
    form = IndividualApplicationForm(request.POST or None, initial=initial, persons=persons)
    return _draw_up(
        request,
        form,
        lambda data: create_individual_application(
            person=data["person"],
            data=form.application_data(),
            today=today(),
            acting_user=request.user,
        ),
        title=_("New loan application: individual"),
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def create_business(request: HttpRequest) -> HttpResponse:
    employers = Employer.objects.visible_to(request.user).order_by("name")
    form = BusinessApplicationForm(request.POST or None, employers=employers)
    return _draw_up(
        request,
        form,
        lambda data: create_business_application(
            employer=data["employer"],
            data=form.application_data(),
            today=today(),
            acting_user=request.user,
        ),
        title=_("New loan application: business employing returnees"),
        no_employers=not employers.exists(),
    )


def _draw_up(
    request: HttpRequest,
    form: Any,
    create: Callable[[dict[str, Any]], LoanApplication],
    *,
    title: str,
    **extra: Any,
) -> HttpResponse:
    """The new-application page of either kind: the form, then the application drawn up."""
    done = save_form(
        request,
        form,
        create,
        success=_("The loan application has been drawn up."),
        then=_detail_url,
    )
    return done or render(
        request, "credit/application_form.html", {"form": form, "title": title, **extra}
    )


@allow(read=LOAN_READERS)
def application_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    application = get_application(request, pk)
    record_view(request.user, application)
    day = today()
    return render(
        request,
        "credit/application_detail.html",
        {
            "application": application,
            "assessment": assess(application, today=day),
            "rates": rates_on(application.disbursed_on or day),
            "repayments": application.repayments.all()[:50],
            "actions": actions_for(application, request.user),
            "may_export": request.user.role in EXPORTERS,
        },
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def application_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    application = get_application(request, pk)
    form_class = EditBusinessForm if application.kind == LoanKind.BUSINESS else EditIndividualForm
    initial = {name: getattr(application, name) for name in EDITABLE_FIELDS}
    initial["version"] = application.version
    form = form_class(request.POST or None, initial=initial)
    done = save_form(
        request,
        form,
        lambda data: update_application(
            application,
            data=form.application_data(),
            expected_version=data["version"],
            acting_user=request.user,
        ),
        success=_("The corrections to the application have been saved."),
        then=_detail_url(application),
        record=application,
    )
    return done or render(
        request,
        "credit/application_form.html",
        {"form": form, "title": _("Correct the loan application"), "application": application},
    )
