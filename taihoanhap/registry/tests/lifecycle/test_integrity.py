"""Every transition's conflict and role checks (registry.lifecycle)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from taihoanhap.core.locking import StaleRecordError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import CaseStatus
from taihoanhap.registry.tests.lifecycle.helpers import TODAY

# --- Integrity ---------------------------------------------------------------------------------


def test_a_transition_on_a_stale_form_is_a_conflict(managed, officer):
    stale_version = managed.version
    lifecycle.classify(managed, value="A", decided_on=TODAY, reason="x", acting_user=officer)
    with pytest.raises(StaleRecordError):
        lifecycle.record_reoffence(
            managed,
            occurred_on=TODAY,
            offence="x",
            acting_user=officer,
            expected_version=stale_version,
        )
    managed.refresh_from_db()
    assert managed.status == CaseStatus.UNDER_MANAGEMENT
    assert managed.reoffences.count() == 0  # the whole transition rolled back


def test_a_bank_officer_cannot_act_on_a_case(cast, managed):
    with pytest.raises(PermissionDenied):
        lifecycle.classify(managed, value="A", decided_on=TODAY, reason="x", acting_user=cast.bank)
