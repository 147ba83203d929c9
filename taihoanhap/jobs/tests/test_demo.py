"""The demo data of support and jobs: attached to open cases found by query, safe with none."""

from __future__ import annotations

import random

import pytest

from taihoanhap.core.demo import DemoContext
from taihoanhap.employers.models import Employer
from taihoanhap.jobs import demo as jobs_demo
from taihoanhap.jobs.models import (
    EmploymentRecord,
    FairContact,
    FairRegistration,
    JobFair,
    MatchingConsent,
    Vacancy,
)
from taihoanhap.registry.models import CaseEvent
from taihoanhap.support import demo as support_demo
from taihoanhap.support.models import Certificate, Course, Enrolment, Need, Referral
from taihoanhap.support.tests.factories import case_in, inmate_case
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db


def _context(cast) -> DemoContext:
    agencies = {
        key: cast.agencies[key]
        for key in (
            "facility",
            "education",
            "home_affairs",
            "employment_centre",
            "health",
            "bank",
            "business_association",
            "province_police",
        )
    }
    return DemoContext(
        province=cast.province,
        communes=[cast.commune_a, cast.commune_b],
        persons=0,
        rng=random.Random(7),
        today=today(),
        progress=lambda message: None,
        agencies=agencies,
        users={
            "ca.tinh": cast.users["province"],
            "noivu": cast.users["employment"],
            "giaoduc": cast.users["training"],
        },
    )


def test_the_demo_adds_support_and_jobs_to_the_open_cases(cast):
    for _ in range(30):
        case_in(cast.commune_a)
        case_in(cast.commune_b)
    for _ in range(10):
        inmate_case(cast, release_in_days=20)
    ctx = _context(cast)
    support_demo.generate(ctx)
    jobs_demo.generate(ctx)
    assert Need.objects.exists() and Referral.objects.exists()
    assert Course.objects.filter(facility__isnull=False).exists()
    assert Enrolment.objects.filter(as_inmate=True).exists()
    assert Certificate.objects.exists() or Enrolment.objects.exists()
    assert Employer.objects.count() >= 10 and Vacancy.objects.exists()
    assert JobFair.objects.count() == 7 and FairRegistration.objects.exists()
    assert MatchingConsent.objects.exists() and EmploymentRecord.objects.exists()
    # Every hire has its employment record, every registered person had consented.
    for contact in FairContact.objects.filter(stage="hired"):
        assert contact.employment_id is not None
    registered = set(FairRegistration.objects.values_list("person_id", flat=True))
    consented = set(MatchingConsent.objects.values_list("person_id", flat=True))
    assert registered <= consented
    assert CaseEvent.objects.filter(kind__startswith="jobs.").exists()
    assert CaseEvent.objects.filter(kind__startswith="support.").exists()


def test_the_demo_does_nothing_to_persons_when_there_is_no_case(cast):
    ctx = _context(cast)
    support_demo.generate(ctx)
    jobs_demo.generate(ctx)
    assert not Need.objects.exists() and not FairRegistration.objects.exists()
    assert Employer.objects.exists()  # the catalogue does not need anyone


def test_the_agencies_demo_covers_at_most_the_bounded_number_of_cases(cast, monkeypatch):
    # At a million persons the agencies' demo would hold every open case in memory.
    monkeypatch.setattr(support_demo, "AGENCY_DEMO_CASES", 5)
    monkeypatch.setattr(jobs_demo, "AGENCY_DEMO_CASES", 5)
    first = [case_in(cast.commune_a) for _ in range(5)]
    for _ in range(20):
        case_in(cast.commune_b)
    ctx = _context(cast)
    support_demo.generate(ctx)
    jobs_demo.generate(ctx)
    oldest = {case.person_id for case in first}
    assert Need.objects.exists() and MatchingConsent.objects.exists()
    assert set(Need.objects.values_list("person_id", flat=True)) <= oldest
    assert set(MatchingConsent.objects.values_list("person_id", flat=True)) <= oldest
