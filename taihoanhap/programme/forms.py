from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.dates import DateField
from taihoanhap.core.editing import VersionForm
from taihoanhap.core.money import MoneyField
from taihoanhap.programme.models import (
    BudgetActivity,
    Channel,
    MediaTopic,
    RecognitionCategory,
    RecognitionKind,
    TargetLevel,
)
from taihoanhap.programme.services import MediaData, RecognitionData


def _year_choices() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year + 1, 2019, -1)]


# --- Budget ---------------------------------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_year_choices)


class ComplianceForm(YearForm):
    unmet_only = forms.BooleanField(label=_("Only units not meeting the target"), required=False)


class BudgetFilterForm(YearForm):
    agency = forms.ModelChoiceField(
        label=_("Agency"), required=False, queryset=None, empty_label=_("All agencies")
    )
    activity = forms.ChoiceField(
        label=_("Activity"),
        required=False,
        choices=[("", _("All activities")), *BudgetActivity.choices],
    )

    def __init__(self, *args: Any, agencies: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class LineForm(forms.Form):
    activity = forms.ChoiceField(label=_("Activity"), choices=BudgetActivity.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    estimate = MoneyField(label=_("Estimate for the year (VND)"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class LineCreateForm(LineForm):
    field_order = ["year", "agency", "activity", "title", "estimate", "note"]

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_year_choices)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None, empty_label="—")

    def __init__(self, *args: Any, agencies: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class LineEditForm(LineForm, VersionForm):
    pass


class AllocationForm(forms.Form):
    amount = MoneyField(label=_("Amount allocated (VND)"))
    allocated_on = DateField(help_text=_("dd/mm/yyyy"), label=_("Allocated on"))
    decision_number = forms.CharField(
        label=_("Decision number"), max_length=80, help_text=_("For example 1234/QĐ-UBND.")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class SpendingForm(forms.Form):
    amount = MoneyField(label=_("Amount spent (VND)"))
    spent_on = DateField(help_text=_("dd/mm/yyyy"), label=_("Spent on"))
    document_number = forms.CharField(
        label=_("Document number"),
        max_length=80,
        help_text=_("The voucher, invoice or payment order number."),
    )
    description = forms.CharField(label=_("Description"), max_length=300)
    override = forms.BooleanField(
        label=_("Record it even though it goes beyond the allocation"), required=False
    )
    override_reason = forms.CharField(
        label=_("Reason for going beyond the allocation"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed only with the override; it is kept in the audit trail."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("override") and not (cleaned.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Give the reason for the override."))
        if not cleaned.get("override"):
            cleaned["override_reason"] = ""
        return cleaned


# --- Media --------------------------------------------------------------------------------------


class MediaForm(forms.Form):
    outlet = forms.CharField(
        label=_("Outlet"), max_length=150, help_text=_("The newspaper, station or page.")
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    title = forms.CharField(label=_("Title"), max_length=250)
    published_on = DateField(help_text=_("dd/mm/yyyy"), label=_("Published or broadcast on"))
    topic = forms.ChoiceField(label=_("Topic"), choices=MediaTopic.choices)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        required=False,
        min_value=1,
        max_value=1440,
        help_text=_("Television, radio, loudspeaker, video."),
    )
    word_count = forms.IntegerField(
        label=_("Length (words)"),
        required=False,
        min_value=1,
        max_value=200000,
        help_text=_("Print, online and social media posts."),
    )
    commune = forms.ModelChoiceField(
        label=_("Commune"),
        required=False,
        queryset=None,
        empty_label=_("The whole province"),
    )
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, communes: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes

    def media_data(self) -> MediaData:
        data = self.cleaned_data
        return MediaData(
            outlet=data["outlet"],
            channel=data["channel"],
            title=data["title"],
            published_on=data["published_on"],
            topic=data["topic"],
            commune=data.get("commune"),
            duration_minutes=data.get("duration_minutes"),
            word_count=data.get("word_count"),
            link=data.get("link", ""),
        )


class MediaEditForm(MediaForm, VersionForm):
    pass


class MediaFilterForm(forms.Form):
    SORTS = {
        "date": "-published_on",
        "-date": "published_on",
        "outlet": "outlet",
        "-outlet": "-outlet",
    }
    GROUPS = [
        ("outlet", _("Outlet")),
        ("channel", _("Channel")),
        ("month", _("Month")),
        ("quarter", _("Quarter")),
        ("year", _("Year")),
    ]
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All channels")), *Channel.choices]
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *MediaTopic.choices]
    )
    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=150)
    date_from = DateField(label=_("From"), required=False, future=True, help_text="")
    date_to = DateField(label=_("To"), required=False, future=True, help_text="")
    group = forms.ChoiceField(label=_("Totals by"), required=False, choices=GROUPS)
    sort = forms.ChoiceField(
        required=False, choices=[(key, key) for key in SORTS], widget=forms.HiddenInput
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned


# --- Models and exemplary individuals ---------------------------------------------------------


class RecognitionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, empty_label="—")
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_year_choices)
    category = forms.ChoiceField(label=_("Category"), choices=RecognitionCategory.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("The model's name, or the person's full name."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    recognised_by = forms.CharField(label=_("Recognising body"), max_length=200)
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=80)
    decision_date = DateField(help_text=_("dd/mm/yyyy"), label=_("Decision date"), required=False)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Reports, minutes, photos kept on file: what shows the result."),
    )
    commendations = forms.CharField(
        label=_("Commendations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    employer = forms.ModelChoiceField(
        label=_("Employer"),
        required=False,
        queryset=None,
        empty_label="—",
        help_text=_("For an employer that hires returnees."),
    )

    def __init__(self, *args: Any, units: QuerySet, employers: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["employer"].queryset = employers

    def recognition_data(self) -> RecognitionData:
        data = self.cleaned_data
        return RecognitionData(
            unit=data["unit"],
            year=data["year"],
            category=data["category"],
            name=data["name"],
            description=data["description"],
            recognised_by=data["recognised_by"],
            decision_number=data.get("decision_number", ""),
            decision_date=data.get("decision_date"),
            evidence=data.get("evidence", ""),
            commendations=data.get("commendations", ""),
            employer=data.get("employer"),
        )


class RecognitionEditForm(RecognitionForm, VersionForm):
    pass


class RecognitionFilterForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=lambda: [("", _("All years")), *_year_choices()],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Both kinds")), *RecognitionKind.choices]
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=None, empty_label=_("All units")
    )

    def __init__(self, *args: Any, units: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TargetForm(forms.Form):
    level = forms.ChoiceField(label=pgettext_lazy("target", "Level"), choices=TargetLevel.choices)
    min_collective = forms.IntegerField(
        label=_("Collective models at least"), min_value=0, max_value=50, initial=1
    )
    min_individual = forms.IntegerField(
        label=_("Exemplary individuals at least"), min_value=0, max_value=50, initial=1
    )
    effective_from = DateField(label=_("In force from"), help_text=_("dd/mm/yyyy"), future=True)
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("The plan, decision or letter of the People's Committee that sets it."),
    )
