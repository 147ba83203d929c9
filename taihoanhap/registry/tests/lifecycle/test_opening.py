"""Opening a case (registry.lifecycle)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import CaseStatus, DeadlineKind, Person, ReleaseType
from taihoanhap.registry.tests.factories import make_person, open_case_for
from taihoanhap.registry.tests.lifecycle.helpers import TODAY, open_kinds

# --- Opening -----------------------------------------------------------------------------------


def test_opening_a_case_stores_the_address_check_and_the_expected_return(expected):
    assert expected.status == CaseStatus.EXPECTED
    assert open_kinds(expected) == {DeadlineKind.ADDRESS_CHECK, DeadlineKind.EXPECTED_RETURN}
    person = Person.objects.get(pk=expected.person_id)
    assert person.current_case_id == expected.pk
    assert person.case_status == CaseStatus.EXPECTED
    assert AuditEvent.objects.filter(
        action=Action.CREATE, object_type="registry.case", object_id=str(expected.pk)
    ).exists()


def test_a_parolee_case_also_stores_the_report_deadline(cast, officer):
    case = open_case_for(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)
    assert DeadlineKind.PAROLEE_REPORT in open_kinds(case)


def test_a_second_open_case_for_the_same_person_is_refused(expected, officer):
    with pytest.raises(TransitionError):
        open_case_for(officer, expected.person)


def test_an_officer_of_another_commune_cannot_open_a_case_here(cast):
    with pytest.raises(PermissionDenied):
        open_case_for(cast.users["commune_b"], commune=cast.commune_a)


def test_a_parole_without_end_of_probation_is_refused(cast, officer):
    from taihoanhap.registry.services import open_case
    from taihoanhap.registry.tests.factories import make_sentence

    person = make_person(cast.commune_a)
    with pytest.raises(TransitionError):
        open_case(
            person,
            sentence=make_sentence(person),
            release_type=ReleaseType.PAROLE,
            release_date=TODAY,
            acting_user=officer,
        )
