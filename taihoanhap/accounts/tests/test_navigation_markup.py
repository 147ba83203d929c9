"""The menu's markup is rendered once per role, language and current page and reused: what each
page shows must still be the menu of that role, in that language, with that page marked."""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import reverse

from taihoanhap.core.navigation import menu_for


def _nav(response) -> str:
    return re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S).group(0)


def _links(nav: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', nav)


def test_each_role_sees_its_own_menu_on_every_page(client_for):
    police = _nav(client_for("commune_a").get(reverse("accounts:password_change")))
    finance = _nav(client_for("finance").get(reverse("accounts:password_change")))
    assert police != finance
    for persona, nav in (("commune_a", police), ("finance", finance)):
        role = client_for(persona).get(reverse("accounts:password_change")).wsgi_request.user.role
        expected = [
            child["url"] for entry in menu_for(role, "") for child in entry.get("children", [entry])
        ]
        assert _links(nav) == expected


def test_the_current_page_is_marked_and_only_it(client_for):
    client = client_for("commune_a")
    lists = _nav(client.get(reverse("credit:application_list")))
    password = _nav(client.get(reverse("accounts:password_change")))
    marked = re.findall(r'<a href="([^"]+)" aria-current="page"', lists)
    assert marked == [reverse("credit:application_list")]
    assert "aria-current" not in password


def test_the_menu_speaks_the_language_of_the_page(client_for):
    client = client_for("commune_a")
    vietnamese = _nav(client.get(reverse("accounts:password_change")))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _nav(client.get(reverse("accounts:password_change")))
    assert "Việc cần làm" in vietnamese and "Việc cần làm" not in english
    assert _links(vietnamese) == _links(english)


def test_a_signed_out_page_has_no_menu(client):
    response = client.get(reverse("accounts:login"))
    assert 'class="site-nav"' not in response.content.decode()
