"""A person's employment status, consent to job matching and suggested vacancies."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.jobs import services
from taihoanhap.jobs.access import CONSENT_WRITERS, EMPLOYMENT_WRITERS, MATCH_READERS
from taihoanhap.jobs.forms import ConsentForm, EmploymentForm, WithdrawConsentForm
from taihoanhap.jobs.matching import vacancies_for
from taihoanhap.jobs.models import EmploymentRecord, EmploymentStatus
from taihoanhap.support.views.common import (
    get_person,
    get_person_to_act_on,
    person_page_url,
)


@allow(read=EMPLOYMENT_WRITERS, write=EMPLOYMENT_WRITERS)
def employment_add(request: HttpRequest, pk: str) -> HttpResponse:
    person = get_person_to_act_on(request, pk)
    form = EmploymentForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.record_employment(
            person, **service_arguments(data), acting_user=request.user
        ),
        success=lambda employment: (
            _("Recorded the employment status: %(status)s since %(date)s.")
            % {
                "status": EmploymentStatus(employment.status).label,
                "date": f"{employment.started_on:%d/%m/%Y}",
            }
        ),
        then=person_page_url(person),
    )
    if done:
        return done
    current = EmploymentRecord.objects.filter(person=person, ended_on__isnull=True).first()
    return render(
        request,
        "jobs/employment_add.html",
        {"person": person, "form": form, "current": current},
    )


@allow(read=CONSENT_WRITERS, write=CONSENT_WRITERS)
def consent(request: HttpRequest, pk: str) -> HttpResponse:
    """Record the person's consent to job matching, or its withdrawal."""
    person = get_person_to_act_on(request, pk)
    active = services.active_consent(person)
    form_class = WithdrawConsentForm if active else ConsentForm
    form = form_class(request.POST or None)

    def save(data: dict[str, Any]) -> str:
        if active:
            services.withdraw_consent(
                person, withdrawn_on=data["withdrawn_on"], acting_user=request.user
            )
            return _("Recorded: the person withdrew consent; they are no longer suggested.")
        services.give_consent(
            person,
            given_on=data["given_on"],
            desired_trade=data["desired_trade"],
            note=data["note"],
            acting_user=request.user,
        )
        return _("Recorded the person's consent to job matching.")

    done = save_form(request, form, save, success=str, then=person_page_url(person))
    return done or render(
        request,
        "jobs/consent.html",
        {"person": person, "form": form, "active": active},
    )


@allow(read=MATCH_READERS)
def person_matches(request: HttpRequest, pk: str) -> HttpResponse:
    """Open vacancies ranked for the person, with the reasons for each rank."""
    person = get_person(request, pk)
    record_view(request.user, person, note="job matches")
    active = services.active_consent(person)
    matches = vacancies_for(person, request.user, timezone.localdate()) if active else []
    return render(
        request,
        "jobs/person_matches.html",
        {
            "person": person,
            "active": active,
            "matches": matches,
            "can_consent": request.user.role in CONSENT_WRITERS,
        },
    )
