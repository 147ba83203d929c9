"""Pages of a list, its sortable column headers, and the query strings that link them.

One kit for every list page: `paginate` gives the context `includes/pagination.html` reads
(`page`, `query`); `listing` adds sortable headers (support and jobs lists); `sort_links` gives
the plain per-column sort links of the credit and programme lists. (The person list pages its
rows itself with a capped count, `registry.selectors.page_of`, and shares `query_without`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import Promise

PER_PAGE = 25


def query_without(request: HttpRequest, *names: str) -> str:
    """The request's query string without `names` (the page, before a link adds another)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def paginate(request: HttpRequest, items: Any, per_page: int = PER_PAGE) -> dict[str, Any]:
    """Page `?page=` of `items`, with the query its links keep: the context of
    `includes/pagination.html`. A page past the end shows the last page and anything that is
    not a page number the first (Paginator.get_page), so an old bookmark never fails."""
    return {
        "page": Paginator(items, per_page).get_page(request.GET.get("page")),
        "query": query_without(request, "page"),
    }


def sort_links(request: HttpRequest, keys: dict[str, str]) -> dict[str, str]:
    """For each sortable column, the query string that sorts by it (toggling direction)."""
    current = request.GET.get("sort", "")
    links = {}
    for column, key in keys.items():
        query = request.GET.copy()
        query.pop("page", None)
        query["sort"] = f"-{key}" if current == key else key
        links[column] = query.urlencode()
    return links


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    order_by: str = ""  # empty: not sortable
    numeric: bool = False


@dataclass(frozen=True)
class Header:
    label: str | Promise
    url: str
    sorted: str  # "", "ascending" or "descending" (the aria-sort value)
    numeric: bool


@dataclass
class Listing:
    page: Page
    headers: list[Header]
    query: str  # the filters and sort, without the page, for pagination links
    sort: str


def listing(
    request: HttpRequest,
    qs: Any,
    columns: Sequence[Column],
    *,
    default_sort: str,
    per_page: int = PER_PAGE,
) -> Listing:
    """Order `qs` by the requested sortable column and return one page with header links."""
    params = request.GET.copy()
    sortable = {c.key: c.order_by for c in columns if c.order_by}
    requested = params.get("sort", default_sort)
    descending = requested.startswith("-")
    key = requested.lstrip("-")
    if key not in sortable:
        key, descending = default_sort.lstrip("-"), default_sort.startswith("-")
    qs = ordered(qs, sortable[key], descending)
    page = Paginator(qs, per_page).get_page(request.GET.get("page"))
    params.pop("page", None)
    params.pop("format", None)
    headers = []
    for column in columns:
        if not column.order_by:
            headers.append(Header(column.label, "", "", column.numeric))
            continue
        active = column.key == key
        link = params.copy()
        link["sort"] = f"-{column.key}" if active and not descending else column.key
        state = ("descending" if descending else "ascending") if active else ""
        headers.append(Header(column.label, f"?{link.urlencode()}", state, column.numeric))
    sort = f"-{key}" if descending else key
    params["sort"] = sort
    return Listing(page=page, headers=headers, query=params.urlencode(), sort=sort)


def ordered(qs: Any, field: str, descending: bool) -> Any:
    prefix = "-" if descending else ""
    return qs.order_by(f"{prefix}{field}", f"{prefix}pk")
