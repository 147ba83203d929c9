"""Employment status over time, the A/B hint, figures; employers and vacancies."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taihoanhap.core.locking import StaleRecordError
from taihoanhap.employers.models import Employer
from taihoanhap.jobs import services
from taihoanhap.jobs.models import EmploymentRecord, EmploymentStatus, Vacancy
from taihoanhap.jobs.panels import panels_for
from taihoanhap.jobs.selectors import classification_hint, employment_figures
from taihoanhap.jobs.tests.factories import make_employer, make_vacancy
from taihoanhap.registry.lifecycle import request_transfer
from taihoanhap.registry.models import CaseEvent
from taihoanhap.support.tests.factories import case_in
from taihoanhap.tests.clock import FROZEN_TODAY

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY


def _record(cast, person, status, days_ago, employer=None, user="commune_a"):
    return services.record_employment(
        person,
        status=status,
        started_on=TODAY - timedelta(days=days_ago),
        employer=employer,
        acting_user=cast.users[user],
    )


def test_a_new_status_ends_the_current_one(cast):
    person = case_in(cast.commune_a).person
    first = _record(cast, person, EmploymentStatus.UNEMPLOYED, 100)
    second = _record(cast, person, EmploymentStatus.SELF_EMPLOYED, 20)
    first.refresh_from_db()
    assert first.ended_on == second.started_on
    assert EmploymentRecord.objects.filter(person=person, ended_on__isnull=True).get() == second
    assert CaseEvent.objects.filter(kind="jobs.employment", person=person).count() == 2


def test_a_status_cannot_start_before_the_current_one(cast):
    person = case_in(cast.commune_a).person
    _record(cast, person, EmploymentStatus.UNEMPLOYED, 10)
    with pytest.raises(ValidationError) as error:
        _record(cast, person, EmploymentStatus.IN_TRAINING, 30)
    assert "started_on" in error.value.message_dict


def test_employed_needs_an_employer_or_a_workplace(cast):
    person = case_in(cast.commune_a).person
    with pytest.raises(ValidationError):
        _record(cast, person, EmploymentStatus.EMPLOYED, 5)
    record = services.record_employment(
        person,
        status=EmploymentStatus.EMPLOYED,
        started_on=TODAY,
        workplace="Xưởng mộc Hai Lúa, ấp 3",
        acting_user=cast.users["commune_a"],
    )
    assert record.workplace == "Xưởng mộc Hai Lúa, ấp 3"


def test_the_hint_is_a_after_months_of_stable_work(cast, settings):
    settings.JOBS_STABLE_EMPLOYMENT_MONTHS = 6
    person = case_in(cast.commune_a).person
    employer = make_employer(cast.commune_a)
    _record(cast, person, EmploymentStatus.SELF_EMPLOYED, 300)
    _record(cast, person, EmploymentStatus.EMPLOYED, 100, employer=employer)
    records = list(EmploymentRecord.objects.filter(person=person))
    # Self-employed then employed without a gap: working for 300 days.
    assert classification_hint(records, TODAY).letter == "A"


def test_the_hint_is_b_without_work_or_with_a_new_job(cast):
    person = case_in(cast.commune_a).person
    assert classification_hint([], TODAY).letter == "B"
    _record(cast, person, EmploymentStatus.UNEMPLOYED, 300)
    assert classification_hint(list(person.employment_records.all()), TODAY).letter == "B"
    _record(cast, person, EmploymentStatus.EMPLOYED, 30, employer=make_employer(cast.commune_a))
    hint = classification_hint(list(person.employment_records.all()), TODAY)
    assert hint.letter == "B"


def test_only_police_and_inspectors_see_the_classification_hint(cast):
    person = case_in(cast.commune_a).person
    [panel] = panels_for(person, cast.users["commune_a"])
    assert panel.context["class_hint"] is not None
    [panel] = panels_for(person, cast.employment)
    assert panel.context["class_hint"] is None
    assert panels_for(person, cast.bank) == []


def test_the_employment_panel_uses_a_constant_number_of_queries(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = case_in(cast.commune_a).person
    user = cast.users["commune_a"]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            # The queries run when the section is opened.
            assert "employment_records" in panels_for(person, user)[0].context
        return len(queries)

    first = count()
    for days in (300, 200, 100):
        _record(cast, person, EmploymentStatus.EMPLOYED, days, make_employer(cast.commune_a))
    assert count() == first


def test_employment_figures_count_current_status_by_commune(cast):
    employer = make_employer(cast.commune_a)
    a1, a2, a3 = (case_in(cast.commune_a).person for _ in range(3))
    b1 = case_in(cast.commune_b).person
    _record(cast, a1, EmploymentStatus.EMPLOYED, 50, employer=employer)
    _record(cast, a2, EmploymentStatus.UNEMPLOYED, 50)
    _record(cast, a2, EmploymentStatus.SELF_EMPLOYED, 10)
    _record(cast, b1, EmploymentStatus.IN_TRAINING, 10, user="commune_b")
    rows = {r.commune: r for r in employment_figures(cast.employment, TODAY)}
    assert rows[cast.commune_a].total == 3
    assert rows[cast.commune_a].counts == {"employed": 1, "self_employed": 1}
    assert rows[cast.commune_a].unknown == 1  # a3: nothing recorded
    assert rows[cast.commune_b].counts == {"in_training": 1}
    assert list(r.commune for r in employment_figures(cast.users["commune_b"], TODAY)) == [
        cast.commune_b
    ]
    assert a3  # named for the reader: the third person has no record


def test_the_employment_form_records_a_status(cast, client_for):
    person = case_in(cast.commune_a).person
    employer = make_employer(cast.commune_b)  # another commune of the province: still listed
    response = client_for("commune_a").post(
        reverse("jobs:employment_add", kwargs={"pk": person.pk}),
        {
            "status": "employed",
            "started_on": TODAY.strftime("%d/%m/%Y"),
            "employer": employer.pk,
            "monthly_wage_vnd": "6.000.000",
        },
    )
    assert response.status_code == 302
    record = EmploymentRecord.objects.get(person=person)
    assert record.employer == employer and record.monthly_wage_vnd == 6_000_000


def test_the_employer_form_validates_the_tax_code(cast, client_for):
    data = {
        "name": "Công ty TNHH Gỗ Đồng Nai",
        "tax_code": "36012345",
        "sector": "Chế biến gỗ",
        "size": "small",
        "workforce": "50",
        "returnees_on_contract": "6",
        "commune": cast.commune_a.pk,
        "willing_to_hire": "on",
    }
    client = client_for("employment")
    response = client.post(reverse("jobs:employer_add"), data)
    assert response.status_code == 200 and "tax_code" in response.context["form"].errors
    response = client.post(reverse("jobs:employer_add"), {**data, "tax_code": "3601234567-001"})
    assert response.status_code == 302
    employer = Employer.objects.get()
    assert employer.province == cast.province
    assert employer.returnee_share == pytest.approx(0.12)


def test_more_returnees_than_employees_is_refused(cast, client_for):
    response = client_for("employment").post(
        reverse("jobs:employer_add"),
        {
            "name": "Hộ kinh doanh A",
            "tax_code": "3601234567",
            "sector": "Dịch vụ",
            "size": "household",
            "workforce": "2",
            "returnees_on_contract": "3",
            "commune": cast.commune_a.pk,
        },
    )
    assert "returnees_on_contract" in response.context["form"].errors


def test_a_vacancy_restricted_by_sex_needs_its_lawful_reason(cast, client_for):
    employer = make_employer(cast.commune_a)
    data = {
        "title": "Thợ mỏ",
        "trade": "Khai thác đá",
        "count": "2",
        "commune": cast.commune_a.pk,
        "sex": "M",
        "opens_on": TODAY.strftime("%d/%m/%Y"),
        "closes_on": (TODAY + timedelta(days=30)).strftime("%d/%m/%Y"),
        "wage_min_vnd": "9.000.000",
        "wage_max_vnd": "8.000.000",
    }
    url = reverse("jobs:vacancy_add", kwargs={"pk": employer.pk})
    response = client_for("employment").post(url, data)
    errors = response.context["form"].errors
    assert "sex_reason" in errors and "wage_max_vnd" in errors
    assert not Vacancy.objects.exists()


def test_closing_a_vacancy_takes_it_out_of_the_open_list(cast, client_for):
    vacancy = make_vacancy(make_employer(cast.commune_a))
    client = client_for("employment")
    client.post(
        reverse("jobs:vacancy_close", kwargs={"pk": vacancy.pk}),
        {"closed_on": TODAY.strftime("%d/%m/%Y"), "version": vacancy.version},
    )
    response = client.get(reverse("jobs:vacancy_list"))
    assert response.context["listing"].page.paginator.count == 0
    response = client.get(reverse("jobs:vacancy_list"), {"show": "all"})
    assert response.context["listing"].page.paginator.count == 1


@pytest.mark.parametrize("url_name", ["jobs:employer_list", "jobs:vacancy_list"])
def test_catalogue_lists_use_a_constant_number_of_queries(cast, client_for, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("employment")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url_name)).status_code == 200
        return len(queries)

    make_vacancy(make_employer(cast.commune_a))
    first = count()
    for _ in range(4):
        make_vacancy(make_employer(cast.commune_b))
    assert count() == first


def test_an_employer_of_another_province_is_not_found_nor_changed(cast, client_for):
    employer = make_employer(cast.other_commune, workforce=40)
    own = make_employer(cast.commune_a)
    client = client_for("employment")
    for name in ("jobs:employer_detail", "jobs:employer_edit", "jobs:vacancy_add"):
        assert client.get(reverse(name, kwargs={"pk": own.pk})).status_code == 200  # the control
        refused = client.get(reverse(name, kwargs={"pk": employer.pk}))
        assert refused.status_code == 404
        assert employer.name not in refused.content.decode()
    edit = {
        "name": "Đổi tên",
        "tax_code": employer.tax_code,
        "sector": employer.sector,
        "size": employer.size,
        "workforce": "99",
        "returnees_on_contract": "2",
        "commune": cast.commune_a.pk,
        "version": employer.version,
    }
    url = reverse("jobs:employer_edit", kwargs={"pk": employer.pk})
    assert client.post(url, edit).status_code == 404
    vacancy = {
        "title": "Thợ hàn",
        "trade": "Hàn điện",
        "count": "2",
        "commune": cast.commune_a.pk,
        "opens_on": TODAY.strftime("%d/%m/%Y"),
        "closes_on": (TODAY + timedelta(days=30)).strftime("%d/%m/%Y"),
    }
    url = reverse("jobs:vacancy_add", kwargs={"pk": employer.pk})
    assert client.post(url, vacancy).status_code == 404
    stored = Employer.objects.get(pk=employer.pk)
    assert (stored.name, stored.workforce, stored.version) == (employer.name, 40, employer.version)
    assert not Vacancy.objects.exists()
    # The same vacancy is accepted for the officer's own employer: it was refused for its scope.
    own_add = reverse("jobs:vacancy_add", kwargs={"pk": own.pk})
    assert client.post(own_add, vacancy).status_code == 302
    assert list(Vacancy.objects.values_list("employer", flat=True)) == [own.pk]


def test_an_employment_page_of_a_person_elsewhere_is_not_found_and_records_nothing(
    cast, client_for
):
    person = case_in(cast.commune_b).person
    for name in ("jobs:employment_add", "jobs:consent", "jobs:person_matches"):
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_b").get(url).status_code == 200  # the control: their commune
        refused = client_for("commune_a").get(url)
        assert refused.status_code == 404
        assert person.full_name not in refused.content.decode()
    day = TODAY.strftime("%d/%m/%Y")
    status = {"status": "unemployed", "started_on": day}
    add = reverse("jobs:employment_add", kwargs={"pk": person.pk})
    assert client_for("commune_a").post(add, status).status_code == 404
    consent = reverse("jobs:consent", kwargs={"pk": person.pk})
    assert (
        client_for("commune_a").post(consent, {"agreed": "on", "given_on": day}).status_code == 404
    )
    assert not EmploymentRecord.objects.filter(person=person).exists()
    assert services.active_consent(person) is None
    # The same status from the person's own commune is recorded: it was refused for its scope.
    assert client_for("commune_b").post(add, status).status_code == 302
    assert EmploymentRecord.objects.filter(person=person).count() == 1


def test_an_officer_awaiting_a_transfer_records_no_employment_nor_consent(cast, client_for):
    case = case_in(cast.commune_a)
    request_transfer(
        case,
        to_commune=cast.commune_b,
        to_address="Ấp 2",
        reason="Về ở với gia đình",
        requested_on=TODAY,
        acting_user=cast.users["commune_a"],
    )
    person = case.person
    day = TODAY.strftime("%d/%m/%Y")
    posts = {
        "jobs:employment_add": {"status": "unemployed", "started_on": day},
        "jobs:consent": {"agreed": "on", "given_on": day},
    }
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_b").post(url, data).status_code == 403
    assert not EmploymentRecord.objects.filter(person=person).exists()
    assert services.active_consent(person) is None
    # The same posts by the commune the person still belongs to are saved.
    for name, data in posts.items():
        url = reverse(name, kwargs={"pk": person.pk})
        assert client_for("commune_a").post(url, data).status_code == 302
    assert EmploymentRecord.objects.filter(person=person).count() == 1
    assert services.active_consent(person) is not None


def test_a_stale_employer_edit_is_a_conflict_and_saving_again_succeeds(cast, client_for):
    employer = make_employer(cast.commune_a, workforce=40)
    url = reverse("jobs:employer_edit", kwargs={"pk": employer.pk})
    data = {
        "name": employer.name,
        "tax_code": employer.tax_code,
        "sector": employer.sector,
        "size": employer.size,
        "workforce": "40",
        "returnees_on_contract": "2",
        "commune": cast.commune_a.pk,
        "version": employer.version,  # both officers opened the form at this version
    }
    first, second = client_for("employment"), client_for("employment")
    assert first.post(url, {**data, "workforce": "45"}).status_code == 302
    response = second.post(url, {**data, "workforce": "50"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors() == [str(StaleRecordError.message)]
    assert form["workforce"].value() == "50"  # what the second officer typed is kept
    employer.refresh_from_db()
    assert employer.workforce == 45  # the first save, not overwritten
    # The form now carries the current version: saving again, knowingly, succeeds.
    assert int(form["version"].value()) == employer.version
    response = second.post(url, {**data, "workforce": "50", "version": form["version"].value()})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.workforce == 50
