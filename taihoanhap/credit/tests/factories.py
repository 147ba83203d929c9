"""Building loans, Form 01 lists and employers for tests, straight through the ORM."""

from __future__ import annotations

from datetime import date
from typing import Any

from taihoanhap.credit.models import (
    EligibleList,
    EligibleListEntry,
    ListStatus,
    LoanApplication,
    LoanKind,
    LoanPurpose,
    LoanStatus,
    Relationship,
)
from taihoanhap.employers.models import Employer, EmployerSize
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models import Case, ReleaseType
from taihoanhap.registry.tests.factories import make_case, make_person

# Distinctive criminal-history values: no credit page or export may ever contain them.
OFFENCE = "Tàng trữ trái phép chất ma túy"
JUDGMENT = "99/2021/HS-ST"
COURT = "Tòa án nhân dân huyện Mẫu Thử"
CASE_NOTE = "Ghi chú nghiệp vụ mật"

_tax = iter(range(10**9, 10**10))


def returnee(
    commune: AdminUnit,
    *,
    completed_on: date = date(2024, 3, 1),
    certificate: bool = True,
    release_type: str = ReleaseType.FULL_TERM,
    **person_fields: Any,
) -> Case:
    """A person with a case whose sentence was completed on `completed_on`."""
    person = make_person(commune, **person_fields)
    case = make_case(person, release_date=completed_on, release_type=release_type)
    sentence = case.release.sentence
    sentence.offences = OFFENCE
    sentence.judgment_number = JUDGMENT
    sentence.court = COURT
    sentence.end_date = completed_on
    sentence.save()
    if certificate:
        release = case.release
        release.certificate_number = "215/GCN-TG"
        release.certificate_date = completed_on
        release.save()
    case.notes = CASE_NOTE
    case.save()
    return case


def employer(commune: AdminUnit, *, workforce: int = 40, returnees: int = 4, **fields: Any):
    defaults = {
        "name": "Công ty TNHH May mặc Hòa Bình",
        "tax_code": str(next(_tax)),
        "sector": "Dệt may",
        "size": EmployerSize.SMALL,
        "workforce": workforce,
        "returnees_on_contract": returnees,
        "commune": commune,
        "address": "Khu công nghiệp Amata",
        "contact_name": "Trần Văn Bình",
    }
    defaults.update(fields)
    return Employer.objects.create(**defaults)


def eligible_list(
    commune: AdminUnit,
    drawn_up_by: Any,
    *,
    status: str = ListStatus.CONFIRMED,
    cases: list[Case] = (),
    drawn_up_on: date = date(2025, 9, 1),
    confirmed_on: date | None = date(2025, 9, 10),
) -> EligibleList:
    confirmed = status == ListStatus.CONFIRMED
    created = EligibleList.objects.create(
        commune=commune,
        drawn_up_on=drawn_up_on,
        drawn_up_by=drawn_up_by,
        number="01/2025/DS",
        status=status,
        confirmed_on=confirmed_on if confirmed else None,
        confirming_body="Ủy ban nhân dân phường Thử" if confirmed else "",
        submitted_on=drawn_up_on if status != ListStatus.DRAFT else None,
    )
    for case in cases:
        EligibleListEntry.objects.create(eligible_list=created, person=case.person, case=case)
    return created


def individual(
    case: Case,
    created_by: Any,
    *,
    status: str = LoanStatus.DRAFT,
    purpose: str = LoanPurpose.PRODUCTION,
    amount: int = 50_000_000,
    **fields: Any,
) -> LoanApplication:
    defaults: dict[str, Any] = {
        "kind": LoanKind.INDIVIDUAL,
        "purpose": purpose,
        "person": case.person,
        "case": case,
        "commune": case.person.commune,
        "amount_requested": amount,
        "representative_name": "Nguyễn Thị Mẹ",
        "representative_relationship": Relationship.PARENT,
        "status": status,
        "status_changed_on": date(2025, 10, 1),
        "drawn_up_on": date(2025, 9, 20),
        "created_by": created_by,
    }
    if purpose == LoanPurpose.TRAINING:
        defaults["training_months"] = 6
    defaults.update(fields)
    return LoanApplication.objects.create(**defaults)


def business(
    company: Employer,
    created_by: Any,
    *,
    status: str = LoanStatus.DRAFT,
    amount: int = 300_000_000,
    **fields: Any,
) -> LoanApplication:
    defaults: dict[str, Any] = {
        "kind": LoanKind.BUSINESS,
        "purpose": LoanPurpose.PRODUCTION,
        "employer": company,
        "workforce": company.workforce,
        "returnees_on_contract": company.returnees_on_contract,
        "commune": company.commune,
        "amount_requested": amount,
        "collateral": "Quyền sử dụng đất nhà xưởng",
        "status": status,
        "status_changed_on": date(2025, 10, 1),
        "drawn_up_on": date(2025, 9, 20),
        "created_by": created_by,
    }
    defaults.update(fields)
    return LoanApplication.objects.create(**defaults)
