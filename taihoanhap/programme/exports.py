"""Excel workbooks of the budget and the media activities."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook

from taihoanhap.core.xlsx import append_rows, new_sheet
from taihoanhap.programme.models import BudgetLine, MediaActivity


def budget_workbook(year: int, lines: Sequence[BudgetLine]) -> Workbook:
    header = [
        _("Agency"),
        _("Activity"),
        _("Title"),
        _("Estimate (VND)"),
        _("Allocated (VND)"),
        _("Spent (VND)"),
        _("Execution (%)"),
    ]
    workbook, sheet = new_sheet(
        _("Budget"), [_("Budget for community reintegration, %(year)s") % {"year": year}], header
    )
    append_rows(
        sheet,
        (
            [
                str(line.agency),
                line.get_activity_display(),
                line.title,
                line.estimate,
                line.allocated_total,
                line.spent_total,
                line.execution_percent,
            ]
            for line in lines
        ),
        money_columns=[4, 5, 6],
    )
    return workbook


def media_workbook(activities: Sequence[MediaActivity]) -> Workbook:
    header = [
        _("Published or broadcast on"),
        _("Outlet"),
        _("Channel"),
        _("Title"),
        _("Topic"),
        _("Duration (minutes)"),
        _("Length (words)"),
        _("Commune"),
        _("Link"),
    ]
    workbook, sheet = new_sheet(_("Media"), [_("Media and public awareness")], header)
    append_rows(
        sheet,
        (
            [
                activity.published_on,
                activity.outlet,
                activity.get_channel_display(),
                activity.title,
                activity.get_topic_display(),
                activity.duration_minutes,
                activity.word_count,
                str(activity.commune) if activity.commune_id else "",
                activity.link,
            ]
            for activity in activities
        ),
    )
    return workbook
