"""Deny by default, checked over the whole URL space."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from taihoanhap.accounts.access import rule_of
from taihoanhap.core.discovery import app_modules
from taihoanhap.tests.matrix import UrlCase


def _all_patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # the Django admin checks staff status and scope itself
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_all_patterns(entry, inner))
        else:
            found.append((f"{namespace}{entry.name}", entry))
    return found


def _all_cases() -> list[UrlCase]:
    return [case for module in app_modules("tests.matrix") for case in module.CASES]


ALL_CASES = _all_cases()


def test_every_view_declares_an_access_rule():
    undeclared = [
        name for name, pattern in _all_patterns(get_resolver()) if rule_of(pattern.callback) is None
    ]
    assert undeclared == [], f"Views without an access rule: {undeclared}"


def test_every_url_has_a_persona_matrix_case():
    names = {name for name, _ in _all_patterns(get_resolver())}
    covered = {case.url_name for case in ALL_CASES}
    assert names - covered == set(), (
        f"URLs missing from the persona matrix: {sorted(names - covered)}"
    )


def test_a_view_without_a_rule_is_refused(client_for, cast, settings):
    settings.ROOT_URLCONF = "taihoanhap.tests.urls_undeclared"
    response = client_for("commune_a").get("/undeclared/")
    assert response.status_code == 403


PARAMS = [
    pytest.param(case, persona, id=f"{case.method}:{case.url_name}:{persona}")
    for case in ALL_CASES
    for persona in case.personas()
]


@pytest.mark.parametrize(("url_case", "persona"), PARAMS)
def test_persona_matrix(url_case: UrlCase, persona: str, client_for, cast):
    kwargs = url_case.kwargs(cast) if url_case.kwargs else {}
    url = reverse(url_case.url_name, kwargs=kwargs) + (
        f"?{url_case.query}" if url_case.query else ""
    )
    client = client_for(persona)
    response = getattr(client, url_case.method)(url, data=url_case.data)
    expected = url_case.expected(persona)
    login_url = reverse(settings.LOGIN_URL)
    if expected == "ok":
        assert response.status_code < 400, response.status_code
        if response.status_code in (301, 302):
            # Sent to sign in (with ?next=) would mean refused; logout lands there plainly.
            assert not (
                response["Location"].startswith(login_url) and "next=" in response["Location"]
            )
    elif expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(login_url)
    else:
        assert response.status_code == int(expected)
