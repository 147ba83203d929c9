"""The index of legal rules (docs/legal-rules.toml): loading, checking, and the generated page.

Each rule names its legal source, the code that implements it (dotted paths: a module, then
attributes) and the tests that check it (pytest node ids). `problems()` lists every way the index
disagrees with the code, naming the rule and the path, so that a refactoring that moves a
function says exactly which entry to update; `render_markdown()` gives docs/legal-rules.md.
Tests are found by reading the test file's syntax tree, never by running pytest.
"""

from __future__ import annotations

import ast
import importlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taihoanhap.core.discovery import app_hooks

ROOT = Path(__file__).resolve().parents[2]
INDEX_PATH = ROOT / "docs" / "legal-rules.toml"
PAGE_PATH = ROOT / "docs" / "legal-rules.md"

REGISTRY_RULE = "registry.rules:"
CREDIT_PARAMETER = "credit.parameter:"

_RULE_KEYS = {"id", "area", "description", "name_vi", "sources", "implementation", "tests"}
_OPTIONAL_KEYS = {"configuration", "note", "known_gaps"}


@dataclass(frozen=True)
class Document:
    key: str
    vi: str
    number: str
    en: str


@dataclass(frozen=True)
class Source:
    document: str
    article: str = ""


@dataclass(frozen=True)
class LegalRule:
    id: str
    area: str
    description: str
    name_vi: str
    sources: tuple[Source, ...]
    implementation: tuple[str, ...]
    tests: tuple[str, ...]
    configuration: tuple[str, ...] = ()
    note: str = ""
    # Strict-xfail tests that pin where the code departs from the rule: they fail once fixed.
    known_gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegalIndex:
    areas: dict[str, str]
    documents: dict[str, Document]
    rules: tuple[LegalRule, ...]


def load(path: Path = INDEX_PATH) -> LegalIndex:
    """Read the index; a malformed entry raises ValueError naming it."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    documents = {
        key: Document(key=key, vi=doc["vi"], number=doc.get("number", ""), en=doc["en"])
        for key, doc in data["documents"].items()
    }
    rules = tuple(_rule(entry) for entry in data["rule"])
    return LegalIndex(areas=dict(data["areas"]), documents=documents, rules=rules)


def _rule(entry: dict[str, Any]) -> LegalRule:
    name = entry.get("id", "<without id>")
    missing = _RULE_KEYS - entry.keys()
    unknown = entry.keys() - _RULE_KEYS - _OPTIONAL_KEYS
    if missing or unknown:
        raise ValueError(
            f"legal rule {name!r}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}"
        )
    return LegalRule(
        id=entry["id"],
        area=entry["area"],
        description=entry["description"],
        name_vi=entry["name_vi"],
        sources=tuple(Source(**source) for source in entry["sources"]),
        implementation=tuple(entry["implementation"]),
        tests=tuple(entry["tests"]),
        configuration=tuple(entry.get("configuration", ())),
        note=entry.get("note", ""),
        known_gaps=tuple(entry.get("known_gaps", ())),
    )


# --- Checks: each returns one message per problem, naming the rule and the broken path ----------


def resolve(path: str) -> object:
    """The object at a dotted path: the longest importable module, then attributes."""
    parts = path.split(".")
    for split in range(len(parts), 0, -1):
        module_name = ".".join(parts[:split])
        try:
            target: object = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # Only "this module does not exist" means try a shorter prefix; a missing import
            # inside an existing module is a real error to report.
            if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
                continue
            raise
        for depth in range(split, len(parts)):
            if not hasattr(target, parts[depth]):
                owner = ".".join(parts[:depth])
                raise LookupError(f"{owner} has no attribute {parts[depth]!r}")
            target = getattr(target, parts[depth])
        return target
    raise LookupError(f"no importable module at the start of {path!r}")


def broken_implementations(index: LegalIndex) -> list[str]:
    problems = []
    for rule in index.rules:
        for path in rule.implementation:
            try:
                resolve(path)
            except (ImportError, LookupError) as exc:
                problems.append(f"rule {rule.id}: implementation {path} does not resolve ({exc})")
    return problems


def defined_tests(path: Path) -> set[str]:
    """The tests a file defines, as pytest names them: "test_x", "TestY", "TestY::test_z".

    Only what pytest collects counts (functions named test*, classes named Test*), so a helper
    of the same name is not taken for a test.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, _FUNCTIONS) and node.name.startswith("test"):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names.add(node.name)
            names.update(
                f"{node.name}::{member.name}"
                for member in node.body
                if isinstance(member, _FUNCTIONS) and member.name.startswith("test")
            )
    return names


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def missing_tests(index: LegalIndex, root: Path = ROOT) -> list[str]:
    problems = []
    cache: dict[str, set[str]] = {}
    for rule in index.rules:
        if not rule.tests:
            problems.append(f"rule {rule.id}: has no test")
        for node_id in (*rule.tests, *rule.known_gaps):
            file_part, _, name = node_id.partition("::")
            name = name.split("[", 1)[0]  # a parametrised case: the function is what exists
            path = root / file_part
            if file_part not in cache:
                cache[file_part] = defined_tests(path) if path.is_file() else set()
            if not path.is_file():
                problems.append(f"rule {rule.id}: test {node_id}: no file {file_part}")
            elif not name or name not in cache[file_part]:
                problems.append(f"rule {rule.id}: test {node_id}: no test {name!r} in {file_part}")
    return problems


def inconsistencies(index: LegalIndex) -> list[str]:
    """Unique ids, known areas and documents, and configuration names that exist."""
    problems = []
    seen: set[str] = set()
    for rule in index.rules:
        if rule.id in seen:
            problems.append(f"rule {rule.id}: the id is used twice")
        seen.add(rule.id)
        if rule.area not in index.areas:
            problems.append(f"rule {rule.id}: unknown area {rule.area!r}")
        problems += [
            f"rule {rule.id}: unknown document {source.document!r}"
            for source in rule.sources
            if source.document not in index.documents
        ]
        problems += [
            f"rule {rule.id}: unknown configuration {name!r}"
            for name in rule.configuration
            if name not in _known_configuration()
        ]
    return problems


def _known_configuration() -> dict[str, str]:
    """Every configurable legal number, with the source the code gives it ("" if kept as data).

    Each app lists its own in `<app>/legal.py` (`configuration()`), found by `core.discovery`:
    core sits below the apps whose numbers these are, so it does not import them.
    """
    known: dict[str, str] = {}
    for contribution in app_hooks("legal", "configuration"):
        known.update(contribution())
    return known


def unindexed_configuration(index: LegalIndex) -> list[str]:
    """Registry rules citing a legal source, and credit parameters, that no rule lists."""
    listed = {name for rule in index.rules for name in rule.configuration}
    return [
        f"configuration {name} (source {source!r}) is not listed by any rule of the index"
        for name, source in _known_configuration().items()
        if name not in listed and (source or name.startswith(CREDIT_PARAMETER))
    ]


def disagreeing_sources(
    index: LegalIndex, stored_sources: dict[str, str] | None = None
) -> list[str]:
    """The source the code gives a configured number must cite one of the rule's sources: its
    document (by name or number) and, when the index gives one, its article.

    `stored_sources` adds sources kept as data (the credit parameters' dated rows, by name);
    without it only the registry rules, which live in code, are compared.
    """
    known = {name: source for name, source in _known_configuration().items() if source}
    known.update(stored_sources or {})
    problems = []
    for rule in index.rules:
        for name in rule.configuration:
            source = known.get(name)
            if source is not None and not any(
                _cites(source, s, index.documents) for s in rule.sources
            ):
                problems.append(
                    f"rule {rule.id}: {name} cites {source!r}, which names none of the rule's "
                    "sources (document and article)"
                )
    return problems


def _cites(text: str, source: Source, documents: dict[str, Document]) -> bool:
    doc = documents.get(source.document)
    if doc is None:
        return False
    names_document = doc.vi in text or bool(doc.number and doc.number in text)
    return names_document and source.article in text


def configuration_defaults() -> dict[str, object]:
    """The default of each configured number that has one (`defaults()` in `<app>/legal.py`)."""
    defaults: dict[str, object] = {}
    for contribution in app_hooks("legal", "defaults"):
        defaults.update(contribution())
    return defaults


def problems(index: LegalIndex, root: Path = ROOT) -> list[str]:
    return [
        *inconsistencies(index),
        *broken_implementations(index),
        *missing_tests(index, root),
        *unindexed_configuration(index),
        *disagreeing_sources(index),
    ]


# --- The generated page --------------------------------------------------------------------------


def render_markdown(index: LegalIndex) -> str:
    lines = [
        "# Legal rules and where they live",
        "",
        "<!-- Generated from docs/legal-rules.toml by `python manage.py describe_legal_rules`;",
        "     edit the TOML file and run the command again, never this page. -->",
        "",
        "Each rule the system implements, with its legal source, the code that implements it and",
        "the tests that check it. `taihoanhap/core/tests/test_legal_index.py` fails when a path or",
        "a test named here no longer exists, or when this page is out of date. Sources are as the",
        "domain brief and the code cite them; a note says where a fact is unverified or where the",
        "code departs from the rule.",
        "",
        f"{len(index.rules)} rules.",
        "",
        "## Legal documents",
        "",
        "| Document | Number | In English | Rules |",
        "|---|---|---|---|",
    ]
    for doc in index.documents.values():
        ids = [r.id for r in index.rules if any(s.document == doc.key for s in r.sources)]
        rules = ", ".join(f"[{i}](#{_anchor(i)})" for i in ids) or "—"
        lines.append(f"| {doc.vi} | {doc.number or '—'} | {doc.en} | {rules} |")
    for area, title in index.areas.items():
        area_rules = [rule for rule in index.rules if rule.area == area]
        if not area_rules:
            continue
        lines += ["", f"## {title}"]
        for rule in area_rules:
            lines += _rule_lines(rule, index.documents)
    return "\n".join(lines) + "\n"


def _rule_lines(rule: LegalRule, documents: dict[str, Document]) -> list[str]:
    sources = "; ".join(_source_text(source, documents) for source in rule.sources)
    lines = [
        "",
        f"### {rule.id}",
        "",
        rule.description,
        "",
        f"- Vietnamese: *{rule.name_vi}*",
        f"- Source: {sources}",
        "- Implemented by: " + ", ".join(f"`{path}`" for path in rule.implementation),
    ]
    if rule.configuration:
        defaults = configuration_defaults()
        lines.append(
            "- Configuration: " + ", ".join(_setting(n, defaults) for n in rule.configuration)
        )
    lines.append("- Tests:")
    lines += [f"  - `{node_id}`" for node_id in rule.tests]
    if rule.note:
        lines.append(f"- Note: {rule.note}")
    if rule.known_gaps:
        lines.append(
            "- Known gap, pinned by a strict xfail test (it fails once the code is fixed):"
        )
        lines += [f"  - `{node_id}`" for node_id in rule.known_gaps]
    return lines


def _setting(name: str, defaults: dict[str, object]) -> str:
    value = defaults.get(name)
    return f"`{name}`" if value is None else f"`{name}` (default {value!r})"


def _source_text(source: Source, documents: dict[str, Document]) -> str:
    doc = documents.get(source.document)
    title = doc.vi if doc is not None else source.document
    return f"{title}, {source.article}" if source.article else title


def _anchor(rule_id: str) -> str:
    """The heading anchor GitHub and most renderers give "### rule.id"."""
    return rule_id.replace(".", "")
