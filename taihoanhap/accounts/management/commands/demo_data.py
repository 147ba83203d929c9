from __future__ import annotations

import random
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from taihoanhap.accounts.models import User
from taihoanhap.core.demo import DemoContext
from taihoanhap.core.discovery import app_modules
from taihoanhap.geo.models import AdminUnit, UnitLevel


# The command lives in `accounts`, the highest app of the bottom layer: it needs the units (`geo`)
# and the demo accounts (`accounts`), and reaches the apps above only through their `demo.py`
# modules, found by `core.discovery` (so `core` itself imports none of them).
class Command(BaseCommand):
    help = (
        "Create realistic Vietnamese demo data: demo accounts for every role and the given "
        "number of persons with their cases, spread over the communes of one province "
        "(default Đồng Nai, code 75). Needs the administrative units (manage.py load_units). "
        "With --if-empty it does nothing when demo accounts already exist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--persons", type=int, default=300, help="number of persons")
        parser.add_argument("--province", default=None, help="province code (default: setting)")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--if-empty", action="store_true", help="skip if data exists")

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        if options["if_empty"] and User.objects.filter(username="ca.xa").exists():
            self.stdout.write("Demo data already present; nothing to do.")
            return
        code = options["province"] or settings.DEFAULT_PROVINCE_CODE
        province = AdminUnit.objects.current().filter(level=UnitLevel.PROVINCE, code=code).first()
        if province is None:
            raise CommandError(f"Province {code} not found: run `manage.py load_units` first.")
        communes = list(province.children.current().order_by("code"))
        started = time.monotonic()

        def progress(message: str) -> None:
            self.stdout.write(f"  [{time.monotonic() - started:6.1f}s] {message}")
            self.stdout.flush()

        ctx = DemoContext(
            province=province,
            communes=communes,
            persons=options["persons"],
            rng=random.Random(options["seed"]),
            today=timezone.localdate(),
            progress=progress,
        )
        for module in app_modules("demo"):
            if not hasattr(module, "generate"):
                continue
            progress(f"{module.__name__.split('.')[1]}…")
            with transaction.atomic():
                module.generate(ctx)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready for {province}."))
