import pytest
from django.core.exceptions import ValidationError

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.accounts.scope import Scope, scope_for
from taihoanhap.tests.cast import make_user


def test_a_provincial_officer_covers_the_province(cast):
    scope = scope_for(cast.users["province"])
    assert scope == Scope(province_ids=frozenset({cast.province.id}))
    assert scope.covers(province_id=cast.province.id, commune_id=cast.commune_b.id)
    assert not scope.covers(province_id=cast.other_province.id, commune_id=cast.other_commune.id)


def test_a_commune_officer_covers_only_the_commune(cast):
    scope = scope_for(cast.users["commune_a"])
    assert scope.covers(province_id=cast.province.id, commune_id=cast.commune_a.id) is True
    assert not scope.covers(province_id=cast.province.id, commune_id=cast.commune_b.id)


def test_a_system_administrator_without_agency_covers_everything(cast):
    assert scope_for(cast.users["admin"]).everything


def test_an_officer_of_a_deactivated_agency_sees_nothing(cast):
    agency = cast.agencies["police_a"]
    agency.is_active = False
    agency.save()
    user = cast.users["commune_a"]
    user.refresh_from_db()
    assert scope_for(user).is_empty


def test_an_inactive_or_anonymous_user_sees_nothing(cast):
    from django.contrib.auth.models import AnonymousUser

    user = cast.users["province"]
    user.is_active = False
    assert scope_for(user).is_empty
    assert scope_for(AnonymousUser()).is_empty


def test_agency_visibility_follows_scope(cast):
    visible_to_province = set(Agency.objects.visible_to(cast.users["province"]))
    assert cast.agencies["police_a"] in visible_to_province
    assert cast.agencies["province_police"] in visible_to_province
    assert cast.agencies["other_province_police"] not in visible_to_province
    assert set(Agency.objects.visible_to(cast.users["commune_a"])) == {
        cast.agencies["police_a"],
        cast.agencies["committee_a"],
    }


def test_a_role_must_fit_the_agency_kind(cast):
    user = make_user("wrong", Role.BANK_OFFICER, cast.agencies["police_a"])
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "role" in error.value.message_dict


def test_every_officer_but_the_administrator_needs_an_agency(cast):
    user = make_user("lost", Role.COMMUNE_POLICE, None)
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "agency" in error.value.message_dict


def test_a_commune_police_agency_must_serve_a_commune(cast):
    agency = Agency(name="Sai cấp", kind=AgencyKind.COMMUNE_POLICE, unit=cast.province)
    with pytest.raises(ValidationError):
        agency.full_clean()
