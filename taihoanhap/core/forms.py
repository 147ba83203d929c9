"""Form bases shared by the apps."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.db import models


class ValidatingModelForm(forms.ModelForm):
    """A ModelForm that validates like any other (model field validators, the model's clean(),
    uniqueness) but on a copy of the instance it is given, never on the instance itself.

    Why: the services write, not the form. A view passes the record it read both to the form
    and to the service; the service takes its before/after snapshot for the audit trail from
    that record, so the form must not have put the new values on it already (a plain ModelForm
    does, while it validates). The copy is what `form.instance` holds; the record as read stays
    with the caller.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        instance: models.Model | None = kwargs.get("instance")
        if instance is not None:
            # Model.__getstate__ copies the instance's state and its cache of related objects
            # too, so the copy shares nothing that validation changes.
            kwargs["instance"] = copy.copy(instance)
        super().__init__(*args, **kwargs)
