"""The "earliest expected expungement date": a hint for the commune's screening, not a decision.

Criminal Code 2015 (amended 2017) Art. 70: a conviction is expunged automatically when the
person commits no new crime within a period counted from completing the main penalty (or the
end of probation): 1 year for non-custodial penalties, 2 years for imprisonment up to 5 years,
3 years for over 5 and up to 15 years, 5 years for over 15 years, life or a commuted death
sentence (the years are configurable in `registry.rules`). An additional penalty that runs
longer than the period (first three cases) postpones expungement to its end. Convictions under
Chapter XIII or XXVI are expunged only by court decision (Art. 71). Expungement also needs the
civil obligations of the judgment settled (brief §2, MPS answer). The period is counted by
`core.workdays.add_years` (Civil Code Art. 147-148).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.core import workdays
from taihoanhap.registry.models import Case, ReleaseType, Sentence
from taihoanhap.registry.rules import rule


@dataclass(frozen=True)
class ExpungementHint:
    completed_on: date | None  # completion of the main penalty (or expected end of probation)
    years: int | None
    earliest: date | None
    court_only: bool = False
    cautions: list[str | Promise] = field(default_factory=list)


def _category(sentence: Sentence) -> str:
    """The rule name of the Art. 70(2) period that applies to the sentence's main penalty."""
    months = sentence.term_in_months
    if sentence.is_life or months is None:
        return "EXPUNGEMENT_YEARS_OVER_15"
    if months == 0:
        return "EXPUNGEMENT_YEARS_NON_CUSTODIAL"
    if months <= 60:
        return "EXPUNGEMENT_YEARS_UP_TO_5"
    if months <= 180:
        return "EXPUNGEMENT_YEARS_UP_TO_15"
    return "EXPUNGEMENT_YEARS_OVER_15"


def period_years(sentence: Sentence) -> int:
    """Art. 70(2): the period for the sentence's main penalty."""
    return rule(_category(sentence))


def is_court_only(sentence: Sentence) -> bool:
    """Chapter XIII / XXVI crimes: expungement only by court decision (Art. 70(1), 71)."""
    articles = []
    for article in sentence.penal_code_articles or []:
        try:
            articles.append(int(article))
        except (TypeError, ValueError):
            continue
    return any(
        low <= article <= high
        for article in articles
        for low, high in rule("COURT_ONLY_ARTICLE_RANGES")
    )


def main_penalty_completed_on(case: Case) -> date | None:
    release = case.release
    if release.type == ReleaseType.PAROLE:
        return case.probation_ended_on or case.probation_end
    return release.release_date


def expungement_hint(case: Case, *, has_reoffence: bool = False) -> ExpungementHint:
    """The earliest date the conviction behind `case` may be expunged automatically."""
    sentence = case.release.sentence
    completed = main_penalty_completed_on(case)
    cautions: list[str | Promise] = []
    if sentence.civil_obligations and not sentence.civil_obligations_settled:
        cautions.append(_("The civil obligations of the judgment are not recorded as settled."))
    if has_reoffence:
        cautions.append(_("A new offence was recorded: the period starts again after it."))
    if is_court_only(sentence):
        return ExpungementHint(completed, None, None, court_only=True, cautions=cautions)
    years = period_years(sentence)
    if completed is None or has_reoffence:
        return ExpungementHint(completed, years, None, cautions=cautions)
    earliest = workdays.add_years(completed, years)
    extra_end = sentence.additional_penalties_end
    longest = _category(sentence) == "EXPUNGEMENT_YEARS_OVER_15"
    if extra_end and not longest and extra_end > earliest:
        earliest = workdays.next_working_day(extra_end)
        cautions.append(_("The additional penalty ends after the period: its end counts."))
    return ExpungementHint(completed, years, earliest, cautions=cautions)
