from django.core.management.base import BaseCommand

from taihoanhap.geo.services import load_current_units


class Command(BaseCommand):
    help = (
        "Load the current administrative units (34 provinces, 3,321 communes, valid from "
        "01/07/2025) from the vietnam-provinces package. Safe to run again: it changes only "
        "what differs."
    )

    def handle(self, *args, **options) -> None:
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"\r  {done}/{total} units", ending="")
            self.stdout.flush()

        result = load_current_units(progress=progress if options["verbosity"] else None)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Units: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
