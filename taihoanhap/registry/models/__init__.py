"""Persons, their sentences and releases, and the reintegration case.

Scope: a person is visible to a user when the person's current commune (`Person.commune`, and
its province `Person.province`, kept together by the services) lies in the user's jurisdiction
(`accounts.scope`). Cases, events and deadlines are visible through their person, so a transfer
moves the whole history with the person. Every query of these models starts from
`<Model>.objects.visible_to(user)`.

The models live by subject in `person`, `sentence` (and releases), `case` (and its timeline),
`deadline`, `records` (classifications, helpers, re-offences), `transfer` and `probation`; the
shared choices in `choices`. Django finds the models here, and callers import them from here.
"""

from taihoanhap.registry.models.case import Case, CaseEvent
from taihoanhap.registry.models.choices import (
    OPEN_STATUSES,
    CaseClass,
    CaseStatus,
    ClosureGround,
    ReleaseType,
    Sex,
    Visibility,
)
from taihoanhap.registry.models.deadline import Deadline, DeadlineKind, DeadlineStatus
from taihoanhap.registry.models.person import Person, birth_label
from taihoanhap.registry.models.probation import (
    AbsenceDecision,
    AbsenceRequest,
    ProbationAssessment,
    Violation,
    ViolationKind,
)
from taihoanhap.registry.models.records import Classification, Helper, HelperKind, Reoffence
from taihoanhap.registry.models.sentence import Release, Sentence
from taihoanhap.registry.models.transfer import Transfer, TransferStatus

__all__ = [
    "OPEN_STATUSES",
    "AbsenceDecision",
    "AbsenceRequest",
    "Case",
    "CaseClass",
    "CaseEvent",
    "CaseStatus",
    "Classification",
    "ClosureGround",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "Helper",
    "HelperKind",
    "Person",
    "ProbationAssessment",
    "Release",
    "ReleaseType",
    "Reoffence",
    "Sentence",
    "Sex",
    "Transfer",
    "TransferStatus",
    "Violation",
    "ViolationKind",
    "Visibility",
    "birth_label",
]
