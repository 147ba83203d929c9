import random

import pytest

from taihoanhap.accounts import demo as accounts_demo
from taihoanhap.core.demo import DEMO_PASSWORD, DemoContext
from taihoanhap.tests.clock import today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _demo_accounts(cast) -> None:
    ctx = DemoContext(
        province=cast.province,
        communes=[cast.commune_a, cast.commune_b],
        persons=0,
        rng=random.Random(1),
        today=today(),
        progress=lambda message: None,
    )
    accounts_demo.generate(ctx)


def test_a_demo_commune_officer_signs_in_sees_vietnamese_pages_and_signs_out(page, cast):
    _demo_accounts(cast)
    page.goto("/")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    page.get_by_label("Tên đăng nhập").fill("ca.xa")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator(".site-account summary").inner_text().startswith("Nguyễn Thị Hồng Nhung")
    assert "Cán bộ Công an cấp xã" in page.locator(".site-account summary").inner_text()
    assert page.title().endswith("Tái hòa nhập cộng đồng")

    page.locator(".site-account summary").click()
    page.get_by_role("button", name="Đăng xuất").click()
    assert page.locator("h1").inner_text() == "Đăng nhập"
    page.goto("/")
    assert page.locator("h1").inner_text() == "Đăng nhập"  # really signed out


def test_a_wrong_password_shows_the_error_summary_and_keeps_the_username(page, cast):
    _demo_accounts(cast)
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("ca.xa")
    page.get_by_label("Mật khẩu").fill("sai")
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.get_by_role("alert").is_visible()
    assert "không đúng" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Tên đăng nhập").input_value() == "ca.xa"
