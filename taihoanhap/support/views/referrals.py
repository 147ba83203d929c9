"""Referrals between agencies: list, send, read, answer."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
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
from taihoanhap.core.xlsx import table_response
from taihoanhap.registry.access import can_see_offence
from taihoanhap.registry.models import CaseEvent, Visibility
from taihoanhap.support import services
from taihoanhap.support.access import REFERRAL_READERS, REFERRAL_RECEIVERS, REFERRAL_SENDERS
from taihoanhap.support.forms import ReferralActionForm, ReferralFilterForm, ReferralForm
from taihoanhap.support.listing import EXPORT_LIMIT, export_url, wants_export
from taihoanhap.support.models import OPEN_REFERRAL_STATUSES, Referral, ReferralStatus
from taihoanhap.support.selectors import referral_list_qs
from taihoanhap.support.views.common import get_person_to_act_on

COLUMNS = [
    Column("person", gettext_lazy("Person"), "person__name_key"),
    Column("purpose", gettext_lazy("For"), "purpose"),
    Column("from", pgettext_lazy("referral", "From"), "from_agency__name"),
    Column("to", pgettext_lazy("referral", "To"), "to_agency__name"),
    Column("sent", gettext_lazy("Sent on"), "sent_on"),
    Column("due", gettext_lazy("Respond by"), "respond_by"),
    Column("status", gettext_lazy("Status"), "status"),
]


@allow(read=REFERRAL_READERS)
def referral_list(request: HttpRequest) -> HttpResponse:
    form = ReferralFilterForm(request.GET or None)
    qs = referral_list_qs(request.user)
    if form.is_valid():
        data = form.cleaned_data
        agency_id = request.user.agency_id
        if data["box"] == "incoming":
            qs = qs.filter(to_agency_id=agency_id)
        elif data["box"] == "outgoing":
            qs = qs.filter(from_agency_id=agency_id)
        if data["status"] == "open":
            qs = qs.filter(status__in=OPEN_REFERRAL_STATUSES)
        elif data["status"]:
            qs = qs.filter(status=data["status"])
        if data["purpose"]:
            qs = qs.filter(purpose=data["purpose"])
    if wants_export(request):
        return _export(request, qs)
    page = listing(request, qs, COLUMNS, default_sort="due")
    return render(
        request,
        "support/referral_list.html",
        {
            "form": form,
            "listing": page,
            "today": timezone.localdate(),
            "export_url": export_url(request),
            "can_send": request.user.role in REFERRAL_SENDERS,
        },
    )


def _export(request: HttpRequest, qs) -> HttpResponse:
    rows = [
        (
            r.person.full_name,
            r.person.birth_year,
            str(r.person.commune),
            r.get_purpose_display(),
            str(r.from_agency),
            str(r.to_agency),
            r.sent_on,
            r.respond_by,
            r.get_status_display(),
            r.responded_on,
            r.closed_on,
            r.decline_reason or r.outcome,
        )
        for r in qs.order_by("-sent_on", "pk")[:EXPORT_LIMIT]
    ]
    record_export(
        request.user,
        len(rows),
        object_type="support.referral",
        note=f"referral list, {len(rows)} rows",
    )
    headers = [
        _("Full name"),
        _("Year of birth"),
        pgettext("unit", "Commune"),
        _("For"),
        pgettext("referral", "From"),
        pgettext("referral", "To"),
        _("Sent on"),
        _("Respond by"),
        _("Status"),
        _("Answered on"),
        _("Closed on"),
        _("Outcome or reason"),
    ]
    return table_response("gioi-thieu.xlsx", _("Referrals"), headers, rows)


def _referral_url(referral: Referral) -> str:
    return reverse("support:referral_detail", kwargs={"pk": referral.pk})


@allow(read=REFERRAL_SENDERS, write=REFERRAL_SENDERS)
def referral_add(request: HttpRequest, pk: str) -> HttpResponse:
    person = get_person_to_act_on(request, pk)
    form = ReferralForm(request.POST or None, person=person, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.send_referral(
            person, **service_arguments(data), acting_user=request.user
        ),
        success=lambda referral: (
            _("Sent the referral to %(agency)s; it must be answered by %(date)s.")
            % {"agency": referral.to_agency, "date": f"{referral.respond_by:%d/%m/%Y}"}
        ),
        then=_referral_url,
    )
    return done or render(request, "support/referral_add.html", {"person": person, "form": form})


@allow(read=REFERRAL_READERS)
def referral_detail(request: HttpRequest, pk: str) -> HttpResponse:
    """What the receiving agency needs to act: who, how to reach them, what for. The offence
    and sentence appear only for roles allowed to see them."""
    referral = get_visible_or_404(
        Referral.objects.visible_to(request.user).select_related(
            "person", "person__commune", "from_agency", "to_agency", "sent_by", "handled_by"
        ),
        pk=pk,
    )
    record_view(request.user, referral)
    sentence = None
    if can_see_offence(request.user):
        sentence = referral.person.sentences.order_by("-judgment_date").first()
    history = CaseEvent.objects.filter(
        source_type=referral._meta.label_lower, source_id=str(referral.pk)
    ).order_by("occurred_on", "recorded_at")
    if not can_see_offence(request.user):
        history = history.filter(visibility=Visibility.ALL)
    return render(
        request,
        "support/referral_detail.html",
        {
            "referral": referral,
            "person": referral.person,
            "sentence": sentence,
            "history": list(history),
            "actions": services.allowed_referral_actions(referral, request.user),
            "today": timezone.localdate(),
        },
    )


ACTION_TEXT = {
    services.ReferralAction.ACCEPT: (
        gettext_lazy("Accept the referral"),
        gettext_lazy("Your agency takes on this referral. The sender sees that it is accepted."),
    ),
    services.ReferralAction.START: (
        gettext_lazy("Start work on the referral"),
        gettext_lazy("The referral is marked in progress."),
    ),
    services.ReferralAction.DONE: (
        gettext_lazy("Mark the referral done"),
        gettext_lazy(
            "The referral is closed as done. The support you gave is recorded on the person's "
            "timeline and meets their open need of the same kind."
        ),
    ),
    services.ReferralAction.DECLINE: (
        gettext_lazy("Decline the referral"),
        gettext_lazy("The referral is closed as declined; the sender sees your reason."),
    ),
}


@allow(read=REFERRAL_RECEIVERS, write=REFERRAL_RECEIVERS)
def referral_respond(request: HttpRequest, pk: str, action: str) -> HttpResponse:
    """Confirm, then apply, one step of the receiving agency's answer."""
    if action not in services.REFERRAL_TRANSITIONS:
        raise Http404
    referral = get_visible_or_404(
        Referral.objects.visible_to(request.user).select_related("person", "to_agency"), pk=pk
    )
    if request.user.agency_id != referral.to_agency_id:
        raise PermissionDenied
    form = ReferralActionForm(
        request.POST or None, action=action, initial={"version": referral.version}
    )
    done = save_form(
        request,
        form,
        lambda data: services.transition_referral(
            referral, action=action, **service_arguments(data), acting_user=request.user
        ),
        success=lambda saved: (
            _("Recorded: the referral is now “%(status)s”.")
            % {"status": ReferralStatus(referral.status).label}
        ),
        then=_referral_url(referral),
        record=referral,
    )
    if done:
        return done
    title, explanation = ACTION_TEXT[action]
    return render(
        request,
        "support/referral_respond.html",
        {
            "referral": referral,
            "form": form,
            "title": title,
            "explanation": explanation,
            "action": action,
            "allowed": action in services.allowed_referral_actions(referral, request.user),
        },
    )
