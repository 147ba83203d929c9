"""The fixed cast of the test suite: two communes of one province, another province, and one
officer per role. Tests build on it through the fixtures in the root conftest.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.geo.models import REFORM_DATE, AdminUnit, UnitKind, UnitLevel

TEST_PASSWORD = "kiem-thu-mat-khau-2026"


def make_unit(name: str, code: str, kind: str, parent: AdminUnit | None = None) -> AdminUnit:
    level = UnitLevel.COMMUNE if parent is not None else UnitLevel.PROVINCE
    unit = AdminUnit(
        level=level, kind=kind, code=code, name=name, parent=parent, valid_from=REFORM_DATE
    )
    unit.save()
    return unit


def make_user(username: str, role: str, agency: Agency | None, **extra: Any) -> User:
    user = User(
        username=username,
        full_name=extra.pop("full_name", username),
        role=role,
        agency=agency,
        **extra,
    )
    user.set_password(TEST_PASSWORD)
    user.save()
    return user


@dataclass
class Cast:
    province: AdminUnit
    commune_a: AdminUnit
    commune_b: AdminUnit
    other_province: AdminUnit
    other_commune: AdminUnit
    agencies: dict[str, Agency] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


# persona -> (role, agency key)
PERSONAS: dict[str, tuple[str, str | None]] = {
    "admin": (Role.SYSTEM_ADMIN, None),
    "province": (Role.PROVINCE_POLICE, "province_police"),
    "commune_a": (Role.COMMUNE_POLICE, "police_a"),
    "commune_b": (Role.COMMUNE_POLICE, "police_b"),
    "other_province": (Role.PROVINCE_POLICE, "other_province_police"),
    "facility": (Role.FACILITY_OFFICER, "facility"),
    "employment": (Role.EMPLOYMENT_OFFICER, "home_affairs"),
    "training": (Role.TRAINING_OFFICER, "education"),
    "social": (Role.SOCIAL_OFFICER, "health"),
    "finance": (Role.FINANCE_OFFICER, "finance"),
    "bank": (Role.BANK_OFFICER, "bank"),
    "media": (Role.MEDIA_OFFICER, "media"),
    "leader": (Role.LEADER, "province_committee"),
    "commune_leader": (Role.LEADER, "committee_a"),
    "inspector": (Role.INSPECTOR, "inspectorate"),
}


def build_cast() -> Cast:
    province = make_unit("Đồng Nai", "75", UnitKind.TINH)
    cast = Cast(
        province=province,
        commune_a=make_unit("Trấn Biên", "26041", UnitKind.PHUONG, province),
        commune_b=make_unit("Xuân Lộc", "26425", UnitKind.XA, province),
        other_province=(other := make_unit("Lâm Đồng", "68", UnitKind.TINH)),
        other_commune=make_unit("Lâm Viên - Đà Lạt", "24778", UnitKind.PHUONG, other),
    )
    specs = {
        "province_police": (AgencyKind.PROVINCE_POLICE, province),
        "police_a": (AgencyKind.COMMUNE_POLICE, cast.commune_a),
        "police_b": (AgencyKind.COMMUNE_POLICE, cast.commune_b),
        "other_province_police": (AgencyKind.PROVINCE_POLICE, cast.other_province),
        "facility": (AgencyKind.DETENTION_FACILITY, province),
        "home_affairs": (AgencyKind.HOME_AFFAIRS, province),
        "employment_centre": (AgencyKind.EMPLOYMENT_CENTRE, province),
        "education": (AgencyKind.EDUCATION, province),
        "health": (AgencyKind.HEALTH, province),
        "finance": (AgencyKind.FINANCE, province),
        "bank": (AgencyKind.SOCIAL_POLICY_BANK, province),
        "media": (AgencyKind.MEDIA, province),
        "province_committee": (AgencyKind.PROVINCE_COMMITTEE, province),
        "committee_a": (AgencyKind.COMMUNE_COMMITTEE, cast.commune_a),
        "business_association": (AgencyKind.BUSINESS_ASSOCIATION, province),
        "inspectorate": (AgencyKind.INSPECTORATE, province),
    }
    for key, (kind, unit) in specs.items():
        cast.agencies[key] = Agency.objects.create(name=f"Agency {key}", kind=kind, unit=unit)
    for persona, (role, agency_key) in PERSONAS.items():
        cast.users[persona] = make_user(
            persona,
            role,
            cast.agencies[agency_key] if agency_key else None,
            is_staff=role == Role.SYSTEM_ADMIN,
            is_superuser=role == Role.SYSTEM_ADMIN,
        )
    return cast
