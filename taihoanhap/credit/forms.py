from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.citizen_id import clean_citizen_id, parse_citizen_id
from taihoanhap.core.dates import DateField
from taihoanhap.core.editing import VersionForm
from taihoanhap.core.money import MoneyField
from taihoanhap.core.validators import validate_person_name
from taihoanhap.credit.models import (
    LoanKind,
    LoanPurpose,
    LoanStatus,
    ParameterKey,
    Relationship,
)
from taihoanhap.credit.services import ApplicationData


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        born = obj.birth_date.strftime("%d/%m/%Y") if obj.birth_date else str(obj.birth_year)
        return f"{obj.full_name} ({born})"


class ApplicationForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=LoanPurpose.choices)
    amount_requested = MoneyField(
        label=_("Amount to borrow (VND)"), help_text=_("For example 30.000.000.")
    )
    training_months = forms.IntegerField(
        label=_("Length of the training (months)"),
        required=False,
        min_value=1,
        max_value=60,
        help_text=_("Vocational training loans only."),
    )
    term_months = forms.IntegerField(
        label=_("Loan term (months)"), required=False, min_value=1, max_value=240
    )
    plan = forms.CharField(
        label=_("Use of the loan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The course, or what the money will buy and the work it creates."),
    )
    collateral = forms.CharField(
        label=_("Collateral"),
        required=False,
        max_length=300,
        help_text=_("Needed only for loans above 100 million VND."),
    )

    def application_data(self) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(
            purpose=data["purpose"],
            amount_requested=data["amount_requested"],
            training_months=data.get("training_months"),
            term_months=data.get("term_months"),
            plan=data.get("plan", ""),
            collateral=data.get("collateral", ""),
            representative_name=data.get("representative_name", ""),
            representative_relationship=data.get("representative_relationship", ""),
            representative_citizen_id=data.get("representative_citizen_id", ""),
            household_size=data.get("household_size"),
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("purpose") == LoanPurpose.TRAINING and not cleaned.get("training_months"):
            self.add_error(
                "training_months", _("A vocational training loan needs the course length.")
            )
        return cleaned


class IndividualFieldsMixin(forms.Form):
    representative_name = forms.CharField(
        label=_("Household representative (full name)"),
        validators=[validate_person_name],
        max_length=150,
        help_text=_(
            "The household borrows through its representative; the returnee signs only when "
            "there is no other capable adult."
        ),
    )
    representative_relationship = forms.ChoiceField(
        label=_("Relationship to the returnee"),
        choices=[("", "—"), *Relationship.choices],
    )
    representative_citizen_id = forms.CharField(
        label=_("Representative's personal identification number"),
        required=False,
        max_length=20,
    )
    household_size = forms.IntegerField(
        label=_("Household members"), required=False, min_value=1, max_value=50
    )

    def clean_representative_citizen_id(self) -> str:
        raw = self.cleaned_data.get("representative_citizen_id", "")
        if not raw:
            return ""
        parse_citizen_id(raw)
        return clean_citizen_id(raw)


class IndividualApplicationForm(ApplicationForm, IndividualFieldsMixin):
    field_order = [
        "person",
        "representative_name",
        "representative_relationship",
        "representative_citizen_id",
        "household_size",
        "purpose",
        "amount_requested",
        "training_months",
        "term_months",
        "plan",
        "collateral",
    ]

    person = PersonChoiceField(
        label=_("Returnee"), queryset=None, empty_label="—", help_text=_("Persons in your area.")
    )

    def __init__(self, *args: Any, persons: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons


class BusinessApplicationForm(ApplicationForm):
    field_order = ["employer", "purpose", "amount_requested", "term_months", "plan", "collateral"]

    employer = forms.ModelChoiceField(label=_("Employer"), queryset=None, empty_label="—")

    def __init__(self, *args: Any, employers: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers
        self.fields["purpose"].initial = LoanPurpose.PRODUCTION


class EditIndividualForm(ApplicationForm, IndividualFieldsMixin, VersionForm):
    field_order = IndividualApplicationForm.field_order[1:]


class EditBusinessForm(ApplicationForm, VersionForm):
    pass


class ApplicationFilterForm(forms.Form):
    SORTS = {
        "date": "-status_changed_on",
        "-date": "status_changed_on",
        "amount": "-amount_requested",
        "-amount": "amount_requested",
        "status": "status",
        "-status": "-status",
    }
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *LoanStatus.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Both kinds")), *LoanKind.choices]
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"), required=False, choices=[("", _("All purposes")), *LoanPurpose.choices]
    )
    commune = forms.ModelChoiceField(
        label=_("Commune"), required=False, queryset=None, empty_label=_("All communes")
    )
    sort = forms.ChoiceField(
        required=False, choices=[(key, key) for key in SORTS], widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, communes: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes


# --- Confirmation steps ---------------------------------------------------------------------


class ConfirmForm(VersionForm):
    pass


class DatedConfirmForm(VersionForm):
    on = DateField(label=_("Date"), help_text=_("dd/mm/yyyy"), future=True)

    def __init__(self, *args: Any, today: date, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = today
        if label:
            self.fields["on"].label = label
        self.today = today

    def clean_on(self) -> date:
        day = self.cleaned_data["on"]
        if day > self.today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class ApproveForm(DatedConfirmForm):
    amount = MoneyField(label=_("Approved amount (VND)"))
    no_other_debt = forms.BooleanField(
        label=_(
            "I checked the bank's records: the borrower owes no other Social Policy Bank "
            "debt for this purpose"
        ),
        required=False,
    )


class RejectForm(DatedConfirmForm):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisburseForm(DatedConfirmForm):
    amount = MoneyField(label=_("Amount paid out (VND)"))
    contract_number = forms.CharField(label=_("Loan contract number"), max_length=50)


class RepayForm(DatedConfirmForm):
    amount = MoneyField(label=_("Amount paid (VND)"))
    arrears_cleared = forms.BooleanField(
        label=_("This payment clears the overdue arrears"), required=False
    )


class ReturnListForm(VersionForm):
    reason = forms.CharField(
        label=_("What must be corrected"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


# --- Form 01 ------------------------------------------------------------------------------------


class ListCreateForm(forms.Form):
    number = forms.CharField(
        label=_("Number"), required=False, max_length=50, help_text=_("For example 01/2026/DS.")
    )
    drawn_up_on = DateField(label=_("Drawn up on"), help_text=_("dd/mm/yyyy"), future=True)


class EntryForm(forms.Form):
    person = PersonChoiceField(label=_("Returnee"), queryset=None, empty_label="—")
    purpose = forms.ChoiceField(
        label=_("Loan need"), required=False, choices=[("", "—"), *LoanPurpose.choices]
    )
    needed_amount = MoneyField(label=_("Amount needed (VND)"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=250)

    def __init__(self, *args: Any, persons: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons


class ListFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))],
    )
    commune = forms.ModelChoiceField(
        label=_("Commune"), required=False, queryset=None, empty_label=_("All communes")
    )

    def __init__(self, *args: Any, communes: QuerySet, statuses: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes
        self.fields["status"].choices = [("", _("All statuses")), *statuses]


# --- Parameters -------------------------------------------------------------------------------


class VietnameseDecimalField(forms.DecimalField):
    """A number as typed in Vietnam: "6,6" (decimal comma), "4.000.000" (thousands dots);
    "6.6" is read as a decimal point, since thousands come in groups of three."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip().replace(" ", "").replace("đ", "")
            if not text.isascii():
                # Decimal() reads other scripts' digits ("٦٫٦"): only the keyboard's are numbers.
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            elif text.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", text):
                text = text.replace(".", "")
            value = text
        return super().to_python(value)


class ParameterForm(forms.Form):
    key = forms.ChoiceField(label=_("Parameter"), choices=ParameterKey.choices)
    value = VietnameseDecimalField(
        label=_("Value"),
        max_digits=18,
        decimal_places=4,
        help_text=_("VND as digits; a rate in % per year, e.g. 6,6."),
    )
    effective_from = DateField(label=_("In force from"), help_text=_("dd/mm/yyyy"), future=True)
    source = forms.CharField(
        label=_("Legal source"),
        max_length=250,
        help_text=_("The decision, article or notice that sets this value."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=250)
