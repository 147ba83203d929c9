"""Job fairs: list, create, participants, registrations, outcomes, print, provincial overview."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.core.paging import Column, listing
from taihoanhap.jobs import services
from taihoanhap.jobs.access import (
    FAIR_READERS,
    FAIR_REGISTRARS,
    FAIR_WRITERS,
    OVERVIEW_READERS,
    PARTICIPANT_READERS,
)
from taihoanhap.jobs.forms import (
    AttendanceForm,
    CancelFairForm,
    ContactForm,
    FairEmployerForm,
    FairForm,
    FairRegisterForm,
)
from taihoanhap.jobs.models import (
    EmploymentStatus,
    FairContact,
    FairRegistration,
    JobFair,
    MatchingConsent,
)
from taihoanhap.jobs.selectors import (
    employment_figures,
    fair_summary,
    fairs_by_commune,
    total_row,
)
from taihoanhap.registry.models import Person
from taihoanhap.support.selectors import current_cases, pick_person

FAIR_COLUMNS = [
    Column("date", gettext_lazy("Date"), "held_on"),
    Column("title", gettext_lazy("Fair"), "title"),
    Column("commune", gettext_lazy("Venue"), "commune__name_key"),
    Column("employers", gettext_lazy("Employers"), "n_employers", numeric=True),
    Column("registered", gettext_lazy("Registered"), "n_registered", numeric=True),
    Column("hired", gettext_lazy("Hired"), "n_hired", numeric=True),
]


def _fairs(request: HttpRequest):
    return JobFair.objects.visible_to(request.user)


def _detail_url(fair: JobFair) -> str:
    return reverse("jobs:fair_detail", kwargs={"pk": fair.pk})


@allow(read=FAIR_READERS, write=FAIR_WRITERS)
def fair_list(request: HttpRequest) -> HttpResponse:
    """The employment officer's landing page: fairs, and referrals awaiting an answer."""
    from taihoanhap.support.models import Referral, ReferralStatus

    qs = (
        _fairs(request)
        .select_related("commune")
        .annotate(
            n_employers=Count("participants", distinct=True),
            n_registered=Count("registrations", distinct=True),
            n_hired=Count(
                "registrations__contacts",
                distinct=True,
                filter=Q(registrations__contacts__stage="hired"),
            ),
        )
    )
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(held_on__year=int(year))
    when = request.GET.get("when", "")
    today = timezone.localdate()
    if when == "upcoming":
        qs = qs.filter(held_on__gte=today)
    elif when == "past":
        qs = qs.filter(held_on__lt=today)
    incoming = None
    if request.user.agency_id:
        incoming = list(
            Referral.objects.visible_to(request.user)
            .filter(to_agency_id=request.user.agency_id, status=ReferralStatus.SENT)
            .select_related("person", "from_agency")
            .order_by("respond_by")[:10]
        )
    return render(
        request,
        "jobs/fair_list.html",
        {
            "listing": listing(request, qs, FAIR_COLUMNS, default_sort="-date"),
            "year": year,
            "when": when,
            "today": today,
            "incoming": incoming,
            "can_add": request.user.role in FAIR_WRITERS,
        },
    )


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def fair_add(request: HttpRequest) -> HttpResponse:
    form = FairForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.create_fair(
            data=data, organisers=list(data["organisers"]), acting_user=request.user
        ),
        success=lambda fair: (
            _("Recorded the job fair %(title)s. Now add the employers taking part.")
            % {"title": fair.title}
        ),
        then=_detail_url,
    )
    return done or render(request, "jobs/fair_form.html", {"form": form, "fair": None})


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def fair_edit(request: HttpRequest, pk: str) -> HttpResponse:
    fair = get_visible_or_404(_fairs(request), pk=pk)
    form = FairForm(request.POST or None, instance=fair, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.update_fair(
            fair,
            data=data,
            organisers=list(data["organisers"]),
            expected_version=data["version"] or 0,
            acting_user=request.user,
        ),
        success=lambda saved: _("Saved the job fair %(title)s.") % {"title": fair.title},
        then=_detail_url(fair),
        record=fair,
    )
    return done or render(request, "jobs/fair_form.html", {"form": form, "fair": fair})


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def fair_cancel(request: HttpRequest, pk: str) -> HttpResponse:
    fair = get_visible_or_404(_fairs(request), pk=pk)
    form = CancelFairForm(request.POST or None, initial={"version": fair.version})
    done = save_form(
        request,
        form,
        lambda data: services.cancel_fair(
            fair, **service_arguments(data), acting_user=request.user
        ),
        success=lambda saved: _("Cancelled the job fair %(title)s.") % {"title": fair},
        then=_detail_url(fair),
        record=fair,
    )
    return done or render(request, "jobs/fair_cancel.html", {"fair": fair, "form": form})


def _registrations(request: HttpRequest, fair: JobFair) -> list[FairRegistration] | None:
    """Registered people the user may see (by person scope), with their outcomes."""
    if request.user.role not in PARTICIPANT_READERS:
        return None
    return list(
        FairRegistration.objects.visible_to(request.user)
        .filter(fair=fair)
        .select_related("person", "person__commune")
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=FairContact.objects.select_related("participant__employer"),
            )
        )
        .order_by("person__name_key")
    )


@allow(read=FAIR_READERS, write=FAIR_WRITERS)
def fair_detail(request: HttpRequest, pk: str) -> HttpResponse:
    fair = get_visible_or_404(_fairs(request).select_related("commune"), pk=pk)
    record_view(request.user, fair)
    today = timezone.localdate()
    role = request.user.role
    return render(
        request,
        "jobs/fair_detail.html",
        {
            "fair": fair,
            "organisers": list(fair.organisers.all()),
            "participants": list(
                fair.participants.select_related("employer").prefetch_related("vacancies")
            ),
            "summary": fair_summary(fair),
            "registrations": _registrations(request, fair),
            "can_edit": role in FAIR_WRITERS and not fair.is_cancelled,
            "can_register": role in FAIR_REGISTRARS and not fair.is_cancelled,
            "can_record": role in FAIR_WRITERS and not fair.is_cancelled and fair.held_on <= today,
            "can_print": role in PARTICIPANT_READERS,
        },
    )


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def fair_employer_add(request: HttpRequest, pk: str) -> HttpResponse:
    fair = get_visible_or_404(_fairs(request), pk=pk)
    form = FairEmployerForm(request.POST or None, fair=fair, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.add_fair_employer(
            fair, **service_arguments(data), acting_user=request.user
        ),
        success=lambda participant: (
            _("Recorded %(employer)s as taking part in the fair.")
            % {"employer": participant.employer}
        ),
        then=_detail_url(fair),
    )
    return done or render(request, "jobs/fair_employer_add.html", {"fair": fair, "form": form})


@allow(read=FAIR_REGISTRARS, write=FAIR_REGISTRARS)
def fair_register(request: HttpRequest, pk: str) -> HttpResponse:
    """Find a person in the user's scope (query POSTed, not in the address), then register."""
    fair = get_visible_or_404(_fairs(request), pk=pk)
    search, results = pick_person(request)
    form = FairRegisterForm(request.POST if "register" in request.POST else None)

    def register(data: dict[str, Any]) -> Person:
        person = get_visible_or_404(Person.objects.visible_to(request.user), pk=data["person"])
        services.register_for_fair(
            fair,
            person,
            registered_on=data["registered_on"],
            consent_now=data["consent_now"],
            acting_user=request.user,
        )
        return person

    done = save_form(
        request,
        form,
        register,
        success=lambda person: (
            _("Registered %(person)s for the fair.") % {"person": person.full_name}
        ),
        then=_detail_url(fair),
    )
    if done:
        return done
    rows = []
    if results:
        cases = current_cases([p.pk for p in results])
        registered = set(
            FairRegistration.objects.filter(
                fair=fair, person_id__in=[p.pk for p in results]
            ).values_list("person_id", flat=True)
        )
        consenting = set(
            MatchingConsent.objects.filter(
                person_id__in=[p.pk for p in results], withdrawn_on__isnull=True
            ).values_list("person_id", flat=True)
        )
        for person in results:
            problem = services.registration_problem(fair, cases.get(person.pk))
            if person.pk in registered:
                problem = _("Already registered.")
            rows.append(
                {"person": person, "problem": problem, "consented": person.pk in consenting}
            )
    return render(
        request,
        "jobs/fair_register.html",
        {
            "fair": fair,
            "search": search,
            "rows": rows,
            "searched": results is not None,
            "form": form,
        },
    )


def _registration(request: HttpRequest, pk: str) -> FairRegistration:
    registration = get_visible_or_404(
        FairRegistration.objects.visible_to(request.user).select_related("fair", "person", "case"),
        pk=pk,
    )
    if not _fairs(request).filter(pk=registration.fair_id).exists():
        raise PermissionDenied
    return registration


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def registration_attendance(request: HttpRequest, pk: str) -> HttpResponse:
    registration = _registration(request, pk)
    form = AttendanceForm(request.POST or None, initial={"version": registration.version})
    done = save_form(
        request,
        form,
        lambda data: services.record_attendance(
            registration,
            **service_arguments(data),
            acting_user=request.user,
            today=timezone.localdate(),
        ),
        success=lambda saved: (
            _("Recorded the attendance of %(person)s.") % {"person": registration.person.full_name}
        ),
        then=_detail_url(registration.fair),
        record=registration,
    )
    return done or render(
        request, "jobs/registration_attendance.html", {"registration": registration, "form": form}
    )


@allow(read=FAIR_WRITERS, write=FAIR_WRITERS)
def registration_outcome(request: HttpRequest, pk: str) -> HttpResponse:
    """Record an interview, an offer, a hire (which creates the employment record) or a
    refusal between the person and one employer of the fair."""
    registration = _registration(request, pk)
    fair = registration.fair
    form = ContactForm(request.POST or None, fair=fair, initial={"on": timezone.localdate()})

    def recorded(contact: FairContact) -> str:
        text = _("Recorded: %(person)s · %(employer)s · %(outcome)s.") % {
            "person": registration.person.full_name,
            "employer": contact.participant.employer,
            "outcome": contact.get_stage_display(),
        }
        if contact.employment_id:
            text += " " + _("The employment record is created: %(status)s.") % {
                "status": EmploymentStatus.EMPLOYED.label
            }
        return text

    done = save_form(
        request,
        form,
        lambda data: services.record_contact(
            registration,
            **service_arguments(data),
            acting_user=request.user,
            today=timezone.localdate(),
        ),
        success=recorded,
        then=_detail_url(fair),
    )
    if done:
        return done
    contacts = list(registration.contacts.select_related("participant__employer"))
    return render(
        request,
        "jobs/registration_outcome.html",
        {"registration": registration, "fair": fair, "form": form, "contacts": contacts},
    )


@allow(read=PARTICIPANT_READERS)
def fair_print(request: HttpRequest, pk: str) -> HttpResponse:
    """The printable participant list (an export: audited)."""
    fair = get_visible_or_404(_fairs(request).select_related("commune"), pk=pk)
    registrations = _registrations(request, fair) or []
    record_export(
        request.user,
        len(registrations),
        obj=fair,
        note=f"participant list, {len(registrations)} people",
    )
    return render(
        request,
        "jobs/fair_print.html",
        {
            "fair": fair,
            "registrations": registrations,
            "organisers": list(fair.organisers.all()),
            "printed_at": timezone.localtime(),
        },
    )


@allow(read=OVERVIEW_READERS)
def overview(request: HttpRequest) -> HttpResponse:
    """Which localities held a fair each year, and the employment of people under management."""
    today = timezone.localdate()
    try:
        last = int(request.GET.get("year", today.year))
    except ValueError:
        last = today.year
    last = min(max(last, 2000), today.year + 1)
    years = [last - 2, last - 1, last]
    communes = fairs_by_commune(request.user, years)
    without_fair = sum(1 for c in communes if c.total == 0)
    only_without = request.GET.get("only") == "without"
    if only_without:
        communes = [c for c in communes if c.total == 0]
    figures = employment_figures(request.user, today)
    return render(
        request,
        "jobs/overview.html",
        {
            "years": years,
            "year": last,
            "communes": communes,
            "without_fair": without_fair,
            "only_without": only_without,
            "figures": figures,
            "total": total_row(figures),
            "statuses": EmploymentStatus.choices,
            "today": today,
        },
    )
