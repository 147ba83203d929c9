"""Deny by default: every view declares who may use it.

    @allow(read=CASE_READERS, write={Role.COMMUNE_POLICE})
    def case_detail(request, pk): ...

GET and HEAD need a role in `read` (or `write`); any other method needs a role in `write`.
`AccessMiddleware` refuses any view that declares nothing, and `tests/test_access_rules.py`
walks every URL pattern so that a page added later cannot forget its rule. Within the rule,
the record itself is fetched through the scoping entry point (`accounts.scope`): outside the
user's jurisdiction is a 404.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from taihoanhap.accounts.roles import Role

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


def _mark(view: V, rule: AccessRule) -> V:
    target = getattr(view, "view_class", None) or view
    target.access_rule = rule  # type: ignore[attr-defined]
    if target is not view:
        view.access_rule = rule  # type: ignore[attr-defined]
    return view


def allow(*, read: Iterable[str] = (), write: Iterable[str] = ()) -> Callable[[V], V]:
    """Let the roles in `read` view and the roles in `write` view and change."""
    rule = AccessRule(read=frozenset(read), write=frozenset(write))
    unknown = (rule.read | rule.write) - set(Role.values)
    if unknown:
        raise ValueError(f"Unknown roles in access rule: {sorted(unknown)}")

    def decorator(view: V) -> V:
        return _mark(view, rule)

    return decorator


def public(view: V) -> V:
    """No sign-in needed (login page, health check, language switch)."""
    return _mark(view, AccessRule(public=True))


def signed_in(view: V) -> V:
    """Any signed-in officer, whatever the role."""
    return _mark(view, AccessRule(any_user=True))


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
