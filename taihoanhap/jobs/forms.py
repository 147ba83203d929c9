"""Forms of the jobs app; they validate input, the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.accounts.models import Agency
from taihoanhap.core.editing import VersionField, VersionForm
from taihoanhap.core.forms import ValidatingModelForm
from taihoanhap.core.money import MoneyField
from taihoanhap.employers.models import Employer
from taihoanhap.jobs.access import ORGANISER_KINDS
from taihoanhap.jobs.models import ContactStage, EmploymentStatus, FairEmployer, JobFair, Vacancy
from taihoanhap.jobs.services import EMPLOYER_FIELDS, VACANCY_FIELDS
from taihoanhap.registry.models import Sex
from taihoanhap.support.access import catalogue_q
from taihoanhap.support.forms import (
    DateInput,
    communes_for,
    date_field,
    today,
)
from taihoanhap.support.models import TrainingLevel


class EmployerForm(ValidatingModelForm):
    version = VersionField(required=False)

    class Meta:
        model = Employer
        fields = EMPLOYER_FIELDS
        help_texts = {"tax_code": _("10 digits, or 10 digits-3 digits for a branch.")}
        labels = {
            "name": pgettext_lazy("organisation", "name"),
            "address": pgettext_lazy("postal", "address"),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class VacancyForm(ValidatingModelForm):
    version = VersionField(required=False)
    wage_min_vnd = MoneyField(label=_("Wage from (VND a month)"), required=False)
    wage_max_vnd = MoneyField(label=_("Wage up to (VND a month)"), required=False)
    sex = forms.ChoiceField(
        label=_("Sex"), required=False, choices=[("", _("Men and women")), *Sex.choices]
    )
    min_level = forms.ChoiceField(
        label=_("Minimum vocational level"),
        required=False,
        choices=[("", _("No requirement")), *TrainingLevel.choices],
    )

    class Meta:
        model = Vacancy
        fields = VACANCY_FIELDS
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class CloseVacancyForm(VersionForm):
    closed_on = date_field(_("Closed on"), initial=today)


class EmploymentForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Employment status"), choices=EmploymentStatus.choices, widget=forms.RadioSelect
    )
    started_on = date_field(_("Since"), initial=today, future=False)
    employer = forms.ModelChoiceField(
        label=_("Employer"),
        queryset=Employer.objects.none(),
        required=False,
        empty_label=_("Not in the list"),
        help_text=_("For “Employed” only."),
    )
    workplace = forms.CharField(
        label=_("Workplace, if the employer is not in the list"), required=False, max_length=200
    )
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=200)
    monthly_wage_vnd = MoneyField(label=_("Monthly income (VND)"), required=False)
    labour_contract = forms.BooleanField(label=_("On a labour contract"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Employer.objects.filter(catalogue_q(user)).order_by(
            "name"
        )


class ConsentForm(forms.Form):
    agreed = forms.BooleanField(
        label=_("The person applied for job matching and agrees to it"),
        error_messages={"required": _("Tick this only when the person has said yes.")},
    )
    given_on = date_field(_("Date"), initial=today, future=False)
    desired_trade = forms.CharField(
        label=_("Trade wanted"),
        required=False,
        max_length=100,
        help_text=_("E.g. welding, driving. Used to suggest vacancies."),
    )
    note = forms.CharField(
        label=_("How it was given"),
        required=False,
        max_length=300,
        help_text=_("E.g. signed application form kept in the file."),
    )


class WithdrawConsentForm(forms.Form):
    withdrawn_on = date_field(_("Withdrawn on"), initial=today, future=False)


class FairForm(ValidatingModelForm):
    version = VersionField(required=False)
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one organiser.")},
    )

    class Meta:
        model = JobFair
        fields = ["title", "held_on", "commune", "venue", "organisers", "note"]
        widgets = {"held_on": DateInput()}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        self.fields["organisers"].queryset = (
            Agency.objects.visible_to(user)
            .filter(kind__in=ORGANISER_KINDS, is_active=True)
            .order_by("kind", "name")
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        elif getattr(user, "agency_id", None) and not self.is_bound:
            self.initial.setdefault("organisers", [user.agency_id])


class CancelFairForm(VersionForm):
    cancelled_on = date_field(_("Cancelled on"), initial=today)


class FairEmployerForm(forms.Form):
    employer = forms.ModelChoiceField(
        label=_("Employer"), queryset=Employer.objects.none(), empty_label=_("Choose an employer")
    )
    vacancies = forms.ModelMultipleChoiceField(
        label=_("Vacancies offered at the fair"),
        queryset=Vacancy.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only the chosen employer's vacancies are kept."),
    )

    def __init__(self, *args: Any, fair: JobFair, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = Employer.objects.visible_to(user).order_by("name")
        self.fields["vacancies"].queryset = (
            Vacancy.objects.visible_to(user)
            .filter(closes_on__gte=fair.held_on, closed_early_on__isnull=True)
            .select_related("employer")
            .order_by("employer__name", "title")
        )
        self.fields["vacancies"].label_from_instance = lambda v: f"{v.employer} · {v.title}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        employer = cleaned.get("employer")
        if employer is not None:
            cleaned["vacancies"] = [
                v for v in cleaned.get("vacancies") or [] if v.employer_id == employer.pk
            ]
        return cleaned


class FairRegisterForm(forms.Form):
    person = forms.UUIDField(
        label=_("Person"), error_messages={"required": _("Choose a person from the results.")}
    )
    registered_on = date_field(_("Registration date"), initial=today)
    consent_now = forms.BooleanField(
        label=_("The person applies for job matching and agrees (needed if not already recorded)"),
        required=False,
    )


class AttendanceForm(VersionForm):
    attended = forms.TypedChoiceField(
        label=_("Did the person come to the fair?"),
        choices=[("1", _("Yes, attended")), ("0", _("No, did not come"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class ContactForm(forms.Form):
    participant = forms.ModelChoiceField(
        label=_("Employer"), queryset=FairEmployer.objects.none(), empty_label=None
    )
    stage = forms.ChoiceField(
        label=_("Outcome"), choices=ContactStage.choices, widget=forms.RadioSelect
    )
    on = date_field(_("Date"), initial=today)
    vacancy = forms.ModelChoiceField(
        label=_("Vacancy"),
        queryset=Vacancy.objects.none(),
        required=False,
        empty_label=_("Not a listed vacancy"),
    )
    starts_on = date_field(_("Starts work on"), required=False, help_text=_("For a hire."))
    job_title = forms.CharField(label=_("Job title"), required=False, max_length=200)
    monthly_wage_vnd = MoneyField(label=_("Monthly wage (VND)"), required=False)
    labour_contract = forms.BooleanField(label=_("On a labour contract"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, fair: JobFair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = fair.participants.select_related("employer")
        self.fields["participant"].label_from_instance = lambda p: str(p.employer)
        self.fields["vacancy"].queryset = (
            Vacancy.objects.filter(fair_offers__fair=fair)
            .select_related("employer")
            .order_by("employer__name", "title")
        )
        self.fields["vacancy"].label_from_instance = lambda v: f"{v.employer} · {v.title}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("stage") == ContactStage.HIRED and not cleaned.get("starts_on"):
            cleaned["starts_on"] = cleaned.get("on")
        return cleaned
