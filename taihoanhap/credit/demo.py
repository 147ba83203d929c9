"""Demo loans in every status, Form 01 lists, business loans and a dated rate row.

Everything goes through the services (so the audit trail and the persons' timelines are filled
as in real use), dated in the past. Persons are chosen by query, not from `ctx.data`: cases in
the province whose release carries a certificate and whose sentence was completed within the
window. With no such case, only business loans are made. Employers come from the province; if
there are none, a few are created here.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.core.demo import DEMO_PASSWORD, DemoContext
from taihoanhap.credit import services
from taihoanhap.credit.models import (
    CreditParameter,
    LoanApplication,
    LoanPurpose,
    LoanStatus,
    ParameterKey,
    Relationship,
)
from taihoanhap.credit.services import ApplicationData
from taihoanhap.employers.models import Employer, EmployerSize
from taihoanhap.geo.models import KIND_PREFIX
from taihoanhap.registry.models import Case, CaseStatus

MAX_INDIVIDUAL_LOANS = 27
MAX_COMMUNES = 4
# The story of each demo loan, in order; cycled over the chosen persons.
PLAN = [
    LoanStatus.DISBURSED,
    LoanStatus.REPAYING,
    LoanStatus.SETTLED,
    LoanStatus.OVERDUE,
    LoanStatus.APPROVED,
    LoanStatus.REJECTED,
    LoanStatus.SUBMITTED,
    LoanStatus.ON_LIST,
    LoanStatus.DRAFT,
]
REPRESENTATIVES = [
    ("Nguyễn Thị Hoa", Relationship.PARENT),
    ("Trần Thị Thu", Relationship.SPOUSE),
    ("Lê Văn Hùng", Relationship.SIBLING),
    ("Phạm Thị Lan", Relationship.PARENT),
    ("Võ Văn Tâm", Relationship.SELF),
]
DEMO_EMPLOYERS = [
    ("Công ty TNHH May mặc Tân Phong", "3603456781", "Dệt may", 120, 14),
    ("Hợp tác xã Nông nghiệp Xuân Hòa", "3601234569", "Nông nghiệp", 35, 5),
    ("Công ty Cổ phần Gỗ Trảng Bom", "3602345678", "Chế biến gỗ", 80, 6),
]


def generate(ctx: DemoContext) -> None:
    password = make_password(DEMO_PASSWORD)
    officers = _Officers(ctx, password)
    _demo_rate(ctx)
    cases = _candidate_cases(ctx)
    made = _individual_loans(ctx, officers, cases)
    business = _business_loans(ctx, officers)
    ctx.data["credit_loans"] = made + business
    ctx.progress(f"{len(made)} individual loans, {len(business)} business loans")


def _demo_rate(ctx: DemoContext) -> None:
    """A future rate row, to show how a new rate notice is recorded (clearly marked a demo)."""
    CreditParameter.objects.get_or_create(
        key=ParameterKey.POOR_HOUSEHOLD_RATE,
        effective_from=date(ctx.today.year + 1, 1, 1),
        defaults={
            "value": Decimal("6.5"),
            "source": "Dữ liệu minh họa: thông báo lãi suất cho vay hộ nghèo mới",
            "note": "Không phải thông báo thật; xóa khi triển khai.",
        },
    )


class _Officers:
    """The commune police officer and commune People's Committee leader of each commune,
    created for the demo where the accounts demo has none."""

    def __init__(self, ctx: DemoContext, password: str) -> None:
        self.ctx = ctx
        self.password = password
        self.bank = (
            ctx.users.get("nganhang")
            or User.objects.filter(role=Role.BANK_OFFICER, agency__unit=ctx.province).first()
        )

    def police(self, commune: Any) -> User:
        return self._user(commune, Role.COMMUNE_POLICE, AgencyKind.COMMUNE_POLICE, "ca")

    def committee(self, commune: Any) -> User:
        return self._user(commune, Role.LEADER, AgencyKind.COMMUNE_COMMITTEE, "ubnd")

    def _user(self, commune: Any, role: str, kind: str, prefix: str) -> User:
        existing = (
            User.objects.filter(role=role, agency__kind=kind, agency__unit=commune)
            .order_by("username")
            .first()
        )
        if existing is not None:
            return existing
        label = "Công an" if kind == AgencyKind.COMMUNE_POLICE else "Ủy ban nhân dân"
        unit_name = f"{KIND_PREFIX[commune.kind].lower()} {commune.name}"
        agency, _ = Agency.objects.get_or_create(
            kind=kind, unit=commune, defaults={"name": f"{label} {unit_name}"}
        )
        username = f"{prefix}.{commune.code}"
        if commune.pk == getattr(self.ctx.data.get("commune_a"), "pk", None):
            username = f"{prefix}.xa"
        elif commune.pk == getattr(self.ctx.data.get("commune_b"), "pk", None):
            username = f"{prefix}.xa2"
        names = (
            ["Đinh Văn Quang", "Mai Thị Thảo", "Lương Văn Đức", "Hà Thị Yến"]
            if role == Role.LEADER
            else ["Tạ Văn Khánh", "Châu Thị Ngân", "Kiều Văn Lộc", "Lý Thị Hằng"]
        )
        user = User(
            username=username,
            full_name=names[int(commune.code) % len(names)],
            role=role,
            agency=agency,
            email=f"{username}@example.gov.vn",
        )
        user.password = self.password
        user.save()
        return user


def _candidate_cases(ctx: DemoContext) -> list[Case]:
    """Persons in the province who could borrow: under management (not held again, not
    closed), released with a certificate, the sentence completed between 8 months and 4 years
    ago; the demo communes first."""
    earliest = ctx.today - timedelta(days=4 * 365)
    latest = ctx.today - timedelta(days=240)
    cases = (
        Case.objects.filter(
            status=CaseStatus.UNDER_MANAGEMENT,
            person__province=ctx.province,
            release__certificate_number__gt="",
            release__certificate_date__isnull=False,
            release__release_date__gte=earliest,
            release__release_date__lte=latest,
        )
        .exclude(release__type="parole")
        .select_related("person", "person__commune", "release")
        .order_by("person__commune__code", "person__name_key")
    )
    by_commune: dict[int, list[Case]] = defaultdict(list)
    seen: set[Any] = set()
    for case in cases:
        if case.person_id in seen:
            continue
        seen.add(case.person_id)
        by_commune[case.person.commune_id].append(case)
    preferred = [unit.pk for unit in (ctx.data.get("commune_a"), ctx.data.get("commune_b")) if unit]
    order = preferred + sorted(
        (pk for pk in by_commune if pk not in preferred),
        key=lambda pk: -len(by_commune[pk]),
    )
    chosen: list[Case] = []
    communes = 0
    for pk in order:
        if not by_commune.get(pk) or communes >= MAX_COMMUNES:
            continue
        communes += 1
        chosen.extend(by_commune[pk])
        if len(chosen) >= MAX_INDIVIDUAL_LOANS:
            break
    return chosen[:MAX_INDIVIDUAL_LOANS]


def _individual_loans(ctx: DemoContext, officers: _Officers, cases: list[Case]) -> list[Any]:
    if not cases or officers.bank is None:
        return []
    start = ctx.today - timedelta(days=210)
    by_commune: dict[Any, list[Case]] = defaultdict(list)
    for case in cases:
        by_commune[case.person.commune].append(case)
    made: list[LoanApplication] = []
    index = 0
    for commune, commune_cases in by_commune.items():
        police, committee = officers.police(commune), officers.committee(commune)
        plans = [PLAN[(index + i) % len(PLAN)] for i in range(len(commune_cases))]
        index += len(commune_cases)
        # Everyone but the drafts is on a Form 01 confirmed 200 days ago.
        listed = [case for case, plan in zip(commune_cases, plans, strict=True) if plan != "draft"]
        if listed:
            confirmed = services.create_list(
                commune=commune, drawn_up_on=start, number="01/DS-CA", acting_user=police
            )
            for case in listed:
                services.add_entry(
                    confirmed,
                    person=case.person,
                    purpose=LoanPurpose.PRODUCTION,
                    note="Chấp hành tốt pháp luật",
                    acting_user=police,
                )
            services.submit_list(
                confirmed, expected_version=confirmed.version, today=start, acting_user=police
            )
            services.confirm_list(
                confirmed,
                confirmed_on=start + timedelta(days=5),
                expected_version=confirmed.version,
                acting_user=committee,
            )
        for case, plan in zip(commune_cases, plans, strict=True):
            made.append(_loan(ctx, case, plan, police, officers.bank))
        # Drafts go on a new list awaiting the commune People's Committee.
        drafts = [case for case, plan in zip(commune_cases, plans, strict=True) if plan == "draft"]
        if drafts:
            pending = services.create_list(
                commune=commune, drawn_up_on=ctx.today - timedelta(days=3), acting_user=police
            )
            for case in drafts:
                services.add_entry(pending, person=case.person, acting_user=police)
            services.submit_list(
                pending,
                expected_version=pending.version,
                today=ctx.today - timedelta(days=2),
                acting_user=police,
            )
    return made


def _loan(ctx: DemoContext, case: Case, plan: str, police: User, bank: User) -> LoanApplication:
    rng = ctx.rng
    day = ctx.today - timedelta(days=200)
    training = rng.random() < 0.25
    months = rng.choice([3, 6, 9, 12])
    amount = months * 4_000_000 if training else rng.choice(range(20, 101, 5)) * 1_000_000
    name, relationship = rng.choice(REPRESENTATIVES)
    loan = services.create_individual_application(
        person=case.person,
        data=ApplicationData(
            purpose=LoanPurpose.TRAINING if training else LoanPurpose.PRODUCTION,
            amount_requested=amount,
            training_months=months if training else None,
            term_months=months * 2 if training else rng.choice([36, 48, 60]),
            plan=(
                "Học nghề sửa chữa xe máy tại Trường Cao đẳng nghề"
                if training
                else rng.choice(
                    [
                        "Mua 2 con bò giống để chăn nuôi",
                        "Mở tiệm sửa xe máy tại nhà",
                        "Mua máy may công nghiệp nhận gia công",
                        "Trồng 1 ha cà phê xen tiêu",
                    ]
                )
            ),
            representative_name=case.person.full_name if relationship == "self" else name,
            representative_relationship=relationship,
            household_size=rng.randint(2, 6),
        ),
        today=day,
        acting_user=police,
    )
    if plan == LoanStatus.DRAFT:
        return loan
    services.mark_on_list(loan, expected_version=loan.version, today=day, acting_user=police)
    if plan == LoanStatus.ON_LIST:
        return loan
    day += timedelta(days=7)
    services.submit_application(
        loan, submitted_on=day, expected_version=loan.version, acting_user=police
    )
    if plan == LoanStatus.SUBMITTED:
        return loan
    day += timedelta(days=10)
    if plan == LoanStatus.REJECTED:
        return services.reject(
            loan,
            reason="Phương án sử dụng vốn chưa khả thi; đề nghị bổ sung",
            decided_on=day,
            expected_version=loan.version,
            acting_user=bank,
        )
    services.approve(
        loan,
        amount=amount,
        decided_on=day,
        no_other_debt=True,
        expected_version=loan.version,
        acting_user=bank,
    )
    if plan == LoanStatus.APPROVED:
        return loan
    day += timedelta(days=5)
    services.disburse(
        loan,
        amount=amount,
        disbursed_on=day,
        contract_number=f"{rng.randint(1000, 9999)}/HĐTD",
        expected_version=loan.version,
        acting_user=bank,
    )
    if plan == LoanStatus.DISBURSED:
        return loan
    day += timedelta(days=90)
    if plan == LoanStatus.OVERDUE:
        return services.mark_overdue(
            loan, since=day, expected_version=loan.version, acting_user=bank
        )
    first = amount if plan == LoanStatus.SETTLED else amount // 4
    return services.record_repayment(
        loan, amount=first, paid_on=day, expected_version=loan.version, acting_user=bank
    )


def _employers(ctx: DemoContext) -> list[Employer]:
    found = list(Employer.objects.filter(province=ctx.province).order_by("name")[:4])
    if found:
        return found
    commune = ctx.data.get("commune_a") or (ctx.communes[0] if ctx.communes else None)
    if commune is None:
        return []
    made = []
    for name, tax_code, sector, workforce, returnees in DEMO_EMPLOYERS:
        employer, _ = Employer.objects.get_or_create(
            tax_code=tax_code,
            defaults={
                "name": name,
                "sector": sector,
                "size": EmployerSize.SMALL,
                "workforce": workforce,
                "returnees_on_contract": returnees,
                "commune": commune,
                "address": "Đường Đồng Khởi",
                "contact_name": "Nguyễn Văn Sơn",
                "phone": "0912345678",
            },
        )
        made.append(employer)
    return made


def _business_loans(ctx: DemoContext, officers: _Officers) -> list[LoanApplication]:
    bank = officers.bank
    if bank is None:
        return []
    made = []
    plans = [LoanStatus.DISBURSED, LoanStatus.SUBMITTED, LoanStatus.DRAFT, LoanStatus.ON_LIST]
    for employer, plan in zip(_employers(ctx), plans, strict=False):
        police = officers.police(employer.commune)
        day = ctx.today - timedelta(days=120)
        returnees = max(employer.returnees_on_contract, 1)
        amount = min(returnees * 100_000_000, 2_000_000_000, 500_000_000)
        loan = services.create_business_application(
            employer=employer,
            data=ApplicationData(
                purpose=LoanPurpose.PRODUCTION,
                amount_requested=amount,
                term_months=60,
                plan="Mở rộng xưởng sản xuất, tuyển thêm người chấp hành xong án phạt tù",
                collateral="Quyền sử dụng đất và nhà xưởng",
            ),
            today=day,
            acting_user=police,
        )
        made.append(loan)
        if plan == LoanStatus.DRAFT or employer.returnees_on_contract * 10 < employer.workforce:
            continue
        committee = officers.committee(employer.commune)
        services.confirm_plan(
            loan, confirmed_on=day, expected_version=loan.version, acting_user=committee
        )
        if plan == LoanStatus.ON_LIST:
            continue
        services.submit_application(
            loan,
            submitted_on=day + timedelta(days=3),
            expected_version=loan.version,
            acting_user=police,
        )
        if plan == LoanStatus.SUBMITTED:
            continue
        day += timedelta(days=15)
        services.approve(
            loan,
            amount=amount,
            decided_on=day,
            no_other_debt=True,
            expected_version=loan.version,
            acting_user=bank,
        )
        services.disburse(
            loan,
            amount=amount,
            disbursed_on=day + timedelta(days=5),
            contract_number="0456/HĐTD-DN",
            expected_version=loan.version,
            acting_user=bank,
        )
    return made
