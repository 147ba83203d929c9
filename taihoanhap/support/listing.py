"""Sortable, paginated, filterable lists and their Excel export, shared by support and jobs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise

PER_PAGE = 25
EXPORT_LIMIT = 10_000


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
    qs: QuerySet[Any],
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
    page = Paginator(qs, per_page).get_page(params.get("page"))
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
    params["sort"] = f"-{key}" if descending else key
    return Listing(page=page, headers=headers, query=params.urlencode(), sort=params["sort"])


def ordered(qs: QuerySet[Any], field: str, descending: bool) -> QuerySet[Any]:
    prefix = "-" if descending else ""
    return qs.order_by(f"{prefix}{field}", f"{prefix}pk")


def wants_export(request: HttpRequest) -> bool:
    return request.GET.get("format") == "xlsx"


def export_url(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    params["format"] = "xlsx"
    return f"?{params.urlencode()}"
