"""Excel workbooks (openpyxl): Form 01, Form 02 and the list of applications.

Columns are what a lending decision needs; no workbook has a column for the offence, the
sentence or case notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from taihoanhap.core.xlsx import MONEY, append_rows, new_sheet
from taihoanhap.credit.models import EligibleList, LoanApplication


def form01_workbook(eligible_list: EligibleList, entries: Sequence[Any]) -> Workbook:
    heading = [
        _("Form 01 (Decision 22/2023/QĐ-TTg)"),
        _("List of persons who have served their prison sentence, living in %(commune)s")
        % {"commune": eligible_list.commune},
        _("Drawn up on %(date)s; status: %(status)s")
        % {
            "date": eligible_list.drawn_up_on.strftime("%d/%m/%Y"),
            "status": eligible_list.get_status_display(),
        },
    ]
    if eligible_list.confirmed_on:
        heading.append(
            _("Confirmed on %(date)s by %(body)s")
            % {
                "date": eligible_list.confirmed_on.strftime("%d/%m/%Y"),
                "body": eligible_list.confirming_body,
            }
        )
    header = [
        _("No."),
        _("Full name"),
        _("Date of birth"),
        _("Personal identification number"),
        _("Residence"),
        _("Completed the sentence on"),
        _("Certificate"),
        _("Loan need"),
        _("Amount needed (VND)"),
        _("Note"),
    ]
    workbook, sheet = new_sheet(_("Form 01"), heading, header)
    rows = []
    for number, entry in enumerate(entries, start=1):
        person = entry.person
        release = entry.case.release
        certificate = (
            f"{release.certificate_number} ({release.certificate_date:%d/%m/%Y})"
            if release.certificate_number and release.certificate_date
            else ""
        )
        rows.append(
            [
                number,
                person.full_name,
                person.birth_date or person.birth_year,
                person.citizen_id or "",
                ", ".join(filter(None, [person.current_address, str(person.commune)])),
                entry.completed_on,
                certificate,
                entry.get_purpose_display() if entry.purpose else "",
                entry.needed_amount,
                entry.note,
            ]
        )
    append_rows(sheet, rows, money_columns=[9])
    return workbook


def form02_workbook(application: LoanApplication) -> Workbook:
    employer = application.employer
    heading = [
        _("Form 02 (Decision 22/2023/QĐ-TTg)"),
        _(
            "Confirmation of the loan plan of an employer of persons who have served their "
            "prison sentence"
        ),
    ]
    workbook, sheet = new_sheet(_("Form 02"), heading, [_("Item"), _("Content")])
    share = ""
    if application.workforce:
        share = f"{(application.returnees_on_contract or 0) * 100 / application.workforce:.1f}%"
    rows = [
        (_("Employer"), employer.name),
        (_("Tax code"), employer.tax_code),
        (_("Address"), employer.address),
        (_("Commune"), str(application.commune)),
        (_("Sector"), employer.sector),
        (_("Employees"), application.workforce),
        (_("Returnees on labour contracts"), application.returnees_on_contract),
        (_("Share of returnees"), share),
        (_("Purpose"), application.get_purpose_display()),
        (_("Amount requested (VND)"), application.amount_requested),
        (_("Loan term (months)"), application.term_months),
        (_("Use of the loan"), application.plan),
        (_("Collateral"), application.collateral),
        (
            _("Certification of the commune People's Committee"),
            (f"{application.plan_confirming_body}, {application.plan_confirmed_on:%d/%m/%Y}")
            if application.plan_confirmed_on
            else _("Not confirmed yet"),
        ),
    ]
    append_rows(sheet, rows)
    amount_label = _("Amount requested (VND)")
    for row in sheet.iter_rows(min_col=1, max_col=2):
        if row[0].value == amount_label:
            row[1].number_format = MONEY
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 60
    return workbook


def applications_workbook(applications: Iterable[LoanApplication]) -> Workbook:
    header = [
        _("Borrower"),
        _("Kind"),
        _("Purpose"),
        _("Commune"),
        _("Household representative"),
        _("Amount requested (VND)"),
        _("Approved amount (VND)"),
        _("Disbursed amount (VND)"),
        _("Still owed (VND)"),
        _("Status"),
        _("Status changed on"),
    ]
    workbook, sheet = new_sheet(_("Loan applications"), [_("Loan applications")], header)
    append_rows(
        sheet,
        (
            [
                application.borrower_label,
                application.get_kind_display(),
                application.get_purpose_display(),
                str(application.commune),
                application.representative_name,
                application.amount_requested,
                application.approved_amount,
                application.disbursed_amount,
                application.outstanding,
                application.get_status_display(),
                application.status_changed_on,
            ]
            for application in applications
        ),
        money_columns=[6, 7, 8, 9],
    )
    return workbook
