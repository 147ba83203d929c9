"""docs/layers.md says what the import contracts say, and the contracts hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from taihoanhap.core.layers import describe, read_contracts

ROOT = Path(settings.BASE_DIR)


def test_the_committed_docs_layers_md_is_the_text_generated_from_the_contracts():
    expected = describe(read_contracts(ROOT / "pyproject.toml"))
    committed = (ROOT / "docs" / "layers.md").read_text(encoding="utf-8")
    assert committed == expected, (
        "docs/layers.md differs from the contracts: run "
        "`python manage.py describe_layers > docs/layers.md`"
    )


def test_the_page_lists_layers_top_first_and_marks_planned_and_independent_apps():
    text = describe(
        [
            {
                "id": "stack",
                "name": "Stack",
                "type": "layers",
                "layers": [
                    "(taihoanhap.api)",
                    "taihoanhap.jobs | taihoanhap.credit",
                    "taihoanhap.core",
                ],
                "ignore_imports": ["taihoanhap.core.tests.x -> taihoanhap.jobs.models"],
            }
        ]
    )
    assert "| 3 | `api` (planned) |  |" in text
    assert "| 2 | `jobs` (Employment and job fairs), `credit` (" in text
    assert "| 2 |" in text and "independent of each other" in text
    assert "| 1 | `core` (Core) |  |" in text
    assert "| `stack` | `taihoanhap.core.tests.x -> taihoanhap.jobs.models` |" in text


def test_the_import_contracts_hold():
    """The same check as `make lint`, so that a broken layer also fails the test suite."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
