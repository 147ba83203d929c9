"""What every transition shares: the state sets, the state check, the audited save of the
case and its timeline entry. Package-internal helpers keep their leading underscore.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry import deadlines
from taihoanhap.registry.expungement import expungement_hint
from taihoanhap.registry.models import Case, CaseStatus, ClosureGround, DeadlineKind, Visibility
from taihoanhap.registry.timeline import add_event

if TYPE_CHECKING:
    # Types only: django-stubs-ext is a development dependency.
    from django_stubs_ext import StrOrPromise

S = CaseStatus
AWAITING_RETURN = frozenset({S.EXPECTED, S.ADDRESS_VERIFIED, S.ADDRESS_MISMATCH})
MANAGED = frozenset({S.UNDER_MANAGEMENT, S.ON_PROBATION})
OPEN = frozenset(set(S) - {S.CLOSED})

# Which states each closure ground may close (Circular 10/2024 Art. 13, 14(1)).
CLOSURE_FROM: dict[str, frozenset[str]] = {
    ClosureGround.EXPUNGED: frozenset({S.UNDER_MANAGEMENT}),
    ClosureGround.EXPUNGED_BY_COURT: frozenset({S.UNDER_MANAGEMENT}),
    ClosureGround.DIED: OPEN,
    ClosureGround.NOT_RESIDING: AWAITING_RETURN,
    ClosureGround.PAROLE_REVOKED: frozenset({S.ON_PROBATION}),
    ClosureGround.NEW_SENTENCE: frozenset({S.HELD}),
    ClosureGround.OTHER: OPEN,
}
# Grounds whose timeline entry would reveal an offence: police-only.
POLICE_ONLY_GROUNDS = frozenset({ClosureGround.PAROLE_REVOKED, ClosureGround.NEW_SENTENCE})
NEEDS_REFERENCE = frozenset(
    {
        ClosureGround.EXPUNGED,
        ClosureGround.EXPUNGED_BY_COURT,
        ClosureGround.PAROLE_REVOKED,
        ClosureGround.NEW_SENTENCE,
    }
)


def require(case: Case, allowed: Collection[str], action: StrOrPromise) -> None:
    """Raise TransitionError unless the case is in one of the `allowed` states."""
    if case.status not in allowed:
        if case.is_closed:
            raise TransitionError(
                _("This case is closed: its record can no longer be changed."), code="closed"
            )
        raise TransitionError(
            _("“%(action)s” is not possible while the case is “%(status)s”."),
            code="transition",
            params={"action": action, "status": case.get_status_display()},
        )


def _save(
    case: Case,
    *,
    acting_user: User,
    expected_version: int | None,
    status: str | None = None,
    **changes: Any,
) -> None:
    """Apply `changes` (and the new status) with the optimistic lock; audit the difference."""
    names = list(changes) + (["status"] if status else [])
    before = snapshot(case, names)
    for name, value in changes.items():
        setattr(case, name, value)
    fields = list(changes)
    if status:
        case.status = status
        case.status_changed_at = timezone.now()
        fields += ["status", "status_changed_at"]
    version = case.version if expected_version is None else expected_version
    save_audited(
        case,
        before=before,
        fields=fields,
        action=Action.STATE_CHANGE if status else Action.UPDATE,
        expected_version=version,
        acting_user=acting_user,
    )


def _event(
    case: Case,
    kind: str,
    day: date,
    summary: str,
    acting_user: User,
    *,
    police_only: bool = False,
    source: models.Model | None = None,
) -> None:
    add_event(
        case,
        kind=kind,
        occurred_on=day,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if police_only else Visibility.ALL,
        source=source,
    )


def _not_before(day: date, earliest: date | None, message: StrOrPromise) -> None:
    if earliest is not None and day < earliest:
        raise TransitionError(message)


def _open_expungement_review(case: Case) -> None:
    hint = expungement_hint(case, has_reoffence=case.reoffences.exists())
    if hint.earliest is not None:
        deadlines.open_deadline(case, kind=DeadlineKind.EXPUNGEMENT_REVIEW, due_on=hint.earliest)
