"""A person's support page, needs and support measures."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.support import services
from taihoanhap.support.access import MEASURE_WRITERS, NEED_WRITERS, SUPPORT_READERS, sees_health
from taihoanhap.support.forms import MeasureForm, NeedAssessmentForm, NeedCloseForm
from taihoanhap.support.models import Need, NeedStatus, SupportMeasure
from taihoanhap.support.sections import sections_for
from taihoanhap.support.views.common import (
    get_person,
    get_person_to_act_on,
    person_page_url,
    registry_person_url,
)


@allow(read=SUPPORT_READERS)
def person_support(request: HttpRequest, pk: str) -> HttpResponse:
    """Needs, support, referrals, training and employment of one person, on one page."""
    person = get_person(request, pk)
    record_view(request.user, person, note="support")
    sections = [
        {
            "title": panel.title,
            "html": render_to_string(panel.template, panel.context, request=request),
        }
        for panel in sections_for(person, request.user)
    ]
    return render(
        request,
        "support/person_support.html",
        {"person": person, "sections": sections, "registry_url": registry_person_url(person)},
    )


@allow(read=NEED_WRITERS, write=NEED_WRITERS)
def needs_assess(request: HttpRequest, pk: str) -> HttpResponse:
    person = get_person_to_act_on(request, pk)
    form = NeedAssessmentForm(request.POST or None)
    if not sees_health(request.user):
        form.fields["kinds"].choices = [
            c for c in form.fields["kinds"].choices if c[0] not in ("health", "counselling")
        ]
    done = save_form(
        request,
        form,
        lambda data: services.assess_needs(
            person, **service_arguments(data), acting_user=request.user
        ),
        success=lambda assessment: (
            _("Recorded the needs assessment: %(count)s new need(s).")
            % {"count": assessment.needs.count()}
        ),
        then=person_page_url(person),
    )
    if done:
        return done
    open_needs = Need.objects.filter(person=person, status=NeedStatus.OPEN)
    return render(
        request,
        "support/needs_assess.html",
        {"person": person, "form": form, "open_needs": list(open_needs)},
    )


@allow(read=NEED_WRITERS, write=NEED_WRITERS)
def need_close(request: HttpRequest, pk: str) -> HttpResponse:
    """Confirm that an open need is met, or that the person declined it."""
    need = get_visible_or_404(Need.objects.visible_to(request.user).select_related("person"), pk=pk)
    if need.is_sensitive and not sees_health(request.user):
        raise Http404
    get_person_to_act_on(request, need.person_id)
    form = NeedCloseForm(request.POST or None, initial={"version": need.version})
    done = save_form(
        request,
        form,
        lambda data: services.close_need(need, **service_arguments(data), acting_user=request.user),
        success=lambda saved: (
            _("Recorded: need “%(need)s” is now %(status)s.")
            % {"need": need.get_kind_display(), "status": need.get_status_display()}
        ),
        then=person_page_url(need.person),
        record=need,
    )
    return done or render(request, "support/need_close.html", {"need": need, "form": form})


def _measure_recorded(measure: SupportMeasure) -> str:
    text = _("Recorded the support: %(kind)s.") % {"kind": measure.get_kind_display()}
    if measure.need_id:
        text += " " + _("The matching need is marked met.")
    return text


@allow(read=MEASURE_WRITERS, write=MEASURE_WRITERS)
def measure_add(request: HttpRequest, pk: str) -> HttpResponse:
    person = get_person_to_act_on(request, pk)
    form = MeasureForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.record_measure(
            person, **service_arguments(data), acting_user=request.user
        ),
        success=_measure_recorded,
        then=person_page_url(person),
    )
    return done or render(request, "support/measure_add.html", {"person": person, "form": form})
