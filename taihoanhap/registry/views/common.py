"""What the registry's views share: fetching with scope, and showing a form's answers back."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import Role
from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.registry.access import PERSON_READERS, REGISTRY_WRITERS, in_jurisdiction
from taihoanhap.registry.models import Case, Person

PRINT_READERS = REGISTRY_WRITERS | {Role.INSPECTOR}
QUEUE_READERS = PERSON_READERS


def person_to_write(user: Any, pk: Any) -> Person:
    """A person the user may act on: in their own jurisdiction (else 404, like outside scope)."""
    person = get_visible_or_404(
        Person.objects.visible_to(user).select_related("commune", "province"), pk=pk
    )
    if not in_jurisdiction(user, person):
        raise Http404
    return person


def case_to_write(user: Any, pk: Any) -> Case:
    case = get_visible_or_404(
        Case.objects.visible_to(user).select_related(
            "person__commune", "person__province", "release__sentence", "officer"
        ),
        pk=pk,
    )
    if not in_jurisdiction(user, case.person):
        raise Http404
    return case


def display_value(field: forms.Field, value: Any) -> str:
    """A cleaned value as the officer should read it on the confirmation step."""
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.TypedChoiceField):
        for key, label in field.choices:
            if key != "" and field.coerce(key) == value:
                return str(label)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def answers(form: forms.Form) -> list[tuple[str, str]]:
    """(label, value) for every visible field of a valid form."""
    return [
        (str(field.label), display_value(field, form.cleaned_data.get(name)))
        for name, field in form.fields.items()
        if not field.widget.is_hidden
    ]


def form_page(
    request: HttpRequest, form: forms.BaseForm, person: Person, **context: Any
) -> HttpResponse:
    """`registry/form.html`: a form about one person (title, submit label, lead as given)."""
    return render(request, "registry/form.html", {"form": form, "person": person, **context})
