"""core.editing: the write step of every form page (save, conflict, a service's refusal)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from taihoanhap.core.editing import save_form, service_arguments, show_errors
from taihoanhap.core.locking import StaleRecordError


class NoteForm(forms.Form):
    title = forms.CharField()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _request(method: str = "post", data: dict[str, Any] | None = None) -> Any:
    request = getattr(RequestFactory(), method)("/notes/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _texts(request: Any) -> list[str]:
    return [str(message) for message in get_messages(request)]


def _never(data: dict[str, Any]) -> None:
    raise AssertionError("save must not run")


def _refuse(error: Exception):
    def save(data: dict[str, Any]) -> None:
        raise error

    return save


def test_a_get_shows_the_form_without_saving():
    request = _request("get")
    assert save_form(request, NoteForm(), _never, success="Saved.", then="/") is None


def test_an_invalid_form_is_shown_again_without_saving():
    request = _request(data={"title": ""})
    form = NoteForm(request.POST)
    assert save_form(request, form, _never, success="Saved.", then="/") is None
    assert "title" in form.errors
    assert _texts(request) == []


def test_a_valid_form_saves_says_so_and_redirects():
    request = _request(data={"title": "Họp tổ", "version": "3"})
    saved: list[dict[str, Any]] = []
    response = save_form(
        request, NoteForm(request.POST), saved.append, success="Saved.", then="/notes/7/"
    )
    assert saved == [{"title": "Họp tổ", "version": 3}]
    assert response.status_code == 302 and response["Location"] == "/notes/7/"
    assert _texts(request) == ["Saved."]


def test_the_message_and_the_redirect_may_depend_on_what_was_saved():
    request = _request(data={"title": "Họp tổ"})
    response = save_form(
        request,
        NoteForm(request.POST),
        lambda data: 42,
        success=lambda number: f"Recorded note {number}.",
        then=lambda number: f"/notes/{number}/",
    )
    assert response["Location"] == "/notes/42/"
    assert _texts(request) == ["Recorded note 42."]


def test_a_conflict_keeps_the_entries_and_says_what_happened():
    request = _request(data={"title": "Họp tổ", "version": "3"})
    form = NoteForm(request.POST)
    error = StaleRecordError(str(StaleRecordError.message))
    assert save_form(request, form, _refuse(error), success="Saved.", then="/") is None
    assert form.non_field_errors() == [str(StaleRecordError.message)]
    assert form["title"].value() == "Họp tổ"
    assert form["version"].value() == "3"  # no record given: nothing to read the version from
    assert _texts(request) == []


def test_a_services_refusal_of_one_field_shows_beside_that_field():
    request = _request(data={"title": "Họp tổ"})
    form = NoteForm(request.POST)
    error = ValidationError({"title": "Already used."})
    assert save_form(request, form, _refuse(error), success="Saved.", then="/") is None
    assert form.errors["title"] == ["Already used."]
    assert not form.non_field_errors()


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("The course is full."),
        ValidationError({"course": "The course is full."}),  # not a field of this form
    ],
)
def test_a_services_refusal_about_the_record_shows_at_the_top(error):
    form = NoteForm({"title": "Họp tổ"})
    assert form.is_valid()
    show_errors(form, error)
    assert form.non_field_errors() == ["The course is full."]


def test_every_message_of_a_refusal_is_shown():
    form = NoteForm({"title": "Họp tổ"})
    assert form.is_valid()
    show_errors(form, ValidationError({"title": ["Too short.", "Already used."]}))
    assert form.errors["title"] == ["Too short.", "Already used."]


def test_service_arguments_pass_the_version_read_as_the_expected_one():
    data = {"status": "met", "note": "", "version": 4}
    assert service_arguments(data) == {"status": "met", "note": "", "expected_version": 4}
    assert data["version"] == 4  # the form's data stays as it was
    assert service_arguments({"title": "x"}) == {"title": "x"}
