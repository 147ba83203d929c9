"""Demo employers, vacancies, consents, employment status, and job fairs with registrations,
attendance, interviews, offers and hires, attached to the open cases of the demo province.

Persons are chosen by query (not from `ctx.data`); with no case, only the employers and
vacancies are created. Rows are bulk-created with their timeline entries.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.core.demo import AGENCY_DEMO_CASES, DemoContext
from taihoanhap.core.text import search_key
from taihoanhap.core.workdays import add_months_raw
from taihoanhap.employers.models import Employer, EmployerSize
from taihoanhap.jobs.models import (
    ContactStage,
    EmploymentRecord,
    EmploymentStatus,
    FairAttendance,
    FairContact,
    FairEmployer,
    FairRegistration,
    JobFair,
    MatchingConsent,
    Vacancy,
)
from taihoanhap.jobs.rules import near_release_months
from taihoanhap.registry.models import Case, CaseEvent, CaseStatus
from taihoanhap.support.services.base import record_text

# (name, sector, size, workforce, returnees, trades offered)
EMPLOYERS = [
    ("Công ty TNHH Cơ khí Tân Phú", "Cơ khí", EmployerSize.SMALL, 85, 9, ["Hàn điện", "Cơ khí"]),
    ("Công ty CP May mặc Đồng Xoài", "Dệt may", EmployerSize.MEDIUM, 420, 21, ["May công nghiệp"]),
    ("HTX Nông nghiệp Lộc Hưng", "Nông nghiệp", EmployerSize.COOPERATIVE, 36, 5, ["Trồng trọt"]),
    ("Công ty TNHH Gỗ Trường Thành", "Chế biến gỗ", EmployerSize.MEDIUM, 310, 12, ["Mộc dân dụng"]),
    ("Hộ kinh doanh Sửa xe Minh Tâm", "Dịch vụ", EmployerSize.HOUSEHOLD, 4, 1, ["Sửa chữa xe máy"]),
    (
        "Công ty TNHH Xây dựng Phước Long",
        "Xây dựng",
        EmployerSize.SMALL,
        120,
        14,
        ["Nề", "Điện dân dụng"],
    ),
    ("Công ty CP Vận tải Biên Hòa", "Vận tải", EmployerSize.MEDIUM, 200, 8, ["Lái xe"]),
    ("Nhà hàng Hương Quê", "Ăn uống", EmployerSize.MICRO, 15, 2, ["Nấu ăn"]),
    ("Công ty TNHH Điện tử Amata", "Điện tử", EmployerSize.LARGE, 1500, 30, ["Lắp ráp điện tử"]),
    ("Công ty TNHH Cao su Bình Long", "Cao su", EmployerSize.LARGE, 900, 45, ["Cạo mủ cao su"]),
    ("Xưởng Mộc Thành Đạt", "Chế biến gỗ", EmployerSize.MICRO, 12, 2, ["Mộc dân dụng"]),
    ("Công ty TNHH Bao bì Nhơn Trạch", "Sản xuất", EmployerSize.SMALL, 95, 6, ["Vận hành máy"]),
]
STREETS = ["Quốc lộ 1A", "ĐT 741", "Hùng Vương", "Lê Lợi"]
TITLES = {
    "Hàn điện": "Thợ hàn",
    "Cơ khí": "Thợ cơ khí",
    "May công nghiệp": "Công nhân may",
    "Trồng trọt": "Lao động trồng trọt",
    "Mộc dân dụng": "Thợ mộc",
    "Sửa chữa xe máy": "Thợ sửa xe",
    "Nề": "Thợ nề",
    "Điện dân dụng": "Thợ điện",
    "Lái xe": "Tài xế xe tải",
    "Nấu ăn": "Phụ bếp",
    "Lắp ráp điện tử": "Công nhân lắp ráp",
    "Cạo mủ cao su": "Công nhân cạo mủ",
    "Vận hành máy": "Công nhân vận hành máy",
}


def generate(ctx: DemoContext) -> None:
    if not ctx.communes:
        return
    officer = ctx.users.get("noivu") or User.objects.filter(role=Role.EMPLOYMENT_OFFICER).first()
    if officer is None:
        ctx.progress("jobs: no employment officer, nothing to add")
        return
    employers = _employers(ctx)
    vacancies = _vacancies(ctx, employers)
    cases = [
        c
        for c in Case.objects.filter(person__province=ctx.province)
        .exclude(status__in=[CaseStatus.CLOSED, CaseStatus.HELD])
        .select_related("person", "release")
        .order_by("created_at")[:AGENCY_DEMO_CASES]
    ]
    events: list[CaseEvent] = []
    consents = _consents(ctx, cases, officer, events)
    fairs, hires = _fairs(ctx, employers, vacancies, cases, consents, officer, events)
    employed = _employment(ctx, cases, employers, hires, officer, events)
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    ctx.progress(
        f"{len(employers)} employers, {len(vacancies)} vacancies, {len(consents)} consents, "
        f"{fairs} fairs, {len(hires)} hires, {employed} employment records"
    )


def _employers(ctx: DemoContext) -> list[Employer]:
    rng = ctx.rng
    existing = set(Employer.objects.values_list("tax_code", flat=True))
    employers = []
    for name, sector, size, workforce, returnees, _trades in EMPLOYERS:
        if Employer.objects.filter(name=name).exists():
            continue
        tax_code = f"36{rng.randint(0, 10**8 - 1):08d}"
        while tax_code in existing:
            tax_code = f"36{rng.randint(0, 10**8 - 1):08d}"
        existing.add(tax_code)
        commune = rng.choice(ctx.communes)
        employers.append(
            Employer(
                name=name,
                tax_code=tax_code,
                sector=sector,
                size=size,
                workforce=workforce,
                returnees_on_contract=returnees,
                commune=commune,
                province=ctx.province,
                address=f"Số {rng.randint(1, 300)}, đường {rng.choice(STREETS)}",
                contact_name=rng.choice(["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Đức"]),
                phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                willing_to_hire=rng.random() < 0.9,
            )
        )
    Employer.objects.bulk_create(employers)
    return employers


def _vacancies(ctx: DemoContext, employers: list[Employer]) -> list[Vacancy]:
    rng = ctx.rng
    trades_of = {row[0]: row[5] for row in EMPLOYERS}
    vacancies = []
    for employer in employers:
        for trade in trades_of.get(employer.name, []):
            opens = ctx.today - timedelta(days=rng.randint(0, 120))
            low = rng.choice([5_500_000, 6_000_000, 7_000_000, 8_000_000])
            vacancies.append(
                Vacancy(
                    employer=employer,
                    title=TITLES.get(trade, trade),
                    trade=trade,
                    trade_key=search_key(trade),
                    count=rng.randint(2, 20),
                    wage_min_vnd=low,
                    wage_max_vnd=low + rng.choice([1_000_000, 2_000_000, 3_000_000]),
                    commune=employer.commune,
                    province=ctx.province,
                    min_age=18,
                    max_age=rng.choice([None, 45, 50]),
                    skills=rng.choice(["", "Chịu khó, có sức khỏe", "Biết đọc bản vẽ"]),
                    opens_on=opens,
                    closes_on=opens + timedelta(days=rng.randint(60, 240)),
                )
            )
    Vacancy.objects.bulk_create(vacancies)
    return vacancies


def _consents(ctx: DemoContext, cases: list[Case], officer: User, events) -> dict[Any, date]:
    """About half of the people agree to job matching, from a little after their return."""
    rng = ctx.rng
    trades = sorted(TITLES)
    consents, given = [], {}
    already = set(
        MatchingConsent.objects.filter(withdrawn_on__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    for case in cases:
        if case.person_id in already or rng.random() > 0.5:
            continue
        day = min(case.release.release_date + timedelta(days=rng.randint(5, 60)), ctx.today)
        if case.status == CaseStatus.EXPECTED:
            day = ctx.today - timedelta(days=rng.randint(0, 20))
        consent = MatchingConsent(
            person_id=case.person_id,
            given_on=day,
            desired_trade=rng.choice(trades),
            note="Đơn đề nghị giới thiệu việc làm lưu hồ sơ",
            recorded_by=officer,
        )
        consent.desired_trade_key = search_key(consent.desired_trade)
        consents.append(consent)
        given[case.person_id] = day
        events.append(
            _event(case, "jobs.consent", day, "Đồng ý tham gia kết nối việc làm", officer, consent)
        )
    MatchingConsent.objects.bulk_create(consents, batch_size=2000)
    return given


def _fairs(ctx, employers, vacancies, cases, consents, officer, events):
    """Fairs over the last two years and one to come; hires return (case, employer, day)."""
    rng = ctx.rng
    if not employers:
        return 0, []
    organisers = [
        a
        for a in (
            ctx.agencies.get("home_affairs"),
            ctx.agencies.get("business_association"),
            ctx.agencies.get("province_police"),
        )
        if a is not None
    ] or list(Agency.objects.filter(kind=AgencyKind.HOME_AFFAIRS, unit=ctx.province)[:1])
    dates = sorted(
        {ctx.today - timedelta(days=rng.randint(20, 700)) for _ in range(6)}
        | {ctx.today + timedelta(days=21)}
    )
    fairs = []
    for index, held_on in enumerate(dates):
        commune = ctx.communes[(index * 11 + 3) % len(ctx.communes)]
        fairs.append(
            JobFair(
                title=f"Phiên chợ của tình người {held_on:%m/%Y}",
                held_on=held_on,
                commune=commune,
                province=ctx.province,
                venue=rng.choice(["Nhà văn hóa", "Hội trường UBND", "Sân vận động"]),
                created_by=officer,
            )
        )
    JobFair.objects.bulk_create(fairs)
    for fair in fairs:
        fair.organisers.set(organisers)
    participants, by_fair = [], {}
    for fair in fairs:
        chosen = rng.sample(employers, k=min(len(employers), rng.randint(3, 5)))
        by_fair[fair.pk] = [FairEmployer(fair=fair, employer=e) for e in chosen]
        participants.extend(by_fair[fair.pk])
    FairEmployer.objects.bulk_create(participants)
    offers = FairEmployer.vacancies.through
    links = [
        offers(fairemployer_id=p.pk, vacancy_id=v.pk)
        for p in participants
        for v in vacancies
        if v.employer_id == p.employer_id
    ]
    offers.objects.bulk_create(links)

    registrations, contacts, hires = [], [], []
    used: set[Any] = set()
    months = near_release_months()
    for fair in fairs:
        eligible = [
            c
            for c in cases
            if c.person_id in consents
            and c.person_id not in used
            and consents[c.person_id] <= fair.held_on
            and (
                c.status != CaseStatus.EXPECTED
                or c.release.release_date <= add_months_raw(fair.held_on, months)
            )
        ]
        rng.shuffle(eligible)
        held = fair.held_on <= ctx.today
        for case in eligible[: rng.randint(8, 25)]:
            used.add(case.person_id)
            registration = FairRegistration(
                fair=fair,
                person_id=case.person_id,
                case=case,
                registered_on=fair.held_on - timedelta(days=rng.randint(1, 14)),
                as_inmate=case.status == CaseStatus.EXPECTED,
                registered_by=officer,
            )
            registrations.append(registration)
            events.append(
                _event(
                    case,
                    "jobs.fair",
                    registration.registered_on,
                    f"Đăng ký tham gia {fair.title} ngày {fair.held_on:%d/%m/%Y}",
                    officer,
                    registration,
                )
            )
            if not held:
                continue
            attended = rng.random() < 0.75
            registration.attendance = FairAttendance.ATTENDED if attended else FairAttendance.ABSENT
            if not attended or rng.random() > 0.6:
                continue
            participant = rng.choice(by_fair[fair.pk])
            roll = rng.random()
            stage = (
                ContactStage.HIRED
                if roll < 0.4 and not registration.as_inmate
                else ContactStage.OFFERED
                if roll < 0.6
                else ContactStage.NOT_HIRED
                if roll < 0.75
                else ContactStage.INTERVIEWED
            )
            contact = FairContact(
                registration=registration,
                participant=participant,
                stage=stage,
                interviewed_on=fair.held_on,
                offered_on=fair.held_on
                if stage in (ContactStage.OFFERED, ContactStage.HIRED)
                else None,
                hired_on=fair.held_on if stage == ContactStage.HIRED else None,
            )
            contacts.append(contact)
            if stage == ContactStage.HIRED:
                hires.append((case, participant.employer, fair, contact))
    FairRegistration.objects.bulk_create(registrations, batch_size=2000)
    FairContact.objects.bulk_create(contacts, batch_size=2000)
    return len(fairs), hires


def _employment(ctx, cases, employers, hires, officer, events) -> int:
    """Hires at fairs become employment records; others get a plausible current status."""
    rng = ctx.rng
    records: list[EmploymentRecord] = []
    contacts: list[FairContact] = []
    hired = {case.person_id for case, *_ in hires}
    already = set(
        EmploymentRecord.objects.filter(ended_on__isnull=True).values_list("person_id", flat=True)
    )
    for case, employer, fair, contact in hires:
        if case.person_id in already:
            continue
        start = fair.held_on + timedelta(days=rng.randint(3, 14))
        record = EmploymentRecord(
            person_id=case.person_id,
            case=case,
            status=EmploymentStatus.EMPLOYED,
            employer=employer,
            job_title="Công nhân",
            monthly_wage_vnd=rng.choice([6_000_000, 7_000_000, 8_500_000]),
            labour_contract=rng.random() < 0.7,
            started_on=min(start, ctx.today),
            note=f"Tuyển dụng tại {fair.title}",
            recorded_by=officer,
        )
        records.append(record)
        contact.employment = record
        contacts.append(contact)
        events.append(
            _event(
                case,
                "jobs.hire",
                fair.held_on,
                f"Được {employer} tuyển dụng tại {fair.title}",
                officer,
                contact,
            )
        )
    statuses = [
        (EmploymentStatus.EMPLOYED, 35),
        (EmploymentStatus.SELF_EMPLOYED, 30),
        (EmploymentStatus.UNEMPLOYED, 25),
        (EmploymentStatus.IN_TRAINING, 10),
    ]
    kinds, weights = zip(*statuses, strict=True)
    for case in cases:
        if case.person_id in hired or case.person_id in already:
            continue
        if case.status == CaseStatus.EXPECTED or rng.random() > 0.7:
            continue
        status = rng.choices(kinds, weights=weights)[0]
        start = min(case.release.release_date + timedelta(days=rng.randint(10, 200)), ctx.today)
        employer = (
            rng.choice(employers) if status == EmploymentStatus.EMPLOYED and employers else None
        )
        record = EmploymentRecord(
            person_id=case.person_id,
            case=case,
            status=status,
            employer=employer,
            workplace=""
            if employer or status != EmploymentStatus.EMPLOYED
            else "Làm thuê tại địa phương",
            started_on=start,
            recorded_by=officer,
        )
        records.append(record)
        events.append(
            _event(
                case,
                "jobs.employment",
                start,
                record_text("Việc làm: %(status)s", status=EmploymentStatus(status).label)
                + (f" tại {employer}" if employer else ""),
                officer,
                record,
            )
        )
    EmploymentRecord.objects.bulk_create(records, batch_size=2000)
    FairContact.objects.bulk_update(contacts, ["employment"], batch_size=2000)
    return len(records)


def _event(case: Case, kind: str, on: date, summary: str, actor: Any, source: Any) -> CaseEvent:
    return CaseEvent(
        case=case,
        person_id=case.person_id,
        kind=kind,
        occurred_on=on,
        summary=record_text(summary)[:300],
        actor=actor,
        agency_id=getattr(actor, "agency_id", None),
        source_type=source._meta.label_lower,
        source_id=str(source.pk),
    )
