"""ValidatingModelForm validates like a ModelForm but leaves the record it was given as read."""

from __future__ import annotations

from datetime import date

import pytest

from taihoanhap.core.forms import ValidatingModelForm
from taihoanhap.core.models import DayOverride

pytestmark = pytest.mark.django_db


class DayOverrideForm(ValidatingModelForm):
    class Meta:
        model = DayOverride
        fields = ["date", "is_working_day", "reason"]


def test_the_record_given_to_the_form_keeps_its_values_while_the_form_validates():
    # The service diffs this very object (before/after) for the audit trail after the form.
    record = DayOverride.objects.create(date=date(2026, 3, 9), is_working_day=False, reason="Nghỉ")
    form = DayOverrideForm(
        {"date": "2026-03-09", "is_working_day": "on", "reason": "Làm bù"}, instance=record
    )
    assert form.is_valid(), form.errors
    assert (record.is_working_day, record.reason) == (False, "Nghỉ")
    assert form.instance is not record
    assert form.instance.pk == record.pk and form.instance.reason == "Làm bù"


def test_the_model_validation_still_runs_on_the_copy():
    DayOverride.objects.create(date=date(2026, 3, 9), is_working_day=False, reason="Nghỉ")
    other = DayOverride.objects.create(date=date(2026, 3, 16), is_working_day=False, reason="Nghỉ")
    form = DayOverrideForm(
        {"date": "2026-03-09", "is_working_day": "", "reason": "Nghỉ"}, instance=other
    )
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["date"]] == ["unique"]
    assert other.date == date(2026, 3, 16)


def test_a_model_date_is_read_by_the_shared_date_field_and_says_what_is_wrong():
    form = DayOverrideForm({"date": "31/02/2026", "is_working_day": "", "reason": "Nghỉ"})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["date"]] == ["impossible"]
    assert DayOverrideForm({"date": "abc", "reason": "x"}).errors.as_data()["date"][0].code == (
        "invalid"
    )


def test_a_model_date_may_lie_ahead_and_is_typed_day_first():
    form = DayOverrideForm({"date": "01/02/2099", "is_working_day": "on", "reason": "Làm bù"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date"] == date(2099, 2, 1)
