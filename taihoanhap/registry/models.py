"""Persons, their sentences and releases, and the reintegration case.

Scope: a person is visible to a user when the person's current commune (`Person.commune`, and
its province `Person.province`, kept together by the services) lies in the user's jurisdiction
(`accounts.scope`). Cases, events and deadlines are visible through their person, so a transfer
moves the whole history with the person. Every query of these models starts from
`<Model>.objects.visible_to(user)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.fields import SearchKeyField
from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.core.text import normalize_text, search_key
from taihoanhap.geo.models import AdminUnit

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class CaseStatus(models.TextChoices):
    EXPECTED = "expected", _("Expected to return")
    ADDRESS_VERIFIED = "address_verified", _("Address verified")
    ADDRESS_MISMATCH = "address_mismatch", _("Address mismatch answered (HCD-03)")
    UNDER_MANAGEMENT = "under_management", _("Under management")
    ON_PROBATION = "on_probation", _("On probation (conditional early release)")
    HELD = "held", _("Held again (re-offence)")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset(set(CaseStatus) - {CaseStatus.CLOSED})


class CaseClass(models.TextChoices):
    """Circular 10/2024/TT-BCA classification of managed persons."""

    A = "A", _("A: law-abiding, stable job and life")
    B = "B", _("B: law-abiding but struggling")
    C = "C", _("C: not law-abiding or not cooperating")
    D = "D", _("D: held in custody or an institution")


class ReleaseType(models.TextChoices):
    FULL_TERM = "full_term", _("Served the full term")
    AMNESTY = "amnesty", _("Amnesty")
    PAROLE = "parole", _("Conditional early release")


class Visibility(models.TextChoices):
    """Who may read a timeline entry, beyond the scope rule."""

    ALL = "all", _("Everyone with access to the person")
    POLICE = "police", _("Police, facility and inspectors only (offence, case notes)")


# --- Persons -----------------------------------------------------------------------------------


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User) -> PersonQuerySet:
        """The scoping entry point for personal data; see registry.access for extra grants."""
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user))


class Person(UUIDModel, TimeStampedModel, VersionedModel):
    full_name = models.CharField(_("full name"), max_length=150)
    name_key = SearchKeyField(max_length=150, editable=False, db_index=True)
    other_names = models.CharField(_("other names"), max_length=200, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), help_text=_("Filled from the date of birth when it is known.")
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, default="Kinh")
    citizen_id = models.CharField(
        _("personal identification number"), max_length=12, null=True, blank=True, unique=True
    )
    birth_registration_place = models.CharField(
        _("place of birth registration"), max_length=200, blank=True
    )
    permanent_commune = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("permanent residence (commune)"),
    )
    permanent_address = models.CharField(_("permanent address"), max_length=250, blank=True)
    # Current residence; the commune is also the scope of the record (see the module docstring).
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("current residence (commune)")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    current_address = models.CharField(_("current address"), max_length=250, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    family_contact = models.CharField(_("family contact"), max_length=250, blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/%Y/", null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_key"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            # List pages: filter by area (and status on the case), order by name.
            models.Index(fields=["province", "name_key"], name="person_province_name"),
            models.Index(fields=["commune", "name_key"], name="person_commune_name"),
            models.Index(fields=["birth_year", "name_key"], name="person_birth_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.full_name = normalize_text(self.full_name)
        self.other_names = normalize_text(self.other_names)
        self.name_key = search_key(self.full_name)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)


# --- Sentences and releases ---------------------------------------------------------------------


class Sentence(UUIDModel, TimeStampedModel, VersionedModel):
    person = models.ForeignKey(Person, models.CASCADE, related_name="sentences")
    judgment_number = models.CharField(_("judgment number"), max_length=50)
    judgment_date = models.DateField(_("judgment date"))
    court = models.CharField(_("court"), max_length=200)
    offences = models.CharField(_("offences"), max_length=300)
    penal_code_articles = models.JSONField(
        _("Penal Code articles"),
        default=list,
        blank=True,
        help_text=_("Article numbers of the 2015 Criminal Code, e.g. 173, 249."),
    )
    term_years = models.PositiveSmallIntegerField(_("term (years)"), default=0)
    term_months = models.PositiveSmallIntegerField(_("term (months)"), default=0)
    is_life = models.BooleanField(_("life imprisonment"), default=False)
    start_date = models.DateField(_("start of the term"), null=True, blank=True)
    end_date = models.DateField(_("end of the term"), null=True, blank=True)
    additional_penalties = models.CharField(_("additional penalties"), max_length=300, blank=True)
    additional_penalties_end = models.DateField(
        _("additional penalties end"), null=True, blank=True
    )
    civil_obligations = models.CharField(_("civil obligations"), max_length=300, blank=True)
    civil_obligations_settled = models.BooleanField(_("civil obligations settled"), default=False)

    class Meta:
        ordering = ["-judgment_date"]
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")

    def __str__(self) -> str:
        return f"{self.judgment_number} ({self.judgment_date:%d/%m/%Y})"

    @property
    def term_in_months(self) -> int | None:
        return None if self.is_life else self.term_years * 12 + self.term_months


class Release(UUIDModel, TimeStampedModel, VersionedModel):
    person = models.ForeignKey(Person, models.CASCADE, related_name="releases")
    sentence = models.ForeignKey(Sentence, models.PROTECT, related_name="releases")
    type = models.CharField(_("release type"), max_length=16, choices=ReleaseType.choices)
    facility = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="releases",
        verbose_name=_("detention facility"),
        limit_choices_to={"kind": "detention_facility"},
    )
    facility_name = models.CharField(
        _("facility name"),
        max_length=200,
        blank=True,
        help_text=_("When the facility has no account in the system."),
    )
    release_date = models.DateField(_("release date"), help_text=_("Expected or actual."))
    certificate_number = models.CharField(_("certificate number"), max_length=50, blank=True)
    certificate_date = models.DateField(_("certificate date"), null=True, blank=True)

    class Meta:
        ordering = ["-release_date"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.release_date:%d/%m/%Y}"

    @property
    def facility_label(self) -> str:
        return str(self.facility) if self.facility_id else self.facility_name


# --- The case ----------------------------------------------------------------------------------


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: User) -> CaseQuerySet:
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user, prefix="person__"))

    def open(self) -> CaseQuerySet:
        return self.exclude(status=CaseStatus.CLOSED)


class Case(UUIDModel, TimeStampedModel, VersionedModel):
    """One reintegration case per person per release; its state changes only by services."""

    person = models.ForeignKey(Person, models.PROTECT, related_name="cases")
    release = models.OneToOneField(Release, models.PROTECT, related_name="case")
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.EXPECTED
    )
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("assigned officer"),
    )
    current_class = models.CharField(
        _("classification"), max_length=1, choices=CaseClass.choices, blank=True
    )
    notice_received_on = models.DateField(
        _("pre-release notice received on"), null=True, blank=True
    )
    received_on = models.DateField(_("received at the commune on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_ground = models.CharField(_("closure ground"), max_length=32, blank=True)
    notes = models.TextField(_("case notes"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["status", "person"], name="case_status_person"),
            models.Index(fields=["officer", "status"], name="case_officer_status"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_status_display()}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class CaseEvent(UUIDModel):
    """The person's timeline. Every app adds to it through `registry.timeline.add_event`."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="events")
    person = models.ForeignKey(Person, models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=40)
    occurred_on = models.DateField(_("date"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    visibility = models.CharField(max_length=8, choices=Visibility.choices, default=Visibility.ALL)
    # The record behind the entry (a loan, an enrolment...), as "app_label.model" and its pk.
    source_type = models.CharField(max_length=64, blank=True)
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        indexes = [models.Index(fields=["person", "occurred_on"], name="event_person_date")]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y} {self.summary}"


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def visible_to(self, user: User) -> DeadlineQuerySet:
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user, prefix="case__person__"))

    def open(self) -> DeadlineQuerySet:
        return self.filter(status=DeadlineStatus.OPEN)


class Deadline(UUIDModel, TimeStampedModel):
    """A dated duty on a case, computed by core.workdays from its legal source."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=40)
    due_on = models.DateField(_("due on"))
    legal_source = models.CharField(_("legal source"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [models.Index(fields=["status", "due_on"], name="deadline_status_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due_on"],
                condition=Q(status="open"),
                name="deadline_one_open_per_kind_and_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on:%d/%m/%Y}"
