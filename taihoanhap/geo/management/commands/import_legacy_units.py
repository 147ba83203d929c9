from django.core.management.base import BaseCommand, CommandError

from taihoanhap.geo.services import UnitImportError, import_legacy_units


class Command(BaseCommand):
    help = (
        "Import pre-2025 administrative units and their successor links from a CSV file "
        "(columns: level, kind, code, name, parent_code, valid_from, valid_to, successor_codes; "
        "see docs/geo.md). All-or-nothing; safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("csv_path")

    def handle(self, *args, **options) -> None:
        try:
            result = import_legacy_units(options["csv_path"])
        except UnitImportError as exc:
            raise CommandError("Nothing imported:\n" + "\n".join(exc.errors)) from None
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rows} rows: {result.created} units created, {result.updated} updated, "
                f"{result.links} successor links added."
            )
        )
