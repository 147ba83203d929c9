"""`manage.py send_reminders`: each reminder is sent once, to the right officer, without
personal data; what was sent is marked.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from taihoanhap.registry import deadlines as registry_deadlines
from taihoanhap.registry.models import Deadline, DeadlineKind, DeadlineStatus
from taihoanhap.registry.reminders import send_reminders
from taihoanhap.registry.tests.factories import make_case

TODAY = date(2026, 3, 9)  # a Monday


@pytest.fixture
def officer(cast):
    user = cast.users["commune_a"]
    user.email = "ca.phuong@example.gov.vn"
    user.save(update_fields=["email"])
    return user


def deadline(case, due_on, kind=DeadlineKind.CLASSIFICATION):
    return registry_deadlines.open_deadline(case, kind=kind, due_on=due_on)


def test_a_deadline_is_reminded_once_ahead_and_once_when_due(cast, officer):
    case = make_case(commune=cast.commune_a, officer=officer)
    row = deadline(case, TODAY + timedelta(days=2))
    assert send_reminders(TODAY).emails == 1
    assert send_reminders(TODAY).emails == 0  # a second run the same day
    assert send_reminders(TODAY + timedelta(days=1)).emails == 0  # not due yet
    assert send_reminders(TODAY + timedelta(days=2)).emails == 1  # due today
    assert send_reminders(TODAY + timedelta(days=2)).emails == 0
    assert send_reminders(TODAY + timedelta(days=5)).emails == 0  # overdue: already told
    assert len(mail.outbox) == 2
    row.refresh_from_db()
    assert row.reminded_on == TODAY + timedelta(days=2)


def test_a_deadline_far_ahead_or_done_is_not_reminded(cast, officer):
    case = make_case(commune=cast.commune_a, officer=officer)
    deadline(case, TODAY + timedelta(days=20))
    done = deadline(case, TODAY, kind=DeadlineKind.EXPUNGEMENT_REVIEW)
    Deadline.objects.filter(pk=done.pk).update(status=DeadlineStatus.DONE)
    assert send_reminders(TODAY).emails == 0


def test_one_email_per_officer_lists_the_duties_without_names(cast, officer):
    first = make_case(commune=cast.commune_a, officer=officer)
    second = make_case(commune=cast.commune_a, officer=officer)
    deadline(first, TODAY - timedelta(days=3))
    deadline(second, TODAY)
    report = send_reminders(TODAY, base_url="https://th.example.gov.vn/")
    assert (report.emails, report.deadlines) == (1, 2)
    message = mail.outbox[0]
    assert message.to == ["ca.phuong@example.gov.vn"]
    assert f"https://th.example.gov.vn/ho-so/nguoi/{first.person_id}/" in message.body
    assert first.person.full_name not in message.body
    assert first.person.citizen_id not in message.body
    assert "03/2026" in message.body


def test_without_an_officer_in_charge_the_communes_officers_are_reminded(cast, officer):
    case = make_case(commune=cast.commune_a)
    deadline(case, TODAY)
    send_reminders(TODAY)
    assert mail.outbox[0].to == [officer.email]


def test_a_deadline_nobody_can_receive_stays_unmarked(cast):
    case = make_case(commune=cast.commune_b)
    row = deadline(case, TODAY)
    report = send_reminders(TODAY)
    assert (report.emails, report.without_recipient) == (0, 1)
    row.refresh_from_db()
    assert row.reminded_on is None


def test_the_command_reports_what_it_sent(cast, officer, capsys):
    case = make_case(commune=cast.commune_a, officer=officer)
    deadline(case, TODAY)
    call_command("send_reminders", "--date", "09/03/2026")
    call_command("send_reminders", "--date", "09/03/2026")
    output = capsys.readouterr().out
    assert "1 e-mail(s) for 1 deadline(s)" in output
    assert "0 e-mail(s) for 0 deadline(s)" in output
    assert len(mail.outbox) == 1
