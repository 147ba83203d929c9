"""The credit parameters' dated rows cite the legal sources the index gives their rules.

(Moved from core's tests of the index: reading credit's data is credit's business, and core sits
below credit.)
"""

from __future__ import annotations

import pytest

from taihoanhap.core import legal_index
from taihoanhap.credit.parameters import parameters_on
from taihoanhap.tests.clock import today


@pytest.mark.django_db
def test_the_stored_credit_parameters_cite_the_sources_of_their_rules():
    rows = parameters_on(today()).rows
    stored = {legal_index.CREDIT_PARAMETER + key: row.source for key, row in rows.items()}
    problems = legal_index.disagreeing_sources(legal_index.load(), stored)
    assert not problems, "\n" + "\n".join(problems)
