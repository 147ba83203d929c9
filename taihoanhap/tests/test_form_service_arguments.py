"""The forms whose data a view passes to a service as it is (core.editing.service_arguments):
every field is a keyword-only parameter of the service, and every required parameter is a
field or one the view gives itself. A renamed field or parameter fails here, not in use."""

from __future__ import annotations

import inspect

import pytest

from taihoanhap.credit import forms as credit_forms
from taihoanhap.credit import services as credit
from taihoanhap.jobs import forms as jobs_forms
from taihoanhap.jobs import services as jobs
from taihoanhap.programme import forms as programme_forms
from taihoanhap.programme import services as programme
from taihoanhap.support import forms as support_forms
from taihoanhap.support import services as support

# (form, service, the parameters the view gives besides the form's data)
PAIRS = [
    (support_forms.NeedAssessmentForm, support.assess_needs, set()),
    (support_forms.NeedCloseForm, support.close_need, set()),
    (support_forms.MeasureForm, support.record_measure, set()),
    (support_forms.FinishEnrolmentForm, support.finish_enrolment, set()),
    (support_forms.CertificateForm, support.issue_certificate, set()),
    (support_forms.ReferralForm, support.send_referral, set()),
    (support_forms.ReferralActionForm, support.transition_referral, {"action"}),
    (programme_forms.AllocationForm, programme.add_allocation, set()),
    (programme_forms.TargetForm, programme.add_target, {"province"}),
    (credit_forms.ParameterForm, credit.add_parameter, set()),
    (credit_forms.EntryForm, credit.add_entry, set()),
    (jobs_forms.CancelFairForm, jobs.cancel_fair, set()),
    (jobs_forms.CloseVacancyForm, jobs.close_vacancy, set()),
    (jobs_forms.AttendanceForm, jobs.record_attendance, {"today"}),
    (jobs_forms.FairEmployerForm, jobs.add_fair_employer, set()),
    (jobs_forms.EmploymentForm, jobs.record_employment, set()),
    (jobs_forms.ContactForm, jobs.record_contact, {"today"}),
]


@pytest.mark.parametrize(
    ("form", "service", "given"), PAIRS, ids=[service.__name__ for _, service, _ in PAIRS]
)
def test_the_forms_fields_are_the_services_parameters(form, service, given):
    fields = set(form.base_fields)
    if "version" in fields:
        fields = fields - {"version"} | {"expected_version"}
    keywords = {
        name: parameter
        for name, parameter in inspect.signature(service).parameters.items()
        if parameter.kind is parameter.KEYWORD_ONLY and name != "acting_user"
    }
    assert fields - set(keywords) == set()
    required = {name for name, p in keywords.items() if p.default is p.empty}
    assert required - fields - given == set()
