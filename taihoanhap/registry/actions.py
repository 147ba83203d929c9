"""The actions an officer takes on a case: which form, which service, what the officer is told.

One table drives the person page's buttons, the action pages (form → confirmation → service →
message) and their tests, so a state offers exactly the actions its transitions allow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taihoanhap.registry import case_forms as f
from taihoanhap.registry import lifecycle, services
from taihoanhap.registry.lifecycle.base import AWAITING_RETURN, CLOSURE_FROM, MANAGED, OPEN
from taihoanhap.registry.models import (
    AbsenceDecision,
    Case,
    CaseStatus,
    ReleaseType,
    TransferStatus,
)

S = CaseStatus
Data = dict[str, Any]


@dataclass(frozen=True)
class CaseAction:
    slug: str
    title: str | Promise  # the button and the page title
    form: type[f.CaseForm]
    run: Callable[[Case, Data, Any], Any]
    done: str | Promise  # the success message
    statuses: frozenset[str]
    # What will happen, shown on the confirmation step; None: no confirmation (a plain record).
    confirm: str | Promise | None = None
    parole_only: bool = False
    primary: bool = False
    danger: bool = False
    when: Callable[[Case], bool] | None = None  # extra condition on the case's records
    print_form: str = ""  # a printable form to offer after the action

    def available(self, case: Case) -> bool:
        if case.status not in self.statuses:
            return False
        if self.parole_only and case.release.type != ReleaseType.PAROLE:
            return False
        return self.when is None or self.when(case)


def _has_pending_absence(case: Case) -> bool:
    return any(a.decision == AbsenceDecision.PENDING for a in case.absences.all())


def _has_pending_transfer(case: Case) -> bool:
    if not getattr(case, "has_transfers", True):  # read with the flag (person page): none at all
        return False
    return any(t.status == TransferStatus.PENDING for t in case.transfers.all())


def _has_active_helper(case: Case) -> bool:
    rows = getattr(case, "helper_rows", None)  # read by hand for the person page
    return any(h.ended_on is None for h in (case.helpers.all() if rows is None else rows))


def _v(data: Data) -> int:
    return data["version"]


ACTION_LIST = [
    CaseAction(
        "xac-minh",
        _("Record the address check"),
        f.VerifyAddressForm,
        lambda c, d, u: lifecycle.verify_address(
            c, checked_on=d["checked_on"], note=d["note"], acting_user=u, expected_version=_v(d)
        ),
        _("The address check has been recorded."),
        frozenset({S.EXPECTED}),
        confirm=_("The address in the notice will be recorded as confirmed with the family."),
        primary=True,
    ),
    CaseAction(
        "sai-noi-cu-tru",
        _("Answer an address mismatch (HCD-03)"),
        f.AddressMismatchForm,
        lambda c, d, u: lifecycle.answer_address_mismatch(
            c,
            checked_on=d["checked_on"],
            note=d["note"],
            reply_number=d["reply_number"],
            reply_date=d["reply_date"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The address mismatch has been recorded. Print the reply HCD-03 and send it."),
        frozenset({S.EXPECTED, S.ADDRESS_VERIFIED}),
        confirm=_(
            "The case will show that the person does not live at the notified address, and the "
            "reply HCD-03 will be ready to print for the sender."
        ),
        print_form="hcd03",
    ),
    CaseAction(
        "tiep-nhan",
        _("Record the reception"),
        f.ReceptionForm,
        lambda c, d, u: lifecycle.record_reception(
            c,
            received_on=d["received_on"],
            commitment_signed=d["commitment_signed"],
            reception_place=d["reception_place"],
            needs=d["needs"],
            occupation=d["occupation"],
            family_situation=d["family_situation"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The reception has been recorded. Print the minutes HCD-05 and the sheet HCD-02."),
        AWAITING_RETURN,
        confirm=_(
            "The person will be recorded as received at the commune and placed under "
            "management (on probation for a conditional early release); the reception "
            "deadlines will be marked done."
        ),
        primary=True,
        print_form="hcd05",
    ),
    CaseAction(
        "phan-loai",
        _("Classify"),
        f.ClassifyForm,
        lambda c, d, u: lifecycle.classify(
            c,
            value=d["value"],
            decided_on=d["decided_on"],
            reason=d["reason"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The classification has been recorded."),
        MANAGED,
        confirm=_("The classification will be recorded and the next one scheduled."),
        primary=True,
    ),
    CaseAction(
        "danh-gia-thang",
        _("Record a monthly assessment"),
        f.AssessmentForm,
        lambda c, d, u: lifecycle.record_assessment(
            c,
            month=d["month"],
            assessed_on=d["assessed_on"],
            compliant=d["compliant"],
            note=d["note"],
            acting_user=u,
        ),
        _("The monthly assessment has been recorded."),
        frozenset({S.ON_PROBATION}),
        parole_only=True,
    ),
    CaseAction(
        "xin-vang-mat",
        _("Record an absence request"),
        f.AbsenceRequestForm,
        lambda c, d, u: lifecycle.request_absence(
            c,
            requested_on=d["requested_on"],
            leave_on=d["leave_on"],
            return_on=d["return_on"],
            destination=d["destination"],
            reason=d["reason"],
            acting_user=u,
        ),
        _("The absence request has been recorded; its decision is now due."),
        frozenset({S.ON_PROBATION}),
        parole_only=True,
    ),
    CaseAction(
        "quyet-dinh-vang-mat",
        _("Record the decision on an absence"),
        f.AbsenceDecisionForm,
        lambda c, d, u: lifecycle.decide_absence(
            d["absence"],
            approved=d["approved"],
            decided_on=d["decided_on"],
            decided_by_name=d["decided_by_name"],
            decision_reason=d["decision_reason"],
            acting_user=u,
        ),
        _("The decision on the absence has been recorded."),
        frozenset({S.ON_PROBATION}),
        confirm=_("The decision of the commune People's Committee will be recorded."),
        parole_only=True,
        when=_has_pending_absence,
    ),
    CaseAction(
        "vi-pham",
        _("Record a violation"),
        f.ViolationForm,
        lambda c, d, u: lifecycle.record_violation(
            c,
            occurred_on=d["occurred_on"],
            kind=d["kind"],
            description=d["description"],
            sanction=d["sanction"],
            acting_user=u,
        ),
        _("The violation has been recorded."),
        frozenset({S.ON_PROBATION}),
        confirm=_(
            "The violation will be counted. From the second one, the case is flagged for a "
            "proposal to revoke the conditional release."
        ),
        parole_only=True,
    ),
    CaseAction(
        "de-nghi-huy",
        _("Record the revocation proposal"),
        f.RevocationForm,
        lambda c, d, u: lifecycle.record_revocation_proposal(
            c,
            proposed_on=d["proposed_on"],
            reference=d["reference"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The revocation proposal has been recorded."),
        frozenset({S.ON_PROBATION}),
        confirm=_("The proposal to revoke the conditional release will be recorded as sent."),
        parole_only=True,
        when=lambda case: case.revocation_flagged and not case.revocation_proposed_on,
    ),
    CaseAction(
        "ket-thuc-thu-thach",
        _("End the probation"),
        f.EndProbationForm,
        lambda c, d, u: lifecycle.end_probation(
            c,
            ended_on=d["ended_on"],
            certificate_number=d["certificate_number"],
            certificate_date=d["certificate_date"],
            shortened_by=d["shortened_by"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The end of probation has been recorded: the person is now under ordinary management."),
        frozenset({S.ON_PROBATION}),
        confirm=_(
            "Probation will end and the person will move to ordinary management; the monthly "
            "assessments stop and the expungement review is scheduled."
        ),
        parole_only=True,
    ),
    CaseAction(
        "chuyen-xa",
        _("Transfer to another commune"),
        f.TransferForm,
        lambda c, d, u: lifecycle.request_transfer(
            c,
            to_commune=d["to_commune"],
            to_address=d["to_address"],
            reason=d["reason"],
            requested_on=d["requested_on"],
            acting_user=u,
        ),
        _("The transfer has been requested; the receiving commune must accept it."),
        MANAGED,
        confirm=_(
            "The receiving commune will be asked to accept the person. Until it answers, the "
            "person stays in your commune and the receiving commune can read the record."
        ),
        when=lambda case: not _has_pending_transfer(case),
    ),
    CaseAction(
        "huy-chuyen",
        _("Withdraw the transfer request"),
        f.CancelTransferForm,
        lambda c, d, u: lifecycle.cancel_transfer(d["transfer"], acting_user=u),
        _("The transfer request has been withdrawn."),
        OPEN,
        confirm=_("The receiving commune will no longer see the request."),
        when=_has_pending_transfer,
    ),
    CaseAction(
        "tai-pham",
        _("Record a re-offence"),
        f.ReoffenceForm,
        lambda c, d, u: lifecycle.record_reoffence(
            c,
            occurred_on=d["occurred_on"],
            offence=d["offence"],
            penal_code_articles=d["articles"],
            held=d["held"],
            held_on=d["held_on"],
            note=d["note"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The re-offence has been recorded."),
        MANAGED,
        confirm=_(
            "The new offence will be recorded. If the person is held, the case moves to "
            "“held” with class D and the management duties pause."
        ),
        danger=True,
    ),
    CaseAction(
        "tha-tam-giu",
        _("Record the release from custody"),
        f.EndHoldForm,
        lambda c, d, u: lifecycle.end_hold(
            c,
            released_on=d["released_on"],
            note=d["note"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The release from custody has been recorded: management resumes."),
        frozenset({S.HELD}),
        confirm=_("Management resumes and a new classification falls due."),
        primary=True,
    ),
    CaseAction(
        "xet-xoa-an-tich",
        _("Record an expungement review"),
        f.ExpungementReviewForm,
        lambda c, d, u: lifecycle.postpone_expungement_review(
            c, reviewed_on=d["reviewed_on"], finding=d["finding"], acting_user=u
        ),
        _("The review has been recorded; the next one is scheduled."),
        frozenset({S.UNDER_MANAGEMENT}),
    ),
    CaseAction(
        "ket-thuc",
        _("Close the case"),
        f.CloseForm,
        lambda c, d, u: lifecycle.close_case(
            c,
            ground=d["ground"],
            closed_on=d["closed_on"],
            reference=d["reference"],
            note=d["note"],
            acting_user=u,
            expected_version=_v(d),
        ),
        _("The case has been closed. Its record is now read-only."),
        frozenset(set().union(*CLOSURE_FROM.values())),
        confirm=_(
            "Management ends: the case becomes read-only and its open deadlines are cancelled. "
            "This cannot be undone."
        ),
        danger=True,
    ),
    CaseAction(
        "can-bo",
        _("Assign the officer in charge"),
        f.OfficerForm,
        lambda c, d, u: services.assign_officer(
            c, officer=d["officer"], acting_user=u, expected_version=_v(d)
        ),
        _("The officer in charge has been recorded."),
        OPEN,
    ),
    CaseAction(
        "nguoi-giup-do",
        _("Assign a helper"),
        f.HelperForm,
        lambda c, d, u: services.add_helper(
            c,
            kind=d["kind"],
            name=d["name"],
            organisation=d["organisation"],
            relationship=d["relationship"],
            phone=d["phone"],
            assigned_on=d["assigned_on"],
            acting_user=u,
        ),
        _("The helper has been recorded."),
        MANAGED,
    ),
    CaseAction(
        "ket-thuc-giup-do",
        _("End a helper's assignment"),
        f.EndHelperForm,
        lambda c, d, u: services.end_helper(d["helper"], ended_on=d["ended_on"], acting_user=u),
        _("The helper's assignment has ended."),
        OPEN,
        when=_has_active_helper,
    ),
    CaseAction(
        "ra-trai",
        _("Correct the release or its certificate"),
        f.ReleaseForm,
        lambda c, d, u: services.update_release(
            c.release,
            expected_version=d["release_version"],
            acting_user=u,
            facility_name=d["facility_name"],
            release_date=d["release_date"],
            certificate_number=d["certificate_number"],
            certificate_date=d["certificate_date"],
        ),
        _("The release has been corrected."),
        OPEN,
    ),
    CaseAction(
        "ghi-chu",
        _("Edit the case notes"),
        f.NotesForm,
        lambda c, d, u: services.update_case_notes(
            c, notes=d["notes"], acting_user=u, expected_version=_v(d)
        ),
        _("The case notes have been saved."),
        OPEN,
    ),
]
ACTIONS: dict[str, CaseAction] = {action.slug: action for action in ACTION_LIST}


def actions_for(case: Case) -> list[CaseAction]:
    """The actions the case's state allows, primary ones first."""
    available = [action for action in ACTION_LIST if action.available(case)]
    return sorted(available, key=lambda action: (not action.primary, action.danger))
