"""A session unused for longer than SESSION_IDLE_TIMEOUT signs the officer out."""

import datetime as dt

import pytest
from django.urls import reverse

from taihoanhap.accounts.middleware import LAST_ACTIVITY
from taihoanhap.audit.models import Action, AuditEvent

PAGE = reverse("accounts:password_change")


@pytest.fixture
def officer(client_for, settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    client = client_for("commune_a")
    assert client.get(PAGE).status_code == 200
    return client


def test_a_request_after_the_idle_time_signs_out_to_the_login_page(officer, cast, time_machine):
    time_machine.shift(dt.timedelta(minutes=31))
    response = officer.get(PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PAGE}"
    page = officer.get(response["Location"]).content.decode()
    assert "Bạn đã được đăng xuất vì không thao tác" in page
    assert officer.get(PAGE).status_code == 302  # still signed out
    assert AuditEvent.objects.filter(action=Action.LOGOUT, user=cast.users["commune_a"]).exists()


def test_activity_within_the_window_extends_it(officer, time_machine):
    for _ in range(3):
        time_machine.shift(dt.timedelta(minutes=20))
        assert officer.get(PAGE).status_code == 200


def test_the_idle_time_is_configurable(officer, settings, time_machine):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    time_machine.shift(dt.timedelta(minutes=6))
    assert officer.get(PAGE).status_code == 302


def test_the_activity_time_is_written_at_most_once_a_minute(officer, time_machine):
    first = officer.session[LAST_ACTIVITY]
    time_machine.shift(dt.timedelta(seconds=30))
    officer.get(PAGE)
    assert officer.session[LAST_ACTIVITY] == first  # not saved again
    time_machine.shift(dt.timedelta(seconds=45))
    officer.get(PAGE)
    assert officer.session[LAST_ACTIVITY] >= first + 75


def test_the_idle_clock_starts_at_sign_in_so_the_first_page_writes_no_session(client_for):
    """The sign-in saves the session anyway; the first page must not save it a second time."""
    client = client_for("commune_a")
    assert LAST_ACTIVITY in client.session
