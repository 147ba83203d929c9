from __future__ import annotations

import polib
from django.core.management.base import BaseCommand, CommandError

from taihoanhap.core.management.commands.compile_translations import catalogues


class Command(BaseCommand):
    help = (
        "Fail if any Vietnamese catalogue has an untranslated or fuzzy entry, so no English "
        "text reaches a Vietnamese page. Run after `makemessages -l vi` (make i18n)."
    )

    def handle(self, *args, **options) -> None:
        problems: list[str] = []
        for po_path in catalogues():
            if po_path.parent.parent.name != "vi":
                continue
            catalogue = polib.pofile(str(po_path))
            for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
                if entry.obsolete:
                    continue
                problems.append(f"{po_path}: {entry.msgid!r}")
        if problems:
            raise CommandError(
                f"{len(problems)} Vietnamese translation(s) missing or fuzzy:\n"
                + "\n".join(problems)
            )
        self.stdout.write("Vietnamese catalogues complete.")
