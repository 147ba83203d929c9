"""The limits, rates and windows of Decision 22/2023/QĐ-TTg (in force 10/10/2023), with sources.

A later decision or rate notice is recorded as a new dated row (Credit > Rates and limits),
never by editing these.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

IN_FORCE = date(2023, 10, 10)
DECISION = "Quyết định 22/2023/QĐ-TTg ngày 17/08/2023 của Thủ tướng Chính phủ"

ROWS = [
    (
        "poor_household_rate",
        Decimal("6.6"),
        f"{DECISION}, Điều 9: bằng lãi suất cho vay hộ nghèo của Ngân hàng Chính sách xã hội",
        "6,6%/năm (0,55%/tháng). Khi NHCSXH công bố lãi suất hộ nghèo mới, ghi một dòng mới.",
    ),
    (
        "overdue_rate_percent",
        Decimal("130"),
        f"{DECISION}, Điều 9: lãi suất nợ quá hạn bằng 130% lãi suất cho vay",
        "",
    ),
    (
        "training_monthly_limit",
        Decimal("4000000"),
        f"{DECISION}, Điều 6: cho vay học nghề tối đa 4 triệu đồng/tháng/người",
        "",
    ),
    (
        "individual_limit",
        Decimal("100000000"),
        f"{DECISION}, Điều 6: sản xuất, kinh doanh, tạo việc làm tối đa 100 triệu đồng/người",
        "",
    ),
    (
        "business_project_limit",
        Decimal("2000000000"),
        f"{DECISION}, Điều 6: người sử dụng lao động tối đa 2 tỷ đồng/dự án",
        "",
    ),
    (
        "business_per_returnee_limit",
        Decimal("100000000"),
        f"{DECISION}, Điều 6: không quá 100 triệu đồng/người chấp hành xong án phạt tù "
        "được sử dụng lao động",
        "",
    ),
    (
        "business_min_returnee_percent",
        Decimal("10"),
        f"{DECISION}, điều kiện vay vốn: sử dụng từ 10% tổng số lao động là người chấp hành "
        "xong án phạt tù, có hợp đồng lao động",
        "",
    ),
    (
        "unsecured_limit",
        Decimal("100000000"),
        f"{DECISION}; quy định về bảo đảm tiền vay của NHCSXH: khoản vay trên 100 triệu đồng "
        "phải có tài sản bảo đảm",
        "",
    ),
    (
        "eligibility_window_years",
        Decimal("5"),
        f"{DECISION}, điều kiện vay vốn: thời gian từ khi chấp hành xong án phạt tù đến thời "
        "điểm vay vốn tối đa 05 năm",
        "",
    ),
]


def seed(apps, schema_editor):
    CreditParameter = apps.get_model("credit", "CreditParameter")
    for key, value, source, note in ROWS:
        CreditParameter.objects.get_or_create(
            key=key,
            effective_from=IN_FORCE,
            defaults={"value": value, "source": source, "note": note},
        )


def unseed(apps, schema_editor):
    CreditParameter = apps.get_model("credit", "CreditParameter")
    CreditParameter.objects.filter(
        effective_from=IN_FORCE, created_by__isnull=True, key__in=[row[0] for row in ROWS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_loans_lists_and_dated_parameters")]

    operations = [migrations.RunPython(seed, unseed)]
