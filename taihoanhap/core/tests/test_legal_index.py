"""The index of legal rules (docs/legal-rules.toml) and its page tell the truth about the code.

When a refactoring moves a function or a test, the failure lists every entry to update, as
"rule <id>: implementation <dotted.path> does not resolve (...)" or "rule <id>: test <node id>:
...". Fix the paths in docs/legal-rules.toml, then run `python manage.py describe_legal_rules`.
"""

from __future__ import annotations

from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from taihoanhap.core import legal_index

INDEX = legal_index.load()


def assert_none(problems: list[str]) -> None:
    """One line per problem, so a failure lists every entry of the index to update."""
    assert not problems, "\n" + "\n".join(problems)


def test_every_implementation_path_resolves():
    assert_none(legal_index.broken_implementations(INDEX))


def test_every_test_named_by_a_rule_exists():
    assert_none(legal_index.missing_tests(INDEX))


def test_every_rule_has_at_least_one_test():
    assert all(rule.tests for rule in INDEX.rules)


def test_ids_areas_documents_and_configuration_names_are_known():
    assert_none(legal_index.inconsistencies(INDEX))


def test_every_configured_legal_number_is_indexed():
    assert_none(legal_index.unindexed_configuration(INDEX))


def test_the_sources_of_configured_numbers_agree_with_the_index():
    assert_none(legal_index.disagreeing_sources(INDEX))


def test_a_configured_number_citing_another_article_is_reported():
    stored = {"registry.rules:ADDRESS_CHECK_WORKING_DAYS": "Thông tư 10/2024/TT-BCA, Điều 9"}
    [problem] = legal_index.disagreeing_sources(INDEX, stored)
    assert "rule release.address-check: registry.rules:ADDRESS_CHECK_WORKING_DAYS" in problem


def test_the_page_is_generated_from_the_index():
    page = legal_index.PAGE_PATH.read_text(encoding="utf-8")
    assert page == legal_index.render_markdown(INDEX), (
        "docs/legal-rules.md is out of date: run `python manage.py describe_legal_rules`"
    )


# --- The checks catch what they are for --------------------------------------------------------


def _with(**changes: object) -> legal_index.LegalIndex:
    rule = replace(INDEX.rules[0], **changes)
    return replace(INDEX, rules=(rule, *INDEX.rules[1:]))


def test_a_moved_function_is_reported_with_its_rule_and_path():
    index = _with(implementation=("taihoanhap.registry.deadlines.no_such_function",))
    [problem] = legal_index.broken_implementations(index)
    assert INDEX.rules[0].id in problem
    assert "taihoanhap.registry.deadlines.no_such_function" in problem
    assert "taihoanhap.registry.deadlines has no attribute 'no_such_function'" in problem


def test_a_moved_module_is_reported_with_its_rule_and_path():
    index = _with(implementation=("taihoanhap.registry.no_such_module.verify_address",))
    [problem] = legal_index.broken_implementations(index)
    assert "taihoanhap.registry.no_such_module.verify_address does not resolve" in problem


def test_a_missing_test_file_or_function_is_reported():
    here = "taihoanhap/core/tests/test_legal_index.py"
    index = _with(
        tests=(
            f"{here}::test_that_does_not_exist",
            "taihoanhap/core/tests/test_nowhere.py::test_x",
            f"{here}::test_every_rule_has_at_least_one_test[with-a-parameter]",
        )
    )
    problems = legal_index.missing_tests(index)
    assert len(problems) == 2
    assert "no test 'test_that_does_not_exist'" in problems[0]
    assert "no file taihoanhap/core/tests/test_nowhere.py" in problems[1]


def test_a_rule_without_tests_is_reported():
    assert legal_index.missing_tests(_with(tests=())) == [f"rule {INDEX.rules[0].id}: has no test"]


def test_only_what_pytest_collects_counts_as_a_test(tmp_path: Path):
    (tmp_path / "test_x.py").write_text(
        "class TestThing:\n    def test_it_works(self):\n        pass\n\n"
        "    def helper(self):\n        pass\n\n"
        "async def test_async():\n    pass\n\n"
        "def make_thing():\n    pass\n",
        encoding="utf-8",
    )
    assert legal_index.defined_tests(tmp_path / "test_x.py") == {
        "TestThing",
        "TestThing::test_it_works",
        "test_async",
    }


def test_an_unindexed_configured_number_is_reported():
    kept = tuple(
        replace(rule, configuration=())
        if "registry.rules:REVOCATION_THRESHOLD" in rule.configuration
        else rule
        for rule in INDEX.rules
    )
    problems = legal_index.unindexed_configuration(replace(INDEX, rules=kept))
    assert len(problems) == 1
    assert "registry.rules:REVOCATION_THRESHOLD" in problems[0]


def test_an_entry_missing_a_key_is_refused(tmp_path: Path):
    broken = tmp_path / "rules.toml"
    broken.write_text(
        '[areas]\nx = "X"\n[documents.d]\nvi = "D"\nen = "D"\n[[rule]]\nid = "x.y"\narea = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"legal rule 'x\.y': missing keys"):
        legal_index.load(broken)


# --- The command ---------------------------------------------------------------------------------


def test_the_command_writes_the_page(tmp_path: Path):
    output = tmp_path / "legal-rules.md"
    call_command("describe_legal_rules", output=output, stdout=StringIO())
    assert output.read_text(encoding="utf-8") == legal_index.render_markdown(INDEX)


def test_the_command_check_fails_on_a_stale_page(tmp_path: Path):
    output = tmp_path / "legal-rules.md"
    output.write_text("# stale\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("describe_legal_rules", check=True, output=output, stdout=StringIO())
