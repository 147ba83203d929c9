"""Reads of the support app: what a person page and the lists show, each in fixed queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from taihoanhap.core.citizen_id import citizen_id_query
from taihoanhap.core.text import normalize_text, search_key
from taihoanhap.registry.models import OPEN_STATUSES, Case, Person
from taihoanhap.support.access import sees_health
from taihoanhap.support.models import (
    SENSITIVE_MEASURES,
    SENSITIVE_NEEDS,
    Certificate,
    Enrolment,
    Need,
    Referral,
    SupportMeasure,
)

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User

SEARCH_LIMIT = 20


def find_persons(user: User, query: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """People with an open case in `user`'s scope matching a name or an ID number.

    The query arrives by POST and is never put in a URL (no personal data in addresses)."""
    text = normalize_text(query)
    number = citizen_id_query(text)
    qs = Person.objects.visible_to(user).filter(
        id__in=Case.objects.filter(status__in=OPEN_STATUSES).values("person_id")
    )
    qs = qs.select_related("commune")
    if number:
        qs = qs.filter(citizen_id=number)
    else:
        key = search_key(text)
        if len(key) < 2:
            return []
        qs = qs.filter(Q(name_key__startswith=key) | Q(name_key__contains=f" {key}"))
    return list(qs.order_by("name_key")[:limit])


def needs_of(person: Person, user: User) -> list[Need]:
    qs = Need.objects.filter(person=person).select_related("met_by").order_by("status", "kind")
    if not sees_health(user):
        qs = qs.exclude(kind__in=SENSITIVE_NEEDS)
    return list(qs)


def measures_of(person: Person, user: User) -> list[SupportMeasure]:
    qs = SupportMeasure.objects.filter(person=person).select_related("agency")
    if not sees_health(user):
        qs = qs.exclude(kind__in=SENSITIVE_MEASURES)
    return list(qs)


def referrals_of(person: Person, user: User) -> list[Referral]:
    return list(
        Referral.objects.visible_to(user)
        .filter(person=person)
        .select_related("from_agency", "to_agency")
    )


def enrolments_of(person: Person) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(person=person).select_related("course", "course__facility")
    )


def certificates_of(person: Person) -> list[Certificate]:
    return list(Certificate.objects.filter(person=person))


def referral_list_qs(user: User) -> QuerySet[Referral]:
    return Referral.objects.visible_to(user).select_related(
        "person", "person__commune", "from_agency", "to_agency"
    )


def current_cases(person_ids: list[Any]) -> dict[Any, Case]:
    """The current (most recent) case of each person, in one query."""
    found: dict[Any, Case] = {}
    if not person_ids:
        return found
    for case in (
        Case.objects.filter(person_id__in=person_ids)
        .select_related("release")
        .order_by("person_id", "-created_at")
    ):
        found.setdefault(case.person_id, case)
    return found


def pick_person(request: Any) -> tuple[Any, list[Person] | None]:
    """The person search of a POSTed form: the form and its results (None before a search)."""
    from taihoanhap.support.forms import PersonSearchForm

    search = PersonSearchForm(request.POST or None)
    if request.method == "POST" and search.is_valid():
        return search, find_persons(request.user, search.cleaned_data["q"])
    return search, None
