"""Numbers the law does not fix, kept as configuration with their source.

Override any of them in the settings module (or the environment that feeds it).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.workdays import add_working_days

# No statute fixes how fast an agency must answer a referral. Decree 49/2020/NĐ-CP (Chapter IV)
# leaves coordination to the provincial People's Committee, whose coordination rules usually
# give 5 working days; set SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS to the province's own rule.
DEFAULT_REFERRAL_RESPONSE_WORKING_DAYS = 5
REFERRAL_DEADLINE_SOURCE = _(
    "%(days)s working days: the province's coordination rule under Decree 49/2020/NĐ-CP; "
    "counted under Civil Code 2015 Art. 144-148."
)


def referral_response_days() -> int:
    return int(
        getattr(
            settings,
            "SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS",
            DEFAULT_REFERRAL_RESPONSE_WORKING_DAYS,
        )
    )


def referral_respond_by(sent_on: date) -> date:
    """The last day to answer a referral sent on `sent_on` (the sending day is not counted)."""
    return add_working_days(sent_on, referral_response_days())
