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
