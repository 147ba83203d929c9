"""Who may see which persons, and which of their fields.

Two rules combine:
- scope (`PersonReach.q`, the one definition): the person's current commune lies in the user's
  jurisdiction (`accounts.scope`), police also read the persons of pending transfers into it;
  a detention facility instead sees the persons it released or is about to release;
- role: which roles read person pages at all, and which of them see the offence, the sentence
  and the case notes (a bank officer never does).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from taihoanhap.accounts.roles import POLICE, Role
from taihoanhap.accounts.scope import Scope, scope_for
from taihoanhap.core.sql import where_sql

# Roles that open person pages (each within its scope).
PERSON_READERS = frozenset(
    {
        Role.PROVINCE_POLICE,
        Role.COMMUNE_POLICE,
        Role.FACILITY_OFFICER,
        Role.EMPLOYMENT_OFFICER,
        Role.TRAINING_OFFICER,
        Role.SOCIAL_OFFICER,
        Role.BANK_OFFICER,
        Role.INSPECTOR,
    }
)
# Roles that write the registry (persons, cases, deadlines, transitions).
REGISTRY_WRITERS = frozenset({Role.PROVINCE_POLICE, Role.COMMUNE_POLICE})
# Roles that see criminal-history fields: offences, sentences, case notes, police-only events.
OFFENCE_READERS = frozenset(
    {Role.PROVINCE_POLICE, Role.COMMUNE_POLICE, Role.FACILITY_OFFICER, Role.INSPECTOR}
)


@dataclass(frozen=True)
class PersonReach:
    """What decides which persons a user sees, as a value: `q` is THE rule, written once.

    Every way of asking derives from it: the querysets (`Person.objects.visible_to`, and the
    other personal-data models' `visible_to` through `person_scope_q`) filter by `q`, and the
    hand-written reads (`person_scope_sql`) take `q` as the ORM compiles it. Being hashable,
    the value also keys the cache of that compilation.
    """

    scope: Scope
    # A facility works across provinces but only with its own inmates: it sees the persons it
    # released or is about to release, and nothing by area.
    facility_id: int | None = None
    # Police also see the persons whose pending transfer is addressed to their jurisdiction.
    incoming: bool = False

    def q(self, prefix: str = "") -> Q:
        """Filter for persons at `prefix` (e.g. "case__person__") within this reach."""
        from taihoanhap.registry.models import Release

        if self.facility_id is not None:
            released_here = Release.objects.filter(facility_id=self.facility_id)
            return Q(**{f"{prefix}id__in": released_here.values("person_id")})
        condition = self.scope.q(province=f"{prefix}province", commune=f"{prefix}commune")
        moving_in = incoming_transfers(self.scope) if self.incoming else None
        if moving_in is not None:
            # A subquery, not the ids: no statement of its own, no cap, and the hand-written
            # reads compile the same condition. Plans with 6,000 persons (EXPLAIN, SQLite 3.40
            # and PostgreSQL 15): the person page's read stays a primary-key lookup with the
            # transfers' subquery evaluated once, on both engines. A list ordered by name over
            # visible_to cannot use the (area, status, name) index with either form (an OR of
            # two sets): SQLite answers both forms with the same MULTI-INDEX OR and a sort for
            # a commune, a walk of the name index for a province; PostgreSQL sorts a BitmapOr
            # for a commune's id list but walks the name index with the subquery hashed as a
            # filter, as it does for a province with either form. The person lists therefore
            # read `managed_by` (the user's own area, alone on its index, as before); the
            # persons moving in are reached from the work queue.
            condition |= Q(**{f"{prefix}id__in": moving_in.values("person_id")})
        return condition


def person_reach(user: Any, *, incoming: bool = True) -> PersonReach:
    """The reach of `user`; `incoming=False` leaves out the persons moving in (the persons
    the user manages). The receiving commune may read a person moving in before accepting the
    transfer, but not act on the case: see `in_jurisdiction`.
    """
    if not getattr(user, "is_authenticated", False):
        return PersonReach(Scope())
    if user.role == Role.FACILITY_OFFICER:
        return PersonReach(Scope(), facility_id=user.agency_id or None)
    return PersonReach(scope_for(user), incoming=incoming and user.role in POLICE)


def person_scope_q(user: Any, *, prefix: str = "", incoming: bool = True) -> Q:
    """Filter for persons (at `prefix`, e.g. "case__person__") inside the user's reach."""
    return person_reach(user, incoming=incoming).q(prefix)


def person_scope_sql(user: Any, alias: str, *, incoming: bool = True) -> tuple[str, list[Any]]:
    """`person_scope_q` compiled by the ORM as an SQL condition on the person table aliased
    `alias`, with its parameters, for the hand-written reads of core.sql.
    """
    reach = person_reach(user, incoming=incoming)
    sql, params = _compiled_reach(reach, alias, connection.vendor)
    return sql, list(params)


@functools.lru_cache(maxsize=512)
def _compiled_reach(reach: PersonReach, alias: str, vendor: str) -> tuple[str, tuple[Any, ...]]:
    from taihoanhap.registry.models import Person

    sql, params = where_sql(Person.objects.filter(reach.q()), alias)
    return sql, tuple(params)


def transfers_into(scope: Scope) -> QuerySet[Any]:
    """The transfers addressed to the jurisdiction `scope` from outside it, whatever their
    status: what the receiving side may read and answer (nothing for a scope without an area).
    """
    from taihoanhap.registry.models import Transfer

    if scope.everything or scope.is_empty:
        return Transfer.objects.none()
    return Transfer.objects.filter(scope.q(province="to_province", commune="to_commune")).exclude(
        scope.q(province="from_province", commune="from_commune")
    )


def incoming_transfers(scope: Scope) -> QuerySet[Any] | None:
    """The pending transfers into the jurisdiction `scope` from outside it; None if the scope
    has no area (nobody, or everything: nothing comes in from outside).
    """
    from taihoanhap.registry.models import TransferStatus

    if scope.everything or scope.is_empty:
        return None
    return transfers_into(scope).filter(status=TransferStatus.PENDING)


def incoming_transfer_sql(user: Any, alias: str) -> tuple[str, list[Any]] | None:
    """`incoming_transfers` compiled as the condition on the transfer table aliased `alias`,
    with its parameters; None if the user has no area.
    """
    compiled = _compiled_transfers(scope_for(user), alias, connection.vendor)
    if compiled is None:
        return None
    sql, params = compiled
    return sql, list(params)


@functools.lru_cache(maxsize=512)
def _compiled_transfers(
    scope: Scope, alias: str, vendor: str
) -> tuple[str, tuple[Any, ...]] | None:
    moving_in = incoming_transfers(scope)
    if moving_in is None:
        return None
    sql, params = where_sql(moving_in, alias)
    return sql, tuple(params)


def in_jurisdiction(user: Any, person: Any) -> bool:
    """Whether the person's current commune lies in the user's own jurisdiction.

    Reading may reach further (a pending incoming transfer); acting on the case may not.
    """
    if getattr(user, "role", None) not in REGISTRY_WRITERS:
        return False
    return scope_for(user).covers(province_id=person.province_id, commune_id=person.commune_id)


def can_see_offence(user: Any) -> bool:
    return getattr(user, "role", None) in OFFENCE_READERS
