"""Django merges every catalogue into one at run time: these tests check that the Vietnamese
each app wrote is the Vietnamese its pages show, and that check_translations catches two
catalogues that translate the same English differently."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from taihoanhap.core.management.commands.compile_translations import catalogues


def _shown(entry: polib.POEntry) -> str:
    context, msgid = entry.msgctxt, entry.msgid
    if entry.msgid_plural and context:
        return translation.npgettext(context, msgid, entry.msgid_plural, 1)
    if entry.msgid_plural:
        return translation.ngettext(msgid, entry.msgid_plural, 1)
    return translation.pgettext(context, msgid) if context else translation.gettext(msgid)


def test_every_vietnamese_entry_is_what_a_vietnamese_page_shows():
    """Neither another app's catalogue nor Django's own (admin, auth: "Save" = "Lưu lại")
    may override an entry. Compile first (`make setup` does) or the .mo files are stale."""
    overridden = []
    with translation.override("vi"):
        for po_path in catalogues():
            if po_path.parent.parent.name != "vi":
                continue
            for entry in polib.pofile(str(po_path)).translated_entries():
                expected = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
                shown = _shown(entry)
                if shown != expected:
                    overridden.append(f"{po_path}: {entry.msgid!r} shows {shown!r}")
    assert overridden == [], "\n".join(overridden)


def _catalogue(root: Path, app: str, entries: list[tuple[str | None, str, str]]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "vi"}
    for context, msgid, msgstr in entries:
        po.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
    path = root / "taihoanhap" / app / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))


def test_check_translations_refuses_the_same_english_translated_two_ways(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    _catalogue(tmp_path, "audit", [(None, "From", "Từ ngày")])
    _catalogue(tmp_path, "registry", [(None, "From", "Nơi đi")])

    with pytest.raises(CommandError) as error:
        call_command("check_translations")

    assert "'From' is 'Nơi đi' here but 'Từ ngày'" in str(error.value)


def test_check_translations_accepts_a_message_context_that_separates_two_meanings(
    settings, tmp_path, capsys
):
    settings.BASE_DIR = tmp_path
    _catalogue(tmp_path, "audit", [(None, "From", "Từ ngày")])
    _catalogue(tmp_path, "registry", [("transfer", "From", "Nơi đi")])

    call_command("check_translations")

    assert "complete" in capsys.readouterr().out
