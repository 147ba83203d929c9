"""Who may do what with needs, support measures, referrals and vocational courses.

Scope still comes from `registry.access.person_scope_q` for anything about a person. Courses
are not personal data: every officer working in a province sees the courses of that province
(`catalogue_q`), so a commune officer can point a returnee at a course in the next commune.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.accounts.scope import scope_for

POLICE = frozenset({Role.PROVINCE_POLICE, Role.COMMUNE_POLICE})

# The support side of a person (needs, measures, training): every role that opens person pages
# except the bank, whose loan decisions do not need the person's other needs (minimum data).
SUPPORT_READERS = POLICE | {
    Role.FACILITY_OFFICER,
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
    Role.INSPECTOR,
}
# Needs are assessed at reception and on review (Circular 10/2024/TT-BCA Art. 9), and by the
# facility before release (Decree 49/2020/NĐ-CP: counselling in the last 2 months).
NEED_WRITERS = POLICE | {Role.FACILITY_OFFICER}
# Any agency records the support it gave, within its own scope.
MEASURE_WRITERS = POLICE | {
    Role.FACILITY_OFFICER,
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
}
# Health and psychological needs are sensitive data (Decree 13/2023, Law 91/2025): only the
# police who manage the person, the facility, the health department and inspectors see them.
HEALTH_READERS = POLICE | {Role.FACILITY_OFFICER, Role.SOCIAL_OFFICER, Role.INSPECTOR}

REFERRAL_SENDERS = MEASURE_WRITERS
REFERRAL_RECEIVERS = frozenset(
    {Role.EMPLOYMENT_OFFICER, Role.TRAINING_OFFICER, Role.SOCIAL_OFFICER, Role.BANK_OFFICER}
)
REFERRAL_READERS = REFERRAL_SENDERS | REFERRAL_RECEIVERS | {Role.INSPECTOR}
# Roles that see every referral about the persons in their scope, not just their agency's.
REFERRAL_OVERSEERS = POLICE | {Role.INSPECTOR}
# Agencies a referral may be sent to: those whose officers can answer it.
RECEIVING_AGENCY_KINDS = frozenset(
    {
        AgencyKind.HOME_AFFAIRS,
        AgencyKind.EMPLOYMENT_CENTRE,
        AgencyKind.BUSINESS_ASSOCIATION,
        AgencyKind.EDUCATION,
        AgencyKind.HEALTH,
        AgencyKind.SOCIAL_POLICY_BANK,
    }
)

COURSE_READERS = POLICE | {
    Role.FACILITY_OFFICER,
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
    Role.LEADER,
    Role.INSPECTOR,
}
COURSE_WRITERS = frozenset({Role.TRAINING_OFFICER})
# The training department enrols anyone in its scope; a facility only its own inmates, and
# only in courses held inside it.
ENROLMENT_WRITERS = frozenset({Role.TRAINING_OFFICER, Role.FACILITY_OFFICER})
# Who sees the names of enrolled people on a course page (each within their person scope).
ENROLMENT_READERS = SUPPORT_READERS


def catalogue_province_ids(user: Any) -> frozenset[int] | None:
    """Provinces whose catalogue (courses, vacancies, fairs) `user` sees; None means all."""
    cached = getattr(user, "_catalogue_provinces", False)
    if cached is not False:
        return cached
    scope = scope_for(user)
    result: frozenset[int] | None
    if scope.everything:
        result = None
    else:
        ids = set(scope.province_ids)
        if scope.commune_ids:
            from taihoanhap.geo.models import AdminUnit

            ids |= set(
                AdminUnit.objects.filter(id__in=scope.commune_ids).values_list(
                    "parent_id", flat=True
                )
            )
        result = frozenset(i for i in ids if i is not None)
    if getattr(user, "is_authenticated", False):
        user._catalogue_provinces = result
    return result


def catalogue_q(user: Any, *, province: str = "province") -> Q:
    """Filter for catalogue records (not personal data) in the provinces of the user's scope."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    ids = catalogue_province_ids(user)
    if ids is None:
        return Q()
    if not ids:
        return Q(pk__in=[])
    return Q(**{f"{province}__in": sorted(ids)})


def sees_health(user: Any) -> bool:
    return getattr(user, "role", None) in HEALTH_READERS


def measure_kinds_for(role: str | None) -> list[str]:
    """The kinds of support a role records: each agency its own field, the police all of them."""
    from taihoanhap.support.models import MeasureKind as K

    by_role: dict[str, list[str]] = {
        Role.PROVINCE_POLICE: list(K.values),
        Role.COMMUNE_POLICE: list(K.values),
        Role.FACILITY_OFFICER: [
            K.COUNSELLING,
            K.LEGAL_AID,
            K.IDENTITY,
            K.TRAINING,
            K.RELEASE_ALLOWANCE,
            K.OTHER,
        ],
        Role.EMPLOYMENT_OFFICER: [K.JOB, K.LOAN, K.OTHER],
        Role.TRAINING_OFFICER: [K.TRAINING, K.OTHER],
        Role.SOCIAL_OFFICER: [K.SOCIAL_ASSISTANCE, K.HEALTH, K.COUNSELLING, K.HOUSING, K.OTHER],
    }
    return by_role.get(role or "", [])
