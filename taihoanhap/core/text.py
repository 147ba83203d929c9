"""Vietnamese text normalisation: NFC on the way in, a diacritic-free key for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d with a combining mark, so NFD leaves them alone.
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def normalize_text(value: str | None) -> str:
    """NFC-normalise and collapse runs of whitespace; what every stored name goes through."""
    if not value:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def search_key(value: str | None) -> str:
    """Lower-case, diacritic-free, single-spaced key: "Nguyễn  Văn Ân" -> "nguyen van an".

    Accepts NFC or decomposed (NFD) input alike, so text typed on any keyboard matches.
    """
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_D_MAP).lower()).strip()


def title_name(value: str | None) -> str:
    """Capitalise each word of a personal name, as Vietnamese names are written."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in normalize_text(value).split())


def foreign_letter(value: str | None) -> tuple[int, str, str] | None:
    """The first letter of `value` (NFC) that is not of the Latin script: (1-based position,
    the letter, its script's Unicode name, e.g. "CYRILLIC"), or None.

    Why: Cyrillic "а", "о", "е", "р", "с" or Greek "ο" look like Latin letters but give another
    search key, so a name typed with one would slip past the duplicate check. Vietnamese
    letters, with all their marks, are Latin; combining marks, spaces and punctuation pass.
    """
    for position, char in enumerate(unicodedata.normalize("NFC", value or "").strip(), 1):
        if unicodedata.category(char).startswith("L"):
            name = unicodedata.name(char, "")
            if not name.startswith("LATIN "):
                return position, char, name.split(" ")[0] or "UNKNOWN"
    return None
