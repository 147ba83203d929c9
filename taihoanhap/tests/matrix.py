"""The persona matrix: for every URL, which personas may use it, which get 404, and which 403.

Each app lists its URLs in `<app>/tests/matrix.py` as `CASES = [UrlCase(...)]`;
`test_access_matrix.py` runs every case for every persona and fails if a URL pattern of the
project has no case, so a new page cannot skip the check.

Outcomes: personas in `ok` get a page (2xx, or a redirect that is not to the login page);
personas in `hidden` get 404 (the record exists but lies outside their jurisdiction); every
other signed-in persona gets 403; anonymous visitors are sent to the login page (or served, for
public pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from taihoanhap.tests.cast import Cast

MATRIX_PERSONAS = (
    "anonymous",
    "commune_a",
    "commune_b",
    "province",
    "other_province",
    "bank",
    "inspector",
    "leader",
    "employment",
    "admin",
)


@dataclass(frozen=True)
class UrlCase:
    url_name: str
    ok: frozenset[str] = frozenset()
    hidden: frozenset[str] = frozenset()
    method: str = "get"
    public: bool = False
    # Builds the URL's kwargs (usually a record in commune A) from the cast.
    kwargs: Callable[[Cast], dict[str, Any]] | None = None
    data: dict[str, Any] = field(default_factory=dict)
    query: str = ""

    def expected(self, persona: str) -> str:
        if self.public or persona in self.ok:
            return "ok"
        if persona == "anonymous":
            return "login"
        if persona in self.hidden:
            return "404"
        return "403"

    def personas(self) -> tuple[str, ...]:
        extra = sorted((self.ok | self.hidden) - set(MATRIX_PERSONAS))
        return (*MATRIX_PERSONAS, *extra)


def case(
    url_name: str, *, ok: set[str] | frozenset[str] = frozenset(), hidden=frozenset(), **kwargs: Any
) -> UrlCase:
    return UrlCase(url_name, ok=frozenset(ok), hidden=frozenset(hidden), **kwargs)


SIGNED_IN = frozenset(MATRIX_PERSONAS) - {"anonymous"}
