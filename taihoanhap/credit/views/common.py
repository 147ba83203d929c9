"""Helpers shared by the credit views."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from django.utils import timezone

from taihoanhap.accounts.scope import get_visible_or_404
from taihoanhap.credit.models import EligibleList, LoanApplication
from taihoanhap.credit.selectors import applications_for


def today() -> date:
    return timezone.localdate()


def get_application(request: HttpRequest, pk: Any) -> LoanApplication:
    """The application if it lies in the user's scope, else 404 (never 403)."""
    qs = applications_for(request.user).select_related(
        "case__release", "list_entry__eligible_list", "employer__commune"
    )
    return get_visible_or_404(qs, pk=pk)


def get_list(request: HttpRequest, pk: Any) -> EligibleList:
    qs = EligibleList.objects.visible_to(request.user).select_related(
        "commune", "drawn_up_by", "confirmed_by"
    )
    return get_visible_or_404(qs, pk=pk)


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field, or at the top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item.messages[0] if hasattr(item, "messages") else item)
        return
    for message in error.messages:
        form.add_error(None, message)


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def sort_links(request: HttpRequest, keys: dict[str, str]) -> dict[str, str]:
    """For each sortable column, the query string that sorts by it (toggling direction)."""
    current = request.GET.get("sort", "")
    links = {}
    for column, key in keys.items():
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if current == key else key
        links[column] = query.urlencode()
    return links


__all__ = ["NON_FIELD_ERRORS", "add_errors", "get_application", "get_list", "today"]
