"""Deny by default: every view declares who may use it.

    @allow(read=CASE_READERS, write={Role.COMMUNE_POLICE})
    def case_detail(request, pk): ...

GET and HEAD need a role in `read` (or `write`); any other method needs a role in `write`.
The role-free machinery (the rule, `public`, `signed_in`, the middleware) is in `core.access`
so that the apps below this one can mark their pages; `allow` is here because it checks role
names against `Role`. The other names are re-exported so that views import one module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from taihoanhap.accounts.roles import Role
from taihoanhap.core.access import (
    SAFE_METHODS,
    AccessMiddleware,
    AccessRule,
    V,
    mark,
    public,
    rule_of,
    signed_in,
    user_may,
)

__all__ = [
    "SAFE_METHODS",
    "AccessMiddleware",
    "AccessRule",
    "allow",
    "public",
    "rule_of",
    "signed_in",
    "user_may",
]


def allow(*, read: Iterable[str] = (), write: Iterable[str] = ()) -> Callable[[V], V]:
    """Let the roles in `read` view and the roles in `write` view and change."""
    rule = AccessRule(read=frozenset(read), write=frozenset(write))
    unknown = (rule.read | rule.write) - set(Role.values)
    if unknown:
        raise ValueError(f"Unknown roles in access rule: {sorted(unknown)}")

    def decorator(view: V) -> V:
        return mark(view, rule)

    return decorator
