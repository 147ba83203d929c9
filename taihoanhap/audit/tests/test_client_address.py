"""Every audit record of a request carries the client's address, proxy or not."""

from django.http import HttpResponse
from django.test import RequestFactory

from taihoanhap.audit.context import current_ip
from taihoanhap.audit.middleware import AuditContextMiddleware


def _address_seen_by_services(**meta):
    seen = []

    def view(request):
        seen.append(current_ip.get())
        return HttpResponse()

    AuditContextMiddleware(view)(RequestFactory().get("/", **meta))
    return seen[0]


def test_without_a_trusted_proxy_records_carry_the_peer_address(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert _address_seen_by_services(**meta) == "10.0.0.1"


def test_behind_a_trusted_proxy_records_carry_the_client_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.66, 203.0.113.5"}
    assert _address_seen_by_services(**meta) == "203.0.113.5"
    assert current_ip.get() is None  # reset after the request
