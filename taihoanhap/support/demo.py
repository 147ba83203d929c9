"""Demo needs, support, referrals, vocational courses (some inside the facility), enrolments
and certificates, attached to the open cases already in the demo province.

The persons are chosen by query, not from `ctx.data`, so this runs after any registry demo and
does nothing when there are no cases. Rows are bulk-created; each gets its timeline entry.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Q

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.core.demo import AGENCY_DEMO_CASES, DemoContext
from taihoanhap.geo.models import UnitLevel
from taihoanhap.registry.models import Case, CaseEvent, CaseStatus, Visibility
from taihoanhap.support.models import (
    MEASURE_ANSWERS,
    SENSITIVE_NEEDS,
    AssessmentOccasion,
    Attendance,
    Certificate,
    Course,
    Enrolment,
    EnrolmentStatus,
    MeasureKind,
    Need,
    NeedAssessment,
    NeedKind,
    NeedStatus,
    Referral,
    ReferralStatus,
    SupportMeasure,
    TrainingLevel,
)
from taihoanhap.support.rules import REFERRAL_DEADLINE_SOURCE, referral_respond_by
from taihoanhap.support.services.base import choice_labels, record_text

# (need, weight): what returnees most often ask for first.
NEED_WEIGHTS = [
    (NeedKind.JOB, 60),
    (NeedKind.TRAINING, 30),
    (NeedKind.LOAN, 30),
    (NeedKind.IDENTITY, 25),
    (NeedKind.RESIDENCE, 20),
    (NeedKind.COUNSELLING, 15),
    (NeedKind.HEALTH, 10),
    (NeedKind.LEGAL_AID, 10),
    (NeedKind.SOCIAL_ASSISTANCE, 15),
    (NeedKind.HOUSING, 5),
]

# Which agency gives each kind of support, by demo agency key.
PROVIDER_BY_KIND = {
    MeasureKind.JOB: "employment_centre",
    MeasureKind.TRAINING: "education",
    MeasureKind.LOAN: "home_affairs",
    MeasureKind.SOCIAL_ASSISTANCE: "health",
    MeasureKind.HEALTH: "health",
    MeasureKind.COUNSELLING: "health",
    MeasureKind.HOUSING: "health",
}

OUTCOMES = {
    MeasureKind.JOB: "Đã tư vấn và giới thiệu 2 chỗ làm",
    MeasureKind.TRAINING: "Đã giới thiệu khóa học nghề",
    MeasureKind.LOAN: "Đã hướng dẫn hồ sơ vay vốn Ngân hàng CSXH",
    MeasureKind.IDENTITY: "Đã hướng dẫn làm thẻ căn cước",
    MeasureKind.RESIDENCE: "Đã đăng ký thường trú",
    MeasureKind.HEALTH: "Đã giới thiệu đến trạm y tế",
    MeasureKind.COUNSELLING: "Đã tư vấn tâm lý 2 buổi",
    MeasureKind.LEGAL_AID: "Đã trợ giúp pháp lý miễn phí",
    MeasureKind.SOCIAL_ASSISTANCE: "Trợ cấp khó khăn",
    MeasureKind.HOUSING: "Hỗ trợ sửa nhà",
}

# (title, trade, level, provider, weeks)
COURSES = [
    (
        "Hàn điện cơ bản",
        "Hàn điện",
        TrainingLevel.SHORT,
        "Trường Cao đẳng Công nghệ cao Đồng Nai",
        10,
    ),
    ("May công nghiệp", "May công nghiệp", TrainingLevel.SHORT, "Trung tâm GDNN - GDTX", 8),
    ("Sửa chữa xe máy", "Sửa chữa xe máy", TrainingLevel.ELEMENTARY, "Trường Trung cấp nghề", 16),
    ("Kỹ thuật trồng tiêu và điều", "Trồng trọt", TrainingLevel.SHORT, "Trung tâm Khuyến nông", 6),
    ("Điện dân dụng", "Điện dân dụng", TrainingLevel.ELEMENTARY, "Trường Cao đẳng Cơ giới", 20),
    ("Nấu ăn", "Nấu ăn", TrainingLevel.SHORT, "Trung tâm GDNN - GDTX", 8),
    ("Lái xe hạng C", "Lái xe", TrainingLevel.SHORT, "Trung tâm đào tạo lái xe", 12),
    ("Cơ khí chế tạo", "Cơ khí", TrainingLevel.INTERMEDIATE, "Trường Cao đẳng Kỹ thuật", 52),
]
INSIDE_COURSES = [
    ("May công nghiệp cho phạm nhân sắp ra trại", "May công nghiệp", TrainingLevel.SHORT, 10),
    ("Mộc dân dụng trong trại", "Mộc dân dụng", TrainingLevel.SHORT, 12),
    ("Hàn điện cho phạm nhân", "Hàn điện", TrainingLevel.SHORT, 10),
]


def _open_cases(ctx: DemoContext) -> list[Case]:
    return list(
        Case.objects.filter(person__province=ctx.province)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("person", "release")
        .order_by("created_at")[:AGENCY_DEMO_CASES]
    )


def _agency(ctx: DemoContext, key: str, kind: str) -> Agency | None:
    agency = ctx.agencies.get(key)
    if agency is None:
        agency = Agency.objects.filter(kind=kind, unit=ctx.province).first()
    return agency


def _police_by_commune(ctx: DemoContext) -> dict[int, User]:
    found: dict[int, User] = {}
    for user in User.objects.filter(role=Role.COMMUNE_POLICE, agency__unit__parent=ctx.province):
        found.setdefault(user.agency.unit_id, user)
    return found


def _event(
    case: Case,
    kind: str,
    on: date,
    summary: str,
    actor: Any,
    source: Any,
    visibility: str = Visibility.ALL,
) -> CaseEvent:
    return CaseEvent(
        case=case,
        person_id=case.person_id,
        kind=kind,
        occurred_on=on,
        summary=summary[:300],
        actor=actor,
        agency_id=getattr(actor, "agency_id", None),
        visibility=visibility,
        source_type=source._meta.label_lower,
        source_id=str(source.pk),
    )


def generate(ctx: DemoContext) -> None:
    cases = _open_cases(ctx)
    if not cases:
        ctx.progress("support: no open case in the province, nothing to add")
        return
    police = _police_by_commune(ctx)
    province_police = (
        ctx.users.get("ca.tinh")
        or User.objects.filter(role=Role.PROVINCE_POLICE, agency__unit=ctx.province).first()
    )
    if province_police is None:
        ctx.progress("support: no police officer to record the demo, nothing to add")
        return
    events: list[CaseEvent] = []
    needs = _needs(ctx, cases, police, province_police, events)
    measures = _measures(ctx, needs, police, province_police, events)
    referrals = _referrals(ctx, cases, police, province_police, events)
    courses, enrolments, certificates = _courses(ctx, cases, events)
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    ctx.progress(
        f"{len(needs)} needs, {measures} support measures, {referrals} referrals, "
        f"{courses} courses, {enrolments} enrolments, {certificates} certificates"
    )


def _officer_for(case: Case, police: dict[int, User], fallback: User) -> User:
    return police.get(case.person.commune_id, fallback)


def _needs(ctx, cases, police, fallback, events) -> list[tuple[Need, Case]]:
    rng = ctx.rng
    kinds, weights = zip(*NEED_WEIGHTS, strict=True)
    assessments, pending = [], []
    for case in cases:
        if case.status == CaseStatus.EXPECTED or rng.random() > 0.85:
            continue
        day = case.received_on or case.release.release_date + timedelta(days=rng.randint(1, 10))
        day = min(day, ctx.today)
        officer = _officer_for(case, police, fallback)
        chosen = set(rng.choices(kinds, weights=weights, k=rng.randint(1, 4)))
        assessment = NeedAssessment(
            person_id=case.person_id,
            case=case,
            occasion=AssessmentOccasion.RECEPTION,
            assessed_on=day,
            assessed_by=officer,
        )
        assessments.append(assessment)
        pending.append((assessment, case, sorted(chosen), officer))
    NeedAssessment.objects.bulk_create(assessments, batch_size=1000)
    needs: list[tuple[Need, Case]] = []
    for assessment, case, chosen, officer in pending:
        for kind in chosen:
            needs.append(
                (
                    Need(
                        person_id=case.person_id,
                        assessment=assessment,
                        kind=kind,
                        opened_on=assessment.assessed_on,
                    ),
                    case,
                )
            )
        plain = [k for k in chosen if k not in SENSITIVE_NEEDS]
        if plain:
            labels = choice_labels(NeedKind, plain)
            events.append(
                _event(
                    case,
                    "support.needs",
                    assessment.assessed_on,
                    record_text(
                        "Đánh giá nhu cầu (%(occasion)s): %(needs)s",
                        occasion=AssessmentOccasion.RECEPTION.label,
                        needs=labels,
                    ),
                    officer,
                    assessment,
                )
            )
    Need.objects.bulk_create([need for need, _ in needs], batch_size=2000)
    return needs


def _measures(ctx, needs, police, fallback, events) -> int:
    rng = ctx.rng
    answered = {need_kind: kind for kind, need_kind in MEASURE_ANSWERS.items()}
    measures, met = [], []
    for need, case in needs:
        roll = rng.random()
        if roll < 0.1:
            need.status, need.closed_on = NeedStatus.DECLINED, need.opened_on + timedelta(days=7)
            met.append(need)
            continue
        if roll > 0.6:
            continue
        kind = answered[need.kind]
        key = PROVIDER_BY_KIND.get(kind)
        agency = ctx.agencies.get(key) if key else None
        officer = _officer_for(case, police, fallback)
        agency = agency or officer.agency
        day = min(need.opened_on + timedelta(days=rng.randint(3, 60)), ctx.today)
        amount = None
        if kind == MeasureKind.SOCIAL_ASSISTANCE:
            amount = rng.choice([500_000, 1_000_000, 1_500_000, 2_000_000])
        measure = SupportMeasure(
            person_id=case.person_id,
            case=case,
            kind=kind,
            provided_on=day,
            agency=agency,
            amount_vnd=amount,
            outcome=OUTCOMES.get(kind, ""),
            need=need,
            recorded_by=officer,
        )
        measures.append(measure)
        need.status, need.closed_on = NeedStatus.MET, day
        met.append(need)
        summary = record_text(
            "Hỗ trợ: %(kind)s (%(provider)s)", kind=MeasureKind(kind).label, provider=agency
        )
        visibility = Visibility.POLICE if need.kind in SENSITIVE_NEEDS else Visibility.ALL
        events.append(_event(case, "support.measure", day, summary, officer, measure, visibility))
    Need.objects.bulk_update(met, ["status", "closed_on"], batch_size=2000)
    SupportMeasure.objects.bulk_create(measures, batch_size=2000)
    return len(measures)


def _referrals(ctx, cases, police, fallback, events) -> int:
    rng = ctx.rng
    targets = [
        (NeedKind.JOB, "employment_centre"),
        (NeedKind.TRAINING, "education"),
        (NeedKind.LOAN, "bank"),
        (NeedKind.SOCIAL_ASSISTANCE, "health"),
    ]
    statuses = [
        ReferralStatus.SENT,
        ReferralStatus.ACCEPTED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.DONE,
        ReferralStatus.DONE,
        ReferralStatus.DECLINED,
    ]
    referrals = []
    for case in cases:
        if case.status == CaseStatus.EXPECTED or rng.random() > 0.3:
            continue
        purpose, key = rng.choice(targets)
        to_agency = ctx.agencies.get(key)
        officer = _officer_for(case, police, fallback)
        if to_agency is None or officer.agency_id is None:
            continue
        sent_on = ctx.today - timedelta(days=rng.randint(1, 120))
        status = rng.choice(statuses)
        referral = Referral(
            person_id=case.person_id,
            case=case,
            purpose=purpose,
            from_agency_id=officer.agency_id,
            to_agency=to_agency,
            message="Đề nghị hỗ trợ theo nhu cầu đã ghi nhận khi tiếp nhận.",
            sent_on=sent_on,
            respond_by=referral_respond_by(sent_on),
            deadline_source=record_text(REFERRAL_DEADLINE_SOURCE, days=5),
            sent_by=officer,
            status=status,
        )
        if status != ReferralStatus.SENT:
            referral.responded_on = min(sent_on + timedelta(days=rng.randint(1, 8)), ctx.today)
        if status == ReferralStatus.DONE:
            referral.closed_on, referral.outcome = referral.responded_on, "Đã hỗ trợ theo đề nghị"
        if status == ReferralStatus.DECLINED:
            referral.closed_on = referral.responded_on
            referral.decline_reason = "Người được giới thiệu không đủ điều kiện"
        referrals.append(referral)
        events.append(
            _event(
                case,
                "support.referral",
                sent_on,
                record_text(
                    "Giới thiệu đến %(agency)s: %(purpose)s",
                    agency=to_agency,
                    purpose=NeedKind(purpose).label,
                ),
                officer,
                referral,
            )
        )
    Referral.objects.bulk_create(referrals, batch_size=2000)
    return len(referrals)


def _courses(ctx, cases, events) -> tuple[int, int, int]:
    rng = ctx.rng
    education = _agency(ctx, "education", AgencyKind.EDUCATION)
    trainer = ctx.users.get("giaoduc") or User.objects.filter(role=Role.TRAINING_OFFICER).first()
    if education is None or trainer is None or not ctx.communes:
        return 0, 0, 0
    facility = (
        ctx.agencies.get("facility")
        or Agency.objects.filter(kind=AgencyKind.DETENTION_FACILITY)
        .filter(Q(unit=ctx.province) | Q(unit__parent=ctx.province))
        .first()
    )
    courses: list[Course] = []
    for index, (title, trade, level, provider, weeks) in enumerate(COURSES):
        starts = ctx.today + timedelta(days=rng.randint(-300, 60))
        courses.append(
            Course(
                title=title,
                trade=trade,
                level=level,
                provider=provider,
                starts_on=starts,
                ends_on=starts + timedelta(weeks=weeks),
                commune=ctx.communes[(index * 7) % len(ctx.communes)],
                province=ctx.province,
                address="Hội trường trung tâm",
                seats=rng.choice([20, 25, 30, 35]),
                cost_vnd=rng.choice([2_000_000, 3_000_000, 4_500_000]),
                support_vnd=rng.choice([1_500_000, 2_000_000, 3_000_000]),
                support_note="Miễn học phí, hỗ trợ tiền ăn và đi lại",
                organiser=education,
            )
        )
    if facility is not None:
        facility_province = (
            facility.unit if facility.unit.level == UnitLevel.PROVINCE else facility.unit.parent
        )
        for title, trade, level, weeks in INSIDE_COURSES:
            starts = ctx.today + timedelta(days=rng.randint(-200, 30))
            courses.append(
                Course(
                    title=title,
                    trade=trade,
                    level=level,
                    provider="Trung tâm GDNN phối hợp với trại giam",
                    starts_on=starts,
                    ends_on=starts + timedelta(weeks=weeks),
                    facility=facility,
                    province=facility_province,
                    seats=40,
                    cost_vnd=2_000_000,
                    support_vnd=2_000_000,
                    support_note="Miễn toàn bộ học phí cho phạm nhân",
                    organiser=education,
                )
            )
    for course in courses:
        course.trade_key = _key(course.trade)
    Course.objects.bulk_create(courses)
    outside = [c for c in courses if c.facility_id is None]
    inside = [c for c in courses if c.facility_id is not None]
    enrolments: list[Enrolment] = []
    taken: dict[Any, int] = {}
    for case in cases:
        inmate = case.status == CaseStatus.EXPECTED
        pool = inside if inmate else outside
        if inmate and (facility is None or case.release.facility_id != facility.pk):
            continue
        if not pool or case.status == CaseStatus.HELD or rng.random() > (0.6 if inmate else 0.2):
            continue
        course = rng.choice(pool)
        if taken.get(course.pk, 0) >= course.seats:
            continue
        taken[course.pk] = taken.get(course.pk, 0) + 1
        enrolled_on = course.starts_on - timedelta(days=rng.randint(1, 14))
        enrolment = Enrolment(
            course=course,
            person_id=case.person_id,
            case=case,
            enrolled_on=enrolled_on,
            as_inmate=inmate,
            enrolled_by=trainer,
        )
        if course.ends_on < ctx.today:
            enrolment.finished_on = course.ends_on
            roll = rng.random()
            if roll < 0.75:
                enrolment.status, enrolment.attendance = EnrolmentStatus.COMPLETED, Attendance.FULL
            elif roll < 0.9:
                enrolment.status, enrolment.attendance = (
                    EnrolmentStatus.NOT_COMPLETED,
                    Attendance.POOR,
                )
            else:
                enrolment.status = EnrolmentStatus.DROPPED_OUT
        enrolments.append(enrolment)
        events.append(
            _event(
                case,
                "support.enrolment",
                enrolled_on,
                record_text(
                    "Ghi danh khóa học %(course)s (%(trade)s, %(level)s)",
                    course=course.title,
                    trade=course.trade,
                    level=TrainingLevel(course.level).label,
                ),
                trainer,
                enrolment,
            )
        )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    certificates = []
    for number, enrolment in enumerate(enrolments, start=1):
        if enrolment.status != EnrolmentStatus.COMPLETED:
            continue
        course = enrolment.course
        certificate = Certificate(
            person_id=enrolment.person_id,
            enrolment=enrolment,
            number=f"{ctx.today.year}/CCN-{number:05d}",
            issued_on=course.ends_on + timedelta(days=7),
            issuer=course.provider,
            trade=course.trade,
            trade_key=course.trade_key,
            level=course.level,
            earned_in_detention=enrolment.as_inmate,
            recorded_by=trainer,
        )
        certificates.append(certificate)
        events.append(
            _event(
                enrolment.case,
                "support.certificate",
                certificate.issued_on,
                record_text(
                    "Chứng chỉ nghề %(trade)s (%(level)s) số %(number)s",
                    trade=course.trade,
                    level=TrainingLevel(course.level).label,
                    number=certificate.number,
                ),
                trainer,
                certificate,
            )
        )
    Certificate.objects.bulk_create(certificates, batch_size=2000)
    return len(courses), len(enrolments), len(certificates)


def _key(text: str) -> str:
    from taihoanhap.core.text import search_key

    return search_key(text)
