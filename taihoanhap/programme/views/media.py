"""Media and public-awareness activities, with counts and totals per outlet, channel, period."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import communes_in_scope, get_visible_or_404
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.editing import save_form
from taihoanhap.core.paging import paginate, sort_links
from taihoanhap.core.xlsx import response
from taihoanhap.programme import services
from taihoanhap.programme.access import MEDIA_READERS, MEDIA_WRITERS
from taihoanhap.programme.exports import media_workbook
from taihoanhap.programme.forms import MediaEditForm, MediaFilterForm, MediaForm
from taihoanhap.programme.models import Channel, MediaActivity
from taihoanhap.programme.selectors import media_totals
from taihoanhap.programme.views.common import form_page

EXPORT_LIMIT = 10000


def _activities(request: HttpRequest) -> Any:
    return MediaActivity.objects.visible_to(request.user).select_related("commune")


def _filtered(request: HttpRequest) -> tuple[MediaFilterForm, Any, str]:
    form = MediaFilterForm(request.GET or None)
    activities = _activities(request)
    group = "outlet"
    order = "-published_on"
    if form.is_valid():
        data = form.cleaned_data
        if data.get("channel"):
            activities = activities.filter(channel=data["channel"])
        if data.get("topic"):
            activities = activities.filter(topic=data["topic"])
        if data.get("outlet"):
            activities = activities.filter(outlet__icontains=data["outlet"].strip())
        if data.get("date_from"):
            activities = activities.filter(published_on__gte=data["date_from"])
        if data.get("date_to"):
            activities = activities.filter(published_on__lte=data["date_to"])
        group = data.get("group") or group
        order = MediaFilterForm.SORTS.get(data.get("sort") or "date", order)
    return form, activities.order_by(order, "-created_at"), group


@allow(read=MEDIA_READERS)
def media_list(request: HttpRequest) -> HttpResponse:
    form, activities, group = _filtered(request)
    totals = media_totals(activities, group)
    channel_labels = dict(Channel.choices)
    for row in totals:
        if group == "channel":
            row["label"] = channel_labels.get(row["channel"], row["channel"])
        elif group == "outlet":
            row["label"] = row["outlet"]
    return render(
        request,
        "programme/media_list.html",
        {
            **paginate(request, activities, 25),
            "form": form,
            "sorts": sort_links(request, {"date": "date", "outlet": "outlet"}),
            "group": group,
            "totals": totals,
            "total_count": sum(row["n"] for row in totals),
            "total_minutes": sum(row["minutes"] or 0 for row in totals),
            "total_words": sum(row["words"] or 0 for row in totals),
            "may_write": request.user.role in MEDIA_WRITERS,
        },
    )


@allow(read=MEDIA_READERS)
def media_export(request: HttpRequest) -> HttpResponse:
    _, activities, _group = _filtered(request)
    rows = list(activities[:EXPORT_LIMIT])
    record_export(
        request.user,
        len(rows),
        object_type=MediaActivity._meta.label_lower,
        note=f"media.xlsx, {len(rows)} rows",
    )
    return response(media_workbook(rows), "truyen-thong.xlsx")


@allow(read=MEDIA_WRITERS, write=MEDIA_WRITERS)
def media_create(request: HttpRequest) -> HttpResponse:
    initial = {"outlet": str(request.user.agency) if request.user.agency_id else ""}
    form = MediaForm(
        request.POST or None, initial=initial, communes=communes_in_scope(request.user)
    )
    done = save_form(
        request,
        form,
        lambda data: services.create_media(data=form.media_data(), acting_user=request.user),
        success=_("Recorded: the media activity."),
        then="programme:media_list",
    )
    return done or form_page(
        request, form, _("Record a media activity"), cancel_url=reverse("programme:media_list")
    )


@allow(read=MEDIA_READERS, write=MEDIA_WRITERS)
def media_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    """The activity, and for the media officer the form to correct it."""
    activity = get_visible_or_404(_activities(request), pk=pk)
    form = None
    if request.user.role in MEDIA_WRITERS:
        form = MediaEditForm(
            request.POST or None,
            initial={
                **{name: getattr(activity, name) for name in services.MEDIA_FIELDS},
                "version": activity.version,
            },
            communes=communes_in_scope(request.user),
        )
        done = save_form(
            request,
            form,
            lambda data: services.update_media(
                activity,
                data=form.media_data(),
                expected_version=data["version"],
                acting_user=request.user,
            ),
            success=_("Recorded: the corrections to the media activity."),
            then="programme:media_list",
            record=activity,
        )
        if done:
            return done
    if request.method == "GET":
        record_view(request.user, activity)
    return render(request, "programme/media_detail.html", {"activity": activity, "form": form})
