"""Finding people, the person page, registering and correcting persons and sentences."""

from __future__ import annotations

import mimetypes
import secrets
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from taihoanhap.accounts.access import allow
from taihoanhap.accounts.scope import get_visible_or_404, scope_for
from taihoanhap.audit.services import record_export, record_view
from taihoanhap.core.editing import save_form
from taihoanhap.core.paging import query_without
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.core.xlsx import table_response
from taihoanhap.registry import services
from taihoanhap.registry.access import (
    PERSON_READERS,
    REGISTRY_WRITERS,
    can_see_offence,
    in_jurisdiction,
)
from taihoanhap.registry.actions import actions_for
from taihoanhap.registry.expungement import expungement_hint
from taihoanhap.registry.forms import (
    SORTS,
    OpenCaseForm,
    PersonFilterForm,
    PersonForm,
    SearchForm,
    SentenceForm,
)
from taihoanhap.registry.models import CaseStatus, Person, Sentence, TransferStatus
from taihoanhap.registry.panels import panels_for
from taihoanhap.registry.rows import (
    LIST_VALUES,
    action_links,
    deadline_rows,
    person_rows,
    timeline_rows,
)
from taihoanhap.registry.rules import rule
from taihoanhap.registry.selectors import (
    ParsedQuery,
    cases_for_page,
    page_of,
    parse_query,
    person_for_page,
    search_persons,
    sentences_for_page,
)
from taihoanhap.registry.summaries import term_label
from taihoanhap.registry.timeline import timeline_of
from taihoanhap.registry.views.common import form_page, person_to_write

SEARCHES = "registry_searches"  # session key: {opaque key: typed text}
KEPT_SEARCHES = 20
FILTER_NAMES = (
    "commune",
    "status",
    "klass",
    "released_from",
    "released_to",
    "born_from",
    "born_to",
)


# --- Finding people ----------------------------------------------------------------------------


def _store_search(request: HttpRequest) -> HttpResponse:
    """A search by name or ID number is POSTed; the URL gets an opaque key to it, never the
    text (no personal data in URLs, logs or browser history).
    """
    form = SearchForm(request.POST)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    params = QueryDict(mutable=True)
    for name in (*FILTER_NAMES, "sort"):
        if request.POST.get(name):
            params[name] = request.POST[name]
    if text:
        key = secrets.token_urlsafe(9)
        searches = dict(request.session.get(SEARCHES, {}))
        searches[key] = text
        request.session[SEARCHES] = dict(list(searches.items())[-KEPT_SEARCHES:])
        params["s"] = key
    url = reverse("registry:person_list")
    return redirect(f"{url}?{params.urlencode()}" if params else url)


def _listing(request: HttpRequest) -> tuple[QuerySet[Person], dict[str, Any]]:
    """The people the current list shows (search text from the session, filters from the URL)."""
    user = request.user
    offence = can_see_offence(user)
    key = request.GET.get("s", "")
    text = request.session.get(SEARCHES, {}).get(key, "") if key else ""
    expired = bool(key) and not text
    filters = PersonFilterForm(request.GET or None, user=user, offence_fields=offence)
    cleaned = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    sort = cleaned.get("sort") or "name"
    query = parse_query(text) if text else ParsedQuery()
    persons = search_persons(user, query, cleaned, SORTS[sort])
    return persons, {
        "filters": filters,
        "text": text,
        "expired": expired,
        "sort": sort,
        "offence": offence,
        "search_form": SearchForm(initial={"q": text}),
    }


@allow(read=PERSON_READERS, write=PERSON_READERS)
@never_cache
def person_list(request: HttpRequest) -> HttpResponse:
    """People in the user's scope: search (POST), filters in the URL, capped count, pages."""
    if request.method == "POST":
        return _store_search(request)
    persons, context = _listing(request)
    page = page_of(
        persons.values_list(*LIST_VALUES),
        request.GET.get("page"),
        rule("LIST_PAGE_SIZE"),
        counted=persons,
        cap=rule("COUNT_CAP"),
    )
    total, more = page.total, page.more
    context.update(
        page=page,
        total=total,
        more=more,
        cap=rule("COUNT_CAP"),
        query=query_without(request, "page"),
        unsorted=query_without(request, "page", "sort"),
        unsearched=query_without(request, "page", "s"),
        rows=person_rows(page.object_list, offence=context["offence"]),
        may_create=request.user.role in REGISTRY_WRITERS,
        hidden_filters=[
            (name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)
        ],
    )
    return render(request, "registry/person_list.html", context)


@allow(read=PERSON_READERS)
def person_export(request: HttpRequest) -> HttpResponse:
    """The current list as an Excel file; audited. No offence columns for roles that may not
    see them (a bank officer's file has identity, residence and release date only).
    """
    persons, context = _listing(request)
    offence = context["offence"]
    limit = rule("EXPORT_MAX_ROWS")
    related = ["commune"]
    if offence:
        related.append("current_case__release__sentence")
    header = [
        _("Full name"),
        _("Date of birth"),
        _("Sex"),
        _("Personal identification number"),
        _("Commune, ward or special zone"),
        _("Current address"),
        _("Release date"),
    ]
    if offence:
        header += [
            _("Status"),
            _("Classification"),
            _("Release type"),
            _("Offences"),
            _("Criminal Code articles"),
            _("Term"),
        ]
    count = 0

    def lines() -> Iterator[list[Any]]:
        nonlocal count
        for person in persons.select_related(*related)[:limit].iterator(chunk_size=2000):
            line = [
                person.full_name,
                person.birth_label,
                person.get_sex_display(),
                person.citizen_id or "",
                str(person.commune),
                person.current_address,
                f"{person.release_date:%d/%m/%Y}" if person.release_date else "",
            ]
            if offence:
                case = person.current_case
                sentence = case.release.sentence if case else None
                line += [
                    person.get_case_status_display(),
                    person.case_class,
                    case.release.get_type_display() if case else "",
                    sentence.offences if sentence else "",
                    ", ".join(str(a) for a in sentence.penal_code_articles) if sentence else "",
                    term_label(sentence) if sentence else "",
                ]
            count += 1
            yield line

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = table_response(f"danh-sach-{stamp}.xlsx", _("Persons"), header, lines())
    record_export(
        request.user,
        count,
        object_type="registry.person",
        note=_export_note(context, count),
    )
    return response


def _export_note(context: dict[str, Any], count: int) -> str:
    """What was exported, without the personal data typed in the search."""
    filters = context["filters"]
    used = [
        name
        for name in FILTER_NAMES
        if filters.is_bound and filters.is_valid() and filters.cleaned_data.get(name)
    ]
    parts = [f"{count} rows"]
    if context["text"]:
        parts.append("search")
    if used:
        parts.append("filters: " + ", ".join(used))
    return "; ".join(parts)


# --- The person page ---------------------------------------------------------------------------


@allow(read=PERSON_READERS)
@never_cache
def person_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    user = request.user
    person = person_for_page(user, pk)
    record_view(user, person)
    police = can_see_offence(user)
    writer = in_jurisdiction(user, person)
    context: dict[str, Any] = {
        "person": person,
        "police": police,
        "writer": writer,
        "events": timeline_rows(timeline_of(person, user)),
        # The other agencies' sections, folded: each loads when opened (person_section).
        "panels": [
            (panel.title, reverse_pk("registry:person_section", person.pk, key=panel.key))
            for panel in panels_for(person, user)
        ],
        "today": timezone.localdate(),
    }
    if police:
        sentences = sentences_for_page(person)
        cases = cases_for_page(person, sentences)
        current = cases[0] if cases else None
        # (action, its link) for the case's current state.
        actions = (
            [
                (action, reverse_pk("registry:case_action", current.pk, action=action.slug))
                for action in actions_for(current)
            ]
            if writer and current
            else []
        )
        action_buttons, action_items = action_links(actions)
        context.update(
            cases=cases,
            current=current,
            sentences=sentences,
            actions=actions,
            action_buttons=action_buttons,
            action_items=action_items,
            deadline_rows=deadline_rows(current.open_deadlines, context["today"])
            if current
            else [],
            open_case=current is not None and not current.is_closed,
            hint=expungement_hint(current, has_reoffence=current.has_reoffences)
            if current and current.status in (CaseStatus.UNDER_MANAGEMENT, CaseStatus.ON_PROBATION)
            else None,
            incoming=[
                transfer
                for case in cases
                if case.has_transfers
                for transfer in case.transfers.all()
                if transfer.status == TransferStatus.PENDING
                and user.role in REGISTRY_WRITERS
                and scope_for(user).covers(
                    province_id=transfer.to_province_id, commune_id=transfer.to_commune_id
                )
            ],
        )
    return render(request, "registry/person_detail.html", context)


@allow(read=PERSON_READERS)
@never_cache
def person_section(request: HttpRequest, pk: Any, key: str) -> HttpResponse:
    """One of the other agencies' sections of the person page, when the officer opens it: the
    bare fragment for the page's script, a page of its own without script. Audited as a view.
    """
    user = request.user
    person = person_for_page(user, pk)
    panel = next((p for p in panels_for(person, user) if p.key == key), None)
    if panel is None:
        raise Http404
    record_view(user, person, note=key)
    # No request: the panel needs no context processor and holds no form.
    html = render_to_string(panel.template, {**panel.context, "person": person})
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(html)
    return render(
        request,
        "registry/person_section.html",
        {"person": person, "title": panel.title, "html": html},  # render_to_string: safe
    )


@allow(read=PERSON_READERS)
def person_photo(request: HttpRequest, pk: Any) -> HttpResponse:
    person = get_visible_or_404(Person.objects.visible_to(request.user), pk=pk)
    if not person.photo:
        raise Http404
    content_type = mimetypes.guess_type(person.photo.name)[0] or "application/octet-stream"
    response = FileResponse(person.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    return response


# --- Registering and correcting ----------------------------------------------------------------


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, user=request.user)
    done = save_form(
        request,
        form,
        lambda data: services.create_person(
            acting_user=request.user, commune=data["commune"], **form.person_data()
        ),
        success=lambda person: _("The person %(name)s has been registered.") % {"name": person},
        then=lambda person: person,
    )
    return done or render(
        request, "registry/person_form.html", {"form": form, "title": _("Register a person")}
    )


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def person_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    person = person_to_write(request.user, pk)
    if person.is_closed:
        messages.error(request, _("The record is closed (all cases ended): it is read-only."))
        return redirect(person)
    form = PersonForm(
        request.POST or None, request.FILES or None, user=request.user, instance=person
    )
    done = save_form(
        request,
        form,
        lambda data: services.update_person(
            person,
            expected_version=data["version"],
            acting_user=request.user,
            photo=data.get("photo") if "photo" in request.FILES else None,
            **form.person_data(),
        ),
        success=_("The changes have been saved."),
        then=person,
        record=person,
    )
    return done or render(
        request,
        "registry/person_form.html",
        {"form": form, "title": _("Correct the record of %(name)s") % {"name": person}},
    )


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def sentence_create(request: HttpRequest, pk: Any) -> HttpResponse:
    person = person_to_write(request.user, pk)
    form = SentenceForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: services.add_sentence(
            person, acting_user=request.user, **form.sentence_data()
        ),
        success=_("The sentence has been recorded."),
        then=person,
    )
    return done or form_page(
        request, form, person, title=_("Add a sentence"), submit=_("Save the sentence")
    )


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def sentence_edit(request: HttpRequest, pk: Any) -> HttpResponse:
    sentence = get_visible_or_404(
        Sentence.objects.filter(person__in=Person.objects.visible_to(request.user)), pk=pk
    )
    person = person_to_write(request.user, sentence.person_id)
    form = SentenceForm(request.POST or None, instance=sentence)
    done = save_form(
        request,
        form,
        lambda data: services.update_sentence(
            sentence,
            expected_version=data["version"],
            acting_user=request.user,
            **form.sentence_data(),
        ),
        success=_("The changes have been saved."),
        then=person,
        record=sentence,
    )
    return done or form_page(
        request, form, person, title=_("Correct the sentence"), submit=_("Save the changes")
    )


@allow(read=REGISTRY_WRITERS, write=REGISTRY_WRITERS)
def case_open(request: HttpRequest, pk: Any) -> HttpResponse:
    """Record the facility's pre-release notice (or an arrival without one): opens the case."""
    person = person_to_write(request.user, pk)
    if not person.sentences.exists():
        messages.info(request, _("Record the sentence first, then the notice."))
        return redirect("registry:sentence_create", pk=person.pk)
    form = OpenCaseForm(request.POST or None, person=person)
    done = save_form(
        request,
        form,
        lambda data: services.open_case(
            person,
            sentence=data["sentence"],
            release_type=data["release_type"],
            release_date=data["release_date"],
            facility=data["facility"],
            facility_name=data["facility_name"],
            notice_received_on=data["notice_received_on"],
            notice_sender=data["notice_sender"] or "",
            notice_reference=data["notice_reference"],
            probation_end=data["probation_end"],
            acting_user=request.user,
        ),
        success=_("The notice has been recorded: the person is expected to return."),
        then=person,
    )
    return done or form_page(
        request,
        form,
        person,
        title=_("Record a pre-release notice"),
        lead=_(
            "The facility notifies the commune about two months before the release. The "
            "address check falls due within 3 working days of receiving the notice."
        ),
        submit=_("Record the notice"),
    )
