"""Support measures given to a person (counselling, legal aid, ...)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record
from taihoanhap.core.money import format_vnd
from taihoanhap.registry.models import Case, Person, Visibility
from taihoanhap.registry.timeline import add_event
from taihoanhap.support.access import measure_kinds_for
from taihoanhap.support.models import (
    MEASURE_ANSWERS,
    SENSITIVE_MEASURES,
    MeasureKind,
    Need,
    NeedStatus,
    SupportMeasure,
)
from taihoanhap.support.services.base import _require_agency, record_text, require_open_case

# --- Support measures --------------------------------------------------------------------------


@transaction.atomic
def record_measure(
    person: Person,
    *,
    kind: str,
    provided_on: date,
    provider_name: str = "",
    amount_vnd: int | None = None,
    outcome: str = "",
    acting_user: User,
) -> SupportMeasure:
    """Record support given to the person; it closes the open need it answers (Decree
    49/2020/NĐ-CP: each agency supports within its own field)."""
    if kind not in measure_kinds_for(acting_user.role):
        raise PermissionDenied
    agency = _require_agency(acting_user)
    case = require_open_case(person)
    measure = _create_measure(
        person,
        case,
        kind=kind,
        provided_on=provided_on,
        agency=agency,
        provider_name=provider_name,
        amount_vnd=amount_vnd,
        outcome=outcome,
        acting_user=acting_user,
    )
    summary = record_text(
        _("Support: %(kind)s by %(provider)s"),
        kind=MeasureKind(kind).label,
        provider=measure.provider_label,
    )
    if amount_vnd:
        summary += f" ({format_vnd(amount_vnd)})"
    if measure.need_id:
        summary += record_text(_("; need met"))
    add_event(
        case,
        kind="support.measure",
        occurred_on=provided_on,
        summary=summary,
        actor=acting_user,
        visibility=Visibility.POLICE if kind in SENSITIVE_MEASURES else Visibility.ALL,
        source=measure,
    )
    return measure


def _create_measure(
    person: Person,
    case: Case,
    *,
    kind: str,
    provided_on: date,
    agency: Agency,
    provider_name: str,
    amount_vnd: int | None,
    outcome: str,
    acting_user: User,
) -> SupportMeasure:
    need = None
    answers = MEASURE_ANSWERS.get(kind)
    if answers:
        need = (
            Need.objects.select_for_update()
            .filter(person=person, kind=answers, status=NeedStatus.OPEN)
            .first()
        )
    measure = SupportMeasure.objects.create(
        person=person,
        case=case,
        kind=kind,
        provided_on=provided_on,
        agency=agency,
        provider_name=provider_name,
        amount_vnd=amount_vnd or None,
        outcome=outcome,
        need=need,
        recorded_by=acting_user,
    )
    if need is not None:
        Need.objects.filter(pk=need.pk).update(
            status=NeedStatus.MET, closed_on=max(provided_on, need.opened_on)
        )
    record(
        Action.CREATE,
        user=acting_user,
        obj=measure,
        changes={
            "kind": kind,
            "provided_on": provided_on,
            "agency": agency.pk,
            "amount_vnd": amount_vnd,
            "need_met": need.pk if need else None,
        },
    )
    return measure
