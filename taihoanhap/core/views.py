from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language

from taihoanhap.core.access import public, signed_in
from taihoanhap.core.navigation import items_for_role, landing_url


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    """Each role lands on its own task page; roles without one see their menu as tiles."""
    user = request.user
    assert user.is_authenticated  # @signed_in
    target = landing_url(user.role)
    if target:
        return redirect(target)
    return render(request, "core/home.html", {"tiles": items_for_role(user.role)})


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For operators and load balancers: 200 if the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


set_language = public(django_set_language)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No request context: the page must render even when the database is down.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
