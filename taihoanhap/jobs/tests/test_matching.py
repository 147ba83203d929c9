"""Matching on a small hand-built case: ranks, reasons, requirements and consent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from taihoanhap.jobs import services
from taihoanhap.jobs.matching import (
    POINTS_CERTIFICATE,
    POINTS_DESIRED_TRADE,
    POINTS_SAME_COMMUNE,
    POINTS_SAME_PROVINCE,
    people_for,
    trades_match,
    vacancies_for,
)
from taihoanhap.jobs.tests.factories import make_employer, make_vacancy
from taihoanhap.registry.models import CaseStatus
from taihoanhap.support.models import Certificate, TrainingLevel
from taihoanhap.support.tests.factories import case_in
from taihoanhap.tests.clock import FROZEN_TODAY

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY


def _consent(cast, person, trade=""):
    return services.give_consent(
        person, given_on=TODAY, desired_trade=trade, acting_user=cast.users["commune_a"]
    )


def _certificate(cast, person, trade="Hàn điện", level=TrainingLevel.ELEMENTARY):
    return Certificate.objects.create(
        person=person,
        number=f"CC-{person.pk.hex[:6]}-{trade}",
        issued_on=TODAY - timedelta(days=100),
        issuer="Trường Cao đẳng nghề",
        trade=trade,
        level=level,
        recorded_by=cast.training,
    )


def test_trades_match_by_whole_words_in_order():
    assert trades_match("han dien", "han dien")
    assert trades_match("han", "han dien")
    assert trades_match("may cong nghiep", "may")
    assert not trades_match("han dien", "may cong nghiep")
    assert not trades_match("", "han")


@pytest.fixture
def jobs(cast):
    """A welder in commune A (born 1990, elementary certificate, wants welding) and vacancies."""
    person = case_in(cast.commune_a).person
    _certificate(cast, person)
    _consent(cast, person, trade="Hàn điện")
    employer_a = make_employer(cast.commune_a)
    employer_b = make_employer(cast.commune_b)
    elsewhere = make_employer(cast.other_commune)
    closes = TODAY + timedelta(days=30)
    return {
        "person": person,
        "welding_here": make_vacancy(employer_a, closes_on=closes),
        "welding_next_commune": make_vacancy(employer_b, closes_on=closes),
        "sewing_here": make_vacancy(employer_a, title="Thợ may", trade="May công nghiệp"),
        "too_old": make_vacancy(employer_a, max_age=30, closes_on=closes + timedelta(days=1)),
        "level_too_low": make_vacancy(
            employer_a, min_level=TrainingLevel.INTERMEDIATE, closes_on=closes + timedelta(days=2)
        ),
        "other_province": make_vacancy(elsewhere),
        "closed": make_vacancy(employer_a, closes_on=TODAY - timedelta(days=1)),
    }


def test_vacancies_are_ranked_for_a_person_with_the_reasons(cast, jobs):
    matches = vacancies_for(jobs["person"], cast.employment, TODAY)
    order = [m.item for m in matches]
    assert order == [
        jobs["welding_here"],
        jobs["welding_next_commune"],
        jobs["sewing_here"],
        jobs["too_old"],
        jobs["level_too_low"],
    ]
    best = matches[0]
    assert best.score == POINTS_CERTIFICATE + POINTS_DESIRED_TRADE + POINTS_SAME_COMMUNE
    assert [r.points for r in best.reasons if r.points] == [
        POINTS_CERTIFICATE,
        POINTS_DESIRED_TRADE,
        POINTS_SAME_COMMUNE,
    ]
    assert "Hàn điện" in best.reasons[0].text  # the certificate named in its reason
    assert matches[1].score == POINTS_CERTIFICATE + POINTS_DESIRED_TRADE + POINTS_SAME_PROVINCE
    sewing = matches[2]
    assert sewing.score == POINTS_SAME_COMMUNE
    assert any(not r.ok and "May công nghiệp" in r.text for r in sewing.reasons)


def test_a_vacancy_whose_requirements_are_not_met_comes_last_with_the_reason(cast, jobs):
    matches = {m.item: m for m in vacancies_for(jobs["person"], cast.employment, TODAY)}
    too_old = matches[jobs["too_old"]]
    assert not too_old.eligible
    assert any(not r.ok and "36" in r.text for r in too_old.reasons)  # age 36 outside –30
    assert not matches[jobs["level_too_low"]].eligible
    assert matches[jobs["welding_here"]].eligible


def test_closed_vacancies_and_other_provinces_are_not_suggested(cast, jobs):
    items = {m.item for m in vacancies_for(jobs["person"], cast.employment, TODAY)}
    assert jobs["closed"] not in items and jobs["other_province"] not in items


def test_people_are_ranked_for_a_vacancy_and_only_those_who_consented(cast, jobs):
    welder_b = case_in(cast.commune_b).person
    _consent(cast, welder_b, trade="hàn")
    refused = case_in(cast.commune_a).person  # a certified welder who did not agree
    _certificate(cast, refused)
    withdrawn = case_in(cast.commune_a).person
    _consent(cast, withdrawn, trade="Hàn điện")
    services.withdraw_consent(withdrawn, withdrawn_on=TODAY, acting_user=cast.employment)
    closed = case_in(cast.commune_a, status=CaseStatus.CLOSED).person
    from taihoanhap.jobs.models import MatchingConsent

    MatchingConsent.objects.create(person=closed, given_on=TODAY, recorded_by=cast.employment)
    far = case_in(cast.other_commune).person
    MatchingConsent.objects.create(person=far, given_on=TODAY, recorded_by=cast.employment)

    matches = people_for(jobs["welding_here"], cast.employment, TODAY)
    assert [m.item for m in matches] == [jobs["person"], welder_b]
    assert matches[1].score == POINTS_DESIRED_TRADE + POINTS_SAME_PROVINCE


def test_a_person_without_consent_gets_no_suggestion(cast, client_for, jobs):
    person = case_in(cast.commune_a).person
    _certificate(cast, person)
    assert vacancies_for(person, cast.employment, TODAY) == []
    response = client_for("employment").get(
        reverse("jobs:person_matches", kwargs={"pk": person.pk})
    )
    assert response.status_code == 200
    assert response.context["matches"] == []
    assert jobs["welding_here"].title not in response.content.decode()


def test_withdrawing_consent_stops_the_suggestions_at_once(cast, jobs):
    person = jobs["person"]
    assert people_for(jobs["welding_here"], cast.employment, TODAY)
    services.withdraw_consent(person, withdrawn_on=TODAY, acting_user=cast.users["commune_a"])
    assert people_for(jobs["welding_here"], cast.employment, TODAY) == []
    assert vacancies_for(person, cast.employment, TODAY) == []


def test_the_vacancy_matches_page_lists_people_in_the_users_scope_only(cast, client_for, jobs):
    url = reverse("jobs:vacancy_matches", kwargs={"pk": jobs["welding_here"].pk})
    other = case_in(cast.commune_b).person
    _consent(cast, other, trade="Hàn điện")
    seen_by_a = [m.item for m in client_for("commune_a").get(url).context["matches"]]
    assert seen_by_a == [jobs["person"]]
    seen_by_province = client_for("employment").get(url).context["matches"]
    assert len(seen_by_province) == 2


def test_matching_uses_a_constant_number_of_queries(cast, jobs, django_assert_max_num_queries):
    for _ in range(5):
        person = case_in(cast.commune_a).person
        _consent(cast, person, trade="Hàn")
        _certificate(cast, person)
    with django_assert_max_num_queries(6):
        assert len(people_for(jobs["welding_here"], cast.employment, TODAY)) == 6


def test_consent_is_recorded_on_the_page_only_when_ticked(cast, client_for):
    person = case_in(cast.commune_a).person
    url = reverse("jobs:consent", kwargs={"pk": person.pk})
    client = client_for("commune_a")
    response = client.post(url, {"given_on": TODAY.strftime("%d/%m/%Y")})
    assert response.status_code == 200 and "agreed" in response.context["form"].errors
    assert services.active_consent(person) is None
    client.post(url, {"agreed": "on", "given_on": TODAY.strftime("%d/%m/%Y")})
    assert services.active_consent(person) is not None
    client.post(url, {"withdrawn_on": TODAY.strftime("%d/%m/%Y")})
    assert services.active_consent(person) is None
