from django.urls import reverse

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import Role
from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.tests.cast import make_user


def test_a_superuser_sees_every_agency_in_the_admin(client_for, cast):
    response = client_for("admin").get(reverse("admin:accounts_agency_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count == Agency.objects.count()


def test_a_provincial_administrator_manages_only_the_province(client, cast):
    local_admin = make_user(
        "local_admin", Role.SYSTEM_ADMIN, cast.agencies["province_police"], is_staff=True
    )
    client.force_login(local_admin)
    response = client.get(reverse("admin:accounts_agency_changelist"))
    shown = set(response.context["cl"].result_list)
    assert cast.agencies["police_a"] in shown
    assert cast.agencies["other_province_police"] not in shown
    other = cast.agencies["other_province_police"]
    assert client.get(reverse("admin:accounts_agency_change", args=[other.pk])).status_code == 302
    users = set(client.get(reverse("admin:accounts_user_changelist")).context["cl"].result_list)
    assert cast.users["commune_a"] in users and cast.users["other_province"] not in users


def test_an_officer_cannot_open_the_admin(client_for):
    response = client_for("province").get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_admin_change_is_audited_with_old_and_new_values(client_for, cast):
    agency = cast.agencies["police_b"]
    response = client_for("admin").post(
        reverse("admin:accounts_agency_change", args=[agency.pk]),
        {
            "name": "Công an xã Xuân Lộc",
            "kind": agency.kind,
            "unit": agency.unit_id,
            "email": "",
            "phone": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(agency.pk))
    assert event.changes == {"name": ["Agency police_b", "Công an xã Xuân Lộc"]}
