"""Social Policy Bank loans for returnees (Decision 22/2023/QĐ-TTg).

- `CreditParameter`: the limits, rates and windows as dated rows, so a new decision changes
  data, not code (seeded with their sources by a data migration).
- `EligibleList` / `EligibleListEntry`: Form 01, the list of returnees living in the commune,
  drawn up by the commune police and confirmed by the commune People's Committee.
- `LoanApplication`: one loan, individual (through the household representative) or business
  (an employer of returnees, whose loan plan the commune confirms on Form 02), with its status.
- `Repayment`: money paid back, recorded by the bank officer.

Scope: an individual loan follows its person (`registry.access.person_scope_q`), a business
loan its employer's commune; a Form 01 list belongs to its commune. Nothing here holds the
offence, the sentence or case notes, so no page of this app can show them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.geo.models import AdminUnit

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


# --- Dated configuration ------------------------------------------------------------------------


class ParameterKey(models.TextChoices):
    POOR_HOUSEHOLD_RATE = "poor_household_rate", _("Poor-household lending rate (% per year)")
    OVERDUE_RATE_PERCENT = (
        "overdue_rate_percent",
        _("Overdue rate (percentage of the lending rate)"),
    )
    TRAINING_MONTHLY_LIMIT = "training_monthly_limit", _("Vocational training: limit per month")
    INDIVIDUAL_LIMIT = "individual_limit", _("Production, business, job: limit per individual")
    BUSINESS_PROJECT_LIMIT = "business_project_limit", _("Business: limit per project")
    BUSINESS_PER_RETURNEE_LIMIT = (
        "business_per_returnee_limit",
        _("Business: limit per returnee employed"),
    )
    BUSINESS_MIN_RETURNEE_PERCENT = (
        "business_min_returnee_percent",
        _("Business: minimum share of returnees in the workforce (%)"),
    )
    UNSECURED_LIMIT = "unsecured_limit", _("Largest loan without collateral")
    ELIGIBILITY_WINDOW_YEARS = (
        "eligibility_window_years",
        _("Years from completing the sentence within which one may borrow"),
    )


class ParameterUnit(models.TextChoices):
    VND = "vnd", _("VND")
    PERCENT = "percent", _("%")
    YEARS = "years", _("years")


PARAMETER_UNITS: dict[str, str] = {
    ParameterKey.POOR_HOUSEHOLD_RATE: ParameterUnit.PERCENT,
    ParameterKey.OVERDUE_RATE_PERCENT: ParameterUnit.PERCENT,
    ParameterKey.TRAINING_MONTHLY_LIMIT: ParameterUnit.VND,
    ParameterKey.INDIVIDUAL_LIMIT: ParameterUnit.VND,
    ParameterKey.BUSINESS_PROJECT_LIMIT: ParameterUnit.VND,
    ParameterKey.BUSINESS_PER_RETURNEE_LIMIT: ParameterUnit.VND,
    ParameterKey.BUSINESS_MIN_RETURNEE_PERCENT: ParameterUnit.PERCENT,
    ParameterKey.UNSECURED_LIMIT: ParameterUnit.VND,
    ParameterKey.ELIGIBILITY_WINDOW_YEARS: ParameterUnit.YEARS,
}


class CreditParameter(TimeStampedModel):
    """One value of a limit, rate or window, in force from `effective_from` until the next row.

    Rows are never edited: a new decision or a new rate is a new row with its date and source,
    so the value in force on any past day can always be reconstructed.
    """

    key = models.CharField(_("parameter"), max_length=40, choices=ParameterKey.choices)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    effective_from = models.DateField(_("in force from"))
    source = models.CharField(
        _("legal source"),
        max_length=250,
        help_text=_("The decision, article or notice that sets this value."),
    )
    note = models.CharField(_("note"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["key", "-effective_from"]
        verbose_name = _("credit parameter")
        verbose_name_plural = _("credit parameters")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "effective_from"], name="credit_parameter_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()} {self.value} ({self.effective_from:%d/%m/%Y})"

    @property
    def unit(self) -> str:
        return PARAMETER_UNITS[self.key]

    @property
    def unit_label(self) -> str:
        return str(ParameterUnit(self.unit).label)


# --- Form 01: the commune's confirmed list ------------------------------------------------------


class ListStatus(models.TextChoices):
    DRAFT = "draft", _("Being drawn up by the commune police")
    SUBMITTED = "submitted", _("Awaiting the commune People's Committee")
    CONFIRMED = "confirmed", _("Confirmed by the commune People's Committee")


class EligibleListQuerySet(models.QuerySet["EligibleList"]):
    def visible_to(self, user: User) -> EligibleListQuerySet:
        from taihoanhap.accounts.scope import scope_for

        return self.filter(scope_for(user).q(province="province", commune="commune"))


class EligibleList(UUIDModel, TimeStampedModel, VersionedModel):
    """Form 01 (Decision 22/2023/QĐ-TTg): returnees living in the commune, law-abiding and not
    involved in social evils, who need a loan. Drawn up by the commune police, confirmed by the
    commune People's Committee; once confirmed it is a signed document and no longer changes.
    """

    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    number = models.CharField(_("number"), max_length=50, blank=True)
    drawn_up_on = models.DateField(_("drawn up on"))
    drawn_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("drawn up by"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ListStatus.choices, default=ListStatus.DRAFT
    )
    submitted_on = models.DateField(_("sent for confirmation on"), null=True, blank=True)
    returned_reason = models.CharField(_("reason for returning"), max_length=300, blank=True)
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirming_body = models.CharField(_("confirming body"), max_length=200, blank=True)

    objects = EligibleListQuerySet.as_manager()

    class Meta:
        ordering = ["-drawn_up_on", "-created_at"]
        verbose_name = _("Form 01 list")
        verbose_name_plural = _("Form 01 lists")
        indexes = [models.Index(fields=["commune", "status"], name="credit_list_commune_status")]

    def __str__(self) -> str:
        label = self.number or self.drawn_up_on.strftime("%d/%m/%Y")
        return f"{_('Form 01')} {label}"

    def save(self, *args, **kwargs) -> None:
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.status == ListStatus.CONFIRMED


class LoanPurpose(models.TextChoices):
    TRAINING = "training", _("Vocational training")
    PRODUCTION = "production", _("Production, business, job creation")


class EligibleListEntry(UUIDModel, TimeStampedModel):
    eligible_list = models.ForeignKey(EligibleList, models.CASCADE, related_name="entries")
    person = models.ForeignKey(
        "registry.Person", models.PROTECT, related_name="credit_list_entries"
    )
    case = models.ForeignKey("registry.Case", models.PROTECT, related_name="+")
    purpose = models.CharField(
        _("loan need"), max_length=12, choices=LoanPurpose.choices, blank=True
    )
    needed_amount = models.PositiveBigIntegerField(_("amount needed (VND)"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("Form 01 entry")
        verbose_name_plural = _("Form 01 entries")
        constraints = [
            models.UniqueConstraint(
                fields=["eligible_list", "person"], name="credit_list_entry_once_per_list"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


# --- Loan applications --------------------------------------------------------------------------


class LoanKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual (through the household)")
    BUSINESS = "business", _("Business employing returnees")


class LoanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ON_LIST = "on_list", _("Confirmed by the commune (Form 01/02)")
    SUBMITTED = "submitted", _("Submitted to the bank")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    DISBURSED = "disbursed", _("Disbursed")
    REPAYING = "repaying", _("Repaying")
    SETTLED = "settled", _("Settled")
    OVERDUE = "overdue", _("Overdue")


STATUS_TAGS = {
    LoanStatus.SUBMITTED: "warn",
    LoanStatus.APPROVED: "ok",
    LoanStatus.REJECTED: "bad",
    LoanStatus.DISBURSED: "ok",
    LoanStatus.REPAYING: "ok",
    LoanStatus.SETTLED: "ok",
    LoanStatus.OVERDUE: "bad",
}
# Statuses in which the borrower owes the bank money (the "outstanding debt" rule).
DEBT_STATUSES = frozenset({LoanStatus.DISBURSED, LoanStatus.REPAYING, LoanStatus.OVERDUE})
# Statuses in which the application is still being prepared or decided.
PENDING_STATUSES = frozenset(
    {LoanStatus.DRAFT, LoanStatus.ON_LIST, LoanStatus.SUBMITTED, LoanStatus.APPROVED}
)


class Relationship(models.TextChoices):
    SELF = "self", _("The returnee (no other capable adult in the household)")
    SPOUSE = "spouse", _("Spouse")
    PARENT = "parent", _("Father or mother")
    CHILD = "child", _("Son or daughter")
    SIBLING = "sibling", _("Brother or sister")
    OTHER = "other", _("Other household member")


class DebtDeclaration(models.TextChoices):
    UNKNOWN = "unknown", _("Not checked yet")
    NONE = "none", _("Checked: no outstanding debt for this purpose")
    EXISTS = "exists", _("Has outstanding debt for this purpose")


class LoanApplicationQuerySet(models.QuerySet["LoanApplication"]):
    def visible_to(self, user: User) -> LoanApplicationQuerySet:
        """Individual loans follow their person's scope; business loans their employer's."""
        from taihoanhap.accounts.scope import scope_for
        from taihoanhap.registry.access import person_scope_q

        individual = Q(kind=LoanKind.INDIVIDUAL) & person_scope_q(user, prefix="person__")
        business = Q(kind=LoanKind.BUSINESS) & scope_for(user).q(
            province="employer__province", commune="employer__commune"
        )
        return self.filter(individual | business)


class LoanApplication(UUIDModel, TimeStampedModel, VersionedModel):
    kind = models.CharField(_("kind"), max_length=12, choices=LoanKind.choices)
    purpose = models.CharField(_("purpose"), max_length=12, choices=LoanPurpose.choices)
    # Individual loans: the returnee, their most recent case (for the timeline) and the
    # household representative who signs for the household (Decision 22/2023 Art. 4).
    person = models.ForeignKey(
        "registry.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="loan_applications",
        verbose_name=_("returnee"),
    )
    case = models.ForeignKey(
        "registry.Case", models.PROTECT, null=True, blank=True, related_name="+"
    )
    representative_name = models.CharField(
        _("household representative"), max_length=150, blank=True
    )
    representative_relationship = models.CharField(
        _("relationship to the returnee"), max_length=10, choices=Relationship.choices, blank=True
    )
    representative_citizen_id = models.CharField(
        _("representative's personal identification number"), max_length=12, blank=True
    )
    household_size = models.PositiveSmallIntegerField(_("household members"), null=True, blank=True)
    # Business loans: the employer and its workforce facts, taken from the employer record when
    # the application is drawn up and refreshed when it is sent to the bank.
    employer = models.ForeignKey(
        "employers.Employer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="loan_applications",
        verbose_name=_("employer"),
    )
    workforce = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    returnees_on_contract = models.PositiveIntegerField(
        _("returnees on labour contracts"), null=True, blank=True
    )
    # Both kinds.
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    amount_requested = models.PositiveBigIntegerField(_("amount requested (VND)"))
    training_months = models.PositiveSmallIntegerField(
        _("training length (months)"), null=True, blank=True
    )
    term_months = models.PositiveSmallIntegerField(_("loan term (months)"), null=True, blank=True)
    plan = models.TextField(_("use of the loan"), blank=True)
    collateral = models.CharField(_("collateral"), max_length=300, blank=True)
    other_debt = models.CharField(
        _("other Social Policy Bank debt for the same purpose"),
        max_length=10,
        choices=DebtDeclaration.choices,
        default=DebtDeclaration.UNKNOWN,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=LoanStatus.choices, default=LoanStatus.DRAFT
    )
    status_changed_on = models.DateField(_("status changed on"))
    drawn_up_on = models.DateField(_("drawn up on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("drawn up by")
    )
    # Form 01 (individual) or Form 02 (business) confirmation.
    list_entry = models.ForeignKey(
        EligibleListEntry,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("Form 01 entry"),
    )
    plan_confirmed_on = models.DateField(_("plan confirmed on (Form 02)"), null=True, blank=True)
    plan_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    plan_confirming_body = models.CharField(max_length=200, blank=True)
    submitted_on = models.DateField(_("submitted to the bank on"), null=True, blank=True)
    # The bank's decision.
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_amount = models.PositiveBigIntegerField(
        _("approved amount (VND)"), null=True, blank=True
    )
    rejection_reason = models.CharField(_("reason for rejection"), max_length=300, blank=True)
    contract_number = models.CharField(_("loan contract number"), max_length=50, blank=True)
    disbursed_on = models.DateField(_("disbursed on"), null=True, blank=True)
    disbursed_amount = models.PositiveBigIntegerField(
        _("disbursed amount (VND)"), null=True, blank=True
    )
    repaid_amount = models.PositiveBigIntegerField(_("repaid (VND)"), default=0)
    overdue_since = models.DateField(_("overdue since"), null=True, blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)

    objects = LoanApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-status_changed_on", "-created_at"]
        verbose_name = _("loan application")
        verbose_name_plural = _("loan applications")
        indexes = [
            models.Index(fields=["status", "status_changed_on"], name="credit_loan_status"),
            models.Index(fields=["province", "status"], name="credit_loan_province_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="individual", person__isnull=False, employer__isnull=True))
                | Q(kind="business", employer__isnull=False, person__isnull=True),
                name="credit_loan_borrower_fits_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.borrower_label} · {self.get_purpose_display()}"

    def save(self, *args, **kwargs) -> None:
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)

    @property
    def borrower_label(self) -> str:
        if self.kind == LoanKind.BUSINESS:
            return str(self.employer)
        return str(self.person)

    @property
    def is_business(self) -> bool:
        return self.kind == LoanKind.BUSINESS

    @property
    def status_tag(self) -> str:
        """The tag style of the status (the text is always shown too)."""
        return STATUS_TAGS.get(self.status, "info")

    @property
    def outstanding(self) -> int:
        return max((self.disbursed_amount or 0) - self.repaid_amount, 0)


class RepaymentQuerySet(models.QuerySet["Repayment"]):
    def visible_to(self, user: User) -> RepaymentQuerySet:
        return self.filter(application__in=LoanApplication.objects.visible_to(user).values("pk"))


class Repayment(UUIDModel, TimeStampedModel):
    application = models.ForeignKey(LoanApplication, models.PROTECT, related_name="repayments")
    paid_on = models.DateField(_("paid on"))
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = RepaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-paid_on", "-created_at"]
        verbose_name = _("repayment")
        verbose_name_plural = _("repayments")

    def __str__(self) -> str:
        return f"{self.paid_on:%d/%m/%Y} {self.amount}"
