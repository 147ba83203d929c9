"""Login lockouts per account and per address, and the client's address behind a proxy."""

import pytest

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.tests.cast import TEST_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"
PROXY = "10.0.0.1"
LOCKED = "Đăng nhập sai quá nhiều lần"


def _login(client, username, password, address="10.0.0.7", **headers):
    data = {"username": username, "password": password}
    return client.post(LOGIN, data, REMOTE_ADDR=address, **headers)


def _spray(client, count, address="10.0.0.7", **headers):
    """One wrong guess against each of `count` accounts: never the same account twice."""
    for number in range(count):
        _login(client, f"officer{number}", "Mua-Xuan-2026", address, **headers)


def test_spraying_one_password_across_accounts_locks_the_address(client, cast, settings):
    assert settings.LOGIN_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    _spray(client, settings.LOGIN_ADDRESS_FAILURE_LIMIT)
    response = _login(client, "commune_a", TEST_PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_the_address_lock_spares_other_addresses(client, cast, settings):
    _spray(client, settings.LOGIN_ADDRESS_FAILURE_LIMIT)
    assert _login(client, "commune_a", TEST_PASSWORD, address="10.0.0.8").status_code == 302


def test_failures_below_the_address_limit_do_not_lock_it(client, cast, settings):
    _spray(client, settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1)
    assert _login(client, "commune_a", TEST_PASSWORD).status_code == 302


def test_signing_in_to_one_account_does_not_clear_the_address_count(client, cast, settings):
    """An attacker holding one account cannot sign in to it between rounds of spraying."""
    _spray(client, settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1)
    assert _login(client, "commune_a", TEST_PASSWORD).status_code == 302
    client.logout()
    _login(client, "someone", "Mua-Xuan-2026")
    assert _login(client, "commune_b", TEST_PASSWORD).status_code == 429


def test_signing_in_clears_the_account_failures_from_that_address(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "commune_a", "sai-mat-khau")
    assert _login(client, "commune_a", TEST_PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "commune_a", "sai-mat-khau")
    assert _login(client, "commune_a", TEST_PASSWORD).status_code == 302


def test_the_per_account_lock_still_holds_below_the_address_limit(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "commune_a", "sai-mat-khau")
    assert settings.AXES_FAILURE_LIMIT < settings.LOGIN_ADDRESS_FAILURE_LIMIT
    response = _login(client, "commune_a", TEST_PASSWORD)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert _login(client, "commune_b", TEST_PASSWORD).status_code == 302


def test_x_forwarded_for_is_ignored_without_a_trusted_proxy(client, cast, settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        # A new forged address each time cannot dodge the lock: the header is not read.
        _login(
            client, "commune_a", "sai-mat-khau", PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}"
        )
    assert _login(client, "commune_a", TEST_PASSWORD, PROXY).status_code == 429
    addresses = set(
        AuditEvent.objects.filter(action=Action.LOGIN_FAILED).values_list("ip", flat=True)
    )
    assert addresses == {PROXY}


def test_behind_a_trusted_proxy_the_lock_follows_the_client_address(client, cast, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first hop; the proxy appended the address it saw.
    forged = {"HTTP_X_FORWARDED_FOR": "192.0.2.66, 203.0.113.5"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "commune_a", "sai-mat-khau", PROXY, **forged)
    assert _login(client, "commune_a", TEST_PASSWORD, PROXY, **forged).status_code == 429
    colleague = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert _login(client, "commune_a", TEST_PASSWORD, PROXY, **colleague).status_code == 302
    failed = set(AuditEvent.objects.filter(action=Action.LOGIN_FAILED).values_list("ip", flat=True))
    assert failed == {"203.0.113.5"}
    assert AuditEvent.objects.get(action=Action.LOGIN).ip == "203.0.113.9"


def test_behind_a_trusted_proxy_spraying_is_counted_per_client(client, cast, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    _spray(client, settings.LOGIN_ADDRESS_FAILURE_LIMIT, PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5")
    via = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert _login(client, "commune_a", TEST_PASSWORD, PROXY, **via).status_code == 429
    other = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert _login(client, "commune_a", TEST_PASSWORD, PROXY, **other).status_code == 302


@pytest.fixture(autouse=True)
def _default_limits(settings):
    """The suite's limits are the deployed defaults, whatever the environment says."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20
