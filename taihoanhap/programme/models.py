"""The provincial programme around the cases: budget, media work, models and exemplary
individuals with the per-unit target.

Scope: a budget line belongs to its agency (a provincial agency covers the province, a commune
agency its commune); a media activity and a model/exemplary individual to their province and,
when local, their commune. None of these records holds anything about a person's offence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.geo.models import AdminUnit

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


# --- Budget -----------------------------------------------------------------------------------


class BudgetActivity(models.TextChoices):
    TRAINING_SUPPORT = "training_support", _("Vocational training support")
    JOB_FAIRS = "job_fairs", _("Job fairs")
    LOAN_CAPITAL = "loan_capital", _("Loan capital entrusted to the Social Policy Bank")
    PROPAGANDA = "propaganda", _("Propaganda and public awareness")
    REMUNERATION = "remuneration", _("Remuneration of helpers and organisations")
    OTHER = "other", _("Other")


class BudgetLineQuerySet(models.QuerySet["BudgetLine"]):
    def visible_to(self, user: User) -> BudgetLineQuerySet:
        from taihoanhap.accounts.scope import scope_for

        return self.filter(scope_for(user).q(province="province", commune="agency__unit"))


class BudgetLine(UUIDModel, TimeStampedModel, VersionedModel):
    """One agency's estimate for one activity in one year (Decree 49/2020: each agency's annual
    recurrent estimate funds its reintegration work). Totals are kept on the line by the
    services, under a row lock, so the over-spending check cannot race."""

    year = models.PositiveSmallIntegerField(_("year"))
    agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, related_name="budget_lines", verbose_name=_("agency")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    activity = models.CharField(_("activity"), max_length=20, choices=BudgetActivity.choices)
    title = models.CharField(_("title"), max_length=200)
    estimate = models.PositiveBigIntegerField(_("estimate (VND)"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)
    allocated_total = models.PositiveBigIntegerField(_("allocated (VND)"), default=0)
    spent_total = models.PositiveBigIntegerField(_("spent (VND)"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = BudgetLineQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "agency__name", "activity", "title"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        indexes = [models.Index(fields=["province", "year"], name="budget_province_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "agency", "activity", "title"], name="budget_line_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.agency} · {self.title}"

    @property
    def remaining(self) -> int:
        return self.allocated_total - self.spent_total

    @property
    def execution_percent(self) -> float | None:
        """Spent as a share of the allocation (None while nothing is allocated)."""
        if not self.allocated_total:
            return None
        return round(self.spent_total * 100 / self.allocated_total, 1)


class Allocation(UUIDModel, TimeStampedModel):
    line = models.ForeignKey(BudgetLine, models.PROTECT, related_name="allocations")
    allocated_on = models.DateField(_("allocated on"))
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    decision_number = models.CharField(_("decision number"), max_length=80)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-allocated_on", "-created_at"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")

    def __str__(self) -> str:
        return f"{self.decision_number} {self.amount}"


class Spending(UUIDModel, TimeStampedModel):
    line = models.ForeignKey(BudgetLine, models.PROTECT, related_name="spendings")
    spent_on = models.DateField(_("spent on"))
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    document_number = models.CharField(_("document number"), max_length=80)
    description = models.CharField(_("description"), max_length=300)
    over_allocation = models.BooleanField(_("beyond the allocation"), default=False)
    override_reason = models.CharField(
        _("reason for spending beyond the allocation"), max_length=300, blank=True
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-spent_on", "-created_at"]
        verbose_name = _("spending entry")
        verbose_name_plural = _("spending entries")

    def __str__(self) -> str:
        return f"{self.document_number} {self.amount}"


# --- Media and public awareness ---------------------------------------------------------------


class Channel(models.TextChoices):
    TELEVISION = "television", _("Television")
    RADIO = "radio", _("Radio")
    PRINT = "print", pgettext_lazy("media", "Print")
    ONLINE = "online", _("Online newspaper")
    SOCIAL = "social", _("Social media")
    LOUDSPEAKER = "loudspeaker", _("Commune loudspeaker")


# Channels measured in minutes on air; the others in words.
BROADCAST = frozenset({Channel.TELEVISION, Channel.RADIO, Channel.LOUDSPEAKER})


class MediaTopic(models.TextChoices):
    POLICY = "policy", _("Policy and law on reintegration")
    EXAMPLES = "examples", _("Good examples of reintegration")
    STIGMA = "stigma", _("Fighting stigma and discrimination")
    JOBS = "jobs", _("Jobs, training and loans")
    PREVENTION = "prevention", _("Crime prevention")
    OTHER = "other", _("Other")


class MediaActivityQuerySet(models.QuerySet["MediaActivity"]):
    def visible_to(self, user: User) -> MediaActivityQuerySet:
        from taihoanhap.accounts.scope import scope_for

        return self.filter(scope_for(user).q(province="province", commune="commune"))


class MediaActivity(UUIDModel, TimeStampedModel, VersionedModel):
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    commune = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
        help_text=_("For a commune loudspeaker or a local item; leave empty for the province."),
    )
    outlet = models.CharField(_("outlet"), max_length=150)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    title = models.CharField(_("title"), max_length=250)
    published_on = models.DateField(_("published or broadcast on"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    word_count = models.PositiveIntegerField(_("length (words)"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=12, choices=MediaTopic.choices)
    link = models.URLField(_("link"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = MediaActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-created_at"]
        verbose_name = _("media activity")
        verbose_name_plural = _("media activities")
        indexes = [
            models.Index(fields=["province", "published_on"], name="media_province_date"),
        ]

    def __str__(self) -> str:
        return self.title


# --- Models and exemplary individuals ---------------------------------------------------------


class RecognitionKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective model")
    INDIVIDUAL = "individual", _("Exemplary individual")


class RecognitionCategory(models.TextChoices):
    SUPPORT_GROUP = "support_group", _("Support group")
    CLUB = "club", _("Club")
    EMPLOYER = "employer", _("Employer that hires returnees")
    OTHER_COLLECTIVE = "other_collective", _("Other collective model")
    RETURNEE = "returnee", _("Returnee who rebuilt their life")
    HELPER = "helper", _("Helper")
    OTHER_INDIVIDUAL = "other_individual", _("Other exemplary individual")


CATEGORY_KIND: dict[str, str] = {
    RecognitionCategory.SUPPORT_GROUP: RecognitionKind.COLLECTIVE,
    RecognitionCategory.CLUB: RecognitionKind.COLLECTIVE,
    RecognitionCategory.EMPLOYER: RecognitionKind.COLLECTIVE,
    RecognitionCategory.OTHER_COLLECTIVE: RecognitionKind.COLLECTIVE,
    RecognitionCategory.RETURNEE: RecognitionKind.INDIVIDUAL,
    RecognitionCategory.HELPER: RecognitionKind.INDIVIDUAL,
    RecognitionCategory.OTHER_INDIVIDUAL: RecognitionKind.INDIVIDUAL,
}


class RecognitionQuerySet(models.QuerySet["Recognition"]):
    def visible_to(self, user: User) -> RecognitionQuerySet:
        from taihoanhap.accounts.scope import scope_for

        return self.filter(scope_for(user).q(province="province", commune="unit"))


class Recognition(UUIDModel, TimeStampedModel, VersionedModel):
    """A collective model or an exemplary individual of reintegration work, in one unit (a
    commune, or the province itself) and one year."""

    unit = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", verbose_name=_("unit"))
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=12, choices=RecognitionKind.choices)
    category = models.CharField(_("category"), max_length=20, choices=RecognitionCategory.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    recognised_by = models.CharField(_("recognising body"), max_length=200)
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    commendations = models.TextField(_("commendations"), blank=True)
    employer = models.ForeignKey(
        "employers.Employer",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employer"),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = RecognitionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "unit__name_key", "kind", "name"]
        verbose_name = _("model or exemplary individual")
        verbose_name_plural = _("models and exemplary individuals")
        indexes = [models.Index(fields=["province", "year", "unit"], name="recognition_year_unit")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.unit_id and not self.province_id:
            unit = self.unit
            self.province_id = unit.parent_id if unit.parent_id else unit.pk
        if self.category:
            self.kind = CATEGORY_KIND[self.category]
        super().save(*args, **kwargs)


class TargetLevel(models.TextChoices):
    COMMUNE = "commune", _("Each commune, ward and special zone")
    PROVINCE = "province", _("The province as a whole")


class TargetRule(TimeStampedModel):
    """How many collective models and exemplary individuals each unit must have per year,
    in force from `effective_from` until a later row. A row without a province is the default;
    a province's own rows (set by its People's Committee) take precedence over it."""

    province = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Empty: the default for every province without its own target."),
    )
    level = models.CharField(
        pgettext_lazy("target", "level"), max_length=10, choices=TargetLevel.choices
    )
    min_collective = models.PositiveSmallIntegerField(_("collective models at least"))
    min_individual = models.PositiveSmallIntegerField(_("exemplary individuals at least"))
    effective_from = models.DateField(_("in force from"))
    source = models.CharField(_("source"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "effective_from"], name="target_one_per_province_and_day"
            )
        ]
        verbose_name = _("target for models and exemplary individuals")
        verbose_name_plural = _("targets for models and exemplary individuals")

    def __str__(self) -> str:
        return f"{self.min_collective}+{self.min_individual} ({self.effective_from:%d/%m/%Y})"
