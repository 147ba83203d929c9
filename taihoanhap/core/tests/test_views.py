from django.urls import reverse

from taihoanhap.accounts.navigation import items_for_role
from taihoanhap.accounts.roles import Role


def test_health_check_answers_when_the_database_is_reachable(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_home_sends_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_navigation_shows_a_role_only_pages_its_access_rule_allows(cast):
    assert "audit:event_list" in {i.url_name for i in items_for_role(Role.INSPECTOR)}
    assert "audit:event_list" not in {i.url_name for i in items_for_role(Role.BANK_OFFICER)}


def test_the_menu_of_the_inspector_links_the_audit_trail(client_for):
    response = client_for("inspector").get(reverse("accounts:password_change"))
    assert reverse("audit:event_list") in response.content.decode()
    response = client_for("bank").get(reverse("accounts:password_change"))
    assert reverse("audit:event_list") not in response.content.decode()


def test_unknown_pages_get_the_vietnamese_404(client_for):
    response = client_for("commune_a").get("/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_refused_page_gets_the_vietnamese_403(client_for):
    response = client_for("bank").get(reverse("audit:event_list"))
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện việc này" in response.content.decode()
