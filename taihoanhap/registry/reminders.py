"""E-mail reminders of registry deadlines, sent by `manage.py send_reminders`.

Each open deadline gets at most two reminders: one when it comes within REMINDER_LEAD_DAYS of
its due date, and one on (or after) the due date itself. `Deadline.reminded_on` records the
last one sent. A run first claims what it will send (marks it, in one transaction that skips
rows another run holds), then sends; so running the command twice a day, or twice at once,
never sends a reminder twice. A reminder whose e-mails all failed is unmarked, to be retried.

Recipients: the case's officer in charge, or else every active commune police officer of the
person's commune, with an e-mail address. The message names the duty, its date and a link to
the person's page (an opaque address): no names or ID numbers leave the system by e-mail.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from taihoanhap.accounts.models import User
from taihoanhap.accounts.roles import Role
from taihoanhap.registry.models import Deadline, DeadlineKind, DeadlineStatus
from taihoanhap.registry.rules import rule

logger = logging.getLogger(__name__)
_BATCH = 500


@dataclass
class ReminderReport:
    emails: int = 0
    deadlines: int = 0  # deadlines reminded
    without_recipient: int = 0
    failed: int = 0  # e-mails that could not be sent


def due_condition(today: date) -> Q:
    """Open deadlines owing a reminder today: never reminded and within the lead time, or due
    and not reminded since they fell due."""
    lead = today + timedelta(days=rule("REMINDER_LEAD_DAYS"))
    never = Q(reminded_on__isnull=True, due_on__lte=lead)
    falls_due = Q(due_on__lte=today, reminded_on__lt=F("due_on"))
    return Q(status=DeadlineStatus.OPEN) & (never | falls_due)


def _claim(today: date) -> list[tuple[Deadline, date | None]]:
    """Mark the deadlines this run will remind; returns them with their previous mark."""
    with transaction.atomic():
        owed = list(
            Deadline.objects.filter(due_condition(today))
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("case")
            .order_by("due_on")
        )
        claimed = [(deadline, deadline.reminded_on) for deadline in owed]
        ids = [deadline.pk for deadline in owed]
        for start in range(0, len(ids), _BATCH):
            Deadline.objects.filter(pk__in=ids[start : start + _BATCH]).update(reminded_on=today)
    return claimed


def _recipients(deadlines: list[Deadline]) -> dict[object, list[User]]:
    officer_ids = {d.case.officer_id for d in deadlines if d.case.officer_id}
    officers = {
        user.pk: user
        for user in User.objects.filter(pk__in=officer_ids, is_active=True).exclude(email="")
    }
    by_commune: dict[int, list[User]] = defaultdict(list)
    for user in (
        User.objects.filter(is_active=True, role=Role.COMMUNE_POLICE, agency__is_active=True)
        .exclude(email="")
        .select_related("agency")
    ):
        by_commune[user.agency.unit_id].append(user)
    return {
        deadline.pk: [officers[deadline.case.officer_id]]
        if deadline.case.officer_id in officers
        else by_commune.get(deadline.commune_id, [])
        for deadline in deadlines
    }


def send_reminders(today: date, *, base_url: str = "") -> ReminderReport:
    report = ReminderReport()
    claimed = _claim(today)
    deadlines = [deadline for deadline, _previous in claimed]
    recipients = _recipients(deadlines)
    batches: dict[int, tuple[User, list[Deadline]]] = {}
    for deadline in deadlines:
        for user in recipients[deadline.pk]:
            batches.setdefault(user.pk, (user, []))[1].append(deadline)
    delivered: set[object] = set()
    for user, items in batches.values():
        try:
            _send(user, items, today, base_url)
        except OSError:
            # SMTP refused or unreachable: logged without personal data, retried next run.
            logger.exception("Reminder e-mail to user %s failed", user.pk)
            report.failed += 1
            continue
        report.emails += 1
        delivered.update(deadline.pk for deadline in items)
    for deadline, previous in claimed:
        if deadline.pk in delivered:
            report.deadlines += 1
            continue
        if not recipients[deadline.pk]:
            report.without_recipient += 1
        # Not delivered: give the mark back so a later run (or a new address) retries it.
        Deadline.objects.filter(pk=deadline.pk, reminded_on=today).update(reminded_on=previous)
    return report


def _send(user: User, deadlines: list[Deadline], today: date, base_url: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "[Reintegration] %(count)d duty due",
            "[Reintegration] %(count)d duties due",
            len(deadlines),
        ) % {"count": len(deadlines)}
        body = _message(user, deadlines, today, base_url.rstrip("/"))
    send_mail(subject, body, None, [user.email])


def _message(user: User, deadlines: list[Deadline], today: date, base_url: str) -> str:
    lines = [
        _("Hello %(name)s,") % {"name": user.get_full_name()},
        "",
        _("These duties in your area are due or coming up:"),
        "",
    ]
    for deadline in deadlines:
        state = _("overdue") if deadline.due_on < today else _("due")
        url = base_url + reverse("registry:person_detail", kwargs={"pk": deadline.case.person_id})
        lines.append(f"- {deadline.due_on:%d/%m/%Y} ({state}): {DeadlineKind(deadline.kind).label}")
        lines.append(f"  {url}")
    lines += ["", _("Your full list: %(url)s") % {"url": base_url + reverse("registry:work_queue")}]
    return "\n".join(str(line) for line in lines)
