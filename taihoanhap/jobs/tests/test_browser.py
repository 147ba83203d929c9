"""In the browser: an employment officer runs a fair up to a hire, and the commune officer
reads the hire on the person's timeline."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from taihoanhap.jobs.tests.factories import make_employer
from taihoanhap.registry.tests.factories import make_case
from taihoanhap.tests.cast import TEST_PASSWORD
from taihoanhap.tests.clock import today


def _has_person_page() -> bool:
    try:
        reverse("registry:person_detail", kwargs={"pk": "00000000-0000-0000-0000-000000000000"})
    except NoReverseMatch:
        return False
    return True


def _sign_in(page, username: str) -> None:
    page.goto(reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/dang-nhap" not in url and "login" not in url)


@pytest.mark.browser
@pytest.mark.skipif(not _has_person_page(), reason="needs registry:person_detail from issue 3")
def test_a_hire_at_a_fair_shows_on_the_persons_timeline(page, cast):
    employer = make_employer(cast.commune_a, name="Công ty TNHH Cơ khí Tân Phú")
    person = make_case(commune=cast.commune_a, person=None).person
    shown_today = today().strftime("%d/%m/%Y")

    _sign_in(page, "employment")
    page.goto(reverse("jobs:fair_add"))
    page.fill("#id_title", "Phiên chợ của tình người tháng này")
    page.fill("#id_held_on", shown_today)
    page.select_option("#id_commune", str(cast.commune_a.pk))
    page.fill("#id_venue", "Nhà văn hóa phường Trấn Biên")
    page.check(f"input[name=organisers][value='{cast.agencies['home_affairs'].pk}']")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/viec-lam/phien/*-*/")

    page.click("main a[href*='/phien/'][href$='/doanh-nghiep/']")
    page.select_option("#id_employer", str(employer.pk))
    page.click("main form button[type=submit]")

    page.click("main a[href*='/phien/'][href$='/dang-ky/']")
    page.fill("#id_q", person.full_name)
    page.click("button[name=search]")
    page.check(f"input[name=person][value='{person.pk}']")
    page.check("#id_consent_now")
    page.click("button[name=register]")
    page.wait_for_selector(".message--success")

    page.click("a[href*='/co-mat/']")
    page.check("input[name=attended][value='1']")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".message--success")

    page.click("a[href*='/ket-qua/']")
    page.check("input[name=stage][value='hired']")
    page.fill("#id_monthly_wage_vnd", "7.500.000")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".message--success")
    assert "Tân Phú" in page.inner_text("main")

    page.context.clear_cookies()
    _sign_in(page, "commune_a")
    page.goto(reverse("registry:person_detail", kwargs={"pk": person.pk}))
    timeline = page.inner_text("ol.timeline")
    assert "Công ty TNHH Cơ khí Tân Phú" in timeline
    assert "7.500.000 đ" in timeline
