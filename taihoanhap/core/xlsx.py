"""Excel downloads (openpyxl), shared by every export of the system.

Exports carry personal data: callers decide the columns by the reader's role and audit the
export (Action.EXPORT, with its row count: `audit.services.record_export`) in the same request.

Every text cell goes through `as_text`: what a user typed (a name, an employer, a note) must not
become a formula that runs when an officer opens the file (OWASP "CSV injection").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE = "DD/MM/YYYY"
MONEY = "#,##0"
# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """`value` shown as the text it is: a leading formula character gets a single quote before
    it, so `=HYPERLINK(...)` typed as a name is displayed, never run. The one place that does it.
    """
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def cell_value(value: Any) -> Any:
    """Numbers and dates stay typed (Excel formats them; -2 is a number, not a formula);
    anything else becomes text, neutralised by `as_text`.
    """
    if value is None or isinstance(value, int | float | Decimal) or hasattr(value, "isoformat"):
        return value
    return as_text(str(value))


def new_sheet(title: str, heading: Sequence[str], header: Sequence[str]) -> tuple[Workbook, Any]:
    """A workbook whose sheet starts with bold heading lines, then the column header row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    row = 1
    for line in heading:
        sheet.cell(row=row, column=1, value=cell_value(line)).font = Font(bold=True)
        row += 1
    row += 1
    for column, label in enumerate(header, start=1):
        cell = sheet.cell(row=row, column=column, value=cell_value(str(label)))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = max(12, min(40, len(str(label)) + 4))
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    return workbook, sheet


def append_rows(
    sheet: Any, rows: Iterable[Sequence[Any]], money_columns: Iterable[int] = ()
) -> None:
    """Rows under the header; dates shown dd/mm/yyyy, money columns (1-based) as 1,000,000."""
    money = set(money_columns)
    for values in rows:
        sheet.append([cell_value(value) for value in values])
        row = sheet.max_row
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column)
            if column in money:
                cell.number_format = MONEY
            elif hasattr(value, "isoformat"):
                cell.number_format = DATE


def response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    reply = HttpResponse(buffer.getvalue(), content_type=XLSX)
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    reply["Cache-Control"] = "no-store"
    return reply


def table_response(
    filename: str, title: str, headers: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A one-sheet download: the header row, then `rows` (streamed: large lists stay cheap)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(title)[:31])
    sheet.append([cell_value(str(header)) for header in headers])
    for row in rows:
        sheet.append([cell_value(value) for value in row])
    return response(workbook, filename)
