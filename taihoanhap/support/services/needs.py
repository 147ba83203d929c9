"""Needs assessments and the closing of a need."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import Case, Person, Visibility
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.models import (
    SENSITIVE_NEEDS,
    AssessmentOccasion,
    Need,
    NeedAssessment,
    NeedKind,
    NeedStatus,
)
from taihoanhap.support.services.base import choice_labels, record_text, require_open_case

# --- Needs -------------------------------------------------------------------------------------


@transaction.atomic
def assess_needs(
    person: Person,
    *,
    kinds: Iterable[str],
    occasion: str,
    assessed_on: date,
    note: str = "",
    acting_user: User,
) -> NeedAssessment:
    """Record what the person needs (Circular 10/2024/TT-BCA Art. 9: the reception officer
    records the person's needs; repeated on review). A need already open stays open: it is not
    duplicated."""
    case = require_open_case(person)
    kinds = list(dict.fromkeys(kinds))
    if not kinds:
        raise ValidationError(_("Choose at least one need."), code="no_needs")
    assessment = NeedAssessment.objects.create(
        person=person,
        case=case,
        occasion=occasion,
        assessed_on=assessed_on,
        note=note,
        assessed_by=acting_user,
    )
    already_open = set(
        Need.objects.filter(person=person, status=NeedStatus.OPEN).values_list("kind", flat=True)
    )
    new = [kind for kind in kinds if kind not in already_open]
    Need.objects.bulk_create(
        Need(person=person, assessment=assessment, kind=kind, opened_on=assessed_on) for kind in new
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=assessment,
        changes={"occasion": occasion, "needs": new, "still_open": sorted(already_open)},
    )
    _needs_timeline(case, assessment, new, acting_user)
    return assessment


def _needs_timeline(case: Case, assessment: NeedAssessment, kinds: list[str], user: User) -> None:
    plain = choice_labels(NeedKind, [k for k in kinds if k not in SENSITIVE_NEEDS])
    sensitive = choice_labels(NeedKind, [k for k in kinds if k in SENSITIVE_NEEDS])
    occasion = AssessmentOccasion(assessment.occasion).label
    if plain or not sensitive:
        listed = plain or record_text(_("no new need"))
        add_event(
            case,
            kind="support.needs",
            occurred_on=assessment.assessed_on,
            summary=record_text(
                _("Needs assessed (%(occasion)s): %(needs)s"), occasion=occasion, needs=listed
            ),
            actor=user,
            source=assessment,
        )
    if sensitive:
        # Health needs are sensitive: only roles that see police-only entries read them here;
        # the health department sees them in the support panel.
        add_event(
            case,
            kind="support.needs",
            occurred_on=assessment.assessed_on,
            summary=record_text(
                _("Health needs assessed (%(occasion)s): %(needs)s"),
                occasion=occasion,
                needs=sensitive,
            ),
            actor=user,
            visibility=Visibility.POLICE,
            source=assessment,
        )


@transaction.atomic
def close_need(
    need: Need,
    *,
    status: str,
    closed_on: date,
    note: str = "",
    expected_version: int,
    acting_user: User,
) -> Need:
    """An open need is met or declined by the person; a closed need stays closed."""
    if need.status != NeedStatus.OPEN:
        raise TransitionError(_("This need is already closed."), code="need_closed")
    if status not in (NeedStatus.MET, NeedStatus.DECLINED):
        raise TransitionError(_("A need can only be marked met or declined."), code="bad_status")
    if closed_on < need.opened_on:
        raise ValidationError(
            {"closed_on": _("The date cannot be before the need was recorded.")}, code="date"
        )
    before = snapshot(need, ["status", "closed_on", "closing_note"])
    need.status, need.closed_on, need.closing_note = status, closed_on, note
    save_audited(
        need,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
    )
    case = require_open_case(need.person)
    add_event(
        case,
        kind="support.need_closed",
        occurred_on=closed_on,
        summary=record_text(
            _("Need %(need)s: %(status)s"),
            need=NeedKind(need.kind).label,
            status=NeedStatus(need.status).label,
        ),
        actor=acting_user,
        visibility=Visibility.POLICE if need.is_sensitive else Visibility.ALL,
        source=need,
    )
    return need
