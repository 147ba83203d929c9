"""Helpers of the list and form pages, shared by the apps (framework-level, no domain).

They were first written for credit and then used by programme, a sibling that must not import
credit; they belong to no domain, so they live here.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest


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
    """The current query string without its page number (for the pager's links)."""
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
