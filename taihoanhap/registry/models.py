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
from django.utils.translation import pgettext_lazy

from taihoanhap.core.fields import SearchKeyField
from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.core.text import normalize_text, search_key
from taihoanhap.geo.models import AdminUnit

if TYPE_CHECKING:
    from datetime import date

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


class ClosureGround(models.TextChoices):
    """Why management ends (Circular 10/2024/TT-BCA Art. 13 and Art. 14(1))."""

    EXPUNGED = "expunged", _("Conviction expunged automatically (Criminal Code Art. 70)")
    EXPUNGED_BY_COURT = (
        "expunged_by_court",
        _("Conviction expunged by court decision (Criminal Code Art. 71, 72)"),
    )
    DIED = "died", _("Died")
    NOT_RESIDING = "not_residing", _("Does not live in the commune (reply HCD-03 sent)")
    PAROLE_REVOKED = "parole_revoked", _("Conditional early release revoked by the court")
    NEW_SENTENCE = "new_sentence", _("Sentenced again: managed under the new sentence")
    OTHER = "other", _("Other ground (explained in the note)")


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

    def managed_by(self, user: User) -> PersonQuerySet:
        """The persons in the user's own jurisdiction: `visible_to` without the persons of
        pending incoming transfers (they are answered from the work queue). The lists use it
        so that one (area, status, name) index serves them.
        """
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user, incoming=False))


def birth_label(birth_date: date | None, birth_year: int | None) -> str:
    """The date of birth as dd/mm/yyyy, or the year alone when only the year is known."""
    if birth_date:
        return f"{birth_date:%d/%m/%Y}"
    return str(birth_year) if birth_year else ""


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
    # The person's current (latest) case, copied here by the services so that list pages filter
    # and sort on one table with one index: (area, status, name) - see PERFORMANCE.md.
    current_case = models.ForeignKey(
        "Case", models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    case_status = models.CharField(
        _("case status"), max_length=20, choices=CaseStatus.choices, blank=True, editable=False
    )
    case_class = models.CharField(
        _("classification"), max_length=1, choices=CaseClass.choices, blank=True, editable=False
    )
    release_date = models.DateField(_("release date"), null=True, blank=True, editable=False)

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
            models.Index(
                fields=["province", "case_status", "name_key"], name="person_prov_status_name"
            ),
            models.Index(
                fields=["commune", "case_status", "name_key"], name="person_comm_status_name"
            ),
            models.Index(fields=["province", "release_date"], name="person_province_release"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:person_detail", kwargs={"pk": self.pk})

    @property
    def birth_label(self) -> str:
        return birth_label(self.birth_date, self.birth_year)

    @property
    def is_closed(self) -> bool:
        """Every case of the person is closed: the record is read-only (expungement etc.)."""
        return self.case_status == CaseStatus.CLOSED

    def normalise(self) -> None:
        """NFC names, the search key, the birth year and the province, before any write."""
        self.full_name = normalize_text(self.full_name)
        self.other_names = normalize_text(self.other_names)
        self.name_key = search_key(self.full_name)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.normalise()
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
    closure_ground = models.CharField(
        _("closure ground"), max_length=32, choices=ClosureGround.choices, blank=True
    )
    notes = models.TextField(_("case notes"), blank=True)
    # The pre-release notice (Law 41/2019 Art. 46(1)) and the address check (Circular 10 Art. 8).
    notice_sender = models.CharField(_("notice sent by"), max_length=200, blank=True)
    notice_reference = models.CharField(_("notice number"), max_length=50, blank=True)
    address_checked_on = models.DateField(_("address checked on"), null=True, blank=True)
    address_check_note = models.TextField(_("result of the address check"), blank=True)
    # HCD-03: the commune's reply when the person does not live at the notified address.
    mismatch_reply_number = models.CharField(_("reply number (HCD-03)"), max_length=50, blank=True)
    mismatch_reply_date = models.DateField(_("reply date (HCD-03)"), null=True, blank=True)
    # Reception at the commune (Circular 10 Art. 9): minutes HCD-05, information sheet HCD-02.
    reception_place = models.CharField(_("place of reception"), max_length=200, blank=True)
    commitment_signed = models.BooleanField(_("no-reoffending commitment signed"), default=False)
    needs = models.TextField(_("needs noted at reception"), blank=True)
    occupation = models.CharField(_("occupation"), max_length=150, blank=True)
    family_situation = models.TextField(_("family situation"), blank=True)
    # Conditional early release (Criminal Code Art. 66; Circular 65/2019/TT-BCA).
    probation_end = models.DateField(_("end of probation"), null=True, blank=True)
    reported_on = models.DateField(_("reported to the commune on"), null=True, blank=True)
    probation_ended_on = models.DateField(_("probation ended on"), null=True, blank=True)
    revocation_flagged = models.BooleanField(_("revocation proposal due"), default=False)
    revocation_proposed_on = models.DateField(
        _("revocation proposal sent on"), null=True, blank=True
    )
    held_since = models.DateField(_("held since"), null=True, blank=True)
    closure_reference = models.CharField(
        _("document closing the case"),
        max_length=100,
        blank=True,
        help_text=_("e.g. the judicial-record certificate or the court decision, with its date."),
    )
    closure_note = models.TextField(_("closure note"), blank=True)

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

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:person_detail", kwargs={"pk": self.person_id}) + f"#case-{self.pk}"

    @property
    def is_parole(self) -> bool:
        return self.release.type == ReleaseType.PAROLE


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


class DeadlineKind(models.TextChoices):
    ADDRESS_CHECK = "address_check", _("Verify the residence of a person about to return")
    EXPECTED_RETURN = "expected_return", _("Receive a returning person")
    PAROLEE_REPORT = "parolee_report", _("Parolee to report to the commune")
    PROBATION_ASSESSMENT = "probation_assessment", _("Monthly probation assessment")
    ABSENCE_DECISION = "absence_decision", _("Decide an absence request")
    REVOCATION_PROPOSAL = "revocation_proposal", _("Consider proposing revocation of parole")
    PROBATION_END = "probation_end", _("End of probation")
    CLASSIFICATION = "classification", _("Classify the person (A, B, C, D)")
    EXPUNGEMENT_REVIEW = "expungement_review", _("Review for expungement of the conviction")


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def visible_to(self, user: User) -> DeadlineQuerySet:
        """Deadlines of persons in the user's jurisdiction.

        Filtered on the area copied onto each deadline (kept in step by the transfer service),
        so the work queue reads one indexed range: (commune, status, due_on). A pending
        incoming transfer does not put the person's duties in the receiving commune's queue.
        """
        from taihoanhap.accounts.roles import Role
        from taihoanhap.accounts.scope import scope_for
        from taihoanhap.registry.access import person_scope_q

        if getattr(user, "role", None) == Role.FACILITY_OFFICER:
            return self.filter(person_scope_q(user, prefix="case__person__"))
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_for(user).q(province="province", commune="commune"))

    def open(self) -> DeadlineQuerySet:
        return self.filter(status=DeadlineStatus.OPEN)


class Deadline(UUIDModel, TimeStampedModel):
    """A dated duty on a case, computed by core.workdays from its legal source."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=40, choices=DeadlineKind.choices)
    due_on = models.DateField(_("due on"))
    legal_source = models.CharField(_("legal source"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True)
    # The person's current area, copied from the person (see DeadlineQuerySet.visible_to).
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    # The record the duty is about, when there is one (an absence request...).
    subject_id = models.CharField(max_length=64, blank=True, editable=False)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            models.Index(fields=["status", "due_on"], name="deadline_status_due"),
            # A case's open deadlines: more equality terms than (status, due_on), so SQLite's
            # planner takes it instead of scanning every open deadline.
            models.Index(fields=["case", "status"], name="deadline_case_status"),
            models.Index(fields=["commune", "status", "due_on"], name="deadline_commune_due"),
            models.Index(fields=["province", "status", "due_on"], name="deadline_province_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due_on"],
                condition=Q(status="open"),
                name="deadline_one_open_per_kind_and_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on:%d/%m/%Y}"


# --- Records of the case -----------------------------------------------------------------------


class Classification(UUIDModel):
    """One A/B/C/D decision (Circular 10/2024/TT-BCA): the case keeps the whole history."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="classifications")
    value = models.CharField(_("classification"), max_length=1, choices=CaseClass.choices)
    decided_on = models.DateField(_("decided on"))
    reason = models.CharField(_("reason"), max_length=300)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")

    def __str__(self) -> str:
        return f"{self.value} {self.decided_on:%d/%m/%Y}"


class HelperKind(models.TextChoices):
    OFFICER = "officer", _("Officer")
    ORGANISATION = "organisation", _("Organisation")
    FAMILY = "family", _("Family member")


class Helper(UUIDModel, TimeStampedModel):
    """Someone assigned to help the person (Circular 10/2024/TT-BCA Art. 9-10)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="helpers")
    kind = models.CharField(_("kind of helper"), max_length=16, choices=HelperKind.choices)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=150)
    organisation = models.CharField(_("organisation or position"), max_length=200, blank=True)
    relationship = models.CharField(_("relationship to the person"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    assigned_on = models.DateField(_("assigned on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        ordering = ["ended_on", "-assigned_on"]
        verbose_name = _("helper")
        verbose_name_plural = _("helpers")

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the receiving commune")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Refused by the receiving commune")
    CANCELLED = "cancelled", _("Withdrawn")


class Transfer(UUIDModel, TimeStampedModel):
    """A move of the person to another commune, possibly in another province.

    The receiving commune accepts; only then do the person's area and with it the scope change.
    While pending, the receiving commune may read the person's record (registry.access).
    """

    case = models.ForeignKey(Case, models.PROTECT, related_name="transfers")
    person = models.ForeignKey(Person, models.PROTECT, related_name="transfers")
    from_commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("from commune")
    )
    from_province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+")
    to_commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("to commune")
    )
    to_province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+")
    to_address = models.CharField(_("new address"), max_length=250)
    reason = models.CharField(_("reason"), max_length=300)
    requested_on = models.DateField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TransferStatus.choices,
        default=TransferStatus.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.CharField(_("note on the decision"), max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_on", "-created_at"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        indexes = [
            models.Index(fields=["to_commune", "status"], name="transfer_to_commune"),
            models.Index(fields=["to_province", "status"], name="transfer_to_province"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="pending"),
                name="transfer_one_pending_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_commune} → {self.to_commune}"

    @property
    def is_pending(self) -> bool:
        return self.status == TransferStatus.PENDING


class ProbationAssessment(UUIDModel):
    """The monthly compliance assessment of a parolee (Circular 65/2019/TT-BCA)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="assessments")
    month = models.DateField(_("month"), help_text=_("The first day of the month assessed."))
    assessed_on = models.DateField(_("assessed on"))
    compliant = models.BooleanField(_("complied with the obligations"))
    note = models.TextField(_("assessment"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("probation assessment")
        verbose_name_plural = _("probation assessments")
        constraints = [
            models.UniqueConstraint(fields=["case", "month"], name="assessment_one_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y}"


class AbsenceDecision(models.TextChoices):
    PENDING = "pending", _("Waiting for the decision")
    APPROVED = "approved", _("Allowed")
    REFUSED = "refused", _("Refused")


class AbsenceRequest(UUIDModel, TimeStampedModel):
    """A parolee's written request to leave the residence (Circular 65/2019/TT-BCA Art. 9)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="absences")
    requested_on = models.DateField(_("requested on"))
    leave_on = models.DateField(_("leaving on"))
    return_on = models.DateField(_("returning on"))
    destination = models.CharField(_("destination"), max_length=250)
    reason = models.CharField(_("reason"), max_length=300)
    decision = models.CharField(
        _("decision"),
        max_length=10,
        choices=AbsenceDecision.choices,
        default=AbsenceDecision.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by_name = models.CharField(
        _("decided by"),
        max_length=150,
        blank=True,
        help_text=_("The chair of the commune People's Committee who signed the decision."),
    )
    decision_reason = models.CharField(_("reasons of the decision"), max_length=300, blank=True)

    class Meta:
        ordering = ["-leave_on"]
        verbose_name = _("absence request")
        verbose_name_plural = _("absence requests")

    def __str__(self) -> str:
        return f"{self.leave_on:%d/%m/%Y}–{self.return_on:%d/%m/%Y}"


class ViolationKind(models.TextChoices):
    """Res. 01/2018/NQ-HĐTP Art. 5: what counts towards revoking conditional release."""

    OBLIGATION = "obligation", _("Intentional violation of the obligations")
    ADMINISTRATIVE_SANCTION = "administrative_sanction", _("Administrative sanction")


class Violation(UUIDModel):
    case = models.ForeignKey(Case, models.CASCADE, related_name="violations")
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=32, choices=ViolationKind.choices)
    description = models.CharField(_("description"), max_length=300)
    sanction = models.CharField(_("sanction or measure taken"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%d/%m/%Y}"


class Reoffence(UUIDModel):
    """A new offence by a managed person; the source of recidivism figures."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="reoffences")
    person = models.ForeignKey(Person, models.CASCADE, related_name="reoffences")
    occurred_on = models.DateField(_("date of the offence"))
    offence = models.CharField(_("offence"), max_length=300)
    penal_code_articles = models.JSONField(_("Penal Code articles"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("re-offence")
        verbose_name_plural = _("re-offences")
        indexes = [models.Index(fields=["occurred_on"], name="reoffence_date")]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y}"
