"""A representative's name is read like a person's (issue 16, item 14)."""

from __future__ import annotations

from taihoanhap.credit.forms import IndividualFieldsMixin


def test_a_credit_representative_with_a_greek_letter_in_the_name_is_refused():
    form = IndividualFieldsMixin({"representative_name": "Lê Thị H\u03bfa"})  # Greek omicron
    assert not form.is_valid()
    assert "representative_name" in form.errors
