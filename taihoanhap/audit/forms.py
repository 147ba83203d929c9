from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.core.dates import DateField


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("User"), queryset=User.objects.none(), required=False, empty_label=_("Everyone")
    )
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("All actions")), *Action.choices], required=False
    )
    object_id = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=64,
        help_text=_("The record's identifier, as shown in its address."),
    )
    date_from = DateField(label=_("From"), required=False, future=True, help_text="")
    date_to = DateField(label=_("To"), required=False, future=True, help_text="")

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        if users is not None:
            self.fields["user"].queryset = users

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned
