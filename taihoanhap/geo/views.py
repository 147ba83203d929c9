from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from taihoanhap.core.access import signed_in
from taihoanhap.core.text import search_key
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.geo.services import name_query_key

PAGE_SIZE = 25


@signed_in
def commune_list(request: HttpRequest) -> HttpResponse:
    """The communes of the officer's province, 25 at a time, optionally by name prefix.

    One indexed query per page (parent, name_key) and no count: the page fetches one row more
    than it shows to know whether there is a next page. It is also the benchmark's baseline.
    """
    province = _province_of(request.user)
    after = search_key(request.GET.get("after", ""))[:100]
    prefix = name_query_key(request.GET.get("q", ""))[:100]
    rows: list[AdminUnit] = []
    if province is not None:
        qs = AdminUnit.objects.filter(parent_id=province.id, level=UnitLevel.COMMUNE, valid_to=None)
        if prefix:
            qs = qs.filter(name_key__startswith=prefix)
        if after:
            qs = qs.filter(name_key__gt=after)
        rows = list(
            qs.order_by("name_key").only("id", "name", "kind", "code", "name_key")[: PAGE_SIZE + 1]
        )
    return render(
        request,
        "geo/commune_list.html",
        {
            "province": province,
            "communes": rows[:PAGE_SIZE],
            "next_after": rows[PAGE_SIZE - 1].name_key if len(rows) > PAGE_SIZE else "",
            "q": request.GET.get("q", ""),
        },
    )


def _province_of(user) -> AdminUnit | None:
    agency = user.agency
    if agency is None:
        return None
    unit = agency.unit
    return unit if unit.level == UnitLevel.PROVINCE else unit.parent
