"""Matching people and vacancies, with the reasons for each rank.

The same score ranks vacancies for a person and people for a vacancy:
- trade: a certificate in the vacancy's trade (+50), the trade the person asked for (+30);
- location: the person lives in the vacancy's commune (+30) or province (+15);
- someone who already works ranks a little lower (−10), so those without a job come first;
- requirements (age, sex where lawful, minimum vocational level) are not points: a vacancy
  whose requirements the person does not meet is listed last, with the reason.

Only people with an active consent to job matching are ever suggested (Law 91/2025/QH15).
Each listing uses a constant number of queries and scores in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from taihoanhap.jobs.models import WORKING, EmploymentRecord, MatchingConsent, Vacancy
from taihoanhap.registry.models import CaseStatus, Person
from taihoanhap.support.models import LEVEL_RANK, Certificate, TrainingLevel

POINTS_CERTIFICATE = 50
POINTS_DESIRED_TRADE = 30
POINTS_SAME_COMMUNE = 30
POINTS_SAME_PROVINCE = 15
POINTS_ALREADY_WORKING = -10

# Case statuses of people who can take a job (not held again, case not closed).
MATCHABLE_STATUSES = frozenset(
    {
        CaseStatus.EXPECTED,
        CaseStatus.ADDRESS_VERIFIED,
        CaseStatus.ADDRESS_MISMATCH,
        CaseStatus.UNDER_MANAGEMENT,
        CaseStatus.ON_PROBATION,
    }
)


@dataclass(frozen=True)
class Reason:
    text: str
    points: int = 0
    ok: bool = True


@dataclass
class Match:
    item: Any  # a Vacancy (for a person) or a Person (for a vacancy)
    score: int = 0
    eligible: bool = True
    reasons: list[Reason] = field(default_factory=list)

    def add(self, text: str, points: int = 0, *, ok: bool = True, required: bool = False) -> None:
        """A reason; a failed `required` one (a vacancy requirement) makes the match ineligible."""
        self.reasons.append(Reason(text, points, ok))
        self.score += points
        if required and not ok:
            self.eligible = False


@dataclass
class Profile:
    """What matching knows of a person: residence, age, sex, certificates, wishes, work."""

    person: Person
    certificates: list[Certificate] = field(default_factory=list)
    desired_trade: str = ""
    desired_trade_key: str = ""
    working: bool = False


def trades_match(a: str, b: str) -> bool:
    """Whether two trade keys name the same trade: one's words appear, in order, in the other's
    ("han" matches "han dien"; "may" matches "may cong nghiep")."""
    if not a or not b:
        return False
    short, long = sorted((a.split(), b.split()), key=len)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def age_on(person: Person, day: date) -> int:
    if person.birth_date:
        before_birthday = (day.month, day.day) < (person.birth_date.month, person.birth_date.day)
        return day.year - person.birth_date.year - int(before_birthday)
    return day.year - person.birth_year


def score(profile: Profile, vacancy: Vacancy, today: date, item: Any = None) -> Match:
    match = Match(item=item if item is not None else vacancy)
    person = profile.person
    trade_certificates = [
        c for c in profile.certificates if trades_match(c.trade_key, vacancy.trade_key)
    ]
    if trade_certificates:
        best = max(trade_certificates, key=lambda c: LEVEL_RANK[c.level])
        match.add(
            _("Certificate in %(trade)s (%(level)s)")
            % {"trade": best.trade, "level": best.get_level_display()},
            POINTS_CERTIFICATE,
        )
    if trades_match(profile.desired_trade_key, vacancy.trade_key):
        match.add(
            _("Wants to work as %(trade)s") % {"trade": profile.desired_trade}, POINTS_DESIRED_TRADE
        )
    if not trade_certificates and not trades_match(profile.desired_trade_key, vacancy.trade_key):
        match.add(_("No certificate or wish in %(trade)s") % {"trade": vacancy.trade}, ok=False)
    if vacancy.commune_id == person.commune_id:
        match.add(_("Works in the commune where the person lives"), POINTS_SAME_COMMUNE)
    elif vacancy.province_id == person.province_id:
        match.add(_("Works in the person's province"), POINTS_SAME_PROVINCE)
    else:
        match.add(_("Works in another province"), ok=False)
    if profile.working:
        match.add(_("Already has work"), POINTS_ALREADY_WORKING, ok=False)
    _requirements(match, profile, vacancy, today, trade_certificates)
    return match


def _requirements(
    match: Match,
    profile: Profile,
    vacancy: Vacancy,
    today: date,
    trade_certificates: list[Certificate],
) -> None:
    person = profile.person
    if vacancy.min_age is not None or vacancy.max_age is not None:
        age = age_on(person, today)
        low, high = vacancy.min_age or 0, vacancy.max_age or 200
        span = f"{vacancy.min_age or ''}–{vacancy.max_age or ''}"
        if low <= age <= high:
            match.add(_("Age %(age)s within %(span)s") % {"age": age, "span": span})
        else:
            match.add(
                _("Age %(age)s outside %(span)s") % {"age": age, "span": span},
                ok=False,
                required=True,
            )
    if vacancy.sex:
        if person.sex == vacancy.sex:
            match.add(_("Meets the sex requirement"), required=True)
        else:
            match.add(_("Does not meet the sex requirement"), ok=False, required=True)
    if vacancy.min_level:
        needed = LEVEL_RANK[vacancy.min_level]
        label = TrainingLevel(vacancy.min_level).label
        if any(LEVEL_RANK[c.level] >= needed for c in trade_certificates):
            match.add(_("Has the required level (%(level)s or higher)") % {"level": label})
        else:
            match.add(
                _("Needs a certificate of level %(level)s or higher") % {"level": label},
                ok=False,
                required=True,
            )


def rank(matches: list[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (not m.eligible, -m.score))


# --- Candidates --------------------------------------------------------------------------------


def consenting_persons(user: Any) -> QuerySet[Person]:
    """People in `user`'s scope who agreed to job matching and can take a job."""
    from taihoanhap.registry.models import Case

    consenting = MatchingConsent.objects.filter(withdrawn_on__isnull=True).values("person_id")
    matchable = Case.objects.filter(status__in=MATCHABLE_STATUSES).values("person_id")
    return Person.objects.visible_to(user).filter(Q(id__in=consenting) & Q(id__in=matchable))


def profiles(persons: QuerySet[Person] | list[Person], today: date) -> list[Profile]:
    """Profiles of `persons` in three queries whatever their number."""
    persons = list(persons)
    by_id = {p.pk: Profile(person=p) for p in persons}
    if not by_id:
        return []
    ids = list(by_id)
    for certificate in Certificate.objects.filter(person_id__in=ids):
        by_id[certificate.person_id].certificates.append(certificate)
    for consent in MatchingConsent.objects.filter(person_id__in=ids, withdrawn_on__isnull=True):
        by_id[consent.person_id].desired_trade = consent.desired_trade
        by_id[consent.person_id].desired_trade_key = consent.desired_trade_key
    working = EmploymentRecord.objects.filter(
        person_id__in=ids, ended_on__isnull=True, status__in=WORKING, started_on__lte=today
    ).values_list("person_id", flat=True)
    for person_id in working:
        by_id[person_id].working = True
    return list(by_id.values())


def vacancies_for(person: Person, user: Any, today: date, limit: int = 30) -> list[Match]:
    """Open vacancies `user` may see, ranked for `person` (who must have consented)."""
    if not MatchingConsent.objects.filter(person=person, withdrawn_on__isnull=True).exists():
        return []
    [profile] = profiles([person], today)
    vacancies = (
        Vacancy.objects.visible_to(user)
        .open_on(today)
        .select_related("employer", "commune")
        .order_by("closes_on")
    )
    return rank([score(profile, vacancy, today) for vacancy in vacancies])[:limit]


def people_for(vacancy: Vacancy, user: Any, today: date, limit: int = 50) -> list[Match]:
    """People in `user`'s scope who consented, ranked for `vacancy`."""
    candidates = consenting_persons(user).select_related("commune")
    found = [score(p, vacancy, today, item=p.person) for p in profiles(candidates, today)]
    return rank(found)[:limit]
