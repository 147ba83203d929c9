"""Who may borrow, and how much: Decision 22/2023/QĐ-TTg, rule by rule.

Each rule gives a line with its status (met, not met, to be checked), the facts it looked at
and its legal source, so the commune officer, the commune People's Committee and the bank
officer all read the same reasoning. The numbers come from the dated `CreditParameter` rows in
force on the day of the assessment. No line ever shows the offence, the sentence or case notes:
only what a lending decision needs (the certificate, the date the sentence was completed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taihoanhap.core.money import format_decimal, format_vnd
from taihoanhap.core.workdays import add_years
from taihoanhap.credit.models import (
    DEBT_STATUSES,
    DebtDeclaration,
    EligibleListEntry,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanPurpose,
    ParameterKey,
)
from taihoanhap.credit.parameters import Parameters, parameters_on
from taihoanhap.registry.models import Case, ReleaseType

MET = "met"
NOT_MET = "not_met"
UNKNOWN = "unknown"
NOT_APPLICABLE = "not_applicable"

STATUS_LABELS = {
    MET: gettext_lazy("Met"),
    NOT_MET: gettext_lazy("Not met"),
    UNKNOWN: gettext_lazy("To be checked"),
    NOT_APPLICABLE: gettext_lazy("Not required"),
}
STATUS_TAGS = {MET: "ok", NOT_MET: "bad", UNKNOWN: "warn", NOT_APPLICABLE: "info"}

SOURCE_DECISION = "Quyết định 22/2023/QĐ-TTg"
SOURCE_CONDITIONS = f"{SOURCE_DECISION} (điều kiện vay vốn)"
SOURCE_CIVIL_CODE = "Bộ luật Dân sự 2015, Điều 144-148 (cách tính thời hạn)"


@dataclass(frozen=True)
class RuleLine:
    code: str
    rule: str
    status: str
    detail: str
    source: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def tag(self) -> str:
        return STATUS_TAGS[self.status]


@dataclass(frozen=True)
class Assessment:
    on: date
    lines: tuple[RuleLine, ...]

    @property
    def eligible(self) -> bool:
        """Every rule met (or not required): what the bank's approval needs."""
        return all(line.status in (MET, NOT_APPLICABLE) for line in self.lines)

    @property
    def failing(self) -> tuple[RuleLine, ...]:
        return tuple(line for line in self.lines if line.status == NOT_MET)

    @property
    def open(self) -> tuple[RuleLine, ...]:
        return tuple(line for line in self.lines if line.status == UNKNOWN)

    def line(self, code: str) -> RuleLine:
        return next(line for line in self.lines if line.code == code)


# --- Facts about the person --------------------------------------------------------------------


def latest_case(person_id: Any) -> Case | None:
    """The person's most recent case (by release date), with its release and sentence."""
    return (
        Case.objects.filter(person_id=person_id)
        .select_related("release", "release__sentence")
        .order_by("-release__release_date", "-created_at")
        .first()
    )


def completion_date(case: Case | None) -> date | None:
    """The day the person actually completed the sentence.

    Full term and amnesty: the release day. Conditional early release: the sentence is
    completed when probation ends. Probation runs to the end of the term (Criminal Code
    Art. 66), unless the court shortened it (Art. 66(4)): the registry then records the earlier
    end (`registry.lifecycle.end_probation`, which refuses an end before the date set without
    the court's decision). So the earlier of the recorded end and the end of the term counts;
    an end recorded late does not move the completion past the end of the term.
    """
    if case is None:
        return None
    release = case.release
    if release.type != ReleaseType.PAROLE:
        return release.release_date
    term_end = release.sentence.end_date or case.probation_end
    ended = case.probation_ended_on
    if ended is not None and (term_end is None or ended < term_end):
        return ended
    return term_end or release.certificate_date


def certificate_line(case: Case | None) -> RuleLine:
    rule = _("Holds a certificate of completing the prison sentence or an amnesty certificate")
    source = f"{SOURCE_CONDITIONS}; Luật Thi hành án hình sự 2019; Luật Đặc xá 2018"
    release = case.release if case is not None else None
    if release is None or not release.certificate_number or not release.certificate_date:
        return RuleLine(
            "certificate",
            rule,
            NOT_MET,
            _("No certificate is recorded for the person's most recent release."),
            source,
        )
    if release.type == ReleaseType.AMNESTY:
        detail = _("Amnesty certificate no. %(number)s of %(date)s.")
    else:
        detail = _("Certificate of completing the prison sentence no. %(number)s of %(date)s.")
    return RuleLine(
        "certificate",
        rule,
        MET,
        detail % {"number": release.certificate_number, "date": _d(release.certificate_date)},
        source,
    )


def window_line(case: Case | None, params: Parameters, borrowing_on: date) -> RuleLine:
    """At most N years (5 under Decision 22/2023) from completing the sentence to borrowing.

    The period is counted by the Civil Code (Art. 147-148): the day of completion is not
    counted, a period in years ends on the corresponding day of the last year, moved to the next
    working day when that day is a day off (`core.workdays.add_years`).
    """
    years = params.value(ParameterKey.ELIGIBILITY_WINDOW_YEARS)
    rule = _("Borrows within %(years)s years of completing the sentence") % {
        "years": format_decimal(years) if years is not None else "?"
    }
    source = f"{params.source(ParameterKey.ELIGIBILITY_WINDOW_YEARS)}; {SOURCE_CIVIL_CODE}"
    completed = completion_date(case)
    if years is None:
        return RuleLine("window", rule, UNKNOWN, _no_rule(params), source)
    if completed is None:
        return RuleLine(
            "window",
            rule,
            UNKNOWN,
            _("The date the sentence was completed is not recorded."),
            source,
        )
    ends = add_years(completed, int(years))
    facts = {"completed": _d(completed), "ends": _d(ends), "on": _d(borrowing_on)}
    if borrowing_on < completed:
        return RuleLine(
            "window",
            rule,
            NOT_MET,
            _("The sentence is completed on %(completed)s, after %(on)s.") % facts,
            source,
        )
    if borrowing_on <= ends:
        detail = _(
            "Completed the sentence on %(completed)s; the period ends on %(ends)s; "
            "assessed on %(on)s."
        )
        return RuleLine("window", rule, MET, detail % facts, source)
    detail = _(
        "Completed the sentence on %(completed)s; the period ended on %(ends)s, before %(on)s."
    )
    return RuleLine("window", rule, NOT_MET, detail % facts, source)


def confirmed_entry(person_id: Any, commune_id: Any) -> EligibleListEntry | None:
    """The person's entry on a confirmed Form 01 of the commune where they now live."""
    return (
        EligibleListEntry.objects.filter(
            person_id=person_id,
            eligible_list__commune_id=commune_id,
            eligible_list__status=ListStatus.CONFIRMED,
        )
        .select_related("eligible_list")
        .order_by("-eligible_list__confirmed_on")
        .first()
    )


def list_line(entry: EligibleListEntry | None) -> RuleLine:
    rule = _(
        "Named on the commune's list of returnees living locally, law-abiding and not involved "
        "in social evils (Form 01), confirmed by the commune People's Committee"
    )
    if entry is None:
        return RuleLine(
            "list",
            rule,
            NOT_MET,
            _("Not on a confirmed Form 01 list of the commune where the person lives."),
            SOURCE_CONDITIONS,
        )
    confirmed = entry.eligible_list
    detail = _("On %(list)s, confirmed on %(date)s by %(body)s.") % {
        "list": str(confirmed),
        "date": _d(confirmed.confirmed_on),
        "body": confirmed.confirming_body or _("the commune People's Committee"),
    }
    return RuleLine("list", rule, MET, detail, SOURCE_CONDITIONS)


# --- The assessment of an application ------------------------------------------------------------


def borrowing_date(application: LoanApplication, today: date) -> date:
    """The day borrowing is assessed at: the bank's decision once made, else today."""
    return application.decided_on or today


def assess(
    application: LoanApplication,
    *,
    today: date,
    amount: int | None = None,
    on: date | None = None,
    params: Parameters | None = None,
) -> Assessment:
    """Every rule for `application`, with `amount` (default: approved, else requested)."""
    day = on or borrowing_date(application, today)
    params = params or parameters_on(day)
    if amount is None:
        amount = application.approved_amount or application.amount_requested
    if application.kind == LoanKind.BUSINESS:
        lines = _business_lines(application, params, amount)
    else:
        lines = _individual_lines(application, params, amount, day)
    return Assessment(on=day, lines=tuple(lines))


def _individual_lines(
    application: LoanApplication, params: Parameters, amount: int, day: date
) -> list[RuleLine]:
    case = application.case
    person = application.person
    entry = application.list_entry
    if entry is None or not entry.eligible_list.is_confirmed:
        entry = confirmed_entry(application.person_id, person.commune_id)
    return [
        certificate_line(case),
        window_line(case, params, day),
        list_line(entry),
        _debt_line(application),
        _individual_amount_line(application, params, amount),
        _collateral_line(application, params, amount),
    ]


def _business_lines(
    application: LoanApplication, params: Parameters, amount: int
) -> list[RuleLine]:
    return [
        _established_line(application),
        _share_line(application, params),
        _plan_line(application),
        _debt_line(application),
        _business_amount_line(application, params, amount),
        _collateral_line(application, params, amount),
    ]


def _debt_line(application: LoanApplication) -> RuleLine:
    """No outstanding Social Policy Bank debt for the same purpose (in this or any programme)."""
    rule = _("No outstanding Social Policy Bank debt for the same purpose")
    borrower = (
        Q(employer_id=application.employer_id)
        if application.kind == LoanKind.BUSINESS
        else Q(person_id=application.person_id)
    )
    other = (
        LoanApplication.objects.filter(
            borrower, purpose=application.purpose, status__in=DEBT_STATUSES
        )
        .exclude(pk=application.pk)
        .order_by("disbursed_on")
        .first()
    )
    if other is not None and application.status not in DEBT_STATUSES:
        detail = _("A loan for the same purpose disbursed on %(date)s is still owed.") % {
            "date": _d(other.disbursed_on)
        }
        return RuleLine("debt", rule, NOT_MET, detail, SOURCE_CONDITIONS)
    if application.other_debt == DebtDeclaration.EXISTS:
        return RuleLine(
            "debt",
            rule,
            NOT_MET,
            _("The bank recorded outstanding debt for this purpose in another programme."),
            SOURCE_CONDITIONS,
        )
    if application.other_debt == DebtDeclaration.NONE:
        return RuleLine(
            "debt",
            rule,
            MET,
            _("No loan for this purpose in this programme; the bank checked its other programmes."),
            SOURCE_CONDITIONS,
        )
    return RuleLine(
        "debt",
        rule,
        UNKNOWN,
        _("No loan for this purpose in this programme; the bank checks its other programmes."),
        SOURCE_CONDITIONS,
    )


def _individual_amount_line(
    application: LoanApplication, params: Parameters, amount: int
) -> RuleLine:
    """Art. 6: up to 4 million VND per month of training; up to 100 million VND per individual
    for production, business or a job."""
    if application.purpose == LoanPurpose.TRAINING:
        key = ParameterKey.TRAINING_MONTHLY_LIMIT
        monthly = params.amount(key)
        rule = _("Amount within %(monthly)s per month of training") % {
            "monthly": format_vnd(monthly) if monthly is not None else "?"
        }
        if monthly is None:
            return RuleLine("amount", rule, UNKNOWN, _no_rule(params), params.source(key))
        if not application.training_months:
            return RuleLine(
                "amount",
                rule,
                UNKNOWN,
                _("The length of the training in months is not recorded."),
                params.source(key),
            )
        limit = monthly * application.training_months
        facts = {
            "amount": format_vnd(amount),
            "limit": format_vnd(limit),
            "months": application.training_months,
        }
        detail = _("%(amount)s against a limit of %(limit)s for %(months)s months.") % facts
        return RuleLine(
            "amount", rule, MET if amount <= limit else NOT_MET, detail, params.source(key)
        )
    key = ParameterKey.INDIVIDUAL_LIMIT
    limit = params.amount(key)
    rule = _("Amount within %(limit)s per individual") % {
        "limit": format_vnd(limit) if limit is not None else "?"
    }
    if limit is None:
        return RuleLine("amount", rule, UNKNOWN, _no_rule(params), params.source(key))
    detail = _("%(amount)s against a limit of %(limit)s.") % {
        "amount": format_vnd(amount),
        "limit": format_vnd(limit),
    }
    return RuleLine("amount", rule, MET if amount <= limit else NOT_MET, detail, params.source(key))


def _business_amount_line(
    application: LoanApplication, params: Parameters, amount: int
) -> RuleLine:
    """Art. 6: up to 2 billion VND per project and 100 million VND per returnee employed."""
    project = params.amount(ParameterKey.BUSINESS_PROJECT_LIMIT)
    per_head = params.amount(ParameterKey.BUSINESS_PER_RETURNEE_LIMIT)
    source = params.source(ParameterKey.BUSINESS_PROJECT_LIMIT)
    rule = _("Amount within %(project)s per project and %(per_head)s per returnee employed") % {
        "project": format_vnd(project) if project is not None else "?",
        "per_head": format_vnd(per_head) if per_head is not None else "?",
    }
    if project is None or per_head is None:
        return RuleLine("amount", rule, UNKNOWN, _no_rule(params), source)
    returnees = application.returnees_on_contract or 0
    limit = min(project, per_head * returnees)
    detail = _("%(amount)s against a limit of %(limit)s (%(returnees)s returnees employed).") % {
        "amount": format_vnd(amount),
        "limit": format_vnd(limit),
        "returnees": returnees,
    }
    return RuleLine("amount", rule, MET if amount <= limit else NOT_MET, detail, source)


def _collateral_line(application: LoanApplication, params: Parameters, amount: int) -> RuleLine:
    """Loans above 100 million VND must be secured under the law and the bank's rules."""
    key = ParameterKey.UNSECURED_LIMIT
    limit = params.amount(key)
    rule = _("Collateral for a loan above %(limit)s") % {
        "limit": format_vnd(limit) if limit is not None else "?"
    }
    if limit is None:
        return RuleLine("collateral", rule, UNKNOWN, _no_rule(params), params.source(key))
    if amount <= limit:
        detail = _("%(amount)s: no collateral needed.") % {"amount": format_vnd(amount)}
        return RuleLine("collateral", rule, NOT_APPLICABLE, detail, params.source(key))
    if application.collateral.strip():
        detail = _("%(amount)s secured by: %(collateral)s") % {
            "amount": format_vnd(amount),
            "collateral": application.collateral,
        }
        return RuleLine("collateral", rule, MET, detail, params.source(key))
    detail = _("%(amount)s needs collateral, and none is recorded.") % {
        "amount": format_vnd(amount)
    }
    return RuleLine("collateral", rule, NOT_MET, detail, params.source(key))


def _established_line(application: LoanApplication) -> RuleLine:
    employer = application.employer
    rule = _("Lawfully established enterprise, cooperative or household business")
    detail = _("%(name)s, tax code %(tax)s.") % {"name": employer.name, "tax": employer.tax_code}
    return RuleLine("established", rule, MET, detail, SOURCE_CONDITIONS)


def _share_line(application: LoanApplication, params: Parameters) -> RuleLine:
    """At least 10% of the workforce are returnees on labour contracts (exact arithmetic, so
    exactly 10% meets the rule)."""
    key = ParameterKey.BUSINESS_MIN_RETURNEE_PERCENT
    minimum = params.value(key)
    rule = _("At least %(percent)s%% of the workforce are returnees on labour contracts") % {
        "percent": format_decimal(minimum) if minimum is not None else "?"
    }
    if minimum is None:
        return RuleLine("share", rule, UNKNOWN, _no_rule(params), params.source(key))
    workforce = application.workforce or 0
    returnees = application.returnees_on_contract or 0
    if workforce == 0:
        return RuleLine(
            "share",
            rule,
            UNKNOWN,
            _("The employer's workforce is not recorded."),
            params.source(key),
        )
    met = returnees * 100 >= minimum * workforce
    detail = _("%(returnees)s of %(workforce)s employees (%(share)s%%).") % {
        "returnees": returnees,
        "workforce": workforce,
        "share": format_decimal(round(returnees * 100 / workforce, 1)),
    }
    return RuleLine("share", rule, MET if met else NOT_MET, detail, params.source(key))


def _plan_line(application: LoanApplication) -> RuleLine:
    rule = _("Loan plan confirmed by the commune People's Committee (Form 02)")
    if application.plan_confirmed_on:
        detail = _("Confirmed on %(date)s by %(body)s.") % {
            "date": _d(application.plan_confirmed_on),
            "body": application.plan_confirming_body or _("the commune People's Committee"),
        }
        return RuleLine("plan", rule, MET, detail, SOURCE_CONDITIONS)
    return RuleLine(
        "plan", rule, NOT_MET, _("The commune has not confirmed the plan yet."), SOURCE_CONDITIONS
    )


# --- For the person page ---------------------------------------------------------------------


def person_lines(person: Any, *, today: date) -> tuple[RuleLine, ...]:
    """The person-level rules (certificate, window, Form 01), before any application exists."""
    case = latest_case(person.pk)
    params = parameters_on(today)
    return (
        certificate_line(case),
        window_line(case, params, today),
        list_line(confirmed_entry(person.pk, person.commune_id)),
    )


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def _no_rule(params: Parameters) -> str:
    return _("No value of this limit is in force on %(date)s.") % {"date": _d(params.day)}
