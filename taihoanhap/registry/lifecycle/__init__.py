"""The reintegration case's lifecycle: every state change is one function here.

    expected ──verify_address──▶ address_verified ─┐
       │   └─answer_address_mismatch (HCD-03)─▶ address_mismatch ─┤
       └──────────────────────────────record_reception (HCD-05, HCD-02)──▶ under_management
                                                                      or on_probation (parole)
    on_probation ──end_probation──▶ under_management
    under_management / on_probation ──record_reoffence──▶ held (class D) ──end_hold──▶ back
    any open state ──close_case(ground)──▶ closed (read-only)

Each function checks the current state (an illegal change raises `core.errors.TransitionError`
with a message for the officer), saves with the optimistic lock, writes its audit event and its
timeline entry in the same transaction, and keeps the case's deadlines in step
(`registry.deadlines`). Sources: Circular 10/2024/TT-BCA (reception, classification,
expungement screening), Circular 65/2019/TT-BCA and Criminal Code Art. 66 (conditional early
release), Res. 01/2018/NQ-HĐTP Art. 5 (revocation), Criminal Code Art. 70-72 (expungement).

The transitions live by stage in `reception`, `probation`, `transfer`, `reoffence` and
`closure`; what they share in `base`. This package re-exports the transitions, so that callers
keep writing `lifecycle.close_case(...)`; the state sets are read from `base`.
"""

from taihoanhap.registry.lifecycle.closure import close_case, postpone_expungement_review
from taihoanhap.registry.lifecycle.probation import (
    decide_absence,
    end_probation,
    record_assessment,
    record_revocation_proposal,
    record_violation,
    request_absence,
)
from taihoanhap.registry.lifecycle.reception import (
    answer_address_mismatch,
    classify,
    record_reception,
    verify_address,
)
from taihoanhap.registry.lifecycle.reoffence import end_hold, record_reoffence
from taihoanhap.registry.lifecycle.transfer import (
    accept_transfer,
    cancel_transfer,
    reject_transfer,
    request_transfer,
)

__all__ = [
    "accept_transfer",
    "answer_address_mismatch",
    "cancel_transfer",
    "classify",
    "close_case",
    "decide_absence",
    "end_hold",
    "end_probation",
    "postpone_expungement_review",
    "record_assessment",
    "record_reception",
    "record_reoffence",
    "record_revocation_proposal",
    "record_violation",
    "reject_transfer",
    "request_absence",
    "request_transfer",
    "verify_address",
]
