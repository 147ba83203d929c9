"""Referrals between agencies: sent, then accepted, done, refused or withdrawn."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.geo.models import UnitLevel
from taihoanhap.registry.models import Person, Visibility
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.access import RECEIVING_AGENCY_KINDS
from taihoanhap.support.models import (
    MEASURE_ANSWERS,
    SENSITIVE_NEEDS,
    Need,
    NeedKind,
    NeedStatus,
    Referral,
    ReferralStatus,
)
from taihoanhap.support.rules import (
    REFERRAL_DEADLINE_SOURCE,
    referral_respond_by,
    referral_response_days,
)
from taihoanhap.support.services.base import _require_agency, record_text, require_open_case
from taihoanhap.support.services.measures import _create_measure

# --- Referrals ---------------------------------------------------------------------------------


def receiving_agencies(person: Person) -> QuerySet[Agency]:
    """Agencies a referral about `person` may go to: active, able to answer, serving the
    person's province (or their commune)."""
    from django.db.models import Q

    return Agency.objects.filter(
        Q(unit_id=person.province_id, unit__level=UnitLevel.PROVINCE)
        | Q(unit_id=person.commune_id),
        kind__in=RECEIVING_AGENCY_KINDS,
        is_active=True,
    ).order_by("kind", "name")


@transaction.atomic
def send_referral(
    person: Person,
    *,
    to_agency: Agency,
    purpose: str,
    message: str = "",
    sent_on: date,
    acting_user: User,
) -> Referral:
    """Refer the person to another agency; it must answer within the configured number of
    working days (see support.rules)."""
    from_agency = _require_agency(acting_user)
    if not receiving_agencies(person).filter(pk=to_agency.pk).exists():
        raise ValidationError(
            {"to_agency": _("This agency cannot receive referrals about this person.")},
            code="agency",
        )
    if to_agency.pk == from_agency.pk:
        raise ValidationError(
            {"to_agency": _("Choose another agency than your own.")}, code="agency"
        )
    case = require_open_case(person)
    need = Need.objects.filter(person=person, kind=purpose, status=NeedStatus.OPEN).first()
    days = referral_response_days()
    referral = Referral.objects.create(
        person=person,
        case=case,
        purpose=purpose,
        need=need,
        from_agency=from_agency,
        to_agency=to_agency,
        message=message,
        sent_on=sent_on,
        respond_by=referral_respond_by(sent_on),
        deadline_source=record_text(REFERRAL_DEADLINE_SOURCE, days=days),
        sent_by=acting_user,
    )
    record(
        Action.CREATE,
        user=acting_user,
        obj=referral,
        changes={
            "purpose": purpose,
            "from_agency": from_agency.pk,
            "to_agency": to_agency.pk,
            "sent_on": sent_on,
            "respond_by": referral.respond_by,
        },
    )
    add_event(
        case,
        kind="support.referral",
        occurred_on=sent_on,
        summary=record_text(
            _("Referred to %(agency)s for %(purpose)s"),
            agency=to_agency,
            purpose=NeedKind(referral.purpose).label,
        ),
        actor=acting_user,
        visibility=Visibility.POLICE if purpose in SENSITIVE_NEEDS else Visibility.ALL,
        source=referral,
    )
    return referral


class ReferralAction:
    ACCEPT = "accept"
    START = "start"
    DONE = "done"
    DECLINE = "decline"


# action -> (statuses it may leave, status it reaches)
REFERRAL_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    ReferralAction.ACCEPT: (frozenset({ReferralStatus.SENT}), ReferralStatus.ACCEPTED),
    ReferralAction.START: (frozenset({ReferralStatus.ACCEPTED}), ReferralStatus.IN_PROGRESS),
    ReferralAction.DONE: (
        frozenset({ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}),
        ReferralStatus.DONE,
    ),
    ReferralAction.DECLINE: (
        frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}),
        ReferralStatus.DECLINED,
    ),
}

_REFERRAL_SUMMARIES = {
    ReferralAction.ACCEPT: _("%(agency)s accepted the referral for %(purpose)s"),
    ReferralAction.START: _("%(agency)s started work on the referral for %(purpose)s"),
    ReferralAction.DONE: _("%(agency)s completed the referral for %(purpose)s: %(text)s"),
    ReferralAction.DECLINE: _("%(agency)s declined the referral for %(purpose)s: %(text)s"),
}


def allowed_referral_actions(referral: Referral, user: User) -> list[str]:
    """What `user` may do next with the referral: only the receiving agency answers it."""
    if getattr(user, "agency_id", None) != referral.to_agency_id:
        return []
    return [
        action
        for action, (sources, _target) in REFERRAL_TRANSITIONS.items()
        if referral.status in sources
    ]


@transaction.atomic
def transition_referral(
    referral: Referral,
    *,
    action: str,
    on: date,
    text: str = "",
    expected_version: int,
    acting_user: User,
) -> Referral:
    """Move a referral along sent → accepted → in progress → done, or decline it with a reason.

    Only officers of the receiving agency answer. Completing a referral records the support
    the receiving agency gave, which meets the open need of the same kind."""
    if getattr(acting_user, "agency_id", None) != referral.to_agency_id:
        raise PermissionDenied
    if action not in REFERRAL_TRANSITIONS:
        raise TransitionError(_("Unknown action."), code="unknown")
    sources, target = REFERRAL_TRANSITIONS[action]
    if referral.status not in sources:
        raise TransitionError(
            _("A referral that is “%(status)s” cannot be changed this way."),
            code="illegal",
            params={"status": referral.get_status_display()},
        )
    if on < referral.sent_on:
        raise ValidationError({"on": _("The date cannot be before the referral was sent.")})
    if action == ReferralAction.DECLINE and not text.strip():
        raise ValidationError({"text": _("Give the reason for declining.")}, code="reason")
    fields = ["status", "handled_by", "responded_on", "closed_on", "decline_reason", "outcome"]
    before = snapshot(referral, fields)
    referral.status = target
    referral.handled_by = acting_user
    if referral.responded_on is None:
        referral.responded_on = on
    if action == ReferralAction.DECLINE:
        referral.decline_reason, referral.closed_on = text.strip(), on
    elif action == ReferralAction.DONE:
        referral.outcome, referral.closed_on = text.strip(), on
    save_audited(
        referral,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
    )
    measure = None
    if action == ReferralAction.DONE and referral.purpose in MEASURE_ANSWERS.values():
        measure = _create_measure(
            referral.person,
            referral.case,
            kind=referral.purpose,  # measure kinds share their values with the needs they meet
            provided_on=on,
            agency=referral.to_agency,
            provider_name="",
            amount_vnd=None,
            outcome=referral.outcome,
            acting_user=acting_user,
        )
    summary = record_text(
        _REFERRAL_SUMMARIES[action],
        agency=referral.to_agency,
        purpose=NeedKind(referral.purpose).label,
        text=text.strip() or "—",
    )
    if measure is not None and measure.need_id:
        summary += record_text(_("; need met"))
    add_event(
        referral.case,
        kind="support.referral",
        occurred_on=on,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if referral.purpose in SENSITIVE_NEEDS else Visibility.ALL,
        source=referral,
    )
    return referral
