"""Rows of the persons list, the work queue, the person's timeline, deadlines and actions,
built in Python.

The list renders 25 rows of six cells on every search, the work queue up to 50 items on every
visit, the timeline up to 200 entries on every person page; through the template engine each
cell cost a variable lookup, a filter and a tag, half the page's time. The HTML is the same,
every value escaped (core.html, the same escaping as format_html).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from taihoanhap.core.html import day_text, esc, html
from taihoanhap.core.models import choice_label
from taihoanhap.core.reversing import reverse_pk
from taihoanhap.geo.models import unit_label
from taihoanhap.registry.models import Person, birth_label
from taihoanhap.registry.templatetags.registry_tags import status_tag
from taihoanhap.registry.workqueue import WorkItem

# The list's columns, read as plain values: building 25 Person and AdminUnit instances cost
# more than the query.
LIST_VALUES = (
    "pk",
    "full_name",
    "birth_date",
    "birth_year",
    "commune__kind",
    "commune__name",
    "release_date",
    "case_status",
    "case_class",
)


def person_rows(persons: Iterable[tuple], *, offence: bool) -> list[SafeString]:
    """One <tr> per person (LIST_VALUES tuples); the status and class cells only for roles
    that see the offence."""
    name, birth, commune, release = (
        esc(_("Full name")),
        esc(_("Date of birth")),
        esc(_("Commune, ward or special zone")),
        esc(_("Release date")),
    )
    status, klass = esc(_("Status")), esc(_("Class"))
    status_field = Person._meta.get_field("case_status")
    rows = []
    for (
        pk,
        full_name,
        birth_date,
        birth_year,
        kind,
        unit,
        released,
        case_status,
        case_class,
    ) in persons:
        cells = (
            f'<td data-label="{name}"><a href="{reverse_pk("registry:person_detail", pk)}">'
            f"{esc(full_name)}</a></td>"
            f'<td data-label="{birth}">{birth_label(birth_date, birth_year)}</td>'
            f'<td data-label="{commune}">{esc(unit_label(kind, unit))}</td>'
            f'<td data-label="{release}">{day_text(released) if released else "—"}</td>'
        )
        if offence:
            tag = (
                status_tag(case_status, choice_label(status_field, case_status))
                if case_status
                else "—"
            )
            cells += f'<td data-label="{status}">{tag}</td>'
            cells += f'<td data-label="{klass}">{esc(case_class or "—")}</td>'
        # Every value above is escaped (esc) or made here from dates and safe markup.
        rows.append(SafeString(f"<tr>{cells}</tr>"))
    return rows


def queue_rows(items: Iterable[WorkItem], *, overdue: bool) -> list[SafeString]:
    """One <li> per work queue item (up to 50 on every visit to the officer's landing page)."""
    css = "queue__item queue__item--overdue" if overdue else "queue__item"
    tag = f' <span class="tag tag--bad">{esc(_("Overdue"))}</span>' if overdue else ""
    rows = []
    for item in items:
        day = day_text(item.due_on)
        source = (
            f'<span class="queue__source muted">{esc(item.legal_source)}</span>'
            if item.legal_source
            else ""
        )
        person = esc(f": {item.person_name}") if item.person_name else ""
        rows.append(
            SafeString(
                f'<li class="{css}"><span class="queue__date">{day}{tag}</span>'
                f'<a class="queue__title" href="{esc(item.url)}">{esc(item.title)}{person}</a>'
                f"{source}</li>"
            )
        )
    return rows


def timeline_rows(entries: list[tuple[date, str, str | None]]) -> list[SafeString]:
    """One <li> per timeline entry (registry.timeline.timeline_of), in their order."""
    return [
        html(
            "<li><strong>{}</strong> · {}{}</li>",
            day_text(occurred_on),
            summary,
            html(' <span class="muted">({})</span>', agency) if agency else "",
        )
        for occurred_on, summary, agency in entries
    ]


def deadline_rows(deadlines: Iterable[Any], today: date) -> list[SafeString]:
    """One <tr> per open deadline of the person page (registry.selectors.DeadlineRow)."""
    due, what, source = esc(_("Due on")), esc(_("What")), esc(_("Legal source"))
    overdue = f'<span class="tag tag--bad">{esc(_("Overdue"))}</span>'
    due_today = f'<span class="tag tag--warn">{esc(_("Today"))}</span>'
    rows = []
    for deadline in deadlines:
        tag = overdue if deadline.due_on < today else due_today if deadline.due_on == today else ""
        rows.append(
            SafeString(
                f'<tr><td data-label="{due}">{day_text(deadline.due_on)} {tag}</td>'
                f'<td data-label="{what}">{esc(deadline.kind)}</td>'
                f'<td data-label="{source}">{esc(deadline.legal_source or "—")}</td></tr>'
            )
        )
    return rows


def action_links(actions: Iterable[tuple[Any, str]]) -> tuple[SafeString, SafeString]:
    """The case's (action, url) pairs as buttons (the primary ones) and as list items."""
    buttons, items = [], []
    for action, url in actions:
        title, href = esc(action.title), esc(url)
        if action.primary:
            buttons.append(f'<a class="button" href="{href}">{title}</a>')
        else:
            danger = ' class="danger-link"' if action.danger else ""
            items.append(f'<li><a href="{href}"{danger}>{title}</a></li>')
    return SafeString("".join(buttons)), SafeString("".join(items))
