"""Forms of the registry's records: persons, sentences, the pre-release notice, list filters.

Everything typed is validated here with a message the officer can act on; the rules that
involve other records (duplicates, transitions) are checked again in the services.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency
from taihoanhap.accounts.roles import AgencyKind
from taihoanhap.accounts.scope import scope_for
from taihoanhap.core.citizen_id import FEMALE, MALE, clean_citizen_id, parse_citizen_id
from taihoanhap.core.dates import DateField as SharedDateField
from taihoanhap.core.dates import parse_birth
from taihoanhap.core.editing import VersionField
from taihoanhap.core.forms import ValidatingModelForm
from taihoanhap.core.text import normalize_text, search_key, title_name
from taihoanhap.core.validators import validate_person_name, validate_phone
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.registry.models import (
    CaseClass,
    CaseStatus,
    Person,
    ReleaseType,
    Sentence,
    Sex,
)
from taihoanhap.registry.places import CODE_OF_PLACE, place_choices
from taihoanhap.registry.services import PERSON_FIELDS, SENTENCE_FIELDS, citizen_id_taken
from taihoanhap.registry.widgets import (
    FastHiddenInput,
    FastInputMixin,
    FastNumberInput,
    FastSelect,
    FastTextInput,
    UnitChoiceField,
)


def today() -> date:
    return timezone.localdate()


class DateInput(FastInputMixin, forms.DateInput):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"}, **kwargs)


class DateField(SharedDateField):
    widget = DateInput


def communes_in_scope(user: Any) -> Any:
    """The current communes a user may register people in: theirs, or their province's."""
    scope = scope_for(user)
    communes = AdminUnit.objects.current().filter(level=UnitLevel.COMMUNE)
    if scope.everything:
        return communes
    return communes.filter(scope.q(province="parent", commune="pk")).order_by("name_key")


def province_of(user: Any) -> int | None:
    """The province of the user's agency (the agency's unit, or its parent for a commune)."""
    agency = getattr(user, "agency", None)
    if agency is None:
        return None
    unit = agency.unit
    return unit.parent_id or unit.pk


def communes_of_province(province_id: int | None) -> Any:
    return (
        AdminUnit.objects.current()
        .filter(level=UnitLevel.COMMUNE, parent_id=province_id)
        .order_by("name_key")
    )


# --- Persons -----------------------------------------------------------------------------------


class PersonForm(ValidatingModelForm):
    """Registering or correcting a person. `user` limits the communes to the user's scope."""

    birth = forms.CharField(
        label=_("Date of birth"),
        max_length=10,
        help_text=_("dd/mm/yyyy, or only the year (e.g. 1985) when the day is not known."),
    )
    citizen_id = forms.CharField(
        label=_("Personal identification number"),
        max_length=20,
        required=False,
        help_text=_("12 digits (or 9 for an old identity card). Leave empty if unknown."),
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("I have checked: this is a different person. Register anyway."), required=False
    )
    version = VersionField(required=False)

    class Meta:
        model = Person
        fields = [
            "full_name",
            "other_names",
            "sex",
            "ethnicity",
            "citizen_id",
            "birth_registration_place",
            "commune",
            "current_address",
            "permanent_commune",
            "permanent_address",
            "phone",
            "family_contact",
            "photo",
        ]
        labels = {
            "full_name": _("Full name"),
            "commune": _("Current residence: commune, ward or special zone"),
            "permanent_commune": _("Permanent residence: commune, ward or special zone"),
        }
        help_texts = {
            "other_names": _("Other names or aliases, if any."),
            "current_address": _("House number, street, hamlet or residential group."),
            "permanent_address": _("House number, street, hamlet; or the full address elsewhere."),
            "family_contact": _("Name, relationship and phone of a family member."),
        }
        widgets = {"sex": forms.RadioSelect}

    field_order = ["full_name", "other_names", "birth", "sex"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.possible_duplicates: list[Person] = []
        self.existing_person: Person | None = None
        self.editing = editing = not self.instance._state.adding
        if editing:
            del self.fields["commune"]
            del self.fields["confirm_not_duplicate"]
            self.fields["version"].required = True
            self.initial.setdefault("version", self.instance.version)
            self.initial.setdefault("birth", self.instance.birth_label)
        else:
            del self.fields["photo"]
            del self.fields["version"]
            communes = communes_in_scope(user)
            self.fields["commune"].queryset = communes
            if communes.count() == 1:
                self.fields["commune"].initial = communes.first()
                self.fields["commune"].empty_label = None
        permanent = communes_of_province(province_of(user))
        if editing and self.instance.permanent_commune_id:
            permanent = permanent | AdminUnit.objects.filter(pk=self.instance.permanent_commune_id)
        self.fields["permanent_commune"].queryset = permanent
        self.fields["permanent_commune"].help_text = _(
            "Communes of your province; for another province leave this empty and write the "
            "full address below."
        )
        self.fields["sex"].choices = Sex.choices
        places = place_choices()
        current_place = self.instance.birth_registration_place if editing else ""
        if current_place and current_place not in CODE_OF_PLACE:
            places.append((current_place, current_place))
        self.fields["birth_registration_place"] = forms.ChoiceField(
            label=_("Place of birth registration"),
            choices=[("", _("— Not known or abroad —")), *places],
            required=False,
            help_text=_("The province where the birth was registered (code in the ID number)."),
        )
        self.fields["ethnicity"].initial = "Kinh"

    def clean_full_name(self) -> str:
        name = normalize_text(self.cleaned_data["full_name"])
        validate_person_name(name)
        if any(char.isdigit() for char in name):
            raise ValidationError(_("A name has no digits."), code="digits")
        if len(name.split()) < 2:
            raise ValidationError(_("Enter the full name: family name and given name."))
        return title_name(name)

    def clean_birth(self) -> tuple[date | None, int]:
        return parse_birth(self.cleaned_data["birth"])

    def clean_citizen_id(self) -> str | None:
        number = clean_citizen_id(self.cleaned_data.get("citizen_id") or "")
        return number or None

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        validate_phone(phone)
        return phone

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        birth = cleaned.get("birth")
        sex = cleaned.get("sex")
        number = cleaned.get("citizen_id")
        if number and birth:
            try:
                parse_citizen_id(
                    number,
                    birth_year=birth[1],
                    sex={Sex.MALE: MALE, Sex.FEMALE: FEMALE}.get(sex),
                )
            except ValidationError as error:
                self.add_error("citizen_id", error)
            else:
                place = cleaned.get("birth_registration_place")
                code = CODE_OF_PLACE.get(place or "")
                if len(number) == 12 and code and number[:3] != code:
                    self.add_error(
                        "citizen_id",
                        ValidationError(
                            _(
                                "The first three digits should be %(code)s, the code of "
                                "%(place)s where the birth was registered."
                            ),
                            code="place",
                            params={"code": code, "place": place},
                        ),
                    )
        exclude = self.instance.pk if self.editing else None
        if number and citizen_id_taken(number, exclude_pk=exclude):
            self.existing_person = (
                Person.objects.visible_to(self.user).filter(citizen_id=number).first()
            )
            self.add_error(
                "citizen_id",
                ValidationError(
                    _("A person with this personal identification number is already registered."),
                    code="duplicate",
                ),
            )
        if not self.editing and birth and cleaned.get("full_name") and not self.errors:
            self._check_possible_duplicates(cleaned, birth)
        return cleaned

    def _check_possible_duplicates(self, cleaned: dict[str, Any], birth: tuple) -> None:
        """Same name (without diacritics) and birth date, in the user's scope: ask first."""
        day, year = birth
        similar = Person.objects.visible_to(self.user).filter(
            name_key=search_key(cleaned["full_name"]), birth_year=year
        )
        if day:
            similar = similar.filter(Q(birth_date=day) | Q(birth_date=None))
        self.possible_duplicates = list(similar.select_related("commune")[:5])
        if self.possible_duplicates and not cleaned.get("confirm_not_duplicate"):
            raise ValidationError(
                _(
                    "A person with a similar name and the same date of birth is already "
                    "registered. Check the list below; if this is someone else, tick the box "
                    "and save again."
                ),
                code="possible_duplicate",
            )

    def person_data(self) -> dict[str, Any]:
        """The cleaned values as keyword arguments of the person services."""
        data = {
            name: self.cleaned_data[name] for name in PERSON_FIELDS if name in self.cleaned_data
        }
        data["birth_date"], data["birth_year"] = self.cleaned_data["birth"]
        return data


# --- Sentences ---------------------------------------------------------------------------------


def parse_articles(raw: str) -> list[int]:
    """ "173, 249" -> [173, 249]: articles of the 2015 Criminal Code."""
    articles = []
    for part in re.split(r"[,;\s]+", raw or ""):
        if not part:
            continue
        digits = part.removeprefix("Điều").removeprefix("điều")
        if not digits.isdigit() or not 1 <= int(digits) <= 426:
            raise ValidationError(
                _("List article numbers of the Criminal Code (1 to 426), e.g. 173, 249."),
                code="articles",
            )
        articles.append(int(digits))
    return articles


class SentenceForm(ValidatingModelForm):
    articles = forms.CharField(
        label=_("Criminal Code articles"),
        required=False,
        help_text=_("Article numbers separated by commas, e.g. 173, 249."),
    )
    judgment_date = DateField(label=_("Judgment date"))
    start_date = DateField(label=_("Start of the term"), required=False)
    end_date = DateField(label=_("End of the term"), required=False, future=True)
    additional_penalties_end = DateField(
        label=_("Additional penalties end"), required=False, future=True
    )
    version = VersionField(required=False)

    class Meta:
        model = Sentence
        fields = [
            "judgment_number",
            "judgment_date",
            "court",
            "offences",
            "articles",
            "term_years",
            "term_months",
            "is_life",
            "start_date",
            "end_date",
            "additional_penalties",
            "additional_penalties_end",
            "civil_obligations",
            "civil_obligations_settled",
        ]
        help_texts = {
            "judgment_number": _("e.g. 12/2022/HS-ST"),
            "offences": _("As written in the judgment, e.g. Trộm cắp tài sản."),
            "term_months": _("Months beyond the whole years (0 to 11)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.fields["version"].required = True
            self.initial.setdefault("version", self.instance.version)
            self.initial.setdefault(
                "articles", ", ".join(str(a) for a in self.instance.penal_code_articles or [])
            )
        else:
            del self.fields["version"]
        self.fields["term_months"].max_value = 11
        self.fields["term_months"].widget.attrs["max"] = 11

    def clean_articles(self) -> list[int]:
        return parse_articles(self.cleaned_data.get("articles", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not be before the start."))
        if cleaned.get("is_life") and (cleaned.get("term_years") or cleaned.get("term_months")):
            self.add_error("is_life", _("A life sentence has no term in years and months."))
        months = cleaned.get("term_months")
        if months is not None and months > 11:
            self.add_error("term_months", _("Write 12 months or more as years."))
        return cleaned

    def sentence_data(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data[name] for name in SENTENCE_FIELDS if name in self.cleaned_data
        }
        data["penal_code_articles"] = self.cleaned_data["articles"]
        return data


# --- The pre-release notice (opening a case) ---------------------------------------------------


class OpenCaseForm(forms.Form):
    sentence = forms.ModelChoiceField(
        label=_("Sentence being served"), queryset=Sentence.objects.none(), empty_label=None
    )
    release_type = forms.ChoiceField(
        label=_("Release type"), choices=ReleaseType.choices, widget=forms.RadioSelect
    )
    release_date = DateField(
        label=_("Release date"), future=True, help_text=_("Expected or actual; dd/mm/yyyy.")
    )
    probation_end = DateField(
        label=_("End of probation"),
        required=False,
        future=True,
        help_text=_("For a conditional early release: the end of the remaining term."),
    )
    facility = forms.ModelChoiceField(
        label=_("Detention facility"),
        queryset=Agency.objects.filter(kind=AgencyKind.DETENTION_FACILITY),
        required=False,
        empty_label=_("— Not in the list —"),
    )
    facility_name = forms.CharField(
        label=_("Facility name"),
        max_length=200,
        required=False,
        help_text=_("When the facility is not in the list."),
    )
    notice_received_on = DateField(
        label=_("Notice received on"),
        required=False,
        help_text=_("Leave empty if the person arrived without a notice."),
    )
    notice_sender = forms.CharField(label=_("Notice sent by"), max_length=200, required=False)
    notice_reference = forms.CharField(label=_("Notice number"), max_length=50, required=False)

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sentence"].queryset = person.sentences.all()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("release_type") == ReleaseType.PAROLE and not cleaned.get("probation_end"):
            self.add_error(
                "probation_end", _("Give the end of probation for a conditional early release.")
            )
        if not cleaned.get("facility") and not cleaned.get("facility_name", "").strip():
            self.add_error("facility_name", _("Choose the facility or write its name."))
        notice = cleaned.get("notice_received_on")
        if notice and not cleaned.get("notice_sender", "").strip():
            facility = cleaned.get("facility")
            cleaned["notice_sender"] = str(facility) if facility else cleaned.get("facility_name")
        return cleaned


# --- Search and filters ------------------------------------------------------------------------


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, ID number or date of birth"),
        max_length=100,
        required=False,
        widget=FastTextInput,
        help_text=_("Diacritics are optional: “nguyen van an” finds “Nguyễn Văn An”."),
    )


SORTS = {
    "name": ("name_key", "id"),
    "-name": ("-name_key", "-id"),
    "birth": ("birth_year", "name_key", "id"),
    "-birth": ("-birth_year", "name_key", "id"),
    "release": ("release_date", "name_key", "id"),
    "-release": ("-release_date", "name_key", "id"),
}


class PersonFilterForm(forms.Form):
    """Filters that are not personal data, kept in the URL."""

    commune = UnitChoiceField(
        label=_("Commune, ward or special zone"),
        queryset=AdminUnit.objects.none(),
        required=False,
        empty_label=_("All communes"),
        widget=FastSelect,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *CaseStatus.choices],
        required=False,
        widget=FastSelect,
    )
    klass = forms.ChoiceField(
        label=_("Classification"),
        choices=[("", _("All classes")), *[(c.value, c.value) for c in CaseClass]],
        required=False,
        widget=FastSelect,
    )
    released_from = DateField(label=_("Released from"), required=False, help_text="")
    released_to = DateField(label=_("Released until"), required=False, future=True, help_text="")
    born_from = forms.IntegerField(
        label=_("Born from (year)"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=FastNumberInput,
    )
    born_to = forms.IntegerField(
        label=_("Born until (year)"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=FastNumberInput,
    )
    sort = forms.ChoiceField(
        choices=[(key, key) for key in SORTS], required=False, widget=FastHiddenInput
    )

    def __init__(self, *args: Any, user: Any, offence_fields: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_in_scope(user)
        if not offence_fields:
            del self.fields["status"]
            del self.fields["klass"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("released_from"), cleaned.get("released_to")
        if start and end and end < start:
            self.add_error("released_to", _("The end must not be before the start."))
        low, high = cleaned.get("born_from"), cleaned.get("born_to")
        if low and high and high < low:
            self.add_error("born_to", _("The end must not be before the start."))
        return cleaned
