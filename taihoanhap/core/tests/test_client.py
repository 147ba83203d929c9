"""The client's address with and without trusted reverse proxies."""

import pytest
from django.test import RequestFactory

from taihoanhap.core.client import client_address


def _request(forwarded=None, remote="10.0.0.1"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(_request("203.0.113.5")) == "10.0.0.1"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.66, 203.0.113.5", "203.0.113.5"),  # the client forged the first hop
        (2, "192.0.2.66, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies_the_right_hop_is_the_client(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(_request(forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.5", "not-an-address, 10.0.0.2"])
def test_a_short_or_garbled_chain_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(_request(forwarded)) == "10.0.0.1"
