"""Acting on a case (form → confirmation → service → message), answering incoming transfers,
and the printable forms HCD-02, HCD-03 and HCD-05.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404, scope_for
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import show_errors
from taihoanhap.core.locking import StaleRecordError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.access import REGISTRY_WRITERS, can_see_offence, transfers_into
from taihoanhap.registry.actions import ACTIONS, CaseAction
from taihoanhap.registry.case_forms import TransferDecisionForm
from taihoanhap.registry.models import Case, Release, TransferStatus
from taihoanhap.registry.views.common import PRINT_READERS, answers, case_to_write, form_page


def _render_action(request: HttpRequest, action: CaseAction, case: Case, form: Any) -> HttpResponse:
    return form_page(
        request,
        form,
        case.person,
        case=case,
        title=action.title,
        submit=_("Continue") if action.confirm else _("Save"),
        refresh=action.slug == "chuyen-xa",
        multipart=False,
    )


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def case_action(request: HttpRequest, pk: Any, action: str) -> HttpResponse:
    """One action on a case: the form, then (for state changes) a confirmation saying what will
    happen, then the service; a conflict or an illegal transition comes back as a clear error
    with everything typed kept.
    """
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    case = case_to_write(request.user, pk)
    if not spec.available(case):
        messages.error(
            request,
            _("“%(action)s” is not possible while the case is “%(status)s”.")
            % {"action": spec.title, "status": case.get_status_display()},
        )
        return redirect(case.person)
    if request.method != "POST":
        return _render_action(request, spec, case, spec.form(case=case, user=request.user))
    if "refresh" in request.POST:
        return _render_action(
            request,
            spec,
            case,
            spec.form(initial=request.POST.dict(), case=case, user=request.user),
        )
    data = request.POST.copy()
    form = spec.form(data, case=case, user=request.user)
    if not form.is_valid() or "back" in request.POST:
        return _render_action(request, spec, case, form)
    if spec.confirm and "confirmed" not in request.POST:
        return render(
            request,
            "registry/confirm.html",
            {
                "form": form,
                "answers": answers(form),
                "person": case.person,
                "title": spec.title,
                "what_happens": spec.confirm,
                "danger": spec.danger,
            },
        )
    try:
        spec.run(case, form.cleaned_data, request.user)
    except StaleRecordError as error:
        data["version"] = Case.objects.values_list("version", flat=True).get(pk=case.pk)
        if "release_version" in data:
            data["release_version"] = Release.objects.values_list("version", flat=True).get(
                pk=case.release_id
            )
        case.refresh_from_db()
        case.release.refresh_from_db()
        form = spec.form(data, case=case, user=request.user)
        form.is_valid()
        form.add_error(None, str(error))
        return _render_action(request, spec, case, form)
    except ValidationError as error:
        show_errors(form, error)
        return _render_action(request, spec, case, form)
    messages.success(request, spec.done)
    if spec.print_form:
        return redirect(f"{reverse('registry:person_detail', kwargs={'pk': case.person_id})}#print")
    return redirect(case.person)


# --- The receiving side of a transfer ----------------------------------------------------------


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def transfer_decide(request: HttpRequest, pk: Any) -> HttpResponse:
    """The receiving commune accepts or refuses a person moving in (404 for anyone else)."""
    transfer = get_visible_or_404(
        transfers_into(scope_for(request.user)).select_related(
            "person", "from_commune", "to_commune", "case__release"
        ),
        pk=pk,
    )
    if transfer.status != TransferStatus.PENDING:
        messages.info(request, _("This transfer has already been answered."))
        return redirect("registry:work_queue")
    data = request.POST.copy() if request.method == "POST" else None
    form = TransferDecisionForm(data)
    context = {"transfer": transfer, "form": form, "police": can_see_offence(request.user)}
    if request.method == "POST" and form.is_valid() and "back" not in request.POST:
        if "confirmed" not in request.POST:
            return render(
                request,
                "registry/confirm.html",
                {
                    "form": form,
                    "answers": answers(form),
                    "person": transfer.person,
                    "title": _("Answer the incoming transfer"),
                    "what_happens": _(
                        "If you accept, the person and their whole record move to your commune "
                        "and leave the sending commune's scope. If you refuse, the person stays "
                        "where they are."
                    ),
                },
            )
        decision = form.cleaned_data
        try:
            if decision["accept"]:
                lifecycle.accept_transfer(
                    transfer,
                    accepted_on=decision["decided_on"],
                    note=decision["note"],
                    acting_user=request.user,
                )
            else:
                lifecycle.reject_transfer(
                    transfer,
                    decided_on=decision["decided_on"],
                    note=decision["note"],
                    acting_user=request.user,
                )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if decision["accept"]:
                messages.success(
                    request,
                    _("The transfer has been accepted: %(name)s now lives in your commune.")
                    % {"name": transfer.person},
                )
                return redirect(transfer.person)
            messages.success(request, _("The transfer has been refused."))
            return redirect("registry:work_queue")
    return render(request, "registry/transfer_decide.html", context)


# --- Printable forms ---------------------------------------------------------------------------

PRINT_FORMS = {
    "hcd02": "registry/print/hcd02.html",
    "hcd03": "registry/print/hcd03.html",
    "hcd05": "registry/print/hcd05.html",
}


@allow(read=PRINT_READERS)
def case_print(request: HttpRequest, pk: Any, form: str) -> HttpResponse:
    """An A4 print layout of a legal form with what the system knows; every print audited."""
    template = PRINT_FORMS.get(form)
    if template is None:
        raise Http404
    case = get_visible_or_404(
        Case.objects.visible_to(request.user).select_related(
            "person__commune",
            "person__province",
            "person__permanent_commune",
            "release__sentence",
            "release__facility",
            "officer__agency",
        ),
        pk=pk,
    )
    record_view(request.user, case, note=f"print {form.upper()}")
    context = {
        "case": case,
        "person": case.person,
        "release": case.release,
        "sentence": case.release.sentence,
        "helpers": [h for h in case.helpers.all() if h.ended_on is None],
        "today": timezone.localdate(),
        "agency": getattr(request.user, "agency", None),
    }
    return render(request, template, context)
