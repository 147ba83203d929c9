"""The persons list's rows built in Python: same cells as the template had, values escaped."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from taihoanhap.registry.models import CaseStatus
from taihoanhap.registry.rows import person_rows
from taihoanhap.registry.tests.factories import make_person


def test_a_row_has_the_link_the_dates_and_for_the_police_the_status(cast):
    person = make_person(cast.commune_a, full_name="Nguyễn Văn An", birth_date=date(1990, 2, 1))
    person.release_date = date(2025, 12, 31)
    person.case_status = CaseStatus.UNDER_MANAGEMENT
    person.case_class = "B"
    with translation.override("vi"):
        [police] = person_rows([person], offence=True)
        [bank] = person_rows([person], offence=False)
    assert f'<a href="/ho-so/nguoi/{person.pk}/">Nguyễn Văn An</a>' in police
    assert ">01/02/1990</td>" in police and ">31/12/2025</td>" in police
    assert str(cast.commune_a) in police
    assert 'data-label="Trạng thái"' in police and ">B</td>" in police
    assert police.count("<td") == 6 and bank.count("<td") == 4
    assert "Trạng thái" not in bank


def test_values_are_escaped(cast):
    person = make_person(cast.commune_a, full_name="An")
    person.full_name = '<script>alert("x")</script>'
    [row] = person_rows([person], offence=False)
    assert "<script>" not in row
    assert "&lt;script&gt;" in row


def test_the_commune_filter_lists_the_provinces_communes_by_their_full_names(cast):
    from taihoanhap.registry.forms import PersonFilterForm, communes_in_scope

    form = PersonFilterForm(user=cast.users["province"], offence_fields=True)
    options = list(form.fields["commune"].choices)[1:]
    expected = [(unit.pk, unit.full_name) for unit in communes_in_scope(cast.users["province"])]
    assert options == expected and len(options) >= 2
    bound = PersonFilterForm(
        {"commune": str(cast.commune_a.pk)}, user=cast.users["province"], offence_fields=True
    )
    assert bound.is_valid() and bound.cleaned_data["commune"] == cast.commune_a
    outside = PersonFilterForm(
        {"commune": str(cast.commune_a.pk)}, user=cast.users["other_province"], offence_fields=True
    )
    assert not outside.is_valid()
