"""Form bases shared by the apps."""

from __future__ import annotations

import copy
from functools import partial
from typing import Any

from django import forms
from django.db import models

from taihoanhap.core.dates import DateField


def date_aware_formfield(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """A model's date becomes the shared core.dates.DateField, so that a ModelForm's dates say
    what is wrong ("31/02/2025 is not a real date") like every other form's. Future dates
    stay allowed (a vacancy's closing day); a form that forbids them declares its field."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", partial(DateField, future=True))
    return db_field.formfield(**kwargs)


class ValidatingModelForm(forms.ModelForm):
    """A ModelForm that validates like any other (model field validators, the model's clean(),
    uniqueness) but on a copy of the instance it is given, never on the instance itself.

    Why: the services write, not the form. A view passes the record it read both to the form
    and to the service; the service takes its before/after snapshot for the audit trail from
    that record, so the form must not have put the new values on it already (a plain ModelForm
    does, while it validates). The copy is what `form.instance` holds; the record as read stays
    with the caller.

    Its model dates are read by the shared date field (`date_aware_formfield`).
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Django reads `formfield_callback` from the form's own Meta only, and each form
        # declares a Meta of its own: put the callback there (this runs before Django reads
        # the Meta), unless the form chose another.
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(date_aware_formfield)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        instance: models.Model | None = kwargs.get("instance")
        if instance is not None:
            # Model.__getstate__ copies the instance's state and its cache of related objects
            # too, so the copy shares nothing that validation changes.
            kwargs["instance"] = copy.copy(instance)
        super().__init__(*args, **kwargs)
