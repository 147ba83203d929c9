"""Helpers shared by the support and jobs views."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.registry.access import in_jurisdiction
from taihoanhap.registry.models import Person
from taihoanhap.support.access import POLICE


def get_person(request: HttpRequest, pk: Any) -> Person:
    """The person if they lie in the user's scope; 404 otherwise (missing or not yours)."""
    return get_visible_or_404(Person.objects.visible_to(request.user), pk=pk)


def get_person_to_act_on(request: HttpRequest, pk: Any) -> Person:
    """The person, for a write: police act only on persons of their own jurisdiction (they may
    read a person whose transfer to them is pending, but not act before accepting it)."""
    person = get_person(request, pk)
    if request.user.role in POLICE and not in_jurisdiction(request.user, person):
        raise PermissionDenied
    return person


def person_page_url(person: Person) -> str:
    """Where to go back to after an action on a person: the person's support page."""
    return reverse("support:person_support", kwargs={"pk": person.pk})


def registry_person_url(person: Person) -> str | None:
    """The registry's person page, when that page is installed."""
    try:
        return reverse("registry:person_detail", kwargs={"pk": person.pk})
    except NoReverseMatch:
        return None
