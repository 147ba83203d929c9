import pytest
from django.urls import reverse

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.tests.cast import TEST_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7")


def test_signing_in_lands_on_the_home_page_and_is_audited(client, cast):
    response = _login(client, "commune_a", TEST_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    event = AuditEvent.objects.get(action=Action.LOGIN)
    assert event.user == cast.users["commune_a"]
    assert event.agency == cast.agencies["police_a"]
    assert event.ip == "10.0.0.7"


def test_a_wrong_password_is_refused_in_vietnamese_and_audited(client, cast):
    response = _login(client, "commune_a", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.username == "commune_a" and event.user is None


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "commune_a", "sai-mat-khau")
    response = _login(client, "commune_a", TEST_PASSWORD)
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert not AuditEvent.objects.filter(action=Action.LOGIN).exists()


def test_the_lockout_is_per_username_so_colleagues_can_still_sign_in(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "commune_a", "sai-mat-khau")
    assert _login(client, "commune_b", TEST_PASSWORD).status_code == 302


def test_sign_out_needs_a_post_and_is_audited(client_for, cast):
    client = client_for("commune_a")
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=Action.LOGOUT, user=cast.users["commune_a"]).exists()
    assert client.get(reverse("core:home")).status_code == 302  # signed out


def test_password_change_enforces_the_policy(client_for, cast):
    client = client_for("commune_a")
    url = reverse("accounts:password_change")
    weak = {"old_password": TEST_PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    assert client.post(url, weak).status_code == 200
    strong = "Mot-Mat-Khau-Dai-2026"
    data = {"old_password": TEST_PASSWORD, "new_password1": strong, "new_password2": strong}
    assert client.post(url, data).status_code == 302
    cast.users["commune_a"].refresh_from_db()
    assert cast.users["commune_a"].check_password(strong)


def test_pages_carry_a_strict_content_security_policy_and_no_framing(client):
    response = client.get(LOGIN)
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, cast):
    response = _login(client, "commune_a", TEST_PASSWORD)
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert client.cookies["csrftoken"]["httponly"]


def test_pages_of_signed_in_officers_are_never_cached(client_for):
    response = client_for("commune_a").get(reverse("accounts:password_change"))
    assert "no-store" in response["Cache-Control"]


def test_a_form_posted_without_its_csrf_token_is_refused(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "commune_a", "password": TEST_PASSWORD})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()


@pytest.mark.parametrize(("language", "text"), [("vi", "Đăng nhập"), ("en", "Sign in")])
def test_the_interface_speaks_vietnamese_by_default_and_english_on_request(client, language, text):
    if language == "en":
        client.post(reverse("core:set_language"), {"language": "en", "next": LOGIN})
    response = client.get(LOGIN)
    assert f"<h1>{text}</h1>" in response.content.decode()
