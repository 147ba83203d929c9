"""Programme records for tests, straight through the ORM."""

from __future__ import annotations

from datetime import date
from typing import Any

from taihoanhap.programme.models import (
    BudgetActivity,
    BudgetLine,
    Channel,
    MediaActivity,
    MediaTopic,
    Recognition,
    RecognitionCategory,
)


def line(agency: Any, created_by: Any, *, year: int = 2026, allocated: int = 0, **fields: Any):
    defaults = {
        "year": year,
        "agency": agency,
        "province": agency.unit if agency.unit.parent_id is None else agency.unit.parent,
        "activity": BudgetActivity.JOB_FAIRS,
        "title": "Phiên chợ việc làm quý II",
        "estimate": allocated,
        "allocated_total": allocated,
        "created_by": created_by,
    }
    defaults.update(fields)
    return BudgetLine.objects.create(**defaults)


def media(province: Any, recorded_by: Any, **fields: Any) -> MediaActivity:
    defaults = {
        "province": province,
        "outlet": "Báo Đồng Nai",
        "channel": Channel.PRINT,
        "title": "Mở lối hoàn lương",
        "published_on": date(2026, 3, 5),
        "word_count": 1200,
        "topic": MediaTopic.EXAMPLES,
        "recorded_by": recorded_by,
    }
    defaults.update(fields)
    return MediaActivity.objects.create(**defaults)


def recognition(unit: Any, recorded_by: Any, *, year: int = 2026, **fields: Any) -> Recognition:
    defaults = {
        "unit": unit,
        "year": year,
        "category": RecognitionCategory.SUPPORT_GROUP,
        "name": "Tổ tự quản giúp người hoàn lương khu phố 3",
        "description": "Tổ giúp đỡ người chấp hành xong án phạt tù tìm việc làm.",
        "recognised_by": "Ủy ban nhân dân phường",
        "recorded_by": recorded_by,
    }
    defaults.update(fields)
    return Recognition.objects.create(**defaults)
