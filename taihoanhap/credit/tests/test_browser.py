"""In the browser: a commune officer puts a person on Form 01, the commune People's Committee
confirms it, the bank officer approves and disburses, and the person's timeline shows the loan."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, reverse

from taihoanhap.credit.models import LoanApplication, LoanStatus
from taihoanhap.credit.tests import factories as f
from taihoanhap.registry.models import CaseEvent
from taihoanhap.tests.clock import today


def _resolvable(name: str) -> bool:
    try:
        reverse(name, kwargs={"pk": "00000000-0000-0000-0000-000000000000"})
    except NoReverseMatch:
        return False
    return True


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _lend_through_the_pages(page, live_server, cast):
    """The whole story, page by page, in Vietnamese as the officers see it. Returns the case."""
    case = f.returnee(cast.commune_a, completed_on=today() - timedelta(days=400))
    person = case.person

    # The commune police officer draws up the application and puts the person on Form 01.
    _sign_in(page, live_server, cast.users["commune_a"])
    page.goto(reverse("credit:create_individual") + f"?person={person.pk}")
    page.fill("#id_representative_name", "Nguyễn Thị Mẹ")
    page.select_option("#id_representative_relationship", "parent")
    page.select_option("#id_purpose", "production")
    page.fill("#id_amount_requested", "50.000.000")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("hồ sơ vay vốn đã được lập").wait_for()
    application_url = page.url
    page.get_by_role("link", name="Đưa vào Mẫu số 01").click()
    page.get_by_role("button", name="Đưa vào Mẫu số 01").click()
    page.get_by_text(f"{person.full_name} có tên trong").wait_for()
    # The list sits in the menu's "Credit" group, folded until opened.
    page.locator("nav summary", has_text="Tín dụng").click()
    page.get_by_role("link", name="Danh sách Mẫu số 01").first.click()
    page.locator("table a").first.click()
    list_url = page.url
    page.get_by_role("link", name="Gửi xác nhận").click()
    page.get_by_role("button", name="Gửi xác nhận").click()
    page.get_by_text("danh sách đã được gửi Ủy ban nhân dân cấp xã").wait_for()

    # The leader of the commune People's Committee confirms the list.
    _sign_in(page, live_server, cast.users["commune_leader"])
    page.goto(list_url)
    page.get_by_role("link", name="Xác nhận danh sách").click()
    page.get_by_role("button", name="Xác nhận danh sách").click()
    page.get_by_text("Mẫu số 01 đã được xác nhận").wait_for()

    # The commune officer sends the file to the bank.
    _sign_in(page, live_server, cast.users["commune_a"])
    page.goto(application_url)
    page.get_by_role("link", name="Gửi ngân hàng").click()
    page.get_by_role("button", name="Gửi ngân hàng").click()
    page.get_by_text("hồ sơ đã được gửi Ngân hàng Chính sách xã hội").wait_for()

    # The bank officer lands on the files awaiting the bank, approves and disburses.
    _sign_in(page, live_server, cast.users["bank"])
    page.goto("/")
    page.get_by_role("link", name=person.full_name).click()
    page.get_by_role("link", name="Phê duyệt").click()
    page.check("#id_no_other_debt")
    page.get_by_role("button", name="Phê duyệt").click()
    page.get_by_text("khoản vay 50.000.000 đ được phê duyệt").wait_for()
    page.get_by_role("link", name="Ghi nhận giải ngân").click()
    page.fill("#id_contract_number", "0123/HĐTD")
    page.get_by_role("button", name="Ghi nhận giải ngân").click()
    page.get_by_text("giải ngân 50.000.000 đ").wait_for()
    assert page.locator(".tag", has_text="Đã giải ngân").count() >= 1
    return case


@pytest.mark.browser
def test_a_loan_goes_from_form_01_to_disbursement_in_the_browser(page, live_server, cast):
    case = _lend_through_the_pages(page, live_server, cast)
    loan = LoanApplication.objects.get()
    assert (loan.status, loan.disbursed_amount) == (LoanStatus.DISBURSED, 50_000_000)
    summaries = list(
        CaseEvent.objects.filter(case=case, kind="credit_loan").values_list("summary", flat=True)
    )
    assert any("giải ngân" in text for text in summaries)


@pytest.mark.browser
@pytest.mark.skipif(
    not _resolvable("registry:person_detail"), reason="needs registry:person_detail from issue 3"
)
def test_the_persons_timeline_shows_the_loan(page, live_server, cast):
    case = _lend_through_the_pages(page, live_server, cast)
    _sign_in(page, live_server, cast.users["commune_a"])
    page.goto(reverse("registry:person_detail", kwargs={"pk": case.person.pk}))
    timeline = page.locator(".timeline")
    timeline.get_by_text(re.compile("Đã giải ngân khoản vay")).wait_for()
    assert timeline.get_by_text(re.compile("phê duyệt khoản vay")).count() == 1
    # The loans section is folded and loads its content when opened (a script and a fetch).
    section = page.locator("details.panel", has_text="Vay vốn Ngân hàng Chính sách xã hội")
    assert section.locator("table").count() == 0
    section.locator("summary").click()
    section.locator("table").get_by_text("50.000.000").first.wait_for()
    _sign_in(page, live_server, cast.users["bank"])
    page.goto(reverse("registry:person_detail", kwargs={"pk": case.person.pk}))
    page.locator(".timeline").get_by_text(re.compile("Đã giải ngân khoản vay")).wait_for()
    assert f.OFFENCE not in page.content()
