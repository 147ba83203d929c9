"""Forms of the case's actions (one per transition or record), used by `registry.actions`.

Every form gets the case (to limit its choices) and carries the case's version, so a second
officer acting on a case changed since they opened the form gets a conflict, not an overwrite.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.core.editing import VersionField
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.registry import deadlines
from taihoanhap.registry.forms import (
    DateField,
    communes_of_province,
    parse_articles,
    today,
)
from taihoanhap.registry.lifecycle.base import CLOSURE_FROM
from taihoanhap.registry.models import (
    AbsenceDecision,
    Case,
    CaseClass,
    ClosureGround,
    HelperKind,
    TransferStatus,
    ViolationKind,
)

YES_NO = [("1", _("Yes")), ("0", _("No"))]


class CaseForm(forms.Form):
    version = VersionField()

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", case.version)
        super().__init__(*args, **kwargs)
        self.case = case
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and not field.initial and field.required:
                field.initial = today()


def _text(label: Any, *, required: bool = True, max_length: int = 300, **kw: Any) -> Any:
    return forms.CharField(label=label, required=required, max_length=max_length, **kw)


def _area(label: Any, *, required: bool = False, **kw: Any) -> Any:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": 3}), **kw
    )


class VerifyAddressForm(CaseForm):
    checked_on = DateField(label=_("Checked on"))
    note = _area(_("What the check found"), help_text=_("Who confirmed the address, and how."))


class AddressMismatchForm(CaseForm):
    checked_on = DateField(label=_("Checked on"))
    note = _area(
        _("What the check found"),
        required=True,
        help_text=_("e.g. the family moved away; where the person will live instead, if known."),
    )
    reply_number = _text(_("Number of the reply (HCD-03)"), max_length=50)
    reply_date = DateField(label=_("Date of the reply"))


class ReceptionForm(CaseForm):
    received_on = DateField(label=_("Received on"))
    reception_place = _text(
        _("Place of reception"),
        required=False,
        max_length=200,
        help_text=_("e.g. the commune police office."),
    )
    commitment_signed = forms.BooleanField(
        label=_("The person signed the no-reoffending commitment (HCD-05)"),
        error_messages={"required": _("The commitment must be signed to record the reception.")},
    )
    occupation = _text(_("Occupation"), required=False, max_length=150)
    family_situation = _area(_("Family situation"))
    needs = _area(
        _("Needs noted"),
        help_text=_("Jobs, vocational training, a loan, residence or ID card, health..."),
    )

    def clean_received_on(self) -> Any:
        day = self.cleaned_data["received_on"]
        if day < self.case.release.release_date:
            raise ValidationError(
                _("The reception cannot be before the release date (%(day)s)."),
                params={"day": f"{self.case.release.release_date:%d/%m/%Y}"},
            )
        return day


class ClassifyForm(CaseForm):
    value = forms.ChoiceField(
        label=_("Classification"), choices=CaseClass.choices, widget=forms.RadioSelect
    )
    decided_on = DateField(label=_("Decided on"))
    reason = _text(_("Reason"), help_text=_("e.g. the helper's report of this month."))


def _month_choices(case: Case) -> list[tuple[str, str]]:
    """Months of probation not yet assessed, from reception to the current month."""
    if not case.received_on:
        return []
    done = {f"{m:%Y-%m}" for m in case.assessments.values_list("month", flat=True)}
    month, last = deadlines.month_start(case.received_on), deadlines.month_start(today())
    choices = []
    while month <= last:
        key = f"{month:%Y-%m}"
        if key not in done:
            choices.append((key, f"{month:%m/%Y}"))
        month = deadlines.next_month(month)
    return list(reversed(choices))


class AssessmentForm(CaseForm):
    month = forms.ChoiceField(label=_("Month assessed"))
    assessed_on = DateField(label=_("Assessed on"))
    compliant = forms.TypedChoiceField(
        label=_("Did the person comply with the obligations?"),
        choices=YES_NO,
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = _area(_("Assessment"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = _month_choices(self.case)

    def clean_month(self) -> Any:
        from datetime import date

        year, month = self.cleaned_data["month"].split("-")
        return date(int(year), int(month), 1)


class AbsenceRequestForm(CaseForm):
    requested_on = DateField(label=_("Request received on"))
    leave_on = DateField(label=_("Leaving on"), future=True)
    return_on = DateField(label=_("Returning on"), future=True)
    destination = _text(_("Destination"), max_length=250)
    reason = _text(_("Reason"))


class AbsenceDecisionForm(CaseForm):
    absence = forms.ModelChoiceField(label=_("Request"), queryset=None, empty_label=None)
    approved = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Allowed")), ("0", _("Refused"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    decided_on = DateField(label=_("Decided on"))
    decided_by_name = _text(
        _("Decided by"),
        required=False,
        max_length=150,
        help_text=_("The chair of the commune People's Committee who signed the decision."),
    )
    decision_reason = _text(_("Reasons of the decision"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["absence"].queryset = self.case.absences.filter(
            decision=AbsenceDecision.PENDING
        )


class ViolationForm(CaseForm):
    occurred_on = DateField(label=_("Date"))
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ViolationKind.choices, widget=forms.RadioSelect
    )
    description = _text(_("What happened"))
    sanction = _text(_("Sanction or measure taken"), required=False)


class RevocationForm(CaseForm):
    proposed_on = DateField(label=_("Proposal sent on"))
    reference = _text(_("Number of the proposal"), max_length=100)


class EndProbationForm(CaseForm):
    ended_on = DateField(label=_("Probation ended on"))
    certificate_number = _text(_("Completion certificate number"), max_length=50)
    certificate_date = DateField(label=_("Certificate date"), required=False)
    shortened_by = _text(
        _("Court decision shortening probation"),
        required=False,
        max_length=200,
        help_text=_("Only if probation ends before the date set; number and date."),
    )


class TransferForm(CaseForm):
    to_province = forms.ModelChoiceField(
        label=_("Province of the new residence"),
        queryset=AdminUnit.objects.current().filter(level=UnitLevel.PROVINCE),
        empty_label=None,
    )
    to_commune = forms.ModelChoiceField(
        label=_("Commune, ward or special zone of the new residence"),
        queryset=AdminUnit.objects.none(),
        help_text=_("Changed the province? Press “Show its communes” first."),
    )
    to_address = _text(_("New address"), max_length=250)
    reason = _text(_("Reason for the move"))
    requested_on = DateField(label=_("Requested on"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        province_id = (
            self.data.get("to_province")
            or self.initial.get("to_province")
            or self.case.person.province_id
        )
        try:
            province_id = int(province_id)
        except (TypeError, ValueError):
            province_id = self.case.person.province_id
        self.fields["to_province"].initial = province_id
        self.fields["to_commune"].queryset = communes_of_province(province_id).exclude(
            pk=self.case.person.commune_id
        )


class CancelTransferForm(CaseForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.transfer = self.case.transfers.filter(status=TransferStatus.PENDING).first()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.transfer is None:
            raise ValidationError(_("There is no transfer waiting for an answer."))
        cleaned["transfer"] = self.transfer
        return cleaned


class ReoffenceForm(CaseForm):
    occurred_on = DateField(label=_("Date of the offence"))
    offence = _text(_("Offence"), help_text=_("As in the police record, e.g. Trộm cắp tài sản."))
    articles = forms.CharField(
        label=_("Criminal Code articles"),
        required=False,
        help_text=_("Article numbers separated by commas, e.g. 173."),
    )
    held = forms.BooleanField(
        label=_("The person is held in custody (class D)"), required=False, initial=True
    )
    held_on = DateField(label=_("Held since"), required=False)
    note = _area(_("Note"))

    def clean_articles(self) -> list[int]:
        return parse_articles(self.cleaned_data.get("articles", ""))


class EndHoldForm(CaseForm):
    released_on = DateField(label=_("Released on"))
    note = _text(_("Why the person was released"), help_text=_("e.g. the investigation ended."))


class ExpungementReviewForm(CaseForm):
    reviewed_on = DateField(label=_("Reviewed on"))
    finding = _text(_("Why the person is not yet eligible"))


class CloseForm(CaseForm):
    ground = forms.ChoiceField(label=_("Ground"), widget=forms.RadioSelect)
    closed_on = DateField(label=_("Closed on"))
    reference = _text(
        _("Document"),
        required=False,
        max_length=100,
        help_text=_(
            "For expungement: the judicial-record certificate or the court decision, with its "
            "number and date. For a revocation or a new sentence: the court's decision."
        ),
    )
    note = _area(_("Note"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [
            (ground.value, ground.label)
            for ground in ClosureGround
            if self.case.status in CLOSURE_FROM[ground]
        ]


class OfficerForm(CaseForm):
    officer = forms.ModelChoiceField(
        label=_("Officer in charge"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.case.person
        officers = User.objects.filter(
            is_active=True, role=Role.COMMUNE_POLICE, agency__unit_id=person.commune_id
        ) | User.objects.filter(
            is_active=True, role=Role.PROVINCE_POLICE, agency__unit_id=person.province_id
        )
        self.fields["officer"].queryset = officers.order_by("full_name")
        self.initial.setdefault("officer", self.case.officer_id)


class HelperForm(CaseForm):
    kind = forms.ChoiceField(
        label=_("Kind of helper"), choices=HelperKind.choices, widget=forms.RadioSelect
    )
    name = _text(pgettext_lazy("person", "Name"), max_length=150)
    organisation = _text(
        _("Organisation or position"),
        required=False,
        max_length=200,
        help_text=_("e.g. the Women's Union of the hamlet; the officer's position."),
    )
    relationship = _text(
        _("Relationship to the person"),
        required=False,
        max_length=100,
        help_text=_("For a family member."),
    )
    phone = _text(_("Phone"), required=False, max_length=20)
    assigned_on = DateField(label=_("Assigned on"))

    def clean_phone(self) -> str:
        from taihoanhap.core.validators import validate_phone

        phone = self.cleaned_data.get("phone", "").strip()
        validate_phone(phone)
        return phone


class EndHelperForm(CaseForm):
    helper = forms.ModelChoiceField(label=_("Helper"), queryset=None, empty_label=None)
    ended_on = DateField(label=_("Assignment ended on"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["helper"].queryset = self.case.helpers.filter(ended_on=None)


class ReleaseForm(CaseForm):
    """Correcting the release: the completion or amnesty certificate, the facility, the date."""

    facility_name = _text(
        _("Facility name"),
        required=False,
        max_length=200,
        help_text=_("When the facility is not in the list."),
    )
    release_date = DateField(label=_("Release date"), future=True)
    certificate_number = _text(_("Certificate number"), required=False, max_length=50)
    certificate_date = DateField(label=_("Certificate date"), required=False)
    release_version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        release = self.case.release
        for name in ("facility_name", "release_date", "certificate_number", "certificate_date"):
            self.initial.setdefault(name, getattr(release, name))
        self.initial.setdefault("release_version", release.version)

    def clean_release_date(self) -> Any:
        day = self.cleaned_data["release_date"]
        if self.case.received_on and day > self.case.received_on:
            raise ValidationError(_("The release cannot be after the reception."))
        return day


class NotesForm(CaseForm):
    notes = forms.CharField(
        label=_("Case notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Seen only by the police, the detention facility and inspectors."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("notes", self.case.notes)


class TransferDecisionForm(forms.Form):
    """The receiving commune's answer to an incoming transfer."""

    accept = forms.TypedChoiceField(
        label=_("Answer"),
        choices=[("1", _("Accept: the person now lives here")), ("0", _("Refuse"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    decided_on = DateField(label=_("Answered on"))
    note = _text(_("Note"), required=False, help_text=_("Required when refusing: say why."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = today()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("accept") is False and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the transfer is refused."))
        return cleaned
