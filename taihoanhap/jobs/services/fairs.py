"""Job fairs: organised, edited, cancelled, with their participating employers."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.models import Agency, User
from taihoanhap.audit.models import Action
from taihoanhap.audit.services import record, save_audited, snapshot
from taihoanhap.core.errors import TransitionError
from taihoanhap.jobs.access import ORGANISER_KINDS
from taihoanhap.jobs.models import Employer, FairContact, FairEmployer, JobFair, Vacancy

# --- Job fairs ---------------------------------------------------------------------------------

FAIR_FIELDS = ["title", "held_on", "commune", "venue", "note"]


def _check_organisers(organisers: list[Agency]) -> None:
    if not organisers:
        raise ValidationError({"organisers": _("Name at least one organiser.")})
    if any(agency.kind not in ORGANISER_KINDS for agency in organisers):
        raise ValidationError({"organisers": _("This agency cannot organise a job fair.")})


@transaction.atomic
def create_fair(*, data: dict[str, Any], organisers: list[Agency], acting_user: User) -> JobFair:
    _check_organisers(organisers)
    fair = JobFair(created_by=acting_user, **{name: data.get(name) for name in FAIR_FIELDS})
    fair.note = fair.note or ""
    fair.save()
    fair.organisers.set(organisers)
    record(
        Action.CREATE,
        user=acting_user,
        obj=fair,
        changes={
            **snapshot(fair, [*FAIR_FIELDS, "province"]),
            "organisers": [a.pk for a in organisers],
        },
    )
    return fair


@transaction.atomic
def update_fair(
    fair: JobFair,
    *,
    data: dict[str, Any],
    organisers: list[Agency],
    expected_version: int,
    acting_user: User,
) -> JobFair:
    _check_organisers(organisers)
    fields = [*FAIR_FIELDS, "province"]
    before = snapshot(fair, fields)
    before_organisers = sorted(fair.organisers.values_list("pk", flat=True))
    for name in FAIR_FIELDS:
        setattr(fair, name, data.get(name))
    fair.note = fair.note or ""
    province_id = fair.commune.parent_id
    assert province_id is not None  # a commune always lies in a province
    fair.province_id = province_id
    after_organisers = sorted(a.pk for a in organisers)
    changed_organisers = after_organisers != before_organisers
    save_audited(
        fair,
        before=before,
        expected_version=expected_version,
        acting_user=acting_user,
        extra_changes=(
            {"organisers": [before_organisers, after_organisers]} if changed_organisers else {}
        ),
    )
    fair.organisers.set(organisers)
    return fair


@transaction.atomic
def cancel_fair(
    fair: JobFair, *, cancelled_on: date, expected_version: int, acting_user: User
) -> JobFair:
    if fair.is_cancelled:
        raise TransitionError(_("This fair is already cancelled."))
    if FairContact.objects.filter(registration__fair=fair).exists():
        raise TransitionError(_("Outcomes are already recorded: the fair cannot be cancelled."))
    before = snapshot(fair, ["cancelled_on"])
    fair.cancelled_on = cancelled_on
    save_audited(
        fair,
        before=before,
        action=Action.STATE_CHANGE,
        expected_version=expected_version,
        acting_user=acting_user,
    )
    return fair


def _check_fair_open(fair: JobFair) -> None:
    if fair.is_cancelled:
        raise TransitionError(_("This fair was cancelled."))


@transaction.atomic
def add_fair_employer(
    fair: JobFair, *, employer: Employer, vacancies: list[Vacancy], acting_user: User
) -> FairEmployer:
    _check_fair_open(fair)
    if any(v.employer_id != employer.pk for v in vacancies):
        raise ValidationError({"vacancies": _("Choose vacancies of this employer only.")})
    participant, created = FairEmployer.objects.get_or_create(fair=fair, employer=employer)
    participant.vacancies.set(vacancies)
    record(
        Action.CREATE if created else Action.UPDATE,
        user=acting_user,
        obj=participant,
        changes={
            "fair": fair.pk,
            "employer": employer.pk,
            "vacancies": [v.pk for v in vacancies],
        },
    )
    return participant
