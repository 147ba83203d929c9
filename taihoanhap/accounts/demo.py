"""Demo agencies and one demo account per role (password in core.demo.DEMO_PASSWORD)."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.core.demo import DEMO_PASSWORD, DemoContext
from taihoanhap.geo.models import KIND_PREFIX

# username, full name, role, agency key
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", Role.SYSTEM_ADMIN, None),
    ("ca.tinh", "Trần Minh Khoa", Role.PROVINCE_POLICE, "province_police"),
    ("ca.xa", "Nguyễn Thị Hồng Nhung", Role.COMMUNE_POLICE, "commune_police_a"),
    ("ca.xa2", "Lê Văn Phúc", Role.COMMUNE_POLICE, "commune_police_b"),
    ("trai.giam", "Phạm Quốc Bảo", Role.FACILITY_OFFICER, "facility"),
    ("noivu", "Võ Thị Thu Hà", Role.EMPLOYMENT_OFFICER, "home_affairs"),
    ("giaoduc", "Đặng Văn Tùng", Role.TRAINING_OFFICER, "education"),
    ("yte", "Bùi Thị Mai", Role.SOCIAL_OFFICER, "health"),
    ("taichinh", "Hoàng Văn Sơn", Role.FINANCE_OFFICER, "finance"),
    ("nganhang", "Ngô Thị Lan", Role.BANK_OFFICER, "bank"),
    ("baochi", "Đỗ Minh Tuấn", Role.MEDIA_OFFICER, "media"),
    ("lanhdao", "Huỳnh Văn Lâm", Role.LEADER, "province_committee"),
    ("thanhtra", "Trương Thị Ngọc", Role.INSPECTOR, "inspectorate"),
]


def generate(ctx: DemoContext) -> None:
    province = ctx.province
    # The two demo communes: the provincial centre and a rural commune.
    commune_a = _commune(ctx, "Trấn Biên")
    commune_b = _commune(ctx, "Xuân Lộc")
    specs = {
        "province_police": (f"Công an tỉnh {province.name}", AgencyKind.PROVINCE_POLICE, province),
        "commune_police_a": (f"Công an {_of(commune_a)}", AgencyKind.COMMUNE_POLICE, commune_a),
        "commune_police_b": (f"Công an {_of(commune_b)}", AgencyKind.COMMUNE_POLICE, commune_b),
        "facility": ("Trại giam Xuân Lộc", AgencyKind.DETENTION_FACILITY, province),
        "home_affairs": (f"Sở Nội vụ tỉnh {province.name}", AgencyKind.HOME_AFFAIRS, province),
        "employment_centre": (
            f"Trung tâm Dịch vụ việc làm tỉnh {province.name}",
            AgencyKind.EMPLOYMENT_CENTRE,
            province,
        ),
        "education": (
            f"Sở Giáo dục và Đào tạo tỉnh {province.name}",
            AgencyKind.EDUCATION,
            province,
        ),
        "health": (f"Sở Y tế tỉnh {province.name}", AgencyKind.HEALTH, province),
        "finance": (f"Sở Tài chính tỉnh {province.name}", AgencyKind.FINANCE, province),
        "bank": (
            f"Ngân hàng Chính sách xã hội chi nhánh tỉnh {province.name}",
            AgencyKind.SOCIAL_POLICY_BANK,
            province,
        ),
        "media": (f"Báo và Phát thanh, Truyền hình {province.name}", AgencyKind.MEDIA, province),
        "province_committee": (
            f"Ủy ban nhân dân tỉnh {province.name}",
            AgencyKind.PROVINCE_COMMITTEE,
            province,
        ),
        "commune_committee_a": (
            f"Ủy ban nhân dân {_of(commune_a)}",
            AgencyKind.COMMUNE_COMMITTEE,
            commune_a,
        ),
        "business_association": (
            f"Hiệp hội Doanh nghiệp tỉnh {province.name}",
            AgencyKind.BUSINESS_ASSOCIATION,
            province,
        ),
        "inspectorate": (f"Thanh tra tỉnh {province.name}", AgencyKind.INSPECTORATE, province),
    }
    for key, (name, kind, unit) in specs.items():
        ctx.agencies[key], _ = Agency.objects.get_or_create(
            name=name, defaults={"kind": kind, "unit": unit}
        )
    password_hash = make_password(DEMO_PASSWORD)  # hash once: it is deliberately slow
    for username, full_name, role, agency_key in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                full_name=full_name,
                role=role,
                agency=ctx.agencies.get(agency_key) if agency_key else None,
                is_staff=role == Role.SYSTEM_ADMIN,
                is_superuser=role == Role.SYSTEM_ADMIN,
                email=f"{username}@example.gov.vn",
            )
            user.password = password_hash
            user.save()
        ctx.users[username] = user
    ctx.data["commune_a"], ctx.data["commune_b"] = commune_a, commune_b
    ctx.progress(f"{len(specs)} agencies, {len(DEMO_USERS)} demo accounts")


def _commune(ctx: DemoContext, name: str):
    for commune in ctx.communes:
        if commune.name == name:
            return commune
    return ctx.communes[0] if name == "Trấn Biên" else ctx.communes[-1]


def _of(unit) -> str:
    """ "phường Trấn Biên": the kind in lower case after a noun, the name keeps its capitals."""
    return f"{KIND_PREFIX[unit.kind].lower()} {unit.name}"
