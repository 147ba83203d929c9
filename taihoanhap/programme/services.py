"""Every write of the programme app, each in one transaction with its audit event."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.accounts.scope import scope_for
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.money import format_vnd
from taihoanhap.geo.models import AdminUnit, UnitLevel
from taihoanhap.programme.access import (
    BUDGET_WRITERS,
    MEDIA_WRITERS,
    RECOGNITION_WRITERS,
    may_set_targets,
    require,
)
from taihoanhap.programme.models import (
    BROADCAST,
    CATEGORY_KIND,
    Allocation,
    BudgetLine,
    MediaActivity,
    Recognition,
    Spending,
    TargetRule,
)

# --- Budget ---------------------------------------------------------------------------------------

LINE_FIELDS = ["activity", "title", "estimate", "note"]


def _province_of(unit: AdminUnit) -> AdminUnit:
    return unit if unit.level == UnitLevel.PROVINCE else unit.get_province()


def create_line(
    *,
    year: int,
    agency: Agency,
    activity: str,
    title: str,
    estimate: int = 0,
    note: str = "",
    acting_user: User,
) -> BudgetLine:
    require(acting_user, BUDGET_WRITERS)
    if not Agency.objects.visible_to(acting_user).filter(pk=agency.pk).exists():
        raise PermissionDenied
    try:
        with transaction.atomic():
            line = BudgetLine.objects.create(
                year=year,
                agency=agency,
                province=_province_of(agency.unit),
                activity=activity,
                title=title.strip(),
                estimate=estimate,
                note=note.strip(),
                created_by=acting_user,
            )
            record(
                Action.CREATE,
                user=acting_user,
                obj=line,
                changes={name: [None, value] for name, value in _line_values(line).items()},
            )
    except IntegrityError:
        raise ValidationError(
            {"title": _("This agency already has a line with this title for the year.")}
        ) from None
    return line


def _line_values(line: BudgetLine) -> dict[str, Any]:
    return {"year": line.year, "agency": line.agency_id, **snapshot(line, LINE_FIELDS)}


def update_line(
    line: BudgetLine,
    *,
    activity: str,
    title: str,
    estimate: int,
    note: str,
    expected_version: int,
    acting_user: User,
) -> BudgetLine:
    require(acting_user, BUDGET_WRITERS)
    with transaction.atomic():
        before = snapshot(line, LINE_FIELDS)
        line.activity, line.title, line.estimate, line.note = (
            activity,
            title.strip(),
            estimate,
            note.strip(),
        )
        try:
            # A savepoint: the duplicate title is caught before the audit event is written.
            with transaction.atomic():
                save_audited(
                    line, before=before, expected_version=expected_version, acting_user=acting_user
                )
        except IntegrityError:
            raise ValidationError(
                {"title": _("This agency already has a line with this title for the year.")}
            ) from None
    return line


def add_allocation(
    line: BudgetLine,
    *,
    amount: int,
    allocated_on: date,
    decision_number: str,
    note: str = "",
    acting_user: User,
) -> Allocation:
    require(acting_user, BUDGET_WRITERS)
    if amount <= 0:
        raise ValidationError({"amount": _("Enter an amount above 0.")})
    if not decision_number.strip():
        raise ValidationError({"decision_number": _("Enter the number of the decision.")})
    with transaction.atomic():
        locked = BudgetLine.objects.select_for_update().get(pk=line.pk)
        allocation = Allocation.objects.create(
            line=locked,
            amount=amount,
            allocated_on=allocated_on,
            decision_number=decision_number.strip(),
            note=note.strip(),
            recorded_by=acting_user,
        )
        before = locked.allocated_total
        locked.allocated_total += amount
        locked.save(update_fields=["allocated_total", "updated_at"])
        record(
            Action.CREATE,
            user=acting_user,
            obj=allocation,
            changes={
                "line": [None, str(locked.pk)],
                "amount": [None, amount],
                "decision_number": [None, allocation.decision_number],
                "allocated_total": [before, locked.allocated_total],
            },
        )
    line.allocated_total = locked.allocated_total
    return allocation


class OverspendError(ValidationError):
    """The spending would take the line beyond what was allocated."""


def add_spending(
    line: BudgetLine,
    *,
    amount: int,
    spent_on: date,
    document_number: str,
    description: str,
    override_reason: str = "",
    acting_user: User,
) -> Spending:
    """Record money spent against the line's allocation.

    Spending beyond the allocation is refused unless the finance officer overrides it with a
    reason; the override is kept on the entry and in the audit trail. The line is locked while
    its total is checked, so two entries cannot both pass the check together.
    """
    require(acting_user, BUDGET_WRITERS)
    if amount <= 0:
        raise ValidationError({"amount": _("Enter an amount above 0.")})
    if not document_number.strip():
        raise ValidationError({"document_number": _("Enter the number of the document.")})
    with transaction.atomic():
        locked = BudgetLine.objects.select_for_update().get(pk=line.pk)
        beyond = locked.spent_total + amount - locked.allocated_total
        reason = override_reason.strip()
        if beyond > 0 and not reason:
            raise OverspendError(
                _(
                    "This spending goes %(beyond)s beyond the allocation (%(allocated)s allocated, "
                    "%(spent)s already spent). Tick the override and give the reason to record it "
                    "anyway."
                )
                % {
                    "beyond": format_vnd(beyond),
                    "allocated": format_vnd(locked.allocated_total),
                    "spent": format_vnd(locked.spent_total),
                },
                code="overspend",
            )
        spending = Spending.objects.create(
            line=locked,
            amount=amount,
            spent_on=spent_on,
            document_number=document_number.strip(),
            description=description.strip(),
            over_allocation=beyond > 0,
            override_reason=reason if beyond > 0 else "",
            recorded_by=acting_user,
        )
        before = locked.spent_total
        locked.spent_total += amount
        locked.save(update_fields=["spent_total", "updated_at"])
        changes: dict[str, Any] = {
            "line": [None, str(locked.pk)],
            "amount": [None, amount],
            "document_number": [None, spending.document_number],
            "spent_total": [before, locked.spent_total],
        }
        if spending.over_allocation:
            changes["override_reason"] = [None, spending.override_reason]
        record(
            Action.CREATE,
            user=acting_user,
            obj=spending,
            changes=changes,
            note="override: beyond the allocation" if spending.over_allocation else "",
        )
    line.spent_total = locked.spent_total
    return spending


# --- Media --------------------------------------------------------------------------------------


@dataclass
class MediaData:
    outlet: str
    channel: str
    title: str
    published_on: date
    topic: str
    commune: AdminUnit | None = None
    duration_minutes: int | None = None
    word_count: int | None = None
    link: str = ""


MEDIA_FIELDS = [
    "outlet",
    "channel",
    "title",
    "published_on",
    "topic",
    "commune",
    "duration_minutes",
    "word_count",
    "link",
]


def _check_media(data: MediaData, province: AdminUnit) -> None:
    errors: dict[str, str] = {}
    if data.channel in BROADCAST and not data.duration_minutes:
        errors["duration_minutes"] = _("Give the duration of a broadcast in minutes.")
    if data.channel not in BROADCAST and not data.word_count and not data.duration_minutes:
        errors["word_count"] = _("Give the length in words (or the duration of a video).")
    if data.commune is not None and data.commune.parent_id != province.pk:
        errors["commune"] = _("Choose a commune of your province.")
    if errors:
        raise ValidationError(errors)


def _user_province(user: User) -> AdminUnit:
    agency = getattr(user, "agency", None)
    if agency is None:
        raise PermissionDenied
    return _province_of(agency.unit)


def create_media(*, data: MediaData, acting_user: User) -> MediaActivity:
    require(acting_user, MEDIA_WRITERS)
    province = _user_province(acting_user)
    _check_media(data, province)
    with transaction.atomic():
        activity = MediaActivity.objects.create(
            province=province, recorded_by=acting_user, **_media_values(data)
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=activity,
            changes={
                name: [None, value] for name, value in snapshot(activity, MEDIA_FIELDS).items()
            },
        )
    return activity


def _media_values(data: MediaData) -> dict[str, Any]:
    values = asdict(data)
    values["commune"] = data.commune
    for name in ("outlet", "title", "link"):
        values[name] = values[name].strip()
    return values


def update_media(
    activity: MediaActivity, *, data: MediaData, expected_version: int, acting_user: User
) -> MediaActivity:
    require(acting_user, MEDIA_WRITERS)
    _check_media(data, activity.province)
    with transaction.atomic():
        before = snapshot(activity, MEDIA_FIELDS)
        for name, value in _media_values(data).items():
            setattr(activity, name, value)
        save_audited(
            activity, before=before, expected_version=expected_version, acting_user=acting_user
        )
    return activity


# --- Models and exemplary individuals ----------------------------------------------------------


@dataclass
class RecognitionData:
    unit: AdminUnit
    year: int
    category: str
    name: str
    description: str
    recognised_by: str
    decision_number: str = ""
    decision_date: date | None = None
    evidence: str = ""
    commendations: str = ""
    employer: Any = None


RECOGNITION_FIELDS = [
    "unit",
    "year",
    "kind",
    "category",
    "name",
    "description",
    "recognised_by",
    "decision_number",
    "decision_date",
    "evidence",
    "commendations",
    "employer",
]


def _check_unit(unit: AdminUnit, user: User) -> None:
    """A commune officer records for their commune; a provincial one for the province or any
    of its communes."""
    scope = scope_for(user)
    province_id = unit.pk if unit.level == UnitLevel.PROVINCE else unit.parent_id
    if unit.level == UnitLevel.PROVINCE:
        allowed = scope.everything or unit.pk in scope.province_ids
    else:
        allowed = scope.covers(province_id=province_id, commune_id=unit.pk)
    if not allowed:
        raise PermissionDenied


def _check_recognition(data: RecognitionData) -> None:
    errors: dict[str, str] = {}
    if data.decision_date and data.decision_date.year not in (data.year, data.year + 1):
        errors["decision_date"] = _(
            "The decision should date from the year recognised or the next."
        )
    if data.employer is not None and data.category != "employer":
        errors["employer"] = _("Link an employer only to an employer model.")
    if errors:
        raise ValidationError(errors)


def _recognition_values(data: RecognitionData) -> dict[str, Any]:
    values = asdict(data)
    values["unit"], values["employer"] = data.unit, data.employer
    values["kind"] = CATEGORY_KIND[data.category]
    for name in ("name", "description", "recognised_by", "decision_number", "evidence"):
        values[name] = values[name].strip()
    values["commendations"] = values["commendations"].strip()
    return values


def create_recognition(*, data: RecognitionData, acting_user: User) -> Recognition:
    require(acting_user, RECOGNITION_WRITERS)
    _check_unit(data.unit, acting_user)
    _check_recognition(data)
    with transaction.atomic():
        recognition = Recognition.objects.create(
            recorded_by=acting_user, **_recognition_values(data)
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=recognition,
            changes={
                name: [None, value]
                for name, value in snapshot(recognition, RECOGNITION_FIELDS).items()
            },
        )
    return recognition


def update_recognition(
    recognition: Recognition, *, data: RecognitionData, expected_version: int, acting_user: User
) -> Recognition:
    require(acting_user, RECOGNITION_WRITERS)
    _check_unit(data.unit, acting_user)
    _check_recognition(data)
    with transaction.atomic():
        before = snapshot(recognition, RECOGNITION_FIELDS)
        for name, value in _recognition_values(data).items():
            setattr(recognition, name, value)
        unit = data.unit
        province_id = unit.pk if unit.level == UnitLevel.PROVINCE else unit.parent_id
        assert province_id is not None, "every unit below a province has one"
        recognition.province_id = province_id
        save_audited(
            recognition,
            before=before,
            fields=[*RECOGNITION_FIELDS, "province"],
            expected_version=expected_version,
            acting_user=acting_user,
        )
    return recognition


# --- The target ---------------------------------------------------------------------------------


def add_target(
    *,
    province: AdminUnit | None,
    level: str,
    min_collective: int,
    min_individual: int,
    effective_from: date,
    source: str,
    acting_user: User,
) -> TargetRule:
    """A new target in force from `effective_from` (rows are never edited, so the compliance
    of past years stays as it was judged)."""
    if not may_set_targets(acting_user):
        raise PermissionDenied
    if province is None and not getattr(acting_user, "is_system_admin", False):
        raise PermissionDenied
    if province is not None and not scope_for(acting_user).covers(
        province_id=province.pk, commune_id=None
    ):
        raise PermissionDenied
    if min_collective == 0 and min_individual == 0:
        raise ValidationError(_("A target needs at least one model or one individual."))
    with transaction.atomic():
        if TargetRule.objects.filter(province=province, effective_from=effective_from).exists():
            raise ValidationError(
                {"effective_from": _("A target already starts on this day; choose another day.")}
            )
        rule = TargetRule.objects.create(
            province=province,
            level=level,
            min_collective=min_collective,
            min_individual=min_individual,
            effective_from=effective_from,
            source=source.strip(),
            created_by=acting_user,
        )
        record(
            Action.CREATE,
            user=acting_user,
            obj=rule,
            changes={
                "level": [None, level],
                "min_collective": [None, min_collective],
                "min_individual": [None, min_individual],
                "effective_from": [None, effective_from],
            },
        )
    return rule
