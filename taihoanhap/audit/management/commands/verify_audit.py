from django.core.management.base import BaseCommand, CommandError

from taihoanhap.audit.services import seal_views, verify_chain


class Command(BaseCommand):
    help = (
        "Verify the audit trail's hash chain from the first event to the last. Exits with an "
        "error naming the first broken link if any event was changed, removed or reordered. "
        "Views still waiting to be chained are chained first."
    )

    def handle(self, *args, **options) -> None:
        seal_views()
        report = verify_chain()
        if report.problem is not None:
            raise CommandError(
                f"Audit chain broken at event #{report.problem.seq}: {report.problem.reason} "
                f"({report.checked} events before it are intact)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} events."))
