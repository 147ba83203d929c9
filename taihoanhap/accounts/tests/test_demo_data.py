import pytest
from django.core.management import CommandError, call_command

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.geo.services import load_current_units

pytestmark = pytest.mark.django_db


def test_demo_data_creates_one_account_per_role_in_dong_nai():
    load_current_units()
    call_command("demo_data", persons=20, verbosity=0)
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    officer = User.objects.get(username="ca.xa")
    assert officer.agency.unit.full_name == "Phường Trấn Biên"
    assert officer.agency.unit.parent.name == "Đồng Nai"


def test_demo_data_if_empty_keeps_existing_data():
    load_current_units()
    call_command("demo_data", persons=5, verbosity=0)
    User.objects.filter(username="ca.xa").update(full_name="Đã sửa")
    call_command("demo_data", "--if-empty", persons=5, verbosity=0)
    assert User.objects.get(username="ca.xa").full_name == "Đã sửa"


def test_demo_data_needs_the_units_first():
    with pytest.raises(CommandError, match="load_units"):
        call_command("demo_data", persons=5, verbosity=0)
