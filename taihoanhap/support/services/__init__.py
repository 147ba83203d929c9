"""All writes of the support app: needs, measures, referrals, courses, enrolments, certificates.

Every function runs in one transaction, writes its audit event and the person's timeline entry
inside it, and raises `TransitionError` (a ValidationError) for an illegal state change.
The caller has already fetched the person or record through `visible_to(acting_user)`.

The services live by subject in `needs`, `measures`, `referrals`, `courses` and `enrolments`,
the helpers they share in `base`; this package re-exports the ones the views, forms and tests
call (`services.send_referral(...)`).
"""

from taihoanhap.support.services.courses import create_course, update_course
from taihoanhap.support.services.enrolments import (
    enrol,
    enrolment_problem,
    finish_enrolment,
    issue_certificate,
)
from taihoanhap.support.services.measures import record_measure
from taihoanhap.support.services.needs import assess_needs, close_need
from taihoanhap.support.services.referrals import (
    REFERRAL_TRANSITIONS,
    ReferralAction,
    allowed_referral_actions,
    receiving_agencies,
    send_referral,
    transition_referral,
)

__all__ = [
    "REFERRAL_TRANSITIONS",
    "ReferralAction",
    "allowed_referral_actions",
    "assess_needs",
    "close_need",
    "create_course",
    "enrol",
    "enrolment_problem",
    "finish_enrolment",
    "issue_certificate",
    "receiving_agencies",
    "record_measure",
    "send_referral",
    "transition_referral",
    "update_course",
]
