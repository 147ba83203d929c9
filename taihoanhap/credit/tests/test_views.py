"""The credit pages: what each role sees, scope, confirmation steps, exports and query counts."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.tests.views import audited_views
from taihoanhap.credit.models import (
    EligibleList,
    ListStatus,
    LoanApplication,
    LoanStatus,
)
from taihoanhap.credit.panels import panels_for
from taihoanhap.credit.tests import factories as f

pytestmark = pytest.mark.django_db

SECRETS = (f.OFFENCE, f.JUDGMENT, f.COURT, f.CASE_NOTE)


def _no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def _xlsx_text(response) -> str:
    workbook = load_workbook(BytesIO(response.content))
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


@pytest.fixture
def loans(cast):
    """A loan in every status in commune A, all of persons with criminal-history details."""
    police = cast.users["commune_a"]
    made = {}
    for status in LoanStatus:
        case = f.returnee(cast.commune_a)
        made[status] = f.individual(
            case,
            police,
            status=status,
            approved_amount=50_000_000,
            disbursed_amount=50_000_000,
            disbursed_on=date(2025, 9, 1),
            decided_on=date(2025, 8, 1),
        )
    return made


def test_the_bank_officer_sees_no_offence_on_any_credit_page_or_export(cast, client_for, loans):
    police = cast.users["commune_a"]
    client = client_for("bank")
    case = loans[LoanStatus.SUBMITTED].case
    the_list = f.eligible_list(cast.commune_a, police, cases=[case])
    business = f.business(f.employer(cast.commune_a), police)
    pages = [
        reverse("credit:application_list"),
        reverse("credit:awaiting_decision"),
        reverse("credit:summary"),
        reverse("credit:list_index"),
        reverse("credit:list_detail", kwargs={"pk": the_list.pk}),
        reverse("credit:list_print", kwargs={"pk": the_list.pk}),
        reverse("credit:form02_print", kwargs={"pk": business.pk}),
        reverse("credit:parameter_list"),
    ]
    for loan in loans.values():
        pages.append(reverse("credit:application_detail", kwargs={"pk": loan.pk}))
    pages += [
        reverse("credit:application_approve", kwargs={"pk": loans[LoanStatus.SUBMITTED].pk}),
        reverse("credit:application_reject", kwargs={"pk": loans[LoanStatus.SUBMITTED].pk}),
        reverse("credit:application_disburse", kwargs={"pk": loans[LoanStatus.APPROVED].pk}),
        reverse("credit:application_repay", kwargs={"pk": loans[LoanStatus.REPAYING].pk}),
        reverse("credit:application_overdue", kwargs={"pk": loans[LoanStatus.DISBURSED].pk}),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        _no_secrets(response.content.decode())
    exports = [
        reverse("credit:application_export"),
        reverse("credit:list_export", kwargs={"pk": the_list.pk}),
        reverse("credit:form02_export", kwargs={"pk": business.pk}),
    ]
    for url in exports:
        response = client.get(url)
        assert response.status_code == 200, url
        text = _xlsx_text(response)
        assert text  # the workbook has content, and none of it is criminal history
        _no_secrets(text)
    # The person page's loan section, as the bank officer would see it.
    for panel in panels_for(case.person, cast.users["bank"]):
        _no_secrets(render_to_string(panel.template, panel.context))


def test_the_bank_officer_sees_what_a_lending_decision_needs(cast, client_for, loans):
    loan = loans[LoanStatus.SUBMITTED]
    page = client_for("bank").get(reverse("credit:application_detail", kwargs={"pk": loan.pk}))
    html = page.content.decode()
    person = loan.person
    for expected in (
        person.full_name,
        person.citizen_id,
        "Nguyễn Thị Mẹ",  # the household representative
        "50.000.000 đ",
        "215/GCN-TG",  # the certificate, an eligibility fact
        "Quyết định 22/2023/QĐ-TTg",
    ):
        assert expected in html
    assert reverse("credit:application_approve", kwargs={"pk": loan.pk}) in html


def test_the_bank_officer_sees_an_old_identity_card_number_marked_as_such(client_for, loans):
    loan = loans[LoanStatus.SUBMITTED]
    loan.person.citizen_id = "271234567"
    loan.person.save(update_fields=["citizen_id"])
    page = client_for("bank").get(reverse("credit:application_detail", kwargs={"pk": loan.pk}))
    assert "271234567 (CMND cũ)" in page.content.decode()


def test_the_form_01_export_lists_the_persons_for_the_bank(cast, client_for):
    police = cast.users["commune_a"]
    case = f.returnee(cast.commune_a)
    the_list = f.eligible_list(cast.commune_a, police, cases=[case])
    response = client_for("bank").get(reverse("credit:list_export", kwargs={"pk": the_list.pk}))
    text = _xlsx_text(response)
    assert case.person.full_name in text
    assert case.person.citizen_id in text
    assert AuditEvent.objects.filter(
        action=Action.EXPORT, object_id=str(the_list.pk), user=cast.users["bank"]
    ).exists()


def test_a_loan_outside_the_users_area_answers_404(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"])
    url = reverse("credit:application_detail", kwargs={"pk": loan.pk})
    assert client_for("commune_b").get(url).status_code == 404
    assert client_for("other_province").get(url).status_code == 404
    assert client_for("commune_a").get(url).status_code == 200


def test_a_loan_follows_its_person_when_they_move(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"])
    person = loan.person
    person.commune = cast.commune_b
    person.save()
    url = reverse("credit:application_detail", kwargs={"pk": loan.pk})
    assert client_for("commune_a").get(url).status_code == 404
    assert client_for("commune_b").get(url).status_code == 200


def test_a_form_01_list_outside_the_users_area_answers_404_and_exports_nothing(cast, client_for):
    the_list = f.eligible_list(cast.commune_a, cast.users["commune_a"])
    for name in ("credit:list_detail", "credit:list_print", "credit:list_export"):
        url = reverse(name, kwargs={"pk": the_list.pk})
        assert client_for("commune_a").get(url).status_code == 200  # the control
        assert client_for("other_province").get(url).status_code == 404
        assert client_for("commune_b").get(url).status_code == 404
    # Only commune A's print and export were recorded: a refused one leaves no trace of a copy.
    exports = AuditEvent.objects.filter(action=Action.EXPORT, object_id=str(the_list.pk))
    assert {event.user for event in exports} == {cast.users["commune_a"]}


def test_the_form_02_of_a_business_loan_outside_the_users_area_answers_404(cast, client_for):
    loan = f.business(f.employer(cast.commune_a), cast.users["commune_a"])
    url = reverse("credit:form02_print", kwargs={"pk": loan.pk})
    employer = loan.employer.name
    assert employer in client_for("commune_a").get(url).content.decode()  # the control
    refused = client_for("commune_b").get(url)
    assert refused.status_code == 404
    assert employer not in refused.content.decode()


def test_an_individual_loan_has_no_form_02(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"])
    business = f.business(f.employer(cast.commune_a), cast.users["commune_a"])
    client = client_for("commune_a")
    # The controls: the same officer reads the loan, and prints a business loan's form 02.
    assert (
        client.get(reverse("credit:application_detail", kwargs={"pk": loan.pk})).status_code == 200
    )
    assert client.get(reverse("credit:form02_print", kwargs={"pk": business.pk})).status_code == 200
    url = reverse("credit:form02_print", kwargs={"pk": loan.pk})
    assert client.get(url).status_code == 404


def test_a_person_outside_the_users_area_in_the_new_application_link_answers_404(cast, client_for):
    other = f.returnee(cast.commune_b)
    url = reverse("credit:create_individual") + f"?person={other.person.pk}"
    control = client_for("commune_b").get(url)  # the officer of the person's own commune
    assert other.person.full_name in control.content.decode()
    refused = client_for("commune_a").get(url)
    assert refused.status_code == 404
    assert other.person.full_name not in refused.content.decode()
    assert not LoanApplication.objects.exists()


def test_viewing_a_loan_is_audited(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"])
    client_for("bank").get(reverse("credit:application_detail", kwargs={"pk": loan.pk}))
    assert audited_views(object_id=str(loan.pk), user=cast.users["bank"]).exists()


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("persona", ["bank", "commune_a"])
def test_the_application_list_runs_a_constant_number_of_queries(
    cast, client_for, django_assert_num_queries, persona
):
    police = cast.users["commune_a"]
    client = client_for(persona)
    url = reverse("credit:application_list")
    f.individual(f.returnee(cast.commune_a), police)
    f.business(f.employer(cast.commune_a), police)
    before = _count(client, url)
    for _ in range(8):
        f.individual(f.returnee(cast.commune_a), police)
        f.business(f.employer(cast.commune_a), police)
    with django_assert_num_queries(before):
        client.get(url)


def test_the_form_01_list_detail_runs_a_constant_number_of_queries(
    cast, client_for, django_assert_num_queries
):
    from taihoanhap.credit.models import EligibleListEntry

    police = cast.users["commune_a"]
    the_list = f.eligible_list(cast.commune_a, police, cases=[f.returnee(cast.commune_a)])
    client = client_for("commune_a")
    url = reverse("credit:list_detail", kwargs={"pk": the_list.pk})
    before = _count(client, url)
    for _ in range(6):
        case = f.returnee(cast.commune_a)
        EligibleListEntry.objects.create(eligible_list=the_list, person=case.person, case=case)
    with django_assert_num_queries(before):
        client.get(url)


def test_the_loan_panel_runs_a_constant_number_of_queries(cast, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    police = cast.users["commune_a"]
    case = f.returnee(cast.commune_a)
    f.individual(case, police)
    # The context (the queries) is computed when the section is opened, not when listed.
    # (a first opening loads the calendar's exceptions once)
    assert panels_for(case.person, cast.users["bank"])[0].context["loan_lines"]
    with CaptureQueriesContext(connection) as listed:
        [panel] = panels_for(case.person, cast.users["bank"])
    assert len(listed.captured_queries) == 0
    with CaptureQueriesContext(connection) as one:
        assert len(panel.context["loan_applications"]) == 1
    assert len(one.captured_queries) > 0
    for _ in range(5):
        f.individual(case, police)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(panels_for(case.person, cast.users["bank"])[0].context["loan_applications"]) == 6


def test_roles_that_do_not_read_loans_get_no_panel(cast):
    case = f.returnee(cast.commune_a)
    assert panels_for(case.person, cast.users["employment"]) == []


def test_a_commune_officer_draws_up_an_application_with_money_typed_with_dots(cast, client_for):
    case = f.returnee(cast.commune_a)
    response = client_for("commune_a").post(
        reverse("credit:create_individual"),
        {
            "person": case.person.pk,
            "representative_name": "Trần Thị Vợ",
            "representative_relationship": "spouse",
            "purpose": "production",
            "amount_requested": "30.000.000",
        },
    )
    loan = LoanApplication.objects.get()
    assert response.status_code == 302
    assert loan.amount_requested == 30_000_000
    assert loan.representative_name == "Trần Thị Vợ"
    assert loan.created_by == cast.users["commune_a"]


def test_a_missing_representative_is_explained_beside_the_field(cast, client_for):
    case = f.returnee(cast.commune_a)
    response = client_for("commune_a").post(
        reverse("credit:create_individual"),
        {"person": case.person.pk, "purpose": "training", "amount_requested": "abc"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"representative_name", "amount_requested", "training_months"}
    assert not LoanApplication.objects.exists()


def test_a_stale_confirmation_keeps_the_input_and_says_so(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"], status="submitted")
    url = reverse("credit:application_reject", kwargs={"pk": loan.pk})
    LoanApplication.objects.filter(pk=loan.pk).update(version=5)
    response = client_for("bank").post(
        url,
        {
            "version": "1",
            "on": timezone.localdate().strftime("%d/%m/%Y"),
            "reason": "Thiếu giấy tờ",
        },
    )
    assert response.status_code == 200
    assert "Thiếu giấy tờ" in response.content.decode()
    assert response.context["form"].non_field_errors()
    loan.refresh_from_db()
    assert loan.status == LoanStatus.SUBMITTED


def test_an_impossible_step_explains_why_instead_of_a_form(cast, client_for):
    loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"])
    response = client_for("bank").get(reverse("credit:application_approve", kwargs={"pk": loan.pk}))
    assert response.status_code == 200
    assert response.context["blocked"]
    assert response.context["form"] is not None
    assert b'type="submit" class="button"' not in response.content
    assert b'class="message message--warning"' in response.content


def test_the_commune_flow_through_the_pages(cast, client_for):
    """Commune police put a person on Form 01 and send it; the committee confirms; the police
    submit; the bank approves and disburses."""
    police, committee, bank = (
        client_for("commune_a"),
        client_for("commune_leader"),
        client_for("bank"),
    )
    today = timezone.localdate().strftime("%d/%m/%Y")
    case = f.returnee(cast.commune_a, completed_on=date(2024, 3, 1))
    loan = f.individual(case, cast.users["commune_a"], status_changed_on=timezone.localdate())
    police.post(reverse("credit:application_put_on_list", kwargs={"pk": loan.pk}))
    the_list = EligibleList.objects.get()
    assert the_list.entries.get().person == case.person
    police.post(reverse("credit:list_submit", kwargs={"pk": the_list.pk}), {"version": "1"})
    response = committee.post(
        reverse("credit:list_confirm", kwargs={"pk": the_list.pk}), {"version": "2", "on": today}
    )
    assert response.status_code == 302
    the_list.refresh_from_db()
    assert the_list.status == ListStatus.CONFIRMED
    loan.refresh_from_db()
    assert loan.status == LoanStatus.ON_LIST
    police.post(
        reverse("credit:application_submit", kwargs={"pk": loan.pk}),
        {"version": loan.version, "on": today},
    )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.SUBMITTED
    bank.post(
        reverse("credit:application_approve", kwargs={"pk": loan.pk}),
        {"version": loan.version, "on": today, "amount": "50.000.000", "no_other_debt": "on"},
    )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.APPROVED
    response = bank.post(
        reverse("credit:application_disburse", kwargs={"pk": loan.pk}),
        {"version": loan.version, "on": today, "amount": "50.000.000", "contract_number": "1"},
        follow=True,
    )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.DISBURSED
    assert "50.000.000 đ" in response.content.decode()


def test_a_new_rate_is_recorded_with_its_source(cast, client_for):
    response = client_for("bank").post(
        reverse("credit:parameter_add"),
        {
            "key": "poor_household_rate",
            "value": "6,2",
            "effective_from": "01/01/2027",
            "source": "Thông báo của NHCSXH số 01/TB (thử)",
        },
    )
    assert response.status_code == 302
    from taihoanhap.credit.parameters import rates_on

    assert str(rates_on(date(2027, 1, 1)).annual_percent) == "6.2000"
    again = client_for("bank").post(
        reverse("credit:parameter_add"),
        {
            "key": "poor_household_rate",
            "value": "6,1",
            "effective_from": "01/01/2027",
            "source": "Trùng ngày",
        },
    )
    assert again.status_code == 200
    assert again.context["form"].errors["effective_from"]


# --- The loans section of the person page, loaded when opened -----------------------------------


def _section_url(case) -> str:
    return reverse("registry:person_section", kwargs={"pk": case.person.pk, "key": "credit-panel"})


def test_the_person_page_lists_the_loans_section_folded_without_its_content(client_for, cast):
    case = f.returnee(cast.commune_a)
    f.individual(case, cast.users["commune_a"], amount=37_000_000)
    body = (
        client_for("commune_a")
        .get(reverse("registry:person_detail", kwargs={"pk": case.person.pk}))
        .content.decode()
    )
    assert f'data-section-url="{_section_url(case)}"' in body
    assert "<summary><h2>Vay vốn Ngân hàng Chính sách xã hội</h2></summary>" in body
    assert "37.000.000" not in body  # the amount is in the section, loaded on demand


def test_the_section_answers_a_fragment_to_the_page_script_and_a_page_without_it(client_for, cast):
    case = f.returnee(cast.commune_a)
    f.individual(case, cast.users["commune_a"], amount=37_000_000)
    client = client_for("bank")
    fragment = client.get(_section_url(case), headers={"X-Requested-With": "fetch"})
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert "37.000.000" in text and "<html" not in text
    _no_secrets(text)
    whole = client.get(_section_url(case))
    assert whole.status_code == 200
    assert "<html" in whole.content.decode() and "37.000.000" in whole.content.decode()
    opened = audited_views(object_id=str(case.person.pk), note="credit-panel")
    assert opened.count() == 2


def test_a_section_the_role_does_not_get_or_that_does_not_exist_answers_404(client_for, cast):
    case = f.returnee(cast.commune_a)
    f.individual(case, cast.users["commune_a"], amount=37_000_000)
    pk = case.person.pk

    def section(persona: str, key: str):
        url = reverse("registry:person_section", kwargs={"pk": pk, "key": key})
        return client_for(persona).get(url)

    # The controls: each role opens a section it does get, of the same person.
    assert "37.000.000" in section("bank", "credit-panel").content.decode()
    assert section("employment", "support-panels-needs").status_code == 200
    assert section("commune_a", "credit-panel").status_code == 200
    refused = section("employment", "credit-panel")
    assert refused.status_code == 404
    assert "37.000.000" not in refused.content.decode()
    assert section("bank", "support-panels-needs").status_code == 404
    assert section("commune_a", "no-such-section").status_code == 404
    # Only the three sections shown were recorded as opened.
    assert audited_views(object_id=str(pk), note="credit-panel").count() == 2
