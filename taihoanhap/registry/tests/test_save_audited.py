"""audit.services.save_audited: the optimistic-lock save and its audit event, as one step.

The helper belongs to audit; it is tested here on a sentence because the layers below the
registry have no versioned model.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.services import save_audited, snapshot
from taihoanhap.core.locking import StaleRecordError
from taihoanhap.registry.models import Sentence
from taihoanhap.registry.tests.factories import make_person, make_sentence

COURT = "Tòa án nhân dân tỉnh Đồng Nai"


@pytest.fixture
def officer(cast):
    return cast.users["commune_a"]


@pytest.fixture
def sentence(cast):
    return make_sentence(make_person(cast.commune_a), court=COURT)


def events_of(sentence: Sentence) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type="registry.sentence", object_id=str(sentence.pk)
        ).order_by("seq")
    )


def test_it_saves_bumps_the_version_and_audits_old_and_new_values(sentence, officer):
    version = sentence.version
    before = snapshot(sentence, ["court", "judgment_date", "offences"])
    sentence.court = "Tòa án nhân dân khu vực 1"
    sentence.judgment_date = date(2022, 4, 1)

    event = save_audited(sentence, before=before, expected_version=version, acting_user=officer)

    stored = Sentence.objects.get(pk=sentence.pk)
    assert (stored.court, stored.judgment_date) == ("Tòa án nhân dân khu vực 1", date(2022, 4, 1))
    assert stored.version == sentence.version == version + 1
    assert events_of(sentence) == [event]
    assert event.action == Action.UPDATE
    assert event.user == officer
    # Only what changed, dates as ISO text; the unchanged offences are not listed.
    assert event.changes == {
        "court": [COURT, "Tòa án nhân dân khu vực 1"],
        "judgment_date": ["2022-03-01", "2022-04-01"],
    }


def test_a_stale_version_is_a_conflict_and_writes_nothing(sentence, officer):
    read_version = sentence.version
    Sentence.objects.filter(pk=sentence.pk).update(version=read_version + 1)  # someone saved
    before = snapshot(sentence, ["court"])
    sentence.court = "Tòa án nhân dân khu vực 2"

    with pytest.raises(StaleRecordError) as conflict, transaction.atomic():
        save_audited(sentence, before=before, expected_version=read_version, acting_user=officer)

    assert str(conflict.value) == str(StaleRecordError.message)
    assert Sentence.objects.get(pk=sentence.pk).court == COURT
    assert events_of(sentence) == []


def test_nothing_changed_still_saves_and_records_an_empty_change(sentence, officer):
    version = sentence.version
    before = snapshot(sentence, ["court"])

    event = save_audited(sentence, before=before, expected_version=version, acting_user=officer)

    assert Sentence.objects.get(pk=sentence.pk).version == version + 1
    assert event.action == Action.UPDATE
    assert event.changes == {}


def test_the_saved_fields_may_be_more_than_the_audited_ones(sentence, officer):
    before = snapshot(sentence, ["court"])
    sentence.court = "Tòa án nhân dân khu vực 3"
    sentence.offences = "Cố ý gây thương tích"

    event = save_audited(
        sentence,
        before=before,
        fields=["court", "offences"],
        expected_version=sentence.version,
        acting_user=officer,
    )

    assert Sentence.objects.get(pk=sentence.pk).offences == "Cố ý gây thương tích"
    assert event.changes == {"court": [COURT, "Tòa án nhân dân khu vực 3"]}


def test_the_action_and_extra_changes_are_the_callers(sentence, officer):
    before = snapshot(sentence, ["civil_obligations_settled"])
    sentence.civil_obligations_settled = True

    event = save_audited(
        sentence,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=sentence.version,
        acting_user=officer,
        extra_changes={"photo": ["", "…"]},
    )

    assert event.action == Action.STATE_CHANGE
    assert event.changes == {"civil_obligations_settled": [False, True], "photo": ["", "…"]}


def test_fields_not_saved_are_not_written(sentence, officer):
    before = snapshot(sentence, ["court"])
    sentence.court = "Tòa án nhân dân khu vực 4"
    sentence.offences = "changed on the instance only"

    save_audited(sentence, before=before, expected_version=sentence.version, acting_user=officer)

    stored = Sentence.objects.get(pk=sentence.pk)
    assert stored.court == "Tòa án nhân dân khu vực 4"
    assert stored.offences == "Trộm cắp tài sản"
