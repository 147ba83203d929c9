"""Needs, support measures, referrals between agencies, vocational courses and certificates.

Decree 49/2020/NĐ-CP: before release the facility counsels inmates and prepares them; after
release the commune receives the person, records their needs (Circular 10/2024/TT-BCA Art. 9)
and the agencies in charge give support: vocational training (now the Department of Education
and Training), jobs (the Department of Home Affairs and its employment service centre), social
assistance (the Department of Health), loans (the Social Policy Bank). Everything recorded here
also goes on the person's timeline (`registry.timeline.add_event`).

Scope: needs, measures, referrals, enrolments and certificates are personal data and are
visible through their person (`registry.access.person_scope_q`). Courses are a catalogue,
visible to the officers of their province (`support.access.catalogue_q`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.access import person_scope_q

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


class PersonScopedQuerySet(models.QuerySet):
    person_prefix = "person__"

    def visible_to(self, user: User) -> Any:
        return self.filter(person_scope_q(user, prefix=self.person_prefix))


# --- Needs -------------------------------------------------------------------------------------


class NeedKind(models.TextChoices):
    JOB = "job", _("Job")
    TRAINING = "training", _("Vocational training")
    LOAN = "loan", pgettext_lazy("need", "Loan")
    IDENTITY = "identity", _("Identity papers")
    RESIDENCE = "residence", _("Residence registration")
    HEALTH = "health", _("Health care or addiction treatment")
    COUNSELLING = "counselling", _("Psychological counselling")
    LEGAL_AID = "legal_aid", _("Legal aid")
    SOCIAL_ASSISTANCE = "social_assistance", _("Social assistance")
    HOUSING = "housing", _("Housing")


# Health data is sensitive (Decree 13/2023/NĐ-CP Art. 2(4); Law 91/2025/QH15).
SENSITIVE_NEEDS = frozenset({NeedKind.HEALTH, NeedKind.COUNSELLING})


class NeedStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("need", "Open")
    MET = "met", pgettext_lazy("need", "Met")
    DECLINED = "declined", _("Declined by the person")


class AssessmentOccasion(models.TextChoices):
    PRE_RELEASE = "pre_release", _("Before release (detention facility)")
    RECEPTION = "reception", _("At reception")
    REVIEW = "review", _("On review")


class NeedAssessment(UUIDModel, TimeStampedModel):
    """One sitting in which an officer asked the person what they need."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="need_assessments")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="need_assessments")
    occasion = models.CharField(_("occasion"), max_length=16, choices=AssessmentOccasion.choices)
    assessed_on = models.DateField(pgettext_lazy("needs", "assessed on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("assessed by")
    )

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on", "-created_at"]
        verbose_name = _("needs assessment")
        verbose_name_plural = _("needs assessments")

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} {self.assessed_on:%d/%m/%Y}"


class Need(UUIDModel, TimeStampedModel, VersionedModel):
    """One need of a person: open until a measure meets it or the person declines it."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="needs")
    assessment = models.ForeignKey(NeedAssessment, models.CASCADE, related_name="needs")
    kind = models.CharField(_("need"), max_length=20, choices=NeedKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    opened_on = models.DateField(_("recorded on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.CharField(_("closing note"), max_length=300, blank=True)

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["status", "kind"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=Q(status="open"),
                name="support_one_open_need_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_sensitive(self) -> bool:
        return self.kind in SENSITIVE_NEEDS


# --- Support measures --------------------------------------------------------------------------


class MeasureKind(models.TextChoices):
    JOB = "job", _("Job counselling or introduction")
    TRAINING = "training", _("Vocational training support")
    LOAN = "loan", _("Loan guidance")
    IDENTITY = "identity", _("Help with identity papers")
    RESIDENCE = "residence", _("Help with residence registration")
    HEALTH = "health", _("Health care or addiction treatment")
    COUNSELLING = "counselling", _("Psychological counselling")
    LEGAL_AID = "legal_aid", _("Legal aid")
    SOCIAL_ASSISTANCE = "social_assistance", _("Social assistance")
    HOUSING = "housing", _("Housing support")
    RELEASE_ALLOWANCE = "release_allowance", _("Allowance from the facility's reintegration fund")
    OTHER = "other", _("Other support")


# The need each kind of measure answers; recording the measure closes that open need.
MEASURE_ANSWERS: dict[str, str] = {
    MeasureKind.JOB: NeedKind.JOB,
    MeasureKind.TRAINING: NeedKind.TRAINING,
    MeasureKind.LOAN: NeedKind.LOAN,
    MeasureKind.IDENTITY: NeedKind.IDENTITY,
    MeasureKind.RESIDENCE: NeedKind.RESIDENCE,
    MeasureKind.HEALTH: NeedKind.HEALTH,
    MeasureKind.COUNSELLING: NeedKind.COUNSELLING,
    MeasureKind.LEGAL_AID: NeedKind.LEGAL_AID,
    MeasureKind.SOCIAL_ASSISTANCE: NeedKind.SOCIAL_ASSISTANCE,
    MeasureKind.HOUSING: NeedKind.HOUSING,
}
SENSITIVE_MEASURES = frozenset({MeasureKind.HEALTH, MeasureKind.COUNSELLING})


class SupportMeasure(UUIDModel, TimeStampedModel):
    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="support_measures")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="support_measures")
    kind = models.CharField(_("type of support"), max_length=20, choices=MeasureKind.choices)
    provided_on = models.DateField(_("date"))
    agency = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        related_name="+",
        verbose_name=_("recording agency"),
    )
    provider_name = models.CharField(
        _("providing organisation"),
        max_length=200,
        blank=True,
        help_text=_("Only if another organisation gave the support, e.g. the Women's Union."),
    )
    amount_vnd = models.PositiveBigIntegerField(_("amount (VND)"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)
    need = models.OneToOneField(
        Need,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="met_by",
        verbose_name=_("need met"),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-provided_on", "-created_at"]
        verbose_name = _("support measure")
        verbose_name_plural = _("support measures")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.provided_on:%d/%m/%Y}"

    @property
    def provider_label(self) -> str:
        return self.provider_name or str(self.agency)

    @property
    def is_sensitive(self) -> bool:
        return self.kind in SENSITIVE_MEASURES


# --- Referrals ---------------------------------------------------------------------------------


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent, awaiting a response")
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


OPEN_REFERRAL_STATUSES = frozenset(
    {ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
)


class ReferralQuerySet(models.QuerySet["Referral"]):
    def visible_to(self, user: User) -> ReferralQuerySet:
        """Persons in scope; overseers see every referral, others their own agency's."""
        from taihoanhap.support.access import REFERRAL_OVERSEERS

        qs = self.filter(person_scope_q(user, prefix="person__"))
        if getattr(user, "role", None) in REFERRAL_OVERSEERS:
            return qs
        agency_id = getattr(user, "agency_id", None)
        if agency_id is None:
            return qs.none()
        return qs.filter(Q(from_agency_id=agency_id) | Q(to_agency_id=agency_id))


class Referral(UUIDModel, TimeStampedModel, VersionedModel):
    """A request from one agency to another to help a person (e.g. commune police → jobs)."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="referrals")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="referrals")
    purpose = models.CharField(
        pgettext_lazy("referral", "purpose"), max_length=20, choices=NeedKind.choices
    )
    need = models.ForeignKey(Need, models.SET_NULL, null=True, blank=True, related_name="referrals")
    from_agency = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        related_name="referrals_sent",
        verbose_name=pgettext_lazy("referral", "from"),
    )
    to_agency = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        related_name="referrals_received",
        verbose_name=pgettext_lazy("referral", "to"),
    )
    message = models.TextField(
        _("message"),
        max_length=1000,
        blank=True,
        help_text=_("What the person needs. No offence details: the receiving agency reads this."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_on = models.DateField(_("sent on"))
    respond_by = models.DateField(_("respond by"))
    deadline_source = models.CharField(_("source of the deadline"), max_length=300)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    responded_on = models.DateField(_("answered on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on", "-created_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["to_agency", "status", "respond_by"], name="referral_to_status"),
            models.Index(
                fields=["from_agency", "status", "respond_by"], name="referral_from_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.to_agency}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REFERRAL_STATUSES

    def is_overdue(self, today: Any) -> bool:
        return self.status == ReferralStatus.SENT and self.respond_by < today


# --- Vocational training -----------------------------------------------------------------------


class TrainingLevel(models.TextChoices):
    """Decree 49/2020/NĐ-CP Art. 11: the levels of vocational education supported."""

    SHORT = "short", _("Under 3 months")
    ELEMENTARY = "elementary", _("Elementary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    COLLEGE = "college", _("College")


LEVEL_RANK = {
    TrainingLevel.SHORT: 0,
    TrainingLevel.ELEMENTARY: 1,
    TrainingLevel.INTERMEDIATE: 2,
    TrainingLevel.COLLEGE: 3,
}


class CourseQuerySet(models.QuerySet["Course"]):
    def visible_to(self, user: User) -> CourseQuerySet:
        from taihoanhap.support.access import catalogue_q

        agency_id = getattr(user, "agency_id", None)
        inside = Q(facility_id=agency_id) if agency_id else Q(pk__in=[])
        return self.filter(catalogue_q(user) | inside)


class Course(UUIDModel, TimeStampedModel, VersionedModel):
    title = models.CharField(_("course title"), max_length=200)
    trade = models.CharField(_("trade"), max_length=100, help_text=_("E.g. welding, sewing."))
    trade_key = models.CharField(max_length=100, editable=False, db_index=True)
    level = models.CharField(
        pgettext_lazy("vocational", "level"), max_length=16, choices=TrainingLevel.choices
    )
    provider = models.CharField(
        _("training provider"), max_length=200, help_text=_("The school or centre that teaches.")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    commune = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    facility = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="courses_inside",
        verbose_name=_("inside detention facility"),
        limit_choices_to={"kind": "detention_facility"},
        help_text=_("For inmates before release; leave empty for a course in the community."),
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    address = models.CharField(pgettext_lazy("postal", "address"), max_length=250, blank=True)
    seats = models.PositiveIntegerField(_("seats"))
    cost_vnd = models.PositiveBigIntegerField(_("cost per learner (VND)"), default=0)
    support_vnd = models.PositiveBigIntegerField(
        _("support per learner (VND)"),
        default=0,
        help_text=_("Fee exemption, meals, travel or boarding paid for each learner."),
    )
    support_note = models.CharField(_("support given"), max_length=300, blank=True)
    organiser = models.ForeignKey(
        "accounts.Agency", models.PROTECT, related_name="courses", verbose_name=_("organiser")
    )

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("vocational course")
        verbose_name_plural = _("vocational courses")
        indexes = [models.Index(fields=["province", "starts_on"], name="course_province_start")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        from taihoanhap.core.text import search_key

        self.trade_key = search_key(self.trade)
        super().save(*args, **kwargs)

    @property
    def is_inside_facility(self) -> bool:
        return self.facility_id is not None

    @property
    def location_label(self) -> str:
        if self.facility_id:
            return str(self.facility)
        return ", ".join(part for part in (self.address, str(self.commune or "")) if part)


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Did not complete")
    DROPPED_OUT = "dropped_out", _("Dropped out")


ACTIVE_ENROLMENT = frozenset({EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED})


class Attendance(models.TextChoices):
    FULL = "full", _("Attended fully")
    MOST = "most", _("Attended most sessions")
    POOR = "poor", _("Attended few sessions")


class Enrolment(UUIDModel, TimeStampedModel, VersionedModel):
    course = models.ForeignKey(Course, models.PROTECT, related_name="enrolments")
    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="enrolments")
    case = models.ForeignKey("registry.Case", models.CASCADE, related_name="enrolments")
    enrolled_on = models.DateField(_("enrolled on"))
    as_inmate = models.BooleanField(_("enrolled as an inmate"), default=False)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    attendance = models.CharField(
        pgettext_lazy("course", "attendance"),
        max_length=8,
        choices=Attendance.choices,
        blank=True,
    )
    finished_on = models.DateField(_("finished on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-enrolled_on"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="support_enrol_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.course}"


class Certificate(UUIDModel, TimeStampedModel):
    """A vocational certificate. It belongs to the person, not to a case: one earned inside a
    detention facility stays on the person's record after release."""

    person = models.ForeignKey("registry.Person", models.CASCADE, related_name="certificates")
    enrolment = models.OneToOneField(
        Enrolment, models.PROTECT, null=True, blank=True, related_name="certificate"
    )
    number = models.CharField(pgettext_lazy("vocational", "certificate number"), max_length=50)
    issued_on = models.DateField(_("issued on"))
    issuer = models.CharField(_("issued by"), max_length=200)
    trade = models.CharField(_("trade"), max_length=100)
    trade_key = models.CharField(max_length=100, editable=False, db_index=True)
    level = models.CharField(
        pgettext_lazy("vocational", "level"), max_length=16, choices=TrainingLevel.choices
    )
    earned_in_detention = models.BooleanField(_("earned in detention"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = PersonScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("vocational certificate")
        verbose_name_plural = _("vocational certificates")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number"], name="support_certificate_number")
        ]

    def __str__(self) -> str:
        return f"{self.trade} ({self.get_level_display()}) {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from taihoanhap.core.text import search_key

        self.trade_key = search_key(self.trade)
        super().save(*args, **kwargs)
