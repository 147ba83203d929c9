"""The dated limits, rates and windows: read the history, record a new value."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.credit.access import PARAMETER_READERS, PARAMETER_WRITERS
from taihoanhap.credit.forms import ParameterForm
from taihoanhap.credit.models import CreditParameter
from taihoanhap.credit.parameters import parameters_on, rates_from
from taihoanhap.credit.services import add_parameter
from taihoanhap.credit.views.common import today


@allow(read=PARAMETER_READERS)
def parameter_list(request: HttpRequest) -> HttpResponse:
    day = today()
    current = parameters_on(day)
    rows = list(
        CreditParameter.objects.select_related("created_by").order_by("key", "-effective_from")
    )
    in_force = {row.pk for row in current.rows.values()}
    return render(
        request,
        "credit/parameter_list.html",
        {
            "rows": rows,
            "in_force": in_force,
            "rates": rates_from(current),
            "today": day,
            "may_add": request.user.role in PARAMETER_WRITERS,
        },
    )


@allow(read=PARAMETER_WRITERS, write=PARAMETER_WRITERS)
def parameter_add(request: HttpRequest) -> HttpResponse:
    form = ParameterForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: add_parameter(**service_arguments(data), acting_user=request.user),
        success=_("Recorded: the new value and the day it takes effect."),
        then="credit:parameter_list",
    )
    return done or render(request, "credit/parameter_form.html", {"form": form})
