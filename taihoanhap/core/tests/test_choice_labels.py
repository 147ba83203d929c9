"""get_<field>_display() from the per-language label table gives Django's own answers."""

from __future__ import annotations

import inspect

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import AgencyKind
from taihoanhap.core.models import ChoiceLabels, _display_from_the_table

CHOICE_FIELDS = [
    (model, field)
    for model in apps.get_models()
    if model.__module__.startswith("taihoanhap.")
    for field in model._meta.concrete_fields
    if field.choices
]


def test_every_model_with_choices_uses_the_label_table():
    assert CHOICE_FIELDS
    assert [m.__name__ for m, _ in CHOICE_FIELDS if not issubclass(m, ChoiceLabels)] == []
    methods = {
        (model.__name__, field.name): inspect.getattr_static(model, f"get_{field.name}_display")
        for model, field in CHOICE_FIELDS
    }
    assert {key: m for key, m in methods.items() if m.func is not _display_from_the_table} == {}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_same_label_as_django_for_every_choice_in_both_languages(language):
    with translation.override(language):
        for model, field in CHOICE_FIELDS:
            instance = model()
            display = getattr(instance, f"get_{field.name}_display")
            for value, _label in field.flatchoices:
                setattr(instance, field.attname, value)
                # Django's own method (private), read here only as the reference answer.
                assert display() == models.Model._get_FIELD_display(instance, field)


def test_the_label_follows_the_language_and_unknown_values_show_as_stored():
    agency = Agency(kind=AgencyKind.SOCIAL_POLICY_BANK)
    with translation.override("vi"):
        vietnamese = agency.get_kind_display()
    with translation.override("en"):
        assert agency.get_kind_display() != vietnamese
    agency.kind = "no_such_kind"
    assert agency.get_kind_display() == "no_such_kind"
