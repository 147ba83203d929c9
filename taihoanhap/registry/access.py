"""Who may see which persons, and which of their fields.

Two rules combine:
- scope (`accounts.scope`): the person's current commune lies in the user's jurisdiction;
  a detention facility instead sees the persons it released or is about to release;
- role: which roles read person pages at all, and which of them see the offence, the sentence
  and the case notes (a bank officer never does).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from taihoanhap.accounts.roles import POLICE, Role
from taihoanhap.accounts.scope import scope_for
from taihoanhap.core.sql import fetch, uuid_value

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


def person_scope_q(user: Any, *, prefix: str = "", incoming: bool = True) -> Q:
    """Filter for persons (at `prefix`, e.g. "case__person__") inside the user's scope.

    Police also see the persons whose pending transfer is addressed to their jurisdiction, so
    the receiving commune can read the record before accepting it (but not act on the case:
    see `in_jurisdiction`). `incoming=False` leaves them out: the persons the user manages.
    """
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    if user.role == Role.FACILITY_OFFICER:
        # A facility works across provinces but only with its own inmates.
        from taihoanhap.registry.models import Release

        released_here = Release.objects.filter(facility_id=user.agency_id).values("person_id")
        return Q(**{f"{prefix}id__in": released_here}) if user.agency_id else Q(pk__in=[])
    condition = scope_for(user).q(province=f"{prefix}province", commune=f"{prefix}commune")
    if incoming and user.role in POLICE:
        moving_in = incoming_person_ids(user)
        if moving_in:
            condition |= Q(**{f"{prefix}id__in": moving_in})
    return condition


def person_scope_sql(user: Any, alias: str, *, incoming: bool = True) -> tuple[str, list[Any]]:
    """`person_scope_q` as an SQL condition on the person table aliased `alias`, with its
    parameters, for the hand-written reads of core.sql (tested to select the same persons).
    """
    if not getattr(user, "is_authenticated", False):
        return "1 = 0", []
    if user.role == Role.FACILITY_OFFICER:
        if not user.agency_id:
            return "1 = 0", []
        released_here = "SELECT r.person_id FROM registry_release r WHERE r.facility_id = %s"
        return f"{alias}.id IN ({released_here})", [user.agency_id]
    condition, params = scope_for(user).sql(
        province=f"{alias}.province_id", commune=f"{alias}.commune_id"
    )
    moving_in = incoming_transfer_sql(user, "moving") if incoming and user.role in POLICE else None
    if moving_in is not None:
        # A subquery rather than the ids (as person_scope_q): no statement of its own.
        pending, more = moving_in
        condition = (
            f"({condition} OR {alias}.id IN"  # noqa: S608
            f" (SELECT moving.person_id FROM registry_transfer moving WHERE {pending}))"
        )
        params = [*params, *more]
    return condition, params


def incoming_transfer_sql(user: Any, alias: str) -> tuple[str, list[Any]] | None:
    """The condition on the transfer table aliased `alias` for the pending transfers into the
    user's jurisdiction from outside it, with its parameters; None if the user has no area.
    """
    from taihoanhap.registry.models import TransferStatus

    scope = scope_for(user)
    if scope.everything or scope.is_empty:
        return None
    to_area, to_params = scope.sql(
        province=f"{alias}.to_province_id", commune=f"{alias}.to_commune_id"
    )
    from_area, from_params = scope.sql(
        province=f"{alias}.from_province_id", commune=f"{alias}.from_commune_id"
    )
    return (
        f"{alias}.status = %s AND {to_area} AND NOT {from_area}",
        [TransferStatus.PENDING, *to_params, *from_params],
    )


def incoming_person_ids(user: Any) -> list[Any]:
    """Persons with a pending transfer into the user's jurisdiction from outside it; putting
    the ids in the filter keeps the list pages on their (area, status, name) index.

    One small indexed query; the list is short (transfers wait days, not months). Cached on the
    user object like the scope: a page asks several apps' querysets, each would ask again.
    """
    cached = getattr(user, "_incoming_person_ids", None)
    if cached is not None:
        return cached
    pending = incoming_transfer_sql(user, "t")
    if pending is None:
        return []
    condition, params = pending
    rows = fetch(
        f"SELECT t.person_id FROM registry_transfer t WHERE {condition}"  # noqa: S608
        " ORDER BY t.requested_on, t.id LIMIT 500",
        params,
    )
    user._incoming_person_ids = [uuid_value(person_id) for (person_id,) in rows]
    return user._incoming_person_ids


def in_jurisdiction(user: Any, person: Any) -> bool:
    """Whether the person's current commune lies in the user's own jurisdiction.

    Reading may reach further (a pending incoming transfer); acting on the case may not.
    """
    if getattr(user, "role", None) not in REGISTRY_WRITERS:
        return False
    return scope_for(user).covers(province_id=person.province_id, commune_id=person.commune_id)


def can_see_offence(user: Any) -> bool:
    return getattr(user, "role", None) in OFFENCE_READERS
