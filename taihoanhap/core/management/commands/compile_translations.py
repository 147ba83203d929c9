from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues() -> list[Path]:
    return sorted((Path(settings.BASE_DIR) / "taihoanhap").glob("**/locale/*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = (
        "Compile every .po catalogue of the project into .mo files. Pure Python (polib), so "
        "it needs no GNU gettext on the machine; `make run` and `make test` call it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
        if options["verbosity"]:
            self.stdout.write(f"{compiled} catalogue(s) compiled.")
