"""format_html and conditional_escape for the hot paths, with the same output.

Django's versions check every argument for lazy objects through a decorator: about eight
Python calls per escaped value, which on a list of 25 rows or a select of a hundred communes
cost more than the page's SQL. These do the same escaping (`html.escape`, as Django does) in
two calls. Tested against Django's own answers.
"""

from __future__ import annotations

from html import escape as _escape
from typing import Any

from django.utils.safestring import SafeString


def esc(value: Any) -> str:
    """conditional_escape(value): safe HTML as it is, anything else as escaped text."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape(str(value))


def html(template: str, *args: Any) -> SafeString:
    """format_html(template, *args) for positional arguments."""
    return SafeString(template.format(*[esc(arg) for arg in args]))
