"""The write step every form page shares: a valid POST calls a service, then says so and
redirects; a service's refusal or a concurrent edit comes back on the form.

Views stay thin (parse input, call a service, render) and every page answers a conflict
(`core.locking.StaleRecordError`) and a service's `ValidationError` the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from taihoanhap.core.locking import StaleRecordError

T = TypeVar("T")


class VersionField(forms.IntegerField):
    """The record's version when the form was opened (optimistic locking, core.locking)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, **kwargs)


class VersionForm(forms.Form):
    """A form that carries the version of the record the officer opened."""

    version = VersionField()


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: beside its field, or at the top when the
    form has no such field (a rule about the record rather than about one input)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, ValidationError(errors))
    else:
        form.add_error(None, error.messages)


def service_arguments(data: dict[str, Any]) -> dict[str, Any]:
    """A valid form's data as its service's keyword arguments.

    The forms name their fields as the services name their keyword-only parameters (a field
    the service lacks is a TypeError, not a silent drop); the hidden `version` the form was
    opened at is the service's `expected_version`.
    """
    arguments = dict(data)
    if "version" in arguments:
        arguments["expected_version"] = arguments.pop("version")
    return arguments


def save_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], T],
    *,
    success: str | Callable[[T], str],
    then: Any,
    record: models.Model | None = None,
) -> HttpResponse | None:
    """On a POST whose form is valid, `save(form.cleaned_data)` (the service call), then the
    `success` message and a redirect to `then` (anything `redirect()` takes). Each of the two
    may instead be a function of what `save` returned (the record it created, a message).

    None means "show the form (again)": a GET, an invalid or unbound form, a service's
    ValidationError (on the form), or a conflict: someone saved `record` after the form was
    opened. The conflict message goes at the top, the officer's entries stay, and the hidden
    version becomes the record's current one, so that saving again, knowingly, succeeds (as
    the message tells them).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save(form.cleaned_data)
    except StaleRecordError as error:
        form.add_error(None, str(error))
        if record is not None:
            _take_current_version(form, record)
        return None
    except ValidationError as error:
        show_errors(form, error)
        return None
    messages.success(request, success(result) if callable(success) else success)
    return redirect(then(result) if callable(then) else then)


def _take_current_version(form: forms.BaseForm, record: models.Model) -> None:
    """Put the record's stored version in the form's hidden field (rendered from form.data)."""
    if "version" not in form.fields:
        return
    current = (
        type(record)._default_manager.filter(pk=record.pk).values_list("version", flat=True).first()
    )
    if current is None:  # deleted meanwhile: nothing to save over
        return
    # form.data is a QueryDict (immutable for a POST) or a dict: both copy into one to change.
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix("version")] = current
    form.data = data
