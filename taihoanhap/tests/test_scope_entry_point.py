"""Every read of personal data in the pages, exports, queues and reminders starts from the
scoping entry point: `<Model>.objects.visible_to(user)` (or `managed_by(user)`, the same rule
without the persons moving in), all built on `registry.access.PersonReach.q`.

The personal-data models are found from the model graph at run time (Person, and every model
with a foreign key to one of them, transitively), so a new model is covered the day it is
added. The source of the modules that read for users is then scanned: a `<Model>.objects...`
chain of such a model must call `visible_to`/`managed_by` at once, or be narrowed by such a
call within the same statement (`Sentence.objects.filter(person__in=Person.objects
.visible_to(user))`). The few reads that legitimately do otherwise are listed below, each with
its reason; an entry that no longer matches anything fails too, so the list stays true.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db.models import Model

from taihoanhap.registry.models import Person

ROOT = Path(__file__).resolve().parents[1]
# The modules that read for a user: pages, exports, selectors, work queues, reminders, panels.
PATTERNS = (
    "*/views.py",
    "*/views/*.py",
    "*/exports.py",
    "*/selectors.py",
    "*/workqueue.py",
    "*/reminders.py",
    "*/panels.py",
)
ENTRY_POINTS = frozenset({"visible_to", "managed_by"})
MANAGERS = frozenset({"objects", "_default_manager", "_base_manager"})

# (module, enclosing function, model) -> why this read need not start from the entry point.
OF_A_SCOPED_PERSON = "the rows of a person the caller fetched through visible_to"
OF_SCOPED_PERSONS = "narrowed to persons the caller fetched through Person.objects.visible_to"
REMINDER_JOB = "the reminder job (cron, no user) works on every due deadline, for its officer"
ALLOWED: dict[tuple[str, str, str], str] = {
    ("credit/panels.py", "panels_for", "LoanApplication"): OF_A_SCOPED_PERSON,
    ("jobs/panels.py", "_context", "EmploymentRecord"): OF_A_SCOPED_PERSON,
    ("jobs/panels.py", "_context", "MatchingConsent"): OF_A_SCOPED_PERSON,
    ("jobs/panels.py", "_context", "FairRegistration"): OF_A_SCOPED_PERSON,
    ("jobs/views/people.py", "employment_add", "EmploymentRecord"): OF_A_SCOPED_PERSON,
    ("support/selectors.py", "needs_of", "Need"): OF_A_SCOPED_PERSON,
    ("support/selectors.py", "measures_of", "SupportMeasure"): OF_A_SCOPED_PERSON,
    ("support/selectors.py", "enrolments_of", "Enrolment"): OF_A_SCOPED_PERSON,
    ("support/selectors.py", "certificates_of", "Certificate"): OF_A_SCOPED_PERSON,
    ("support/views/person.py", "needs_assess", "Need"): OF_A_SCOPED_PERSON,
    ("jobs/selectors.py", "employment_figures", "EmploymentRecord"): OF_SCOPED_PERSONS,
    ("jobs/views/fairs.py", "fair_register", "FairRegistration"): OF_SCOPED_PERSONS,
    ("jobs/views/fairs.py", "fair_register", "MatchingConsent"): OF_SCOPED_PERSONS,
    ("support/selectors.py", "current_cases", "Case"): OF_SCOPED_PERSONS,
    ("jobs/selectors.py", "fair_summary", "FairContact"): (
        "counts per employer at a visible fair: figures, no person's row leaves the database"
    ),
    ("jobs/views/employers.py", "employer_detail", "EmploymentRecord"): (
        "counts of the people working at a visible employer: figures, no person's row"
    ),
    ("registry/selectors.py", "cases_for_page", "Transfer"): (
        "prefetched for the cases of a person read through person_scope_sql"
    ),
    ("registry/views/cases.py", "case_action", "Case"): (
        "the version of a case fetched through Case.objects.visible_to, re-read after a conflict"
    ),
    ("registry/views/cases.py", "case_action", "Release"): (
        "the version of that case's release, re-read after the same conflict"
    ),
    ("support/views/referrals.py", "referral_detail", "CaseEvent"): (
        "the timeline entries of a referral fetched through Referral.objects.visible_to"
    ),
    ("registry/reminders.py", "_claim", "Deadline"): REMINDER_JOB,
    ("registry/reminders.py", "send_reminders", "Deadline"): REMINDER_JOB,
}


def personal_models() -> set[type[Model]]:
    """Person and every model that hangs off it through foreign keys, at any depth."""
    found: set[type[Model]] = {Person}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in found or not model.__module__.startswith("taihoanhap."):
                continue
            if any(
                field.is_relation and field.related_model in found
                for field in model._meta.concrete_fields
            ):
                found.add(model)
                grew = True
    return found


@dataclass(frozen=True)
class Read:
    module: str
    function: str
    model: str
    line: int


def _calls_entry_point(node: ast.AST) -> bool:
    return any(
        isinstance(inner, ast.Call)
        and isinstance(inner.func, ast.Attribute)
        and inner.func.attr in ENTRY_POINTS
        for inner in ast.walk(node)
    )


def _model_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def unscoped_reads(source: str, module: str, models: set[str]) -> list[Read]:
    """The `<Model>.objects` chains of personal models in `source` that neither call the entry
    point at once nor are narrowed by it within their statement.
    """
    tree = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {
        child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)
    }
    reads = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in MANAGERS):
            continue
        model = _model_name(node.value)
        if model not in models:
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr in ENTRY_POINTS:
            continue
        statement, function = node, "<module>"
        while statement in parents and not isinstance(statement, ast.stmt):
            statement = parents[statement]
        if _calls_entry_point(statement):
            continue
        scope = statement
        while scope in parents:
            scope = parents[scope]
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
                function = scope.name
                break
        reads.append(Read(module, function, model, node.lineno))
    return reads


def _reader_modules() -> list[Path]:
    return sorted({path for pattern in PATTERNS for path in ROOT.glob(pattern)})


def _all_reads() -> list[Read]:
    names = {model.__name__ for model in personal_models()}
    reads = []
    for path in _reader_modules():
        module = path.relative_to(ROOT).as_posix()
        reads += unscoped_reads(path.read_text(encoding="utf-8"), module, names)
    return reads


def test_the_personal_models_are_found_from_the_model_graph():
    names = {model._meta.label for model in personal_models()}
    expected = {
        "registry.Person",
        "registry.Case",
        "registry.Sentence",
        "registry.Release",
        "registry.Deadline",
        "registry.Transfer",
        "support.Referral",
        "support.Enrolment",
        "jobs.FairRegistration",
        "jobs.FairContact",
        "credit.LoanApplication",
        "credit.EligibleListEntry",
    }
    assert expected <= names
    assert "jobs.Employer" not in names and "support.Course" not in names


def test_the_scan_covers_the_modules_that_read_for_users():
    modules = {path.relative_to(ROOT).as_posix() for path in _reader_modules()}
    assert {
        "registry/views/persons.py",
        "registry/selectors.py",
        "registry/workqueue.py",
        "registry/reminders.py",
        "credit/exports.py",
        "support/panels.py",
        "jobs/views/fairs.py",
    } <= modules


def test_the_scan_tells_a_scoped_read_from_an_unscoped_one():
    source = (
        "def good(user):\n"
        "    return Person.objects.visible_to(user).filter(case_status='x')\n"
        "def narrowed(user):\n"
        "    return Sentence.objects.filter(person__in=Person.objects.visible_to(user))\n"
        "def bad(user):\n"
        "    return Referral.objects.filter(status='sent')\n"
        "def neutral():\n"
        "    return Course.objects.all()\n"
    )
    reads = unscoped_reads(source, "m.py", {"Person", "Sentence", "Referral"})
    assert reads == [Read("m.py", "bad", "Referral", 6)]


def test_every_read_of_personal_data_starts_from_the_scoping_entry_point():
    unexplained = [
        f"  {read.module}:{read.line} in {read.function}(): {read.model}.objects"
        for read in _all_reads()
        if (read.module, read.function, read.model) not in ALLOWED
    ]
    assert not unexplained, "start these reads from visible_to(user):\n" + "\n".join(unexplained)


def test_every_exception_still_names_a_read():
    used = {(read.module, read.function, read.model) for read in _all_reads()}
    assert not set(ALLOWED) - used, "remove these stale entries from ALLOWED"
