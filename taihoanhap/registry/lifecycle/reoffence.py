"""A new offence and the custody that may follow it (Criminal Code Art. 70)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import deadlines
from taihoanhap.registry.lifecycle.base import MANAGED, S, _event, _not_before, _save, require
from taihoanhap.registry.models import (
    Case,
    CaseClass,
    Classification,
    DeadlineKind,
    ReleaseType,
    Reoffence,
)
from taihoanhap.registry.services import ensure_in_jurisdiction, stored_text, sync_person

# --- Re-offence and custody --------------------------------------------------------------------


@transaction.atomic
def record_reoffence(
    case: Case,
    *,
    occurred_on: date,
    offence: str,
    acting_user: User,
    penal_code_articles: list[int] | None = None,
    held: bool = True,
    held_on: date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Reoffence:
    """A new offence (feeds the recidivism figures). While held the person is class D and the
    management duties pause; the expungement period starts again (Criminal Code Art. 70).
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, MANAGED, _("Record a re-offence"))
    if not offence.strip():
        raise TransitionError(_("Name the offence."))
    reoffence = Reoffence.objects.create(
        case=case,
        person=case.person,
        occurred_on=occurred_on,
        offence=offence.strip(),
        penal_code_articles=penal_code_articles or [],
        note=note.strip(),
        recorded_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=reoffence,
        changes={"occurred_on": [None, occurred_on], "held": [None, held]},
    )
    deadlines.cancel(case, DeadlineKind.EXPUNGEMENT_REVIEW)
    if held:
        held_since = held_on or occurred_on
        Classification.objects.create(
            case=case,
            value=CaseClass.D,
            decided_on=held_since,
            reason=stored_text(_("Held in custody after a new offence")),
            decided_by=acting_user,
        )
        _save(
            case,
            acting_user=acting_user,
            expected_version=expected_version,
            status=S.HELD,
            held_since=held_since,
            current_class=CaseClass.D,
        )
        deadlines.cancel(
            case,
            DeadlineKind.PROBATION_ASSESSMENT,
            DeadlineKind.ABSENCE_DECISION,
            DeadlineKind.CLASSIFICATION,
            DeadlineKind.REVOCATION_PROPOSAL,
        )
    summary = (
        _("New offence recorded; held in custody (class D)") if held else _("New offence recorded")
    )
    _event(
        case,
        "reoffence",
        occurred_on,
        stored_text(summary),
        acting_user,
        police_only=True,
        source=reoffence,
    )
    sync_person(case)
    return reoffence


@transaction.atomic
def end_hold(
    case: Case,
    *,
    released_on: date,
    note: str,
    acting_user: User,
    expected_version: int | None = None,
) -> Case:
    """Released without a new sentence (e.g. charges dropped): management resumes and the
    person is classified again.
    """
    ensure_in_jurisdiction(case.person, acting_user)
    require(case, {S.HELD}, _("Record the release from custody"))
    _not_before(released_on, case.held_since, _("The release cannot be before the custody."))
    back_on_probation = (
        case.release.type == ReleaseType.PAROLE
        and case.probation_ended_on is None
        and case.probation_end is not None
        and released_on < case.probation_end
    )
    _save(
        case,
        acting_user=acting_user,
        expected_version=expected_version,
        status=S.ON_PROBATION if back_on_probation else S.UNDER_MANAGEMENT,
        held_since=None,
    )
    deadlines.open_deadline(
        case,
        kind=DeadlineKind.CLASSIFICATION,
        due_on=deadlines.first_classification_due(released_on),
    )
    if back_on_probation:
        month = deadlines.month_start(released_on)
        deadlines.open_deadline(
            case,
            kind=DeadlineKind.PROBATION_ASSESSMENT,
            due_on=deadlines.assessment_due(deadlines.next_month(month)),
            subject_id=f"{month:%Y-%m}",
        )
    _event(
        case,
        "hold_ended",
        released_on,
        stored_text(_("Released from custody without a new sentence: %(note)s"), note=note),
        acting_user,
        police_only=True,
    )
    sync_person(case)
    return case
