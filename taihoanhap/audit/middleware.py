from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from taihoanhap.audit.context import current_ip
from taihoanhap.core.client import client_address


class AuditContextMiddleware:
    """Make the client address known to audit records, and keep personal pages out of caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_address(request))
        try:
            response = self.get_response(request)
        finally:
            current_ip.reset(token)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # Pages for signed-in officers carry personal data: never store them anywhere.
            response.headers.setdefault("Cache-Control", "no-store, private")
        return response
