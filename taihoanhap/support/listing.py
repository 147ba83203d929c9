"""The Excel export of the support and jobs lists (their pages: `core.paging.listing`)."""

from __future__ import annotations

from django.http import HttpRequest

EXPORT_LIMIT = 10_000


def wants_export(request: HttpRequest) -> bool:
    return request.GET.get("format") == "xlsx"


def export_url(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    params["format"] = "xlsx"
    return f"?{params.urlencode()}"
