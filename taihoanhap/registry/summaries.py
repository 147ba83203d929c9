"""The person page's summaries (identity, residence, each sentence, each case and its
classification history) as definition lists and rows built in Python.

Through the template engine each line cost a variable lookup per field, a filter per date and a
tag per label, and the page shows about forty: a third of its cost, more than its SQL. The
markup is the template's, every value escaped (core.html); the texts are the same messages the
templates used (`blocktranslate`'s %(name)s form), so the catalogues translate them unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from taihoanhap.core.citizen_id import display_citizen_id
from taihoanhap.core.html import day_text, esc

DASH = "—"

Line = tuple[str, str] | None  # (label, value as HTML); None: not shown


def summary(lines: Iterable[Line]) -> SafeString:
    """<dl class="summary"> of the (label, value HTML) lines that are not None."""
    items = "".join(f"<dt>{esc(line[0])}</dt><dd>{line[1]}</dd>" for line in lines if line)
    return SafeString(f'<dl class="summary">{items}</dl>')


def _day(value: date | None) -> str:
    return day_text(value) if value else ""


def _or_dash(value: Any) -> str:
    return esc(value) if value else DASH


def _with_days(message: str, **days: date | None) -> str:
    """A translated message with dates put in (the msgstr as `blocktranslate` gives it)."""
    return message % {name: _day(day) for name, day in days.items()}


def term_label(sentence: Any) -> str:
    if sentence.is_life:
        return _("Life imprisonment")
    return _("%(years)s years %(months)s months") % {
        "years": sentence.term_years,
        "months": sentence.term_months,
    }


def identity_summary(person: Any) -> SafeString:
    return summary(
        [
            (_("Full name"), esc(person.full_name)),
            (_("Other names"), esc(person.other_names)) if person.other_names else None,
            (_("Date of birth"), esc(person.birth_label)),
            (_("Sex"), esc(person.get_sex_display())),
            (_("Ethnicity"), _or_dash(person.ethnicity)),
            (_("Personal identification number"), _or_dash(display_citizen_id(person.citizen_id))),
            (_("Place of birth registration"), _or_dash(person.birth_registration_place)),
        ]
    )


def residence_summary(person: Any) -> SafeString:
    current = f"{esc(person.current_address)}, " if person.current_address else ""
    permanent = esc(person.permanent_address)
    if person.permanent_address and person.permanent_commune:
        permanent += ", "
    if person.permanent_commune:
        permanent += esc(person.permanent_commune)
    return summary(
        [
            (_("Current residence"), f"{current}{esc(person.commune)}, {esc(person.province)}"),
            (_("Permanent residence"), permanent or DASH),
            (_("Phone"), _or_dash(person.phone)),
            (_("Family contact"), _or_dash(person.family_contact)),
        ]
    )


def sentence_summary(sentence: Any) -> SafeString:
    articles = sentence.penal_code_articles
    offences = esc(sentence.offences)
    if articles:
        joined = esc(", ".join(str(article) for article in articles))
        offences += f" ({esc(_('Criminal Code art.'))} {joined})"
    term = esc(term_label(sentence))
    if sentence.start_date:
        term += f" · {_day(sentence.start_date)} – {_day(sentence.end_date) or '…'}"
    penalties = obligations = None
    if sentence.additional_penalties:
        until = (
            f" ({esc(_('until'))} {_day(sentence.additional_penalties_end)})"
            if sentence.additional_penalties_end
            else ""
        )
        penalties = (_("Additional penalties"), esc(sentence.additional_penalties) + until)
    if sentence.civil_obligations:
        tag = (
            f'<span class="tag tag--ok">{esc(pgettext("civil obligations", "Settled"))}</span>'
            if sentence.civil_obligations_settled
            else f'<span class="tag tag--warn">{esc(_("Not settled"))}</span>'
        )
        obligations = (_("Civil obligations"), f"{esc(sentence.civil_obligations)} · {tag}")
    judgment = (
        f"{esc(sentence.judgment_number)}, {_day(sentence.judgment_date)} · {esc(sentence.court)}"
    )
    return summary(
        [
            (_("Judgment"), judgment),
            (_("Offences"), offences),
            (_("Term"), term),
            penalties,
            obligations,
        ]
    )


def case_summary(case: Any) -> SafeString:
    return summary(
        [
            (_("Release"), _release(case.release)),
            _notice(case),
            _address_check(case),
            (
                (
                    _("Reply HCD-03"),
                    f"{_or_dash(case.mismatch_reply_number)}, {_day(case.mismatch_reply_date)}",
                )
                if case.mismatch_reply_date
                else None
            ),
            _reception(case),
            (_("Officer in charge"), _or_dash(case.officer)),
            (_("Occupation"), esc(case.occupation)) if case.occupation else None,
            (_("Needs noted"), linebreaksbr(case.needs)) if case.needs else None,
            (
                (_("Family situation"), linebreaksbr(case.family_situation))
                if case.family_situation
                else None
            ),
            _probation(case),
            _revocation(case),
            (_("Held since"), _day(case.held_since)) if case.held_since else None,
            _closure(case),
        ]
    )


def _release(release: Any) -> str:
    text = f"{esc(release.get_type_display())} · {_or_dash(release.facility_label)}"
    if release.certificate_number:
        text += f" · {esc(_('certificate'))} {esc(release.certificate_number)}"
        if release.certificate_date:
            text += f" ({_day(release.certificate_date)})"
    return text


def _notice(case: Any) -> Line:
    if not case.notice_received_on:
        return None
    text = _("received %(day)s from %(sender)s") % {
        "day": _day(case.notice_received_on),
        "sender": _or_dash(case.notice_sender),
    }
    if case.notice_reference:
        text += f" ({esc(case.notice_reference)})"
    return _("Pre-release notice"), text


def _address_check(case: Any) -> Line:
    if not case.address_checked_on:
        return None
    note = f": {esc(case.address_check_note)}" if case.address_check_note else ""
    return _("Address check"), _day(case.address_checked_on) + note


def _reception(case: Any) -> Line:
    if not case.received_on:
        return None
    text = _day(case.received_on)
    if case.reception_place:
        text += f" · {esc(case.reception_place)}"
    if case.commitment_signed:
        text += f" · {esc(_('commitment HCD-05 signed'))}"
    return _("Received at the commune"), text


def _probation(case: Any) -> Line:
    if not case.probation_end:
        return None
    text = _with_days(_("until %(day)s"), day=case.probation_end)
    if case.reported_on:
        text += " · " + _with_days(_("reported on %(day)s"), day=case.reported_on)
    if case.probation_ended_on:
        text += " · " + _with_days(_("ended on %(day)s"), day=case.probation_ended_on)
    return _("Probation"), text


def _revocation(case: Any) -> Line:
    if not case.revocation_flagged:
        return None
    text = f'<span class="tag tag--bad">{esc(_("Violations reached the threshold"))}</span>'
    if case.revocation_proposed_on:
        text += " · " + _with_days(_("proposal sent on %(day)s"), day=case.revocation_proposed_on)
    return _("Revocation"), text


def _closure(case: Any) -> Line:
    if not case.is_closed:
        return None
    text = f"{_day(case.closed_on)} · {esc(case.get_closure_ground_display())}"
    if case.closure_reference:
        text += f" · {esc(case.closure_reference)}"
    if case.closure_note:
        text += f"<br>{esc(case.closure_note)}"
    return _("Closed"), text


def classification_rows(entries: Iterable[Any]) -> SafeString:
    """The <tr> of the case's classification history (registry.selectors.ClassificationRow)."""
    when, klass, reason, by = (
        esc(_("Date")),
        esc(_("Class")),
        esc(_("Reason")),
        esc(_("Decided by")),
    )
    return SafeString(
        "".join(
            f'<tr><td data-label="{when}">{_day(entry.decided_on)}</td>'
            f'<td data-label="{klass}"><span class="tag tag--info">{esc(entry.value)}</span></td>'
            f'<td data-label="{reason}">{esc(entry.reason)}</td>'
            f'<td data-label="{by}">{_or_dash(entry.decided_by)}</td></tr>'
            for entry in entries
        )
    )
