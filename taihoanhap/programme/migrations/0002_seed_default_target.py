"""The default target: at least 1 collective model and 1 exemplary individual per commune per year.

The rule comes from provincial practice: Bình Phước's letter 693/UBND-NC asked each district for
at least one collective model and one exemplary individual. Districts were abolished on
01/07/2025, so the default applies to each commune, ward and special zone from that day. A
province changes level or numbers by adding its own dated row (Programme > Targets).
"""

from datetime import date

from django.db import migrations

SOURCE = (
    "Chỉ tiêu mặc định: mỗi xã, phường, đặc khu ít nhất 01 mô hình tập thể và 01 cá nhân điển "
    "hình mỗi năm (theo cách làm của Công văn 693/UBND-NC của UBND tỉnh Bình Phước, áp dụng "
    "cho cấp huyện trước 01/07/2025); Ủy ban nhân dân tỉnh điều chỉnh bằng một dòng mới."
)


def seed(apps, schema_editor):
    TargetRule = apps.get_model("programme", "TargetRule")
    if not TargetRule.objects.filter(province__isnull=True, effective_from=date(2025, 7, 1)).exists():
        TargetRule.objects.create(
            province=None,
            level="commune",
            min_collective=1,
            min_individual=1,
            effective_from=date(2025, 7, 1),
            source=SOURCE,
        )


def unseed(apps, schema_editor):
    TargetRule = apps.get_model("programme", "TargetRule")
    TargetRule.objects.filter(
        province__isnull=True, effective_from=date(2025, 7, 1), created_by__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_budget_media_models_and_targets")]

    operations = [migrations.RunPython(seed, unseed)]
