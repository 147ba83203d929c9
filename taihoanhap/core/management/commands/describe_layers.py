from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from taihoanhap.core.layers import describe, read_contracts


class Command(BaseCommand):
    help = (
        "Print docs/layers.md: the layers of the apps and the other import contracts, read "
        "from the import-linter configuration in pyproject.toml. Regenerate the page with "
        "`python manage.py describe_layers > docs/layers.md` after changing the contracts."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        contracts = read_contracts(Path(settings.BASE_DIR) / "pyproject.toml")
        self.stdout.write(describe(contracts), ending="")
