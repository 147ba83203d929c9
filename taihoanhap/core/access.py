"""Deny by default: every view declares who may use it (the role-free part).

    @allow(read=CASE_READERS, write={Role.COMMUNE_POLICE})   # accounts.access, knows the roles
    def case_detail(request, pk): ...

GET and HEAD need a role in `read` (or `write`); any other method needs a role in `write`.
`AccessMiddleware` refuses any view that declares nothing, and `tests/test_access_rules.py`
walks every URL pattern so that a page added later cannot forget its rule. Within the rule,
the record itself is fetched through the scoping entry point (`accounts.scope`): outside the
user's jurisdiction is a 404.

The rule, its marking of a view and the middleware that enforces it live here, in `core`, so that
`core` and `geo` can declare the rules of their own pages (`public`, `signed_in`) without
importing `accounts`, which sits above them. `allow`, which checks role names against
`accounts.roles.Role`, stays in `accounts.access` (which also re-exports this module's names).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

V = TypeVar("V", bound=Callable[..., Any])

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class AccessRule:
    read: frozenset[str] = frozenset()
    write: frozenset[str] = frozenset()
    public: bool = False
    any_user: bool = False  # any signed-in user (home page, password change, logout)

    def allows(self, role: str, method: str) -> bool:
        if self.any_user:
            return True
        if method in SAFE_METHODS:
            return role in self.read or role in self.write
        return role in self.write


def mark(view: V, rule: AccessRule) -> V:
    """Attach `rule` to the view (and to its class, for a class-based view)."""
    # Any: a function or a class gets a new attribute, which no static type declares.
    target: Any = getattr(view, "view_class", None) or view
    target.access_rule = rule
    if target is not view:
        function: Any = view
        function.access_rule = rule
    return view


def public(view: V) -> V:
    """No sign-in needed (login page, health check, language switch)."""
    return mark(view, AccessRule(public=True))


def signed_in(view: V) -> V:
    """Any signed-in officer, whatever the role."""
    return mark(view, AccessRule(any_user=True))


def rule_of(view: Callable[..., Any]) -> AccessRule | None:
    rule = getattr(view, "access_rule", None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, "access_rule", None)
    return rule


def user_may(user: Any, view: Callable[..., Any], method: str = "GET") -> bool:
    """Whether `user` passes the declared rule of `view` (used to build navigation)."""
    rule = rule_of(view)
    if rule is None:
        return False
    if rule.public:
        return True
    return bool(user.is_authenticated and rule.allows(user.role, method))


class AccessMiddleware:
    """Enforce each view's declared AccessRule; refuse views that declare none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is not None and match.app_name == "admin":
            # The Django admin checks staff status itself; its ModelAdmins respect scope.
            return None
        rule = rule_of(view_func)
        if rule is None:
            logger.error("View %s declares no access rule; refused.", match and match.view_name)
            raise PermissionDenied
        if rule.public:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rule.allows(request.user.role, request.method or "GET"):
            raise PermissionDenied
        return None
