from django.core.management.base import BaseCommand

from taihoanhap.audit.services import seal_views


class Command(BaseCommand):
    help = (
        "Chain the record views waiting to be chained into the audit trail (each view is "
        "written in one statement and chained in batches). Run it every minute; safe to run "
        "at any time and several at once."
    )

    def handle(self, *args, **options) -> None:
        sealed = seal_views()
        if options["verbosity"] > 0:
            self.stdout.write(f"{sealed} views chained into the audit trail.")
