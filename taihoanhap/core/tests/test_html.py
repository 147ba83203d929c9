"""core.html gives what Django's format_html and conditional_escape give, for every kind of
value the pages pass them."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from taihoanhap.core.html import day_text, esc, field_html, fields_html, html

VALUES = [
    "plain",
    "Nguyễn Văn An",
    '<script>alert("x")</script>',
    "Tom & Jerry's",
    mark_safe("<b>safe</b>"),
    gettext_lazy("Next"),
    12,
    Decimal("1500000.50"),
    date(2026, 2, 16),
    uuid.UUID("12345678-1234-4234-8234-123456789abc"),
    None,
    "",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_esc_is_conditional_escape(value):
    with override("vi"):
        assert esc(value) == conditional_escape(value)


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_html_is_format_html(value):
    template = '<td data-label="{}"><a href="/x/{}/">{}</a></td>'
    with override("vi"):
        made = html(template, value, value, "<i>")
        assert made == format_html(template, value, value, "<i>")
    assert isinstance(made, SafeString)


def test_safe_output_is_not_escaped_twice():
    inner = html("<span>{}</span>", "a < b")
    assert html("<td>{}</td>", inner) == "<td><span>a &lt; b</span></td>"


# The markup every form had from includes/field.html before it was built in Python.
FIELD_TEMPLATE = """{% load i18n %}
<div class="field{% if field.errors %} field--error{% endif %}{% if field.field.widget.input_type == 'checkbox' %} field--checkbox{% endif %}">
  {% if field.field.widget.input_type == 'checkbox' %}
    {{ field }} <label for="{{ field.id_for_label }}">{{ field.label }}</label>
  {% else %}
    <label for="{{ field.id_for_label }}">{{ field.label }}{% if not field.field.required %} <span class="muted">({{ _("optional") }})</span>{% endif %}</label>
  {% endif %}
  {% if field.help_text %}<p class="hint" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
  {% for error in field.errors %}<p class="field__error" id="{{ field.auto_id }}_error">{{ error }}</p>{% endfor %}
  {% if field.field.widget.input_type != 'checkbox' %}{{ field }}{% endif %}
</div>"""  # noqa: E501


class SampleForm(forms.Form):
    name = forms.CharField(label="Họ & tên", help_text="Như trên <CCCD>", max_length=5)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)
    agreed = forms.BooleanField(label="Đã ký cam kết", required=False)
    kind = forms.ChoiceField(label="Loại", choices=[("a", "A & B"), ("b", "C")])
    day = forms.DateField(label="Ngày", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def _tidy(markup: str) -> str:
    """Whitespace between tags carries no meaning in this markup."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", markup)).strip()


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "data",
    [None, {"name": "Nguyễn Văn An dài quá", "agreed": "on", "day": "31/02/2026"}, {"kind": "b"}],
    ids=["unbound", "errors", "missing"],
)
def test_fields_are_the_markup_of_the_former_template(language, data):
    reference = Template(FIELD_TEMPLATE)
    with override(language):
        form = SampleForm(data)
        for bound in form.visible_fields():
            expected = reference.render(Context({"field": bound}))
            assert _tidy(field_html(bound)) == _tidy(expected)
        everything = fields_html(form)
    assert everything.startswith('<input type="hidden" name="secret"')
    assert everything.count('<div class="field') == 5
    if data and "name" in data:
        assert 'class="field field--error"' in everything
        assert "field--checkbox" in everything


def test_the_template_tags_give_the_same_markup():
    form = SampleForm({"name": "<b>An</b>"})
    rendered = Template("{% load form_tags %}{% field form.name %}|{% fields form %}").render(
        Context({"form": form})
    )
    single, whole = rendered.split("|")
    assert single == field_html(form["name"]) and whole == fields_html(form)
    assert "&lt;b&gt;An&lt;/b&gt;" in single


@pytest.mark.parametrize("language", ["vi", "en"])
def test_day_text_is_date_format_in_the_active_language(language):
    days = [date(2026, 2, 16), date(1999, 12, 31), date(2026, 2, 16)]  # the last one kept
    with override(language):
        assert [day_text(day) for day in days] == [date_format(day) for day in days]
    assert day_text(date(2026, 2, 16)) == "16/02/2026"
