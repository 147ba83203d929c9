"""Needs assessed at reception and on review; support measures close the need they answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.tests.views import audited_views
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import CaseEvent, CaseStatus, Visibility
from taihoanhap.registry.timeline import events_for
from taihoanhap.support import services
from taihoanhap.support.models import Need, NeedStatus, Referral, SupportMeasure
from taihoanhap.support.panels import panels_for
from taihoanhap.support.tests.factories import case_in
from taihoanhap.tests.clock import FROZEN_TODAY

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY


def _assess(cast, person, kinds, occasion="reception", on=TODAY):
    return services.assess_needs(
        person, kinds=kinds, occasion=occasion, assessed_on=on, acting_user=cast.users["commune_a"]
    )


def test_needs_recorded_at_reception_are_open_with_their_date(cast):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["job", "identity", "loan"])
    needs = Need.objects.filter(person=person)
    assert sorted(n.kind for n in needs) == ["identity", "job", "loan"]
    assert {n.status for n in needs} == {NeedStatus.OPEN}
    assert {n.opened_on for n in needs} == {TODAY}


def test_a_review_does_not_duplicate_a_need_still_open(cast):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["job"], on=TODAY - timedelta(days=90))
    _assess(cast, person, ["job", "housing"], occasion="review")
    assert Need.objects.filter(person=person, kind="job").count() == 1
    assert Need.objects.filter(person=person, kind="housing").count() == 1


def test_the_assessment_goes_on_the_timeline_and_the_audit_trail(cast):
    person = case_in(cast.commune_a).person
    assessment = _assess(cast, person, ["job"])
    event = CaseEvent.objects.get(source_id=str(assessment.pk))
    assert event.visibility == Visibility.ALL
    assert event.kind == "support.needs"
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(assessment.pk)).exists()


def test_health_needs_stay_off_the_timeline_of_non_police_roles(cast):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["job", "health"])
    for_employment = [e.summary for e in events_for(person, cast.employment)]
    for_police = [e.summary for e in events_for(person, cast.users["commune_a"])]
    assert len(for_police) == 2 and len(for_employment) == 1
    health_label = "cai nghiện"  # "Khám chữa bệnh hoặc cai nghiện"
    assert not any(health_label in s for s in for_employment)


def test_health_needs_are_hidden_from_the_employment_officer_on_the_person_page(cast):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["job", "health"])
    [needs_panel, *_] = panels_for(person, cast.employment)
    assert [n.kind for n in needs_panel.context["need_rows"]] == ["job"]
    [needs_panel, *_] = panels_for(person, cast.social)
    assert sorted(n.kind for n in needs_panel.context["need_rows"]) == ["health", "job"]


def test_a_support_measure_closes_the_need_it_answers(cast):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["social_assistance", "job"])
    measure = services.record_measure(
        person,
        kind="social_assistance",
        provided_on=TODAY,
        amount_vnd=2_000_000,
        outcome="Trợ cấp khó khăn đột xuất",
        acting_user=cast.social,
    )
    need = Need.objects.get(person=person, kind="social_assistance")
    assert need.status == NeedStatus.MET and need.closed_on == TODAY
    assert measure.need == need
    assert Need.objects.get(person=person, kind="job").status == NeedStatus.OPEN
    event = CaseEvent.objects.get(source_id=str(measure.pk))
    assert "2.000.000 đ" in event.summary


def test_an_agency_records_only_the_support_of_its_own_field(cast):
    person = case_in(cast.commune_a).person
    with pytest.raises(PermissionDenied):
        services.record_measure(
            person, kind="social_assistance", provided_on=TODAY, acting_user=cast.training
        )


def test_support_cannot_be_recorded_on_a_closed_case(cast):
    person = case_in(cast.commune_a, status=CaseStatus.CLOSED).person
    with pytest.raises(TransitionError):
        services.record_measure(
            person, kind="job", provided_on=TODAY, acting_user=cast.users["commune_a"]
        )


def test_a_need_is_declined_through_a_confirmation_and_stays_closed(cast, client_for):
    person = case_in(cast.commune_a).person
    _assess(cast, person, ["housing"])
    need = Need.objects.get(person=person)
    url = reverse("support:need_close", kwargs={"pk": need.pk})
    client = client_for("commune_a")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"status": "declined", "closed_on": TODAY.strftime("%d/%m/%Y"), "version": need.version},
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedStatus.DECLINED
    with pytest.raises(TransitionError):
        services.close_need(
            need,
            status="met",
            closed_on=TODAY,
            expected_version=need.version,
            acting_user=cast.users["commune_a"],
        )


def test_the_needs_form_records_an_assessment(cast, client_for):
    person = case_in(cast.commune_a).person
    response = client_for("commune_a").post(
        reverse("support:needs_assess", kwargs={"pk": person.pk}),
        {"kinds": ["job", "legal_aid"], "occasion": "reception", "assessed_on": "1/2/2026"},
    )
    assert response.status_code == 302
    assert Need.objects.filter(person=person, opened_on=date(2026, 2, 1)).count() == 2


def test_the_needs_form_refuses_a_future_date_and_keeps_the_input(cast, client_for):
    person = case_in(cast.commune_a).person
    later = (TODAY + timedelta(days=3)).strftime("%d/%m/%Y")
    response = client_for("commune_a").post(
        reverse("support:needs_assess", kwargs={"pk": person.pk}),
        {"kinds": ["job"], "occasion": "review", "assessed_on": later, "note": "ghi chú"},
    )
    assert response.status_code == 200
    assert "assessed_on" in response.context["form"].errors
    assert response.context["form"]["note"].value() == "ghi chú"
    assert not Need.objects.filter(person=person).exists()


def test_the_measure_form_reads_amounts_as_people_type_them(cast, client_for):
    person = case_in(cast.commune_a).person
    response = client_for("social").post(
        reverse("support:measure_add", kwargs={"pk": person.pk}),
        {
            "kind": "social_assistance",
            "provided_on": TODAY.strftime("%d/%m/%Y"),
            "amount_vnd": "1.500.000 đ",
        },
    )
    assert response.status_code == 302
    assert SupportMeasure.objects.get(person=person).amount_vnd == 1_500_000


def test_the_measure_form_offers_each_role_its_own_kinds(cast, client_for):
    person = case_in(cast.commune_a).person
    url = reverse("support:measure_add", kwargs={"pk": person.pk})
    response = client_for("training").post(
        url, {"kind": "social_assistance", "provided_on": TODAY.strftime("%d/%m/%Y")}
    )
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert not SupportMeasure.objects.exists()


def test_support_pages_of_a_person_outside_the_scope_answer_404_and_record_nothing(
    cast, client_for
):
    person = case_in(cast.commune_b).person
    for name in ("support:person_support", "support:needs_assess", "support:measure_add"):
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_b").get(url).status_code == 200  # the control: their commune
        refused = client_for("commune_a").get(url)
        assert refused.status_code == 404
        assert person.full_name not in refused.content.decode()
    assert not audited_views(object_id=str(person.pk), user=cast.users["commune_a"]).exists()
    day = TODAY.strftime("%d/%m/%Y")
    needs = {"kinds": ["job"], "occasion": "reception", "assessed_on": day}
    measure = {"kind": "loan", "provided_on": day}
    posts = {"support:needs_assess": needs, "support:measure_add": measure}
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_a").post(url, data).status_code == 404
    assert not Need.objects.exists()
    assert not SupportMeasure.objects.exists()
    # The same posts from the person's own commune are saved: they were refused for the scope.
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_b").post(url, data).status_code == 302
    assert Need.objects.filter(person=person).count() == 1
    assert SupportMeasure.objects.filter(person=person).count() == 1


def test_the_person_support_page_is_audited_and_uses_constant_queries(cast, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = case_in(cast.commune_a).person
    client = client_for("commune_a")
    url = reverse("support:person_support", kwargs={"pk": person.pk})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    _assess(cast, person, ["job"])
    first = count()
    _assess(cast, person, ["loan", "housing", "identity"], occasion="review")
    services.record_measure(
        person, kind="loan", provided_on=TODAY, acting_user=cast.users["commune_a"]
    )
    assert count() == first
    assert audited_views(object_id=str(person.pk)).count() == 2


def test_an_officer_awaiting_a_transfer_reads_the_support_page_but_does_not_act(cast, client_for):
    from taihoanhap.registry.models import Transfer

    case = case_in(cast.commune_a)
    Transfer.objects.create(
        case=case,
        person=case.person,
        from_commune=cast.commune_a,
        from_province=cast.province,
        to_commune=cast.commune_b,
        to_province=cast.province,
        to_address="Ấp 2",
        reason="Về ở với gia đình",
        requested_on=TODAY,
    )
    client = client_for("commune_b")
    person_url = reverse("support:person_support", kwargs={"pk": case.person.pk})
    assert client.get(person_url).status_code == 200
    acts = (
        "support:needs_assess",
        "support:measure_add",
        "support:referral_add",
        "jobs:employment_add",
        "jobs:consent",
    )
    for name in acts:
        url = reverse(name, kwargs={"pk": case.person.pk})
        assert client_for("commune_a").get(url).status_code == 200  # the control: still theirs
        assert client.get(url).status_code == 403
    day = TODAY.strftime("%d/%m/%Y")
    posts = {
        "support:needs_assess": {"kinds": ["job"], "occasion": "review", "assessed_on": day},
        "support:measure_add": {"kind": "loan", "provided_on": day},
        "support:referral_add": {
            "to_agency": cast.agencies["employment_centre"].pk,
            "purpose": "job",
            "message": "Cần việc làm",
            "sent_on": day,
        },
    }  # what the jobs pages refuse is checked in jobs' tests, which may read its records
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": case.person.pk})
        assert client.post(url, data).status_code == 403
    person = case.person
    assert not Need.objects.filter(person=person).exists()
    assert not SupportMeasure.objects.filter(person=person).exists()
    assert not Referral.objects.filter(person=person).exists()
    # The same posts by the commune the person still belongs to are saved.
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": case.person.pk})
        assert client_for("commune_a").post(url, data).status_code == 302, name
    assert Need.objects.filter(person=person).count() == 1
    assert SupportMeasure.objects.filter(person=person).count() == 1
    assert Referral.objects.filter(person=person).count() == 1
