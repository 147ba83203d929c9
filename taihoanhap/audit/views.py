from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import Role
from taihoanhap.audit.forms import AuditFilterForm
from taihoanhap.audit.selectors import events_visible_to, filter_events
from taihoanhap.audit.services import seal_views
from taihoanhap.core.paging import paginate

AUDIT_READERS = {Role.SYSTEM_ADMIN, Role.INSPECTOR}


@allow(read=AUDIT_READERS)
def event_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.all()
    if not (request.user.is_system_admin and request.user.agency_id is None):
        users = users.filter(agency__in=Agency.objects.visible_to(request.user))
    form = AuditFilterForm(request.GET or None, users=users.order_by("full_name"))
    seal_views()  # the trail shows every view, also those still waiting to be chained
    events = events_visible_to(request.user)
    if form.is_valid():
        events = filter_events(events, form.cleaned_data)
    return render(request, "audit/event_list.html", {"form": form, **paginate(request, events, 50)})
