"""The registry's configurable numbers, each with the legal source it comes from.

Every number here can be changed without touching code, through the Django setting
`REGISTRY_RULES` (a dict overriding any of the names below), e.g. in a deployment's settings:

    REGISTRY_RULES = {"RECLASSIFICATION_MONTHS": 3}

Numbers the domain brief marks as uncertain ([M]) are here for that reason: a province can set
what its legal department confirms. Deadlines themselves are always computed by
`core.workdays` (Civil Code 2015 Art. 144-148), never with plain date arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class Rule:
    default: Any
    source: str


RULES: dict[str, Rule] = {
    # Circular 10/2024/TT-BCA Art. 8: the commune police verify the residence within 3 working
    # days of receiving the pre-release notice.
    "ADDRESS_CHECK_WORKING_DAYS": Rule(3, "Thông tư 10/2024/TT-BCA, Điều 8"),
    # The parolee reports to the commune within 5 days of release; not doing so is a listed
    # violation (Res. 01/2018/NQ-HĐTP Art. 5; brief §2).
    "PAROLE_REPORT_DAYS": Rule(5, "Nghị quyết 01/2018/NQ-HĐTP, Điều 5; Thông tư 65/2019/TT-BCA"),
    # Circular 65/2019/TT-BCA: monthly assessment within the first 5 days of each month.
    "PROBATION_ASSESSMENT_DAY": Rule(5, "Thông tư 65/2019/TT-BCA"),
    # Circular 65/2019/TT-BCA Art. 9: an absence needs a written request and a decision of the
    # commune People's Committee; the decision is due before the day of leaving.
    "ABSENCE_SOURCE": Rule(None, "Thông tư 65/2019/TT-BCA, Điều 9"),
    # Res. 01/2018/NQ-HĐTP Art. 5: two or more intentional violations of the obligations, or
    # two or more administrative sanctions, may lead the court to revoke conditional release;
    # the threshold applies to each kind's own count (one of each is not enough).
    "REVOCATION_THRESHOLD": Rule(2, "Nghị quyết 01/2018/NQ-HĐTP, Điều 5"),
    # Circular 10/2024/TT-BCA: classification after the helper reports; the period between
    # reclassifications is not verified (brief §2 [M]), so both are configuration.
    "FIRST_CLASSIFICATION_DAYS": Rule(30, "Thông tư 10/2024/TT-BCA (phân loại A, B, C, D)"),
    "RECLASSIFICATION_MONTHS": Rule(6, "Thông tư 10/2024/TT-BCA (phân loại A, B, C, D)"),
    # Law 41/2019 Art. 46(1): the facility notifies about 2 months before release; the work
    # queue shows expected returns this many days ahead.
    "EXPECTED_RETURN_HORIZON_DAYS": Rule(60, "Luật Thi hành án hình sự 2019, Điều 46 khoản 1"),
    # Other duties appear in the work queue this many days before they fall due.
    "WORK_QUEUE_HORIZON_DAYS": Rule(30, ""),
    # Criminal Code 2015 (amended 2017) Art. 70(2): years without a new crime, counted from
    # completing the main penalty, after which the conviction is expunged automatically.
    "EXPUNGEMENT_YEARS_NON_CUSTODIAL": Rule(1, "Bộ luật Hình sự 2015, Điều 70 khoản 2 điểm a"),
    "EXPUNGEMENT_YEARS_UP_TO_5": Rule(2, "Bộ luật Hình sự 2015, Điều 70 khoản 2 điểm b"),
    "EXPUNGEMENT_YEARS_UP_TO_15": Rule(3, "Bộ luật Hình sự 2015, Điều 70 khoản 2 điểm c"),
    "EXPUNGEMENT_YEARS_OVER_15": Rule(5, "Bộ luật Hình sự 2015, Điều 70 khoản 2 điểm d"),
    # Art. 70(1), Art. 71: crimes of Chapter XIII (national security, Art. 108-121) and Chapter
    # XXVI (peace, humanity, war crimes, Art. 421-425) are expunged only by court decision.
    "COURT_ONLY_ARTICLE_RANGES": Rule(
        ((108, 121), (421, 425)), "Bộ luật Hình sự 2015, Điều 70 khoản 1, Điều 71"
    ),
    # Circular 10/2024/TT-BCA Art. 13: the commune screens its caseload for expungement; a
    # review that finds the person not yet eligible is repeated after this many months.
    "EXPUNGEMENT_REVIEW_RETRY_MONTHS": Rule(6, "Thông tư 10/2024/TT-BCA, Điều 13"),
    # Reminders (manage.py send_reminders): first e-mail this many days before the due date.
    "REMINDER_LEAD_DAYS": Rule(3, ""),
    # Lists: rows per page, the count shown exactly up to this cap ("hơn 1.000 kết quả"),
    # and the most rows one Excel export may carry.
    "LIST_PAGE_SIZE": Rule(25, ""),
    "COUNT_CAP": Rule(1000, ""),
    "EXPORT_MAX_ROWS": Rule(20000, ""),
    # Items of the work queue shown at once (most urgent first).
    "WORK_QUEUE_MAX_ITEMS": Rule(50, ""),
}


def rule(name: str) -> Any:
    """The value of rule `name`: the REGISTRY_RULES setting if it sets it, else the default."""
    overrides = getattr(settings, "REGISTRY_RULES", None) or {}
    return overrides.get(name, RULES[name].default)


def source(name: str) -> str:
    """The legal source of rule `name`, stored with every deadline computed from it."""
    return RULES[name].source
