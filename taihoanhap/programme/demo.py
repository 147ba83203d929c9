"""Demo budget lines with allocations and spending, media activities, and models and exemplary
individuals (some units meeting the target, some not), all through the services."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.core.demo import DemoContext
from taihoanhap.programme import services
from taihoanhap.programme.models import (
    BudgetActivity,
    Channel,
    MediaTopic,
    RecognitionCategory,
    TargetLevel,
)
from taihoanhap.programme.services import MediaData, RecognitionData

# agency key, activity, title, allocated (million VND), share spent (1.0 = all; >1 overspent)
BUDGET = [
    ("home_affairs", BudgetActivity.JOB_FAIRS, "Phiên chợ việc làm cho người hoàn lương", 450, 0.8),
    ("education", BudgetActivity.TRAINING_SUPPORT, "Hỗ trợ học nghề ngắn hạn", 900, 0.55),
    ("bank", BudgetActivity.LOAN_CAPITAL, "Vốn ủy thác cho vay theo QĐ 22/2023", 5000, 1.0),
    ("media", BudgetActivity.PROPAGANDA, "Chuyên mục Vòng tay nhân ái", 300, 1.08),
    ("province_police", BudgetActivity.REMUNERATION, "Bồi dưỡng người giúp đỡ", 600, 0.4),
    ("commune_committee_a", BudgetActivity.REMUNERATION, "Bồi dưỡng tổ tự quản", 60, 0.7),
    ("province_police", BudgetActivity.OTHER, "Sơ kết 5 năm Chỉ thị 33/CT-TTg", 120, 0.0),
]
MEDIA = [
    ("Báo Đồng Nai", Channel.PRINT, "Những người trở về và hành trình làm lại cuộc đời"),
    ("Báo Đồng Nai điện tử", Channel.ONLINE, "Vốn vay ưu đãi tiếp sức người chấp hành xong án"),
    ("Đài Phát thanh - Truyền hình Đồng Nai", Channel.TELEVISION, "Vòng tay nhân ái"),
    ("Đài Phát thanh - Truyền hình Đồng Nai", Channel.RADIO, "Pháp luật và đời sống"),
    ("Trang Công an tỉnh trên mạng xã hội", Channel.SOCIAL, "Cơ hội việc làm cho người hoàn lương"),
    ("Đài truyền thanh xã", Channel.LOUDSPEAKER, "Tuyên truyền Nghị định 49/2020/NĐ-CP"),
]
COLLECTIVES = [
    (RecognitionCategory.SUPPORT_GROUP, "Tổ tự quản giúp đỡ người hoàn lương khu phố {n}"),
    (RecognitionCategory.CLUB, "Câu lạc bộ Vòng tay nhân ái ấp {n}"),
    (RecognitionCategory.EMPLOYER, "Cơ sở mộc Thành Công nhận người hoàn lương"),
]
INDIVIDUALS = [
    (RecognitionCategory.RETURNEE, "Nguyễn Văn Thành"),
    (RecognitionCategory.HELPER, "Trần Thị Kim Oanh"),
    (RecognitionCategory.RETURNEE, "Lê Hoàng Phúc"),
    (RecognitionCategory.HELPER, "Phạm Văn Lực"),
]


def generate(ctx: DemoContext) -> None:
    finance = _user(ctx, "taichinh", Role.FINANCE_OFFICER)
    media_officer = _user(ctx, "baochi", Role.MEDIA_OFFICER)
    police = _user(ctx, "ca.tinh", Role.PROVINCE_POLICE)
    leader = _user(ctx, "lanhdao", Role.LEADER)
    lines = _budget(ctx, finance) if finance else 0
    media = _media(ctx, media_officer) if media_officer else 0
    recognitions = _recognitions(ctx, police) if police else 0
    if leader is not None and leader.agency is not None:
        services.add_target(
            province=ctx.province,
            level=TargetLevel.COMMUNE,
            min_collective=1,
            min_individual=2,
            effective_from=date(ctx.today.year + 1, 1, 1),
            source="Dữ liệu minh họa: kế hoạch năm sau của Ủy ban nhân dân tỉnh",
            acting_user=leader,
        )
    ctx.progress(
        f"{lines} budget lines, {media} media activities, {recognitions} models and individuals"
    )


def _user(ctx: DemoContext, username: str, role: str) -> User | None:
    return (
        ctx.users.get(username) or User.objects.filter(role=role, agency__unit=ctx.province).first()
    )


def _budget(ctx: DemoContext, finance: User) -> int:
    made = 0
    year = ctx.today.year
    start = min(date(year, 1, 15), ctx.today)
    for key, activity, title, millions, share in BUDGET:
        agency = ctx.agencies.get(key)
        if agency is None:
            continue
        line = services.create_line(
            year=year,
            agency=agency,
            activity=activity,
            title=title,
            estimate=millions * 1_000_000,
            acting_user=finance,
        )
        made += 1
        first = millions * 700_000
        services.add_allocation(
            line,
            amount=first,
            allocated_on=start,
            decision_number=f"{ctx.rng.randint(100, 999)}/QĐ-UBND",
            acting_user=finance,
        )
        services.add_allocation(
            line,
            amount=millions * 1_000_000 - first,
            allocated_on=min(start + timedelta(days=120), ctx.today),
            decision_number=f"{ctx.rng.randint(1000, 1999)}/QĐ-UBND",
            note="Bổ sung dự toán",
            acting_user=finance,
        )
        to_spend = int(millions * 1_000_000 * share)
        parts = 3
        for index in range(parts):
            amount = to_spend // parts if index < parts - 1 else to_spend - 2 * (to_spend // parts)
            if amount <= 0:
                continue
            spent_on = min(start + timedelta(days=30 + 60 * index), ctx.today)
            beyond = line.spent_total + amount > line.allocated_total
            services.add_spending(
                line,
                amount=amount,
                spent_on=spent_on,
                document_number=f"PC{ctx.rng.randint(10000, 99999)}",
                description=f"Chi {title.lower()}, đợt {index + 1}",
                override_reason=(
                    "Phát sinh thêm 2 số phát sóng theo chỉ đạo của UBND tỉnh; chờ bổ sung dự toán"
                    if beyond
                    else ""
                ),
                acting_user=finance,
            )
    return made


def _media(ctx: DemoContext, officer: User) -> int:
    communes = ctx.communes[:10] or [None]
    made = 0
    for index in range(30):
        outlet, channel, title = MEDIA[index % len(MEDIA)]
        broadcast = channel in (Channel.TELEVISION, Channel.RADIO, Channel.LOUDSPEAKER)
        services.create_media(
            data=MediaData(
                outlet=outlet,
                channel=channel,
                title=f"{title} (kỳ {index // len(MEDIA) + 1})",
                published_on=ctx.today - timedelta(days=12 * index + ctx.rng.randint(0, 10)),
                topic=ctx.rng.choice(MediaTopic.values),
                commune=ctx.rng.choice(communes) if channel == Channel.LOUDSPEAKER else None,
                duration_minutes=ctx.rng.choice([5, 10, 15, 30]) if broadcast else None,
                word_count=None if broadcast else ctx.rng.randint(600, 2500),
            ),
            acting_user=officer,
        )
        made += 1
    return made


def _recognitions(ctx: DemoContext, police: User) -> int:
    """Of the first communes: a third meet the target, a third have only a collective model,
    the rest have nothing yet, so the compliance view shows both outcomes."""
    made = 0
    communes = ctx.communes[:12]
    for index, commune in enumerate(communes):
        outcome = index % 3
        if outcome == 2:
            continue
        for year in (ctx.today.year - 1, ctx.today.year):
            category, name = COLLECTIVES[(index + year) % len(COLLECTIVES)]
            _recognise(ctx, police, commune, year, category, name.format(n=index + 1))
            made += 1
            if outcome == 0:
                category, name = INDIVIDUALS[(index + year) % len(INDIVIDUALS)]
                _recognise(ctx, police, commune, year, category, name)
                made += 1
    return made


def _recognise(
    ctx: DemoContext, police: User, commune: Any, year: int, category: str, name: str
) -> None:
    services.create_recognition(
        data=RecognitionData(
            unit=commune,
            year=year,
            category=category,
            name=name,
            description=(
                "Giúp đỡ người chấp hành xong án phạt tù ổn định cuộc sống, có việc làm, "
                "không tái phạm."
            ),
            recognised_by=f"Ủy ban nhân dân {commune}",
            decision_number=f"{ctx.rng.randint(10, 99)}/QĐ-UBND",
            decision_date=min(date(year, 12, 1), ctx.today),
            evidence="Báo cáo sơ kết của Công an xã; biên bản họp tổ dân phố",
            commendations="Giấy khen của Chủ tịch UBND xã" if ctx.rng.random() < 0.5 else "",
        ),
        acting_user=police,
    )
