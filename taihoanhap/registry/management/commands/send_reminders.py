from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from taihoanhap.registry.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail the day's reminders of registry deadlines (address checks, receptions, parolee "
        "reports, monthly probation assessments, absence decisions, classifications, "
        "expungement reviews) to the officer in charge of each case, or else to the commune "
        "police officers of the person's commune. Each deadline is reminded once when it comes "
        "within REMINDER_LEAD_DAYS (registry.rules, default 3) of its due date and once more "
        "when it falls due; what was sent is marked on the deadline, so the command is safe to "
        "run several times a day (e.g. cron at 07:00 and 13:00) and never sends a reminder "
        "twice. E-mail goes through Django's e-mail settings (EMAIL_HOST...; without them, to "
        "files in the data folder). Messages carry links, not names or ID numbers."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "SITE_URL", ""),
            help="Address of the site for the links, e.g. https://taihoanhap.dongnai.gov.vn "
            "(default: the SITE_URL setting, if any).",
        )
        parser.add_argument(
            "--date",
            default=None,
            help="Act as if today were this date (dd/mm/yyyy), to catch up after an outage.",
        )

    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                day, month, year = (int(part) for part in options["date"].split("/"))
                today = date(year, month, day)
            except ValueError as error:
                raise CommandError("--date must be dd/mm/yyyy") from error
        report = send_reminders(today, base_url=options["base_url"])
        self.stdout.write(
            f"{today:%d/%m/%Y}: {report.emails} e-mail(s) for {report.deadlines} deadline(s); "
            f"{report.without_recipient} without a recipient; {report.failed} failed."
        )
        if report.failed:
            raise CommandError(
                f"{report.failed} e-mail(s) could not be sent; they will be retried."
            )
