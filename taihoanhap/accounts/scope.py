"""The one scoping entry point: which administrative units a user's jurisdiction covers.

A user sees records inside the unit their agency serves: a provincial agency covers every
commune of its province, a commune agency its commune. Every personal-data model builds its
`visible_to(user)` from `scope_for(user).q(...)`, so lists, pages, exports, reports and the API
share one rule. The hand-written reads (core.sql) take the same rule compiled by the ORM
(`Scope.sql`), never a second spelling of it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from taihoanhap.core.sql import where_sql
from taihoanhap.geo.models import AdminUnit, UnitLevel

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User

_NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    province_ids: frozenset[int] = frozenset()
    commune_ids: frozenset[int] = frozenset()

    def q(self, *, province: str, commune: str) -> Q:
        """A filter for records whose province lies at `province` and commune at `commune`."""
        if self.everything:
            return Q()
        condition = _NOTHING
        if self.province_ids:
            condition |= Q(**{f"{province}__in": sorted(self.province_ids)})
        if self.commune_ids:
            condition |= Q(**{f"{commune}__in": sorted(self.commune_ids)})
        return condition

    def sql(
        self, model: type[Model], alias: str, *, province: str, commune: str
    ) -> tuple[str, list[Any]]:
        """`q(province=..., commune=...)` on `model`'s table aliased `alias`, as the ORM compiles
        it, with its parameters, for the hand-written reads of core.sql.
        """
        sql, params = _compiled(self, model, alias, province, commune, connection.vendor)
        return sql, list(params)

    def covers(self, *, province_id: int | None, commune_id: int | None) -> bool:
        return (
            self.everything
            or (province_id is not None and province_id in self.province_ids)
            or (commune_id is not None and commune_id in self.commune_ids)
        )

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.province_ids or self.commune_ids)


@functools.lru_cache(maxsize=512)
def _compiled(
    scope: Scope, model: type[Model], alias: str, province: str, commune: str, vendor: str
) -> tuple[str, tuple[Any, ...]]:
    # Keyed by the scope's value, so every request of a jurisdiction shares one compilation;
    # the vendor is in the key because each engine compiles its own text.
    queryset = model._base_manager.filter(scope.q(province=province, commune=commune))
    sql, params = where_sql(queryset, alias)
    return sql, tuple(params)


def scope_for(user: User | Any) -> Scope:
    """The jurisdiction of `user`; cached on the user object for the request."""
    cached = getattr(user, "_scope_cache", None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    if getattr(user, "is_authenticated", False):
        user._scope_cache = scope
    return scope


def _compute_scope(user: User | Any) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    agency = user.agency
    if agency is None:
        # Only a system administrator works without an agency; nobody else sees anything.
        return Scope(everything=user.is_system_admin)
    if not agency.is_active:
        return Scope()
    unit = agency.unit
    if unit.level == UnitLevel.PROVINCE:
        return Scope(province_ids=frozenset({unit.id}))
    if unit.level == UnitLevel.COMMUNE:
        return Scope(commune_ids=frozenset({unit.id}))
    return Scope()


def get_visible_or_404(queryset: QuerySet[Any], **lookup: Any) -> Model:
    """Fetch from an already-scoped queryset; "missing" and "outside your area" both 404.

    Answering 404 rather than 403 keeps the existence of a record outside the user's
    jurisdiction from leaking.
    """
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValidationError):
        raise Http404 from None


def communes_in_scope(user: User | Any) -> QuerySet[AdminUnit]:
    """The current communes inside the user's jurisdiction, for the filters of list pages."""
    return AdminUnit.objects.current().filter(
        Q(level=UnitLevel.COMMUNE) & scope_for(user).q(province="parent", commune="pk")
    )
