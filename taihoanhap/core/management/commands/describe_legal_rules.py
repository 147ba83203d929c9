"""Generate docs/legal-rules.md from docs/legal-rules.toml, or check that both tell the truth."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taihoanhap.core import legal_index


class Command(BaseCommand):
    help = (
        "Write docs/legal-rules.md from the index of legal rules (docs/legal-rules.toml): each "
        "rule's legal source, the code implementing it and its tests. With --check, write "
        "nothing and fail if the page is out of date or if the index names an implementation "
        "path or a test that does not exist (each broken path is listed)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Fail instead of writing when the page or the index is out of step.",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=legal_index.PAGE_PATH,
            help="Where to write the page (default: docs/legal-rules.md).",
        )

    def handle(self, *args: Any, check: bool, output: Path, **options: Any) -> None:
        index = legal_index.load()
        text = legal_index.render_markdown(index)
        if not check:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {len(index.rules)} rules to {output}.")
            return
        problems = legal_index.problems(index)
        if not output.is_file() or output.read_text(encoding="utf-8") != text:
            problems.append(f"{output} is out of date: run `python manage.py describe_legal_rules`")
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(f"{len(index.rules)} rules: the index and {output} are up to date.")
