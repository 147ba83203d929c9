"""Navigation built from each app's `nav.py`, showing each role only what it may use.

An app lists its entries in `<app>/nav.py` as `ITEMS = [NavItem(...)]`. An entry appears for a
user when the view behind its URL lets the user's role read it, so the menu can never offer a
page the access rule would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from taihoanhap.core.access import user_may
from taihoanhap.core.discovery import app_modules


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    order: int = 100
    # Roles whose home page this is ("Việc cần làm" for the commune police officer).
    landing_for: frozenset[str] = field(default_factory=frozenset)
    # The menu heading it sits under (the app's nav.py GROUP); None: a top-level link.
    group: str | Promise | None = None


@cache
def all_items() -> tuple[NavItem, ...]:
    items = [
        replace(item, group=getattr(module, "GROUP", None))
        for module in app_modules("nav")
        for item in getattr(module, "ITEMS", ())
    ]
    return tuple(sorted(items, key=lambda item: item.order))


@cache
def search_url_for_role(role: str) -> str | None:
    """The people search in the page header (an app's nav.py may name it as SEARCH_URL_NAME)."""
    probe = _RoleUser(role)
    for module in app_modules("nav"):
        name = getattr(module, "SEARCH_URL_NAME", None)
        if name and user_may(probe, resolve(reverse(name)).func):
            return reverse(name)
    return None


class _RoleUser:
    """Just enough of a user to ask an access rule about a role."""

    is_authenticated = True

    def __init__(self, role: str):
        self.role = role


@cache
def items_for_role(role: str) -> tuple[NavItem, ...]:
    probe = _RoleUser(role)
    return tuple(
        item for item in all_items() if user_may(probe, resolve(reverse(item.url_name)).func)
    )


def landing_url(role: str) -> str | None:
    for item in items_for_role(role):
        if role in item.landing_for:
            return reverse(item.url_name)
    return None


@cache
def menu_for_role(role: str) -> tuple[dict[str, Any], ...]:
    """The menu: top-level links, and a heading per group of two or more entries.

    On a phone a flat list of a dozen entries is a wall; grouping by area keeps the menu to a
    few headings, each opening its entries (a <details> element: no script needed).
    """
    menu: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for item in items_for_role(role):
        entry = {"label": item.label, "url_name": item.url_name, "url": reverse(item.url_name)}
        if item.group is None:
            menu.append(entry)
            continue
        key = str(item.group)
        if key not in groups:
            groups[key] = {"label": item.group, "children": []}
            menu.append(groups[key])
        groups[key]["children"].append(entry)
    # A group with one visible entry is just a link.
    # Cached per role (labels stay lazy, translated when shown); callers copy, never mutate.
    return tuple(m["children"][0] if len(m.get("children", ())) == 1 else m for m in menu)


def menu_for(role: str, current: str) -> list[dict[str, Any]]:
    """The role's menu with the entry of the view named `current` (and its group) active."""
    menu = []
    for entry in menu_for_role(role):
        if "children" in entry:
            items = [{**item, "active": item["url_name"] == current} for item in entry["children"]]
            entry = {**entry, "children": items, "active": any(i["active"] for i in items)}
        else:
            entry = {**entry, "active": entry["url_name"] == current}
        menu.append(entry)
    return menu


@lru_cache(maxsize=1024)
def menu_html(role: str, language: str | None, current: str) -> SafeString:
    """The menu's markup, rendered once per role, language and current page in each process.

    It holds nothing of the user but the role, and rendering its loops on every page cost about
    as much as the whole minimal page of PERFORMANCE.md (some 2,800 function calls).
    """
    menu = menu_for(role, current)
    return render_to_string("core/site_nav.html", {"nav_menu": menu}) if menu else SafeString()


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_menu": (), "site_nav": "", "header_search_url": None}
    current = request.resolver_match.view_name if request.resolver_match else ""
    return {
        "header_search_url": search_url_for_role(user.role),
        # The menu as data, for whoever asks (the layout uses the cached markup).
        "nav_menu": SimpleLazyObject(lambda: menu_for(user.role, current)),
        "site_nav": menu_html(user.role, get_language(), current),
    }
