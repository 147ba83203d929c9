"""Forms of the support app; they validate input, the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import AgencyKind
from taihoanhap.core.dates import DateField
from taihoanhap.core.editing import VersionField, VersionForm
from taihoanhap.core.forms import ValidatingModelForm
from taihoanhap.core.money import MoneyField
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models import Person
from taihoanhap.support.access import catalogue_province_ids, measure_kinds_for
from taihoanhap.support.models import (
    AssessmentOccasion,
    Attendance,
    Course,
    EnrolmentStatus,
    MeasureKind,
    NeedKind,
    NeedStatus,
    ReferralStatus,
)
from taihoanhap.support.services import receiving_agencies


def today() -> Any:
    return timezone.localdate()


class DateInput(forms.DateInput):
    """Typed as dd/mm/yyyy (1/2/2026 and 01-02-2026 accepted), shown as dd/mm/yyyy."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off", **(attrs or {})},
            format="%d/%m/%Y",
        )


def date_field(label: Any, *, required: bool = True, initial: Any = None, **kw: Any) -> Any:
    kw = {"future": True, "help_text": "", **kw}  # as before the shared field: no hint
    return DateField(label=label, required=required, initial=initial, widget=DateInput(), **kw)


# --- Needs and measures ------------------------------------------------------------------------


class NeedAssessmentForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Needs"),
        choices=NeedKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick everything the person says they need. Needs still open stay open."),
        error_messages={"required": _("Tick at least one need.")},
    )
    occasion = forms.ChoiceField(
        label=_("Occasion"), choices=AssessmentOccasion.choices, initial=AssessmentOccasion.REVIEW
    )
    assessed_on = date_field(_("Date of the assessment"), initial=today, future=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=500, widget=forms.Textarea)


class NeedCloseForm(VersionForm):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (NeedStatus.MET, pgettext_lazy("need", "Met")),
            (NeedStatus.DECLINED, _("The person no longer wants this help")),
        ],
        widget=forms.RadioSelect,
    )
    closed_on = date_field(_("Date"), initial=today)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of support"), choices=())
    provided_on = date_field(_("Date the support was given"), initial=today, future=False)
    provider_name = forms.CharField(
        label=_("Providing organisation"),
        required=False,
        max_length=200,
        help_text=_(
            "Leave empty if your agency gave it; otherwise e.g. the commune Women's Union."
        ),
    )
    amount_vnd = MoneyField(
        label=_("Amount (VND)"), required=False, help_text=_("Only where money was given.")
    )
    outcome = forms.CharField(label=_("Outcome"), required=False, max_length=300)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = measure_kinds_for(user.role)
        self.fields["kind"].choices = [(k, MeasureKind(k).label) for k in allowed]


# --- Referrals ---------------------------------------------------------------------------------


class ReferralForm(forms.Form):
    to_agency = forms.ModelChoiceField(
        label=_("Refer to"), queryset=Agency.objects.none(), empty_label=_("Choose an agency")
    )
    purpose = forms.ChoiceField(label=_("For"), choices=NeedKind.choices)
    message = forms.CharField(
        label=_("Message to the receiving agency"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("What the person needs and how to reach them. Do not write offence details."),
    )
    sent_on = date_field(_("Date sent"), initial=today, future=False)

    def __init__(self, *args: Any, person: Person, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = receiving_agencies(person).exclude(
            pk=getattr(user, "agency_id", None)
        )


class ReferralActionForm(VersionForm):
    on = date_field(_("Date"), initial=today, future=False)
    text = forms.CharField(label=_("Note"), required=False, max_length=300, widget=forms.Textarea)

    def __init__(self, *args: Any, action: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if action == "decline":
            self.fields["text"].label = _("Reason for declining")
            self.fields["text"].required = True
        elif action == "done":
            self.fields["text"].label = _("What was done")
            self.fields["text"].required = True
        else:
            del self.fields["text"]


class ReferralFilterForm(forms.Form):
    box = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All referrals")),
            ("incoming", _("Received by my agency")),
            ("outgoing", _("Sent by my agency")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), ("open", _("Not finished")), *ReferralStatus.choices],
    )
    purpose = forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Any purpose")), *NeedKind.choices]
    )


# --- Courses -----------------------------------------------------------------------------------


def communes_for(user: Any) -> Any:
    """Current communes of the provinces in the user's scope, for location choices."""
    qs = AdminUnit.objects.current().communes().select_related("parent")
    provinces = catalogue_province_ids(user)
    if provinces is not None:
        qs = qs.filter(parent_id__in=sorted(provinces))
    return qs.order_by("name_key")


class CourseForm(ValidatingModelForm):
    version = VersionField(required=False)
    cost_vnd = MoneyField(label=_("Cost per learner (VND)"), required=False)
    support_vnd = MoneyField(
        label=_("Support per learner (VND)"),
        required=False,
        help_text=_("Fee exemption, meals, travel or boarding paid for each learner."),
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "trade",
            "level",
            "provider",
            "starts_on",
            "ends_on",
            "facility",
            "commune",
            "address",
            "seats",
            "cost_vnd",
            "support_vnd",
            "support_note",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        self.fields["commune"].required = False
        self.fields["commune"].help_text = _(
            "Where the course is held (not needed inside a facility)."
        )
        self.fields["facility"].queryset = Agency.objects.visible_to(user).filter(
            kind=AgencyKind.DETENTION_FACILITY, is_active=True
        )
        self.fields["facility"].empty_label = _("No: a course in the community")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("facility") and not cleaned.get("commune"):
            self.add_error("commune", _("Give the commune where the course is held."))
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The course cannot end before it starts."))
        return cleaned


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find a person"),
        max_length=100,
        min_length=2,
        help_text=_("Full name (without accents is fine) or personal identification number."),
    )


class EnrolForm(forms.Form):
    person = forms.UUIDField(
        label=_("Person"), error_messages={"required": _("Choose a person from the results.")}
    )
    enrolled_on = date_field(_("Enrolment date"), initial=today)


class FinishEnrolmentForm(VersionForm):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (EnrolmentStatus.COMPLETED, EnrolmentStatus.COMPLETED.label),
            (EnrolmentStatus.NOT_COMPLETED, EnrolmentStatus.NOT_COMPLETED.label),
            (EnrolmentStatus.DROPPED_OUT, EnrolmentStatus.DROPPED_OUT.label),
        ],
        widget=forms.RadioSelect,
    )
    attendance = forms.ChoiceField(
        label=pgettext_lazy("course", "Attendance"),
        required=False,
        choices=[("", "—"), *Attendance.choices],
    )
    finished_on = date_field(_("Date"), initial=today)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class CertificateForm(forms.Form):
    number = forms.CharField(label=pgettext_lazy("vocational", "Certificate number"), max_length=50)
    issued_on = date_field(_("Date of issue"), initial=today, future=False)
    issuer = forms.CharField(label=_("Issued by"), max_length=200)
