"""What the support services share, and the jobs app with them: the text stored in records
and timelines, the person's open case, the acting user's agency.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import Case, Person

# --- Shared helpers ----------------------------------------------------------------------------


def record_text(message: Any, **params: Any) -> str:
    """A timeline summary in the language of the records (Vietnamese), whoever is signed in."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
        if params:
            text = text % {key: str(value) for key, value in params.items()}
    return text


def choice_labels(choices: Any, values: Iterable[str]) -> str:
    """Choice labels joined by commas, in the language of the records."""
    with translation.override(settings.LANGUAGE_CODE):
        return ", ".join(str(choices(value).label) for value in values)


def current_case(person: Person) -> Case | None:
    """The person's current case: the most recent one."""
    return Case.objects.filter(person=person).order_by("-created_at").first()


def require_open_case(person: Person) -> Case:
    case = current_case(person)
    if case is None or case.is_closed:
        raise TransitionError(
            _("This person has no open case: support can only be recorded on an open case."),
            code="no_open_case",
        )
    return case


def _require_agency(user: User) -> Agency:
    if user.agency is None:  # no query without an agency_id
        raise PermissionDenied
    return user.agency
