from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bench.minimal.models import Unit


def units(request: HttpRequest) -> HttpResponse:
    # One query on the (level, name_key) index, 25 rows, as PERFORMANCE.md's minimal page.
    rows = Unit.objects.filter(level="commune").order_by("name_key").only("name")[:25]
    return render(request, "minimal.html", {"units": rows})
