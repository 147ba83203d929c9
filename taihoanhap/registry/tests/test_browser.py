"""In a real browser: a commune officer receives an expected person, sees the duty leave the
work queue, and finds the person by a name typed without diacritics.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from taihoanhap.registry.models import CaseStatus
from taihoanhap.registry.tests.factories import make_person, open_case_for
from taihoanhap.tests.cast import TEST_PASSWORD
from taihoanhap.tests.clock import today


@pytest.mark.browser
def test_a_commune_officer_receives_an_expected_person_and_finds_them(page, cast):
    officer = cast.users["commune_a"]
    person = make_person(cast.commune_a, full_name="Nguyễn Văn Ánh")
    case = open_case_for(officer, person, release_date=today())
    receive_url = reverse("registry:case_action", kwargs={"pk": case.pk, "action": "tiep-nhan"})

    page.goto(reverse("accounts:login"))
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("form button[type=submit]")
    # The commune officer lands on the work queue, where the return is due today.
    page.wait_for_url(f"**{reverse('registry:work_queue')}")
    due = page.locator(".queue__item", has_text="Nguyễn Văn Ánh")
    assert due.count() == 1
    due.locator("a").click()

    page.wait_for_url(f"**{person.get_absolute_url()}")
    page.click(f"a[href='{receive_url}']")
    page.check("input[name=commitment_signed]")
    page.fill("textarea[name=needs]", "Cần việc làm")
    page.click("main form button[type=submit]:not([name])")
    # The confirmation says what will happen; confirming records the reception.
    page.locator(".message--warning").wait_for()
    page.click("main form button[type=submit]:not([name=back])")
    page.locator(".message--success").wait_for()
    case.refresh_from_db()
    assert case.status == CaseStatus.UNDER_MANAGEMENT

    page.goto(reverse("registry:work_queue"))
    titles = page.locator(".queue__item", has_text="Nguyễn Văn Ánh").all_inner_texts()
    receive_label = "Tiếp nhận người chấp hành xong án phạt tù"
    assert not any(receive_label in text for text in titles)

    # The header search: typed without diacritics, POSTed, the URL carries no name.
    page.fill("#site-search-q", "nguyen van anh")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/ho-so/?s=*")
    assert "nguyen" not in page.url
    assert page.locator("table a", has_text="Nguyễn Văn Ánh").count() == 1
