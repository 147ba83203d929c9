"""Dates as officers type them (dd/mm/yyyy), with an error that says what is wrong.

Every date a form reads goes through `parse_date`: "31/02/2000" is told it is not a real date
(and why), "abc" is told the format to use, a date of birth in the future is told so. One field
(`DateField`) and one birth parser (`parse_birth`) use it, so every form says the same.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

DATE_HINT = _("dd/mm/yyyy, e.g. 15/03/2025")
EARLIEST_YEAR = 1900
_YEAR = re.compile(r"^[0-9]{4}$")
# Three ASCII numbers with one separator, day first (or ISO, year first): the shape of a date,
# which lets an impossible date ("31/02/2000") be told apart from text that is no date at all.
_DAY_FIRST = re.compile(r"^([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4})$")
_YEAR_FIRST = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


def _today() -> date:
    return timezone.localdate()


def format_error() -> ValidationError:
    return ValidationError(_("Enter a date as dd/mm/yyyy, e.g. 15/03/2025."), code="invalid")


def _impossible(typed: str, day: int, month: int, year: int) -> ValidationError:
    """Why day/month/year is no date: the month does not exist, or has fewer days."""
    if not 1 <= month <= 12:
        reason = _("there is no month %(month)s") % {"month": month}
    elif day == 0:
        reason = str(_("there is no day 0"))
    else:
        reason = _("month %(month)s of %(year)s has %(days)s days, not %(day)s") % {
            "month": month,
            "year": year,
            "days": calendar.monthrange(year, month)[1],
            "day": day,
        }
    return ValidationError(
        _("%(typed)s is not a real date (%(reason)s)."),
        code="impossible",
        params={"typed": typed, "reason": reason},
    )


def _check_real(value: str) -> None:
    """Raise the "not a real date" error if `value` has a date's shape but no such day."""
    if match := _DAY_FIRST.match(value):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _YEAR_FIRST.match(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        return
    try:
        date(year, month, day)
    except ValueError:
        raise _impossible(value, day, month, year) from None


def parse_date(raw: str | None) -> date | None:
    """A typed date (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) or None if empty.

    Full-width digits are folded to ASCII (NFKC); digits of other scripts are refused.
    """
    value = unicodedata.normalize("NFKC", raw or "").strip()
    if not value:
        return None
    if not value.isascii():
        raise format_error()
    _check_real(value)
    for fmt in formats.get_format("DATE_INPUT_FORMATS"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise format_error()


def check_not_future(value: date, *, birth: bool = False) -> None:
    if value > _today():
        if birth:
            raise ValidationError(_("The date of birth cannot be in the future."), code="future")
        raise ValidationError(_("This date cannot be in the future."), code="future")


def check_not_too_old(year: int) -> None:
    if year < EARLIEST_YEAR:
        raise ValidationError(_("Check the year: it is before 1900."), code="too_old")


def parse_birth(raw: str | None) -> tuple[date | None, int]:
    """A full date of birth, or only the year: returns (date or None, year)."""
    value = unicodedata.normalize("NFKC", raw or "").strip()
    if _YEAR.match(value):
        year = int(value)
        check_not_too_old(year)
        if year > _today().year:
            raise ValidationError(_("The year of birth cannot be in the future."), code="future")
        return None, year
    try:
        day = parse_date(value)
    except ValidationError as error:
        if error.code != "invalid":
            raise
        day = None
    if day is None:
        raise ValidationError(
            _("Enter the date of birth as dd/mm/yyyy, or only the year (e.g. 1985)."),
            code="invalid",
        )
    check_not_future(day, birth=True)
    check_not_too_old(day.year)
    return day, day.year


class DateField(forms.DateField):
    """A date typed as dd/mm/yyyy (also 1/2/2025, 01-02-2025); not in the future by default.

    `future=True` allows a date to come (a planned return, a release date)."""

    def __init__(self, *args: Any, future: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", DATE_HINT)
        super().__init__(*args, **kwargs)
        self.future = future

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value.date() if isinstance(value, datetime) else value
        return parse_date(str(value))

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is None:
            return
        if not self.future:
            check_not_future(value)
        check_not_too_old(value.year)
