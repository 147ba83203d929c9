from django.urls import reverse

from taihoanhap.accounts.roles import Role
from taihoanhap.core.navigation import items_for_role


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


def test_the_menu_groups_each_areas_pages_under_one_heading(client_for):
    menu = client_for("commune_a").get(reverse("accounts:password_change")).context["nav_menu"]
    headings = {str(entry["label"]): entry for entry in menu if "children" in entry}
    assert {"Tín dụng", "Việc làm", "Hỗ trợ, học nghề"} <= set(headings)
    loans = [str(item["label"]) for item in headings["Tín dụng"]["children"]]
    assert loans[0] == "Vay vốn" and "Danh sách Mẫu số 01" in loans
    top_level = [str(entry["label"]) for entry in menu if "children" not in entry]
    assert top_level[:2] == ["Việc cần làm", "Người được quản lý"]


def test_a_heading_with_a_single_page_for_the_role_is_a_plain_link(client_for):
    menu = client_for("finance").get(reverse("accounts:password_change")).context["nav_menu"]
    assert all("children" not in entry for entry in menu if str(entry["label"]) != "Tín dụng")
    assert "Kinh phí" in [str(entry["label"]) for entry in menu]


def test_the_current_page_is_marked_in_its_group(client_for):
    response = client_for("commune_a").get(reverse("credit:application_list"))
    credit = next(e for e in response.context["nav_menu"] if str(e["label"]) == "Tín dụng")
    assert credit["active"] and credit["children"][0]["active"] is True
