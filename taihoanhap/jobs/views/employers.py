"""Employers and their vacancies, and the people suggested for a vacancy."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.core.paging import Column, listing
from taihoanhap.core.text import search_key
from taihoanhap.core.xlsx import table_response
from taihoanhap.employers.models import Employer
from taihoanhap.jobs import services
from taihoanhap.jobs.access import (
    EMPLOYER_READERS,
    EMPLOYER_WRITERS,
    MATCH_READERS,
    VACANCY_READERS,
    VACANCY_WRITERS,
)
from taihoanhap.jobs.forms import CloseVacancyForm, EmployerForm, VacancyForm
from taihoanhap.jobs.matching import people_for
from taihoanhap.jobs.models import WORKING, EmploymentRecord, Vacancy
from taihoanhap.support.listing import EXPORT_LIMIT, export_url, wants_export

EMPLOYER_COLUMNS = [
    Column("name", gettext_lazy("Employer"), "name"),
    Column("sector", gettext_lazy("Sector"), "sector"),
    Column("commune", pgettext_lazy("unit", "Commune"), "commune__name_key"),
    Column("workforce", gettext_lazy("Employees"), "workforce", numeric=True),
    Column("returnees", gettext_lazy("Returnees on contract"), "returnees_on_contract", True),
    Column("open", gettext_lazy("Open vacancies"), "open_vacancies", numeric=True),
    Column("willing", gettext_lazy("Willing to hire returnees"), "willing_to_hire"),
]


def _employer_url(employer: Employer) -> str:
    return reverse("jobs:employer_detail", kwargs={"pk": employer.pk})


def _vacancy_url(vacancy: Vacancy) -> str:
    return reverse("jobs:vacancy_detail", kwargs={"pk": vacancy.pk})


@allow(read=EMPLOYER_READERS, write=EMPLOYER_WRITERS)
def employer_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    qs = (
        Employer.objects.visible_to(request.user)
        .select_related("commune")
        .annotate(
            open_vacancies=Count(
                "vacancies",
                filter=Q(
                    vacancies__opens_on__lte=today,
                    vacancies__closes_on__gte=today,
                    vacancies__closed_early_on__isnull=True,
                ),
            )
        )
    )
    name = request.GET.get("name", "").strip()[:100]
    if name:
        qs = qs.filter(Q(name__icontains=name) | Q(tax_code__startswith=name))
    if request.GET.get("willing") == "1":
        qs = qs.filter(willing_to_hire=True)
    if wants_export(request):
        rows = [
            (
                e.name,
                e.tax_code,
                e.sector,
                e.get_size_display(),
                str(e.commune),
                e.workforce,
                e.returnees_on_contract,
                e.open_vacancies,
                _("Yes") if e.willing_to_hire else _("No"),
                e.contact_name,
                e.phone,
            )
            for e in qs.order_by("name")[:EXPORT_LIMIT]
        ]
        record_export(
            request.user,
            len(rows),
            object_type=Employer._meta.label_lower,
            note="employers",
        )
        headers = [
            _("Employer"),
            _("Tax code"),
            _("Sector"),
            _("Size"),
            pgettext("unit", "Commune"),
            _("Employees"),
            _("Returnees on contract"),
            _("Open vacancies"),
            _("Willing to hire returnees"),
            _("Contact person"),
            _("Phone"),
        ]
        return table_response("doanh-nghiep.xlsx", _("Employers"), headers, rows)
    return render(
        request,
        "jobs/employer_list.html",
        {
            "listing": listing(request, qs, EMPLOYER_COLUMNS, default_sort="name"),
            "name": name,
            "willing": request.GET.get("willing") == "1",
            "export_url": export_url(request),
            "can_add": request.user.role in EMPLOYER_WRITERS,
        },
    )


@allow(read=EMPLOYER_WRITERS, write=EMPLOYER_WRITERS)
def employer_add(request: HttpRequest) -> HttpResponse:
    form = EmployerForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.create_employer(data=data, acting_user=request.user),
        success=lambda employer: _("Recorded the employer %(name)s.") % {"name": employer},
        then=_employer_url,
    )
    return done or render(request, "jobs/employer_form.html", {"form": form, "employer": None})


@allow(read=EMPLOYER_WRITERS, write=EMPLOYER_WRITERS)
def employer_edit(request: HttpRequest, pk: str) -> HttpResponse:
    employer = get_visible_or_404(Employer.objects.visible_to(request.user), pk=pk)
    form = EmployerForm(request.POST or None, instance=employer, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.update_employer(
            employer,
            data=data,
            expected_version=data["version"] or 0,
            acting_user=request.user,
        ),
        success=lambda saved: _("Saved the employer %(name)s.") % {"name": employer},
        then=_employer_url(employer),
        record=employer,
    )
    return done or render(request, "jobs/employer_form.html", {"form": form, "employer": employer})


@allow(read=EMPLOYER_READERS, write=EMPLOYER_WRITERS)
def employer_detail(request: HttpRequest, pk: str) -> HttpResponse:
    employer = get_visible_or_404(
        Employer.objects.visible_to(request.user).select_related("commune"), pk=pk
    )
    record_view(request.user, employer)
    today = timezone.localdate()
    # People the system records as working here now, beside the declared figure.
    recorded = EmploymentRecord.objects.filter(
        employer=employer, ended_on__isnull=True, status__in=WORKING
    ).aggregate(working=Count("id"), on_contract=Count("id", filter=Q(labour_contract=True)))
    return render(
        request,
        "jobs/employer_detail.html",
        {
            "employer": employer,
            "vacancies": list(employer.vacancies.select_related("commune").order_by("-closes_on")),
            "recorded": recorded,
            "today": today,
            "can_edit": request.user.role in EMPLOYER_WRITERS,
        },
    )


VACANCY_COLUMNS = [
    Column("title", gettext_lazy("Job title"), "title"),
    Column("employer", gettext_lazy("Employer"), "employer__name"),
    Column("trade", gettext_lazy("Trade"), "trade_key"),
    Column("commune", gettext_lazy("Location"), "commune__name_key"),
    Column("count", gettext_lazy("Positions"), "count", numeric=True),
    Column("wage", gettext_lazy("Wage (VND a month)"), "wage_min_vnd", numeric=True),
    Column("closes", gettext_lazy("Open until"), "closes_on"),
]


@allow(read=VACANCY_READERS, write=VACANCY_WRITERS)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    qs = Vacancy.objects.visible_to(request.user).select_related("employer", "commune")
    trade = request.GET.get("trade", "").strip()[:100]
    show = request.GET.get("show", "open")
    if trade:
        qs = qs.filter(trade_key__contains=search_key(trade))
    if show != "all":
        qs = qs.open_on(today)
    if wants_export(request):
        rows = [
            (
                v.title,
                str(v.employer),
                v.trade,
                str(v.commune),
                v.count,
                v.wage_min_vnd,
                v.wage_max_vnd,
                v.opens_on,
                v.closes_on,
            )
            for v in qs.order_by("closes_on", "pk")[:EXPORT_LIMIT]
        ]
        record_export(request.user, len(rows), object_type="jobs.vacancy", note="vacancies")
        headers = [
            _("Job title"),
            _("Employer"),
            _("Trade"),
            _("Location"),
            _("Positions"),
            _("Wage from"),
            _("Wage up to"),
            _("Open from"),
            _("Open until"),
        ]
        return table_response("viec-lam-trong.xlsx", _("Vacancies"), headers, rows)
    return render(
        request,
        "jobs/vacancy_list.html",
        {
            "listing": listing(request, qs, VACANCY_COLUMNS, default_sort="closes"),
            "trade": trade,
            "show": show,
            "today": today,
            "export_url": export_url(request),
            "can_add": request.user.role in VACANCY_WRITERS,
        },
    )


@allow(read=VACANCY_WRITERS, write=VACANCY_WRITERS)
def vacancy_add(request: HttpRequest, pk: str) -> HttpResponse:
    employer = get_visible_or_404(Employer.objects.visible_to(request.user), pk=pk)
    form = VacancyForm(
        request.POST or None,
        user=request.user,
        initial={"commune": employer.commune_id, "opens_on": timezone.localdate()},
    )
    done = save_form(
        request,
        form,
        lambda data: services.create_vacancy(employer, data=data, acting_user=request.user),
        success=lambda vacancy: _("Recorded the vacancy %(title)s.") % {"title": vacancy.title},
        then=_vacancy_url,
    )
    return done or render(
        request, "jobs/vacancy_form.html", {"form": form, "employer": employer, "vacancy": None}
    )


def _vacancy(request: HttpRequest, pk: str) -> Vacancy:
    return get_visible_or_404(
        Vacancy.objects.visible_to(request.user).select_related("employer", "commune"), pk=pk
    )


@allow(read=VACANCY_WRITERS, write=VACANCY_WRITERS)
def vacancy_edit(request: HttpRequest, pk: str) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = VacancyForm(request.POST or None, instance=vacancy, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.update_vacancy(
            vacancy,
            data=data,
            expected_version=data["version"] or 0,
            acting_user=request.user,
        ),
        success=lambda saved: _("Saved the vacancy %(title)s.") % {"title": vacancy.title},
        then=_vacancy_url(vacancy),
        record=vacancy,
    )
    return done or render(
        request,
        "jobs/vacancy_form.html",
        {"form": form, "employer": vacancy.employer, "vacancy": vacancy},
    )


@allow(read=VACANCY_READERS, write=VACANCY_WRITERS)
def vacancy_detail(request: HttpRequest, pk: str) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    record_view(request.user, vacancy)
    return render(
        request,
        "jobs/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "is_open": vacancy.is_open_on(timezone.localdate()),
            "can_edit": request.user.role in VACANCY_WRITERS,
            "can_match": request.user.role in MATCH_READERS,
        },
    )


@allow(read=VACANCY_WRITERS, write=VACANCY_WRITERS)
def vacancy_close(request: HttpRequest, pk: str) -> HttpResponse:
    """Confirm closing a vacancy before its date (filled or withdrawn)."""
    vacancy = _vacancy(request, pk)
    form = CloseVacancyForm(request.POST or None, initial={"version": vacancy.version})
    done = save_form(
        request,
        form,
        lambda data: services.close_vacancy(
            vacancy, **service_arguments(data), acting_user=request.user
        ),
        success=lambda saved: _("Closed the vacancy %(title)s.") % {"title": vacancy.title},
        then=_vacancy_url(vacancy),
        record=vacancy,
    )
    return done or render(request, "jobs/vacancy_close.html", {"vacancy": vacancy, "form": form})


@allow(read=MATCH_READERS)
def vacancy_matches(request: HttpRequest, pk: str) -> HttpResponse:
    """People in the user's scope who agreed to job matching, ranked for this vacancy."""
    vacancy = _vacancy(request, pk)
    record_view(request.user, vacancy, note="matches")
    return render(
        request,
        "jobs/vacancy_matches.html",
        {"vacancy": vacancy, "matches": people_for(vacancy, request.user, timezone.localdate())},
    )
