"""How violations count towards revoking conditional release (Res. 01/2018/NQ-HĐTP Art. 5).

Revocation follows intentional violations of the obligations twice or more, OR administrative
sanctions twice or more, within the probation period: each kind is counted on its own, so one of
each is not enough (domain brief §2 and §8, workflow 4). What the officer reads (the timeline
entries, the refusal of an early proposal) counts the same way.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import lifecycle
from taihoanhap.registry.lifecycle.probation import violations_by_kind
from taihoanhap.registry.models import CaseEvent, DeadlineKind, ReleaseType, ViolationKind
from taihoanhap.registry.tests.factories import received_case
from taihoanhap.registry.tests.lifecycle.helpers import open_kinds
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


@pytest.fixture
def parolee(cast, officer):
    return received_case(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)


def _violation(case, officer, kind: str, day=None) -> None:
    lifecycle.record_violation(
        case,
        occurred_on=day or today(),
        kind=kind,
        description="Vắng mặt khi được triệu tập",
        sanction="Nhắc nhở",
        acting_user=officer,
    )


def _summaries(case, kind: str) -> list[str]:
    return list(
        CaseEvent.objects.filter(case=case, kind=kind)
        .order_by("recorded_at")
        .values_list("summary", flat=True)
    )


def test_two_administrative_sanctions_flag_a_revocation_proposal(parolee, officer):
    _violation(parolee, officer, ViolationKind.ADMINISTRATIVE_SANCTION)
    parolee.refresh_from_db()
    assert not parolee.revocation_flagged
    _violation(parolee, officer, ViolationKind.ADMINISTRATIVE_SANCTION)
    parolee.refresh_from_db()
    assert parolee.revocation_flagged


def test_one_violation_of_each_kind_does_not_flag_a_revocation_proposal(parolee, officer):
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    _violation(parolee, officer, ViolationKind.ADMINISTRATIVE_SANCTION)
    parolee.refresh_from_db()
    assert not parolee.revocation_flagged
    assert DeadlineKind.REVOCATION_PROPOSAL not in open_kinds(parolee)
    with pytest.raises(TransitionError):
        lifecycle.record_revocation_proposal(
            parolee, proposed_on=today(), reference="01/CV", acting_user=officer
        )


def test_the_second_of_one_kind_flags_even_after_one_of_the_other(parolee, officer):
    _violation(parolee, officer, ViolationKind.ADMINISTRATIVE_SANCTION)
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    parolee.refresh_from_db()
    assert parolee.revocation_flagged
    assert DeadlineKind.REVOCATION_PROPOSAL in open_kinds(parolee)
    assert violations_by_kind(parolee) == {
        ViolationKind.OBLIGATION: 2,
        ViolationKind.ADMINISTRATIVE_SANCTION: 1,
    }


def test_the_timeline_counts_each_kind_on_its_own(parolee, officer):
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    _violation(parolee, officer, ViolationKind.ADMINISTRATIVE_SANCTION)
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    # The stored text is in Vietnamese: "(n lần cùng loại)" counts the kind, not the total.
    counted = [summary.rsplit("(", 1)[1] for summary in _summaries(parolee, "violation")]
    assert counted == ["1 lần cùng loại)", "1 lần cùng loại)", "2 lần cùng loại)"]
    (flagged,) = _summaries(parolee, "revocation_flagged")
    assert flagged.startswith("Cố ý vi phạm nghĩa vụ 2 lần")


def test_a_refused_early_proposal_names_both_kinds(parolee, officer):
    _violation(parolee, officer, ViolationKind.OBLIGATION)
    with pytest.raises(TransitionError) as refused:
        lifecycle.record_revocation_proposal(
            parolee, proposed_on=today(), reference="01/CV", acting_user=officer
        )
    message = " ".join(refused.value.messages)
    assert "vi phạm nghĩa vụ" in message
    assert "xử phạt vi phạm hành chính" in message


def test_a_violation_after_the_end_of_probation_is_refused(parolee, officer):
    # Only what happens within the probation period counts (Criminal Code Art. 66(4)).
    _violation(parolee, officer, ViolationKind.OBLIGATION, day=parolee.probation_end)
    with pytest.raises(TransitionError):
        _violation(
            parolee, officer, ViolationKind.OBLIGATION, day=parolee.probation_end + timedelta(1)
        )
    parolee.refresh_from_db()
    assert not parolee.revocation_flagged
