"""The registry's choices shared by several models and services: sex, case status and class,
closure grounds, release type, who may see a timeline entry.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class CaseStatus(models.TextChoices):
    EXPECTED = "expected", _("Expected to return")
    ADDRESS_VERIFIED = "address_verified", _("Address verified")
    ADDRESS_MISMATCH = "address_mismatch", _("Address mismatch answered (HCD-03)")
    UNDER_MANAGEMENT = "under_management", _("Under management")
    ON_PROBATION = "on_probation", _("On probation (conditional early release)")
    HELD = "held", _("Held again (re-offence)")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset(set(CaseStatus) - {CaseStatus.CLOSED})


class CaseClass(models.TextChoices):
    """Circular 10/2024/TT-BCA classification of managed persons."""

    A = "A", _("A: law-abiding, stable job and life")
    B = "B", _("B: law-abiding but struggling")
    C = "C", _("C: not law-abiding or not cooperating")
    D = "D", _("D: held in custody or an institution")


class ClosureGround(models.TextChoices):
    """Why management ends (Circular 10/2024/TT-BCA Art. 13 and Art. 14(1))."""

    EXPUNGED = "expunged", _("Conviction expunged automatically (Criminal Code Art. 70)")
    EXPUNGED_BY_COURT = (
        "expunged_by_court",
        _("Conviction expunged by court decision (Criminal Code Art. 71, 72)"),
    )
    DIED = "died", _("Died")
    NOT_RESIDING = "not_residing", _("Does not live in the commune (reply HCD-03 sent)")
    PAROLE_REVOKED = "parole_revoked", _("Conditional early release revoked by the court")
    NEW_SENTENCE = "new_sentence", _("Sentenced again: managed under the new sentence")
    OTHER = "other", _("Other ground (explained in the note)")


class ReleaseType(models.TextChoices):
    FULL_TERM = "full_term", _("Served the full term")
    AMNESTY = "amnesty", _("Amnesty")
    PAROLE = "parole", _("Conditional early release")


class Visibility(models.TextChoices):
    """Who may read a timeline entry, beyond the scope rule."""

    ALL = "all", _("Everyone with access to the person")
    POLICE = "police", _("Police, facility and inspectors only (offence, case notes)")
