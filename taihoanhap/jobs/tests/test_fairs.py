"""Job fairs: registration (consent, inmates near release), attendance, outcomes, hires."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.core.errors import TransitionError
from taihoanhap.jobs import services
from taihoanhap.jobs.models import (
    ContactStage,
    EmploymentRecord,
    EmploymentStatus,
    FairAttendance,
    FairContact,
    FairEmployer,
    FairRegistration,
    JobFair,
)
from taihoanhap.jobs.selectors import fair_summary, fairs_by_commune
from taihoanhap.jobs.tests.factories import (
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
)
from taihoanhap.registry.models import CaseEvent
from taihoanhap.registry.timeline import events_for
from taihoanhap.support.tests.factories import case_in, inmate_case
from taihoanhap.tests.clock import FROZEN_TODAY, today

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY


def _register(cast, fair, person, *, consent_now=True, user="employment"):
    return services.register_for_fair(
        fair, person, registered_on=TODAY, consent_now=consent_now, acting_user=cast.users[user]
    )


def _attend(cast, registration):
    registration.refresh_from_db()
    return services.record_attendance(
        registration,
        attended=True,
        expected_version=registration.version,
        acting_user=cast.employment,
        today=TODAY,
    )


def _contact(cast, registration, participant, stage, **kw):
    return services.record_contact(
        registration,
        participant=participant,
        stage=stage,
        on=TODAY,
        acting_user=cast.employment,
        today=TODAY,
        **kw,
    )


@pytest.fixture
def fair(cast):
    fair = make_fair(cast)
    employer = make_employer(cast.commune_a, name="Công ty May Tân Phú")
    vacancy = make_vacancy(employer, title="Công nhân may", trade="May công nghiệp")
    services.add_fair_employer(
        fair, employer=employer, vacancies=[vacancy], acting_user=cast.employment
    )
    return fair


def test_the_employment_officer_plans_a_fair_with_its_organisers(cast, client_for):
    response = client_for("employment").post(
        reverse("jobs:fair_add"),
        {
            "title": "Phiên chợ của tình người 2026",
            "held_on": "15/05/2026",
            "commune": cast.commune_b.pk,
            "venue": "Nhà văn hóa xã",
            "organisers": [cast.agencies["home_affairs"].pk, cast.agencies["province_police"].pk],
        },
    )
    fair = JobFair.objects.get()
    assert response.status_code == 302
    assert fair.province == cast.province and fair.created_by == cast.employment
    assert set(fair.organisers.all()) == {
        cast.agencies["home_affairs"],
        cast.agencies["province_police"],
    }


def test_a_fair_without_an_organiser_is_refused(cast, client_for):
    response = client_for("employment").post(
        reverse("jobs:fair_add"),
        {"title": "Phiên", "held_on": "15/05/2026", "commune": cast.commune_b.pk, "venue": "X"},
    )
    assert response.status_code == 200 and "organisers" in response.context["form"].errors


def test_registering_needs_the_persons_consent(cast, fair):
    person = case_in(cast.commune_a).person
    with pytest.raises(TransitionError):
        _register(cast, fair, person, consent_now=False)
    registration = _register(cast, fair, person, consent_now=True)
    assert services.active_consent(person) is not None
    assert registration.attendance == FairAttendance.REGISTERED
    assert CaseEvent.objects.filter(source_id=str(registration.pk), kind="jobs.fair").exists()


def test_an_inmate_registers_only_when_released_soon_after_the_fair(cast, fair):
    soon = inmate_case(cast, release_in_days=30)
    later = inmate_case(cast, release_in_days=200)
    registration = _register(cast, fair, soon.person, user="facility")
    assert registration.as_inmate
    with pytest.raises(TransitionError):
        _register(cast, fair, later.person, user="facility")


def test_the_near_release_window_is_configurable(cast, fair, settings):
    settings.JOBS_NEAR_RELEASE_MONTHS = 12
    assert _register(cast, fair, inmate_case(cast, release_in_days=200).person, user="facility")


def test_a_person_registers_once(cast, fair):
    person = case_in(cast.commune_a).person
    _register(cast, fair, person)
    with pytest.raises(TransitionError):
        _register(cast, fair, person)


def test_attendance_waits_for_the_day_of_the_fair(cast):
    fair = make_fair(cast, held_on=TODAY + timedelta(days=7))
    registration = _register(cast, fair, case_in(cast.commune_a).person)
    with pytest.raises(TransitionError):
        _attend(cast, registration)


def test_a_hire_at_a_fair_creates_the_employment_record(cast, fair):
    person = case_in(cast.commune_a).person
    earlier = services.record_employment(
        person,
        status=EmploymentStatus.UNEMPLOYED,
        started_on=TODAY - timedelta(days=60),
        acting_user=cast.users["commune_a"],
    )
    registration = _register(cast, fair, person)
    _attend(cast, registration)
    participant = fair.participants.get()
    _contact(cast, registration, participant, ContactStage.INTERVIEWED)
    contact = _contact(
        cast,
        registration,
        participant,
        ContactStage.HIRED,
        monthly_wage_vnd=7_500_000,
        labour_contract=True,
    )
    employment = contact.employment
    assert employment.status == EmploymentStatus.EMPLOYED
    assert employment.employer == participant.employer
    assert employment.started_on == TODAY and employment.labour_contract
    assert employment.ended_on is None
    earlier.refresh_from_db()
    assert earlier.ended_on == TODAY  # the previous status ended when the job began
    hire = CaseEvent.objects.get(kind="jobs.hire", person=person)
    assert "Công ty May Tân Phú" in hire.summary and "7.500.000 đ" in hire.summary
    # The commune officer reads the hire on the person's timeline.
    assert hire in list(events_for(person, cast.users["commune_a"]))


def test_outcomes_follow_their_order(cast, fair):
    registration = _register(cast, fair, case_in(cast.commune_a).person)
    participant = fair.participants.get()
    with pytest.raises(TransitionError):
        _contact(cast, registration, participant, ContactStage.INTERVIEWED)  # not attended yet
    _attend(cast, registration)
    with pytest.raises(TransitionError):
        _contact(cast, registration, participant, ContactStage.NOT_HIRED)  # never interviewed
    _contact(cast, registration, participant, ContactStage.HIRED)
    with pytest.raises(TransitionError):
        _contact(cast, registration, participant, ContactStage.NOT_HIRED)
    assert EmploymentRecord.objects.count() == 1


def test_the_outcome_summary_counts_by_employer(cast, fair):
    participant = fair.participants.get()
    other = services.add_fair_employer(
        fair,
        employer=make_employer(cast.commune_b, name="HTX Nông nghiệp"),
        vacancies=[],
        acting_user=cast.employment,
    )
    people = [_register(cast, fair, case_in(cast.commune_a).person) for _ in range(4)]
    make_registration(cast, fair, inmate_case(cast), as_inmate=True)
    for registration in people[:3]:
        _attend(cast, registration)
    _contact(cast, people[0], participant, ContactStage.HIRED)
    _contact(cast, people[1], participant, ContactStage.OFFERED)
    _contact(cast, people[1], other, ContactStage.INTERVIEWED)
    _contact(cast, people[2], other, ContactStage.INTERVIEWED)
    summary = fair_summary(fair)
    assert (summary.registered, summary.inmates, summary.attended) == (5, 1, 3)
    assert (summary.interviewed, summary.offered, summary.hired) == (3, 2, 1)
    by_employer = {row.participant: row for row in summary.by_employer}
    assert (by_employer[participant].interviewed, by_employer[participant].hired) == (2, 1)
    assert by_employer[participant].offered == 2
    assert (by_employer[other].interviewed, by_employer[other].hired) == (2, 0)


def test_the_fair_page_shows_names_only_in_the_readers_scope(cast, client_for, fair):
    in_a = _register(cast, fair, case_in(cast.commune_a).person)
    in_b = _register(cast, fair, case_in(cast.commune_b).person)
    url = reverse("jobs:fair_detail", kwargs={"pk": fair.pk})
    assert client_for("commune_a").get(url).context["registrations"] == [in_a]
    leader = client_for("leader").get(url)
    assert leader.context["registrations"] is None
    assert leader.context["summary"].registered == 2  # figures without names
    assert in_b.person.full_name not in leader.content.decode()


def test_the_printable_participant_list_is_audited_as_an_export(cast, client_for, fair):
    registration = _register(cast, fair, case_in(cast.commune_a).person)
    response = client_for("employment").get(reverse("jobs:fair_print", kwargs={"pk": fair.pk}))
    assert registration.person.full_name in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_id=str(fair.pk)).exists()


def test_a_fair_of_another_province_is_not_found_nor_changed(cast, client_for):
    fair = make_fair(cast, commune=cast.other_commune, title="Phiên chợ tỉnh bạn")
    own = make_fair(cast)
    client = client_for("employment")
    for name in ("jobs:fair_detail", "jobs:fair_register", "jobs:fair_print", "jobs:fair_edit"):
        assert client.get(reverse(name, kwargs={"pk": own.pk})).status_code == 200  # the control
        refused = client.get(reverse(name, kwargs={"pk": fair.pk}))
        assert refused.status_code == 404
        assert fair.title not in refused.content.decode()
    edit = {
        "title": "Đổi tên",
        "held_on": TODAY.strftime("%d/%m/%Y"),
        "commune": cast.commune_a.pk,
        "venue": "Nhà văn hóa xã",
        "organisers": [cast.agencies["home_affairs"].pk],
        "version": fair.version,
    }
    assert client.post(reverse("jobs:fair_edit", kwargs={"pk": fair.pk}), edit).status_code == 404
    person = case_in(cast.commune_a).person
    register = {
        "register": "1",
        "person": person.pk,
        "registered_on": TODAY.strftime("%d/%m/%Y"),
        "consent_now": "on",
    }
    url = reverse("jobs:fair_register", kwargs={"pk": fair.pk})
    assert client.post(url, register).status_code == 404
    stored = JobFair.objects.get(pk=fair.pk)
    assert (stored.title, stored.version) == ("Phiên chợ tỉnh bạn", fair.version)
    assert not FairRegistration.objects.exists()
    # The same registration for the officer's own fair is accepted: it was refused for its scope.
    own_url = reverse("jobs:fair_register", kwargs={"pk": own.pk})
    assert client.post(own_url, register).status_code == 302
    assert list(FairRegistration.objects.values_list("fair", flat=True)) == [own.pk]


def test_a_registration_of_a_person_outside_the_scope_is_not_found_and_gets_no_outcome(
    cast, client_for, fair
):
    other_fair = make_fair(cast, commune=cast.other_commune)
    outsider = make_registration(
        cast, other_fair, case_in(cast.other_commune), attendance=FairAttendance.ATTENDED
    )
    elsewhere = FairEmployer.objects.create(
        fair=other_fair, employer=make_employer(cast.other_commune)
    )
    own = _register(cast, fair, case_in(cast.commune_a).person)
    _attend(cast, own)
    client = client_for("employment")
    own_url = reverse("jobs:registration_outcome", kwargs={"pk": own.pk})
    assert client.get(own_url).status_code == 200  # the control
    url = reverse("jobs:registration_outcome", kwargs={"pk": outsider.pk})
    refused = client.get(url)
    assert refused.status_code == 404
    assert outsider.person.full_name not in refused.content.decode()
    day = TODAY.strftime("%d/%m/%Y")
    outcome = {"participant": elsewhere.pk, "stage": ContactStage.INTERVIEWED, "on": day}
    assert client.post(url, outcome).status_code == 404
    assert not FairContact.objects.exists()
    outsider_version = outsider.version
    outsider.refresh_from_db()
    assert outsider.version == outsider_version
    # The same outcome for the registration in scope is recorded: it was refused for its scope.
    participant = fair.participants.get()
    assert client.post(own_url, {**outcome, "participant": participant.pk}).status_code == 302
    assert list(FairContact.objects.values_list("registration", flat=True)) == [own.pk]


def test_cancelled_fairs_do_not_count_for_the_commune(cast):
    make_fair(cast, held_on=date(2025, 9, 1))
    make_fair(cast, held_on=date(2026, 3, 1))
    cancelled = make_fair(cast, commune=cast.commune_b, held_on=date(2026, 4, 1))
    services.cancel_fair(
        cancelled,
        cancelled_on=date(2026, 3, 20),
        expected_version=cancelled.version,
        acting_user=cast.employment,
    )
    rows = {r.commune: r.by_year for r in fairs_by_commune(cast.employment, [2025, 2026])}
    assert rows[cast.commune_a] == [1, 1]
    assert rows[cast.commune_b] == [0, 0]  # listed, so the province sees it held none
    assert cast.other_commune not in rows


def test_the_fair_list_uses_a_constant_number_of_queries(cast, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("employment")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("jobs:fair_list")).status_code == 200
        return len(queries)

    make_fair(cast)
    first = count()
    for _ in range(4):
        fair = make_fair(cast)
        make_registration(cast, fair)
    assert count() == first


def test_registering_through_the_page_records_consent_given_now(cast, client_for, fair):
    person = case_in(cast.commune_a).person
    client = client_for("employment")
    url = reverse("jobs:fair_register", kwargs={"pk": fair.pk})
    found = client.post(url, {"search": "1", "q": person.full_name})
    assert [row["person"] for row in found.context["rows"]] == [person]
    page = found.content.decode()
    assert f'value="{person.pk}">' in page  # eligible: the choice is enabled
    assert 'class="tag tag--warn"' in page  # and marked: no consent yet
    refused = client.post(
        url,
        {"register": "1", "q": person.full_name, "person": person.pk, "registered_on": "1/5/2026"},
    )
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    done = client.post(
        url,
        {
            "register": "1",
            "q": person.full_name,
            "person": person.pk,
            "registered_on": "1/5/2026",
            "consent_now": "on",
        },
    )
    assert done.status_code == 302
    assert FairRegistration.objects.filter(fair=fair, person=person).exists()
    assert services.active_consent(person).given_on == date(2026, 5, 1)


def test_the_person_search_never_puts_the_name_in_the_address(cast, client_for, fair):
    url = reverse("jobs:fair_register", kwargs={"pk": fair.pk})
    assert client_for("employment").get(url, {"q": "nguyen"}).context["rows"] == []


def test_the_overview_can_list_only_the_communes_without_a_fair(cast, client_for):
    make_fair(cast)
    url = reverse("jobs:overview")
    response = client_for("leader").get(url, {"only": "without"})
    communes = [row.commune for row in response.context["communes"]]
    assert communes == [cast.commune_b]
    assert response.context["without_fair"] == 1


def test_the_employment_officer_cancels_a_fair_through_its_page(cast, client_for):
    fair = make_fair(cast)
    url = reverse("jobs:fair_cancel", kwargs={"pk": fair.pk})
    data = {"cancelled_on": today().strftime("%d/%m/%Y"), "version": fair.version}
    response = client_for("employment").post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:fair_detail", kwargs={"pk": fair.pk})
    fair.refresh_from_db()
    assert fair.cancelled_on == today()
    again = client_for("employment").post(url, data)  # the version read is now stale
    assert again.status_code == 200 and again.context["form"].non_field_errors()


def test_an_employer_joins_a_fair_through_its_page(cast, client_for):
    fair = make_fair(cast)
    employer = make_employer(cast.commune_a)
    vacancy = make_vacancy(employer)
    url = reverse("jobs:fair_employer_add", kwargs={"pk": fair.pk})
    response = client_for("employment").post(
        url, {"employer": employer.pk, "vacancies": [vacancy.pk]}
    )
    assert response.status_code == 302
    assert list(fair.participants.get().vacancies.all()) == [vacancy]
