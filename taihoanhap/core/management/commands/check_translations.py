from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from taihoanhap.core.management.commands.compile_translations import catalogues


class Command(BaseCommand):
    help = (
        "Fail if any Vietnamese catalogue has an untranslated or fuzzy entry (so no English "
        "reaches a Vietnamese page), or if two catalogues translate the same English "
        "differently (Django merges them, so one would silently win). With --extract it first "
        "runs makemessages (needs GNU gettext), keeping a catalogue file untouched when only "
        "its header or line wrapping would change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--extract", action="store_true", help="run makemessages first")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["extract"]:
            extract()
        problems: list[str] = []
        # Django merges every app's catalogue into one: the same English (and context) must
        # mean the same Vietnamese everywhere, or one app's wording silently wins in another.
        seen: dict[tuple[str, str], tuple[str, str]] = {}
        for po_path in catalogues():
            if po_path.parent.parent.name != "vi":
                continue
            catalogue = polib.pofile(str(po_path))
            for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
                if entry.obsolete:
                    continue
                problems.append(f"{po_path}: {entry.msgid!r}")
            for entry in catalogue.translated_entries():
                key = (entry.msgctxt or "", entry.msgid)
                text = entry.msgstr or str(entry.msgstr_plural)
                earlier = seen.setdefault(key, (text, str(po_path)))
                if earlier[0] != text:
                    problems.append(
                        f"{po_path}: {entry.msgid!r} is {text!r} here but {earlier[0]!r} in "
                        f"{earlier[1]}; use the same words or a message context (pgettext)"
                    )
        if problems:
            raise CommandError(
                f"{len(problems)} Vietnamese translation(s) missing or fuzzy:\n"
                + "\n".join(problems)
            )
        self.stdout.write("Vietnamese catalogues complete.")


def _entries(path: Path) -> list[tuple[str, str, str, str, str, bool]]:
    return [
        (e.msgctxt or "", e.msgid, e.msgid_plural, e.msgstr, str(e.msgstr_plural), e.fuzzy)
        for e in polib.pofile(str(path))
    ]


def extract() -> None:
    """makemessages for Vietnamese, without dirtying files whose entries did not change."""
    before = {path: (path.read_bytes(), _entries(path)) for path in catalogues()}
    call_command("makemessages", locale=["vi"], no_obsolete=True, no_location=True, verbosity=0)
    for path, (content, entries) in before.items():
        if path.exists() and _entries(path) == entries:
            path.write_bytes(content)
