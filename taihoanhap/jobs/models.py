"""The employment side: vacancies, employment records, matching consent, job fairs.

The employers themselves are in `employers` (below this app), shared with credit and programme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.employers.models import Employer
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.access import person_scope_q
from taihoanhap.registry.models import Sex
from taihoanhap.support.models import TrainingLevel

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


# --- Vacancies ---------------------------------------------------------------------------------


class VacancyQuerySet(models.QuerySet["Vacancy"]):
    def visible_to(self, user: User) -> VacancyQuerySet:
        from taihoanhap.support.access import catalogue_q

        return self.filter(catalogue_q(user))

    def open_on(self, day: Any) -> VacancyQuerySet:
        return self.filter(opens_on__lte=day, closes_on__gte=day, closed_early_on__isnull=True)


class Vacancy(UUIDModel, TimeStampedModel, VersionedModel):
    """Jobs an employer offers. Not personal data: visible across the employer's province."""

    employer = models.ForeignKey(
        Employer, models.PROTECT, related_name="vacancies", verbose_name=_("employer")
    )
    title = models.CharField(_("job title"), max_length=200)
    trade = models.CharField(_("trade"), max_length=100, help_text=_("E.g. welding, sewing."))
    trade_key = models.CharField(max_length=100, editable=False, db_index=True)
    count = models.PositiveIntegerField(_("number of positions"))
    wage_min_vnd = models.PositiveBigIntegerField(
        _("wage from (VND a month)"), null=True, blank=True
    )
    wage_max_vnd = models.PositiveBigIntegerField(
        _("wage up to (VND a month)"), null=True, blank=True
    )
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("work location (commune)")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    sex_reason = models.CharField(
        _("lawful reason for the sex requirement"),
        max_length=300,
        blank=True,
        help_text=_(
            "Labour Code 2019 Art. 8 forbids discrimination by sex: a requirement needs a "
            "lawful reason, stated here."
        ),
    )
    skills = models.CharField(_("skills required"), max_length=300, blank=True)
    min_level = models.CharField(
        _("minimum vocational level"), max_length=16, blank=True, choices=TrainingLevel.choices
    )
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"))
    closed_early_on = models.DateField(_("closed early on"), null=True, blank=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        ordering = ["closes_on", "title"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        indexes = [
            models.Index(fields=["province", "closes_on"], name="vacancy_province_closes"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.employer}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from taihoanhap.core.text import search_key

        self.trade_key = search_key(self.trade)
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)

    def is_open_on(self, day: Any) -> bool:
        return self.opens_on <= day <= self.closes_on and self.closed_early_on is None


# --- Employment status of a person over time ---------------------------------------------------


class EmploymentStatus(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    UNEMPLOYED = "unemployed", _("Unemployed")
    IN_TRAINING = "in_training", _("In vocational training")


WORKING = frozenset({EmploymentStatus.EMPLOYED, EmploymentStatus.SELF_EMPLOYED})


class PersonScopedQuerySet(models.QuerySet):
    def visible_to(self, user: User) -> Any:
        return self.filter(person_scope_q(user, prefix="person__"))


class EmploymentRecord(UUIDModel, TimeStampedModel):
    """One period of a person's working life; the current one has no end date.

    A new record ends the current one, so the history reads as consecutive periods."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="employment_records")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="employment_records")
    status = models.CharField(_("status"), max_length=16, choices=EmploymentStatus.choices)
    employer = models.ForeignKey(
        Employer,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="employment_records",
        verbose_name=_("employer"),
    )
    vacancy = models.ForeignKey(Vacancy, models.SET_NULL, null=True, blank=True, related_name="+")
    workplace = models.CharField(
        _("workplace"),
        max_length=200,
        blank=True,
        help_text=_("If the employer is not in the list: its name and address."),
    )
    job_title = models.CharField(_("job"), max_length=200, blank=True)
    monthly_wage_vnd = models.PositiveBigIntegerField(
        _("monthly income (VND)"), null=True, blank=True
    )
    labour_contract = models.BooleanField(_("on a labour contract"), default=False)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-created_at"]
        verbose_name = _("employment record")
        verbose_name_plural = _("employment records")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(ended_on__isnull=True),
                name="jobs_one_current_employment",
            )
        ]
        indexes = [models.Index(fields=["person", "started_on"], name="employment_person_start")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.started_on:%d/%m/%Y}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class MatchingConsent(UUIDModel, TimeStampedModel):
    """The person's consent to job matching (Law 91/2025/QH15: explicit, withdrawable).

    Reintegration work itself rests on the legal mandate (Law 41/2019, Decree 49/2020); consent
    is recorded when the person applies for job matching, the one use that goes beyond it:
    their profile is shown to employers' recruiters at fairs and in suggestions."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="matching_consents")
    given_on = models.DateField(_("given on"))
    desired_trade = models.CharField(
        _("trade wanted"), max_length=100, blank=True, help_text=_("E.g. welding, driving.")
    )
    desired_trade_key = models.CharField(max_length=100, editable=False, blank=True)
    note = models.CharField(
        _("how it was given"),
        max_length=300,
        blank=True,
        help_text=_("E.g. signed application form kept in the file."),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-created_at"]
        verbose_name = _("job-matching consent")
        verbose_name_plural = _("job-matching consents")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(withdrawn_on__isnull=True),
                name="jobs_one_active_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_on:%d/%m/%Y}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from taihoanhap.core.text import search_key

        self.desired_trade_key = search_key(self.desired_trade)
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


# --- Job fairs ("Phiên chợ của tình người") ----------------------------------------------------


class FairQuerySet(models.QuerySet["JobFair"]):
    def visible_to(self, user: User) -> FairQuerySet:
        from taihoanhap.support.access import catalogue_q

        return self.filter(catalogue_q(user))


class JobFair(UUIDModel, TimeStampedModel, VersionedModel):
    """A job fair for returnees and inmates near release, organised by the Department of Home
    Affairs (formerly labour), the business association and the police."""

    title = models.CharField(_("name of the fair"), max_length=200)
    held_on = models.DateField(_("date"))
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("venue (commune)")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    venue = models.CharField(_("venue"), max_length=250)
    organisers = models.ManyToManyField(
        "accounts.Agency", related_name="job_fairs", verbose_name=_("organisers")
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = FairQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")
        indexes = [models.Index(fields=["province", "held_on"], name="fair_province_date")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None


class FairEmployer(UUIDModel, TimeStampedModel):
    fair = models.ForeignKey(JobFair, models.CASCADE, related_name="participants")
    employer = models.ForeignKey(Employer, models.PROTECT, related_name="fair_participations")
    vacancies = models.ManyToManyField(
        Vacancy, blank=True, related_name="fair_offers", verbose_name=_("vacancies offered")
    )

    class Meta:
        ordering = ["employer__name"]
        verbose_name = _("participating employer")
        verbose_name_plural = _("participating employers")
        constraints = [
            models.UniqueConstraint(fields=["fair", "employer"], name="jobs_fair_employer_once")
        ]

    def __str__(self) -> str:
        return str(self.employer)


class FairAttendance(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Did not come")


class FairRegistration(UUIDModel, TimeStampedModel, VersionedModel):
    fair = models.ForeignKey(JobFair, models.CASCADE, related_name="registrations")
    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="fair_registrations")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="fair_registrations")
    registered_on = models.DateField(_("registered on"))
    as_inmate = models.BooleanField(_("inmate near release"), default=False)
    attendance = models.CharField(
        pgettext_lazy("fair", "attendance"),
        max_length=12,
        choices=FairAttendance.choices,
        default=FairAttendance.REGISTERED,
    )
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["person__name_key"]
        verbose_name = _("fair registration")
        verbose_name_plural = _("fair registrations")
        constraints = [
            models.UniqueConstraint(fields=["fair", "person"], name="jobs_fair_register_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.fair}"


class ContactStage(models.TextChoices):
    INTERVIEWED = "interviewed", _("Interviewed")
    OFFERED = "offered", _("Offered a job")
    HIRED = "hired", _("Hired")
    NOT_HIRED = "not_hired", _("Not hired")


CONTACT_ORDER = {
    ContactStage.INTERVIEWED: 0,
    ContactStage.OFFERED: 1,
    ContactStage.HIRED: 2,
    ContactStage.NOT_HIRED: 2,
}


class FairContact(UUIDModel, TimeStampedModel, VersionedModel):
    """What happened between a registered person and one employer at the fair."""

    registration = models.ForeignKey(FairRegistration, models.CASCADE, related_name="contacts")
    participant = models.ForeignKey(
        FairEmployer, models.PROTECT, related_name="contacts", verbose_name=_("employer")
    )
    vacancy = models.ForeignKey(
        Vacancy, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("vacancy")
    )
    stage = models.CharField(_("outcome"), max_length=12, choices=ContactStage.choices)
    interviewed_on = models.DateField(_("interviewed on"))
    offered_on = models.DateField(_("offered on"), null=True, blank=True)
    hired_on = models.DateField(_("hired on"), null=True, blank=True)
    employment = models.OneToOneField(
        EmploymentRecord, models.SET_NULL, null=True, blank=True, related_name="fair_contact"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["participant__employer__name"]
        verbose_name = _("interview at a fair")
        verbose_name_plural = _("interviews at fairs")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "participant"], name="jobs_fair_contact_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.get_stage_display()}"
