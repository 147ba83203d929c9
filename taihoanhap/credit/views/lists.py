"""Form 01: the commune's list of returnees who may borrow, and its confirmation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import communes_in_scope, get_visible_or_404
from taihoanhap.audit.services import record_view
from taihoanhap.core.editing import save_form, service_arguments
from taihoanhap.core.paging import paginate
from taihoanhap.credit import services
from taihoanhap.credit.access import (
    CONFIRMERS,
    EXPORTERS,
    LOAN_DRAFTERS,
    LOAN_READERS,
    may_confirm_for,
    require_confirmer,
)
from taihoanhap.credit.eligibility import completion_date
from taihoanhap.credit.forms import (
    ConfirmForm,
    DatedConfirmForm,
    EntryForm,
    ListCreateForm,
    ListFilterForm,
    ReturnListForm,
)
from taihoanhap.credit.models import EligibleList, EligibleListEntry, ListStatus
from taihoanhap.credit.selectors import borrowable_persons, list_statuses, lists_for
from taihoanhap.credit.views.common import get_list, today
from taihoanhap.registry.access import person_scope_q


def visible_entries(eligible_list: EligibleList, user: Any) -> list[EligibleListEntry]:
    """The list's entries for persons in the user's scope (a person who moved away drops out of
    the old commune's view), with what the form shows (no offence, no sentence)."""
    entries = (
        eligible_list.entries.filter(person_scope_q(user, prefix="person__"))
        .select_related("person", "person__commune", "case__release__sentence")
        .order_by("person__name_key")
    )
    rows = list(entries)
    for entry in rows:
        entry.completed_on = completion_date(entry.case)
    return rows


@allow(read=LOAN_READERS)
def list_index(request: HttpRequest) -> HttpResponse:
    form = ListFilterForm(
        request.GET or None, communes=communes_in_scope(request.user), statuses=list_statuses()
    )
    lists = lists_for(request.user)
    if form.is_valid():
        if form.cleaned_data.get("status"):
            lists = lists.filter(status=form.cleaned_data["status"])
        if form.cleaned_data.get("commune"):
            lists = lists.filter(commune=form.cleaned_data["commune"])
    return render(
        request,
        "credit/list_index.html",
        {
            **paginate(request, lists.order_by("-drawn_up_on", "-created_at"), 25),
            "form": form,
            "may_draw_up": request.user.role in LOAN_DRAFTERS,
        },
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def list_create(request: HttpRequest) -> HttpResponse:
    communes = communes_in_scope(request.user)
    form = ListCreateForm(request.POST or None, initial={"drawn_up_on": today()})
    commune = communes.first() if communes.count() == 1 else None
    if request.method == "POST" and form.is_valid():
        if commune is None:
            form.add_error(None, _("Only the police of one commune draw up its Form 01."))
        else:
            eligible_list = services.create_list(
                commune=commune,
                drawn_up_on=form.cleaned_data["drawn_up_on"],
                number=form.cleaned_data["number"],
                acting_user=request.user,
            )
            messages.success(request, _("Recorded: a new Form 01 list has been started."))
            return redirect("credit:list_detail", pk=eligible_list.pk)
    return render(request, "credit/list_create.html", {"form": form, "commune": commune})


def _detail_url(eligible_list: EligibleList) -> str:
    return reverse("credit:list_detail", kwargs={"pk": eligible_list.pk})


@allow(read=LOAN_READERS)
def list_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    record_view(request.user, eligible_list)
    return render(request, "credit/list_detail.html", _detail_context(request, eligible_list))


def _detail_context(
    request: HttpRequest, eligible_list: EligibleList, entry_form: EntryForm | None = None
) -> dict[str, Any]:
    user = request.user
    entries = visible_entries(eligible_list, user)
    is_draft = eligible_list.status == ListStatus.DRAFT
    may_edit = user.role in LOAN_DRAFTERS and is_draft
    if may_edit and entry_form is None:
        entry_form = EntryForm(persons=_addable_persons(eligible_list, user))
    return {
        "list": eligible_list,
        "entries": entries,
        "hidden_count": eligible_list.entries.count() - len(entries),
        "entry_form": entry_form if may_edit else None,
        "may_edit": may_edit,
        "may_confirm": eligible_list.status == ListStatus.SUBMITTED
        and may_confirm_for(user, eligible_list.commune_id),
        "may_export": user.role in EXPORTERS,
    }


def _addable_persons(eligible_list: EligibleList, user: Any) -> Any:
    return (
        borrowable_persons(user)
        .filter(commune_id=eligible_list.commune_id)
        .exclude(pk__in=eligible_list.entries.values("person_id"))
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def list_add_entry(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    form = EntryForm(request.POST or None, persons=_addable_persons(eligible_list, request.user))
    done = save_form(
        request,
        form,
        lambda data: services.add_entry(
            eligible_list, **service_arguments(data), acting_user=request.user
        ),
        success=lambda entry: (
            _("Recorded: %(person)s is on the list.") % {"person": form.cleaned_data["person"]}
        ),
        then=_detail_url(eligible_list),
    )
    return done or render(
        request,
        "credit/list_detail.html",
        _detail_context(request, eligible_list, entry_form=form),
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def list_remove_entry(request: HttpRequest, pk: Any, entry: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    entries = eligible_list.entries.filter(person_scope_q(request.user, prefix="person__"))
    chosen = get_visible_or_404(entries.select_related("person"), pk=entry)
    form = ConfirmForm(request.POST or None, initial={"version": eligible_list.version})
    done = save_form(
        request,
        form,
        lambda data: services.remove_entry(chosen, acting_user=request.user),
        success=_("Recorded: %(person)s is off the list.") % {"person": chosen.person},
        then=_detail_url(eligible_list),
    )
    return done or render(
        request,
        "credit/list_action.html",
        {
            "list": eligible_list,
            "form": form,
            "title": _("Take a person off the list"),
            "explanation": _("%(person)s will no longer be on this Form 01 list.")
            % {"person": chosen.person},
            "button": _("Take off the list"),
            "danger": True,
        },
    )


def _list_step(
    request: HttpRequest,
    eligible_list: EligibleList,
    form: Any,
    perform: Any,
    *,
    title: str,
    explanation: str,
    button: str,
    success: str,
    blocked: str = "",
    danger: bool = False,
) -> HttpResponse:
    done = None
    if not blocked:
        done = save_form(
            request,
            form,
            perform,
            success=lambda result: result if isinstance(result, str) else success,
            then=_detail_url(eligible_list),
            record=eligible_list,
        )
    return done or render(
        request,
        "credit/list_action.html",
        {
            "list": eligible_list,
            "form": form,
            "title": title,
            "explanation": explanation,
            "button": button,
            "blocked": blocked,
            "danger": danger,
        },
    )


@allow(read=LOAN_DRAFTERS, write=LOAN_DRAFTERS)
def list_submit(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    form = ConfirmForm(request.POST or None, initial={"version": eligible_list.version})
    return _list_step(
        request,
        eligible_list,
        form,
        lambda data: services.submit_list(
            eligible_list,
            expected_version=data["version"],
            today=today(),
            acting_user=request.user,
        ),
        title=_("Send Form 01 for confirmation"),
        explanation=_(
            "The list goes to the commune People's Committee for confirmation and can no "
            "longer be changed unless the Committee returns it."
        ),
        button=_("Send for confirmation"),
        success=_("Recorded: the list was sent to the commune People's Committee."),
        blocked=""
        if eligible_list.status == ListStatus.DRAFT
        else _("Only a list being drawn up can be sent for confirmation."),
    )


@allow(read=CONFIRMERS, write=CONFIRMERS)
def list_confirm(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    require_confirmer(request.user, eligible_list.commune_id)
    form = DatedConfirmForm(
        request.POST or None,
        initial={"version": eligible_list.version},
        today=today(),
        label=_("Confirmed on"),
    )

    def perform(data: dict[str, Any]) -> str:
        moved = services.confirm_list(
            eligible_list,
            confirmed_on=data["on"],
            expected_version=data["version"],
            acting_user=request.user,
        )
        return _("Recorded: Form 01 is confirmed; %(count)s loan application(s) moved on.") % {
            "count": len(moved)
        }

    return _list_step(
        request,
        eligible_list,
        form,
        perform,
        title=_("Confirm Form 01"),
        explanation=_(
            "The People's Committee confirms that the persons listed live in the commune, abide "
            "by the law and are not involved in social evils. Their draft loan applications "
            "move on to the bank's process. The confirmation carries your name."
        ),
        button=_("Confirm the list"),
        success=_("Recorded: Form 01 is confirmed."),
        blocked=""
        if eligible_list.status == ListStatus.SUBMITTED
        else _("Only a list awaiting confirmation can be confirmed."),
    )


@allow(read=CONFIRMERS, write=CONFIRMERS)
def list_return(request: HttpRequest, pk: Any) -> HttpResponse:
    eligible_list = get_list(request, pk)
    require_confirmer(request.user, eligible_list.commune_id)
    form = ReturnListForm(request.POST or None, initial={"version": eligible_list.version})
    return _list_step(
        request,
        eligible_list,
        form,
        lambda data: services.return_list(
            eligible_list,
            reason=data["reason"],
            expected_version=data["version"],
            acting_user=request.user,
        ),
        title=_("Return Form 01 for correction"),
        explanation=_("The list goes back to the commune police with what must be corrected."),
        button=_("Return the list"),
        success=_("Recorded: the list was returned to the commune police."),
        blocked=""
        if eligible_list.status == ListStatus.SUBMITTED
        else _("Only a list awaiting confirmation can be returned."),
        danger=True,
    )
