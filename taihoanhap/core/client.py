"""The client's address, the one answer for the login lockouts and the audit trail."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address of the client that sent `request`.

    With TRUSTED_PROXY_COUNT = 0 (the default) it is REMOTE_ADDR, and X-Forwarded-For is
    ignored: any client can write that header. Behind N reverse proxies of our own, each appends
    the address it received the request from, so the client is the N-th hop from the right of
    X-Forwarded-For + REMOTE_ADDR; anything further left was written by the client and is not
    trusted. A header shorter than the configured chain (a request that bypassed a proxy) or a
    hop that is not an address falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR")
    count: int = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    hops.append(remote or "")
    if len(hops) <= count:
        return remote
    candidate = hops[-1 - count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
