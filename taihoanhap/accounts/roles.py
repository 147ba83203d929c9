"""Named roles and the agencies each may belong to."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PROVINCE_POLICE = "province_police", _("Provincial police")
    COMMUNE_POLICE = "commune_police", _("Commune police")
    DETENTION_FACILITY = "detention_facility", _("Detention facility")
    HOME_AFFAIRS = "home_affairs", _("Department of Home Affairs (employment)")
    EMPLOYMENT_CENTRE = "employment_centre", _("Employment service centre")
    EDUCATION = "education", _("Department of Education and Training (vocational training)")
    HEALTH = "health", _("Department of Health (social assistance)")
    FINANCE = "finance", _("Department of Finance")
    SOCIAL_POLICY_BANK = "social_policy_bank", _("Social Policy Bank branch")
    MEDIA = "media", _("Media outlet")
    PROVINCE_COMMITTEE = "province_committee", _("Provincial People's Committee")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune People's Committee")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    INSPECTORATE = "inspectorate", _("Inspectorate")


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    PROVINCE_POLICE = "province_police", _("Provincial police officer")
    COMMUNE_POLICE = "commune_police", _("Commune police officer")
    FACILITY_OFFICER = "facility_officer", _("Detention facility officer")
    EMPLOYMENT_OFFICER = "employment_officer", _("Employment officer")
    TRAINING_OFFICER = "training_officer", _("Vocational training officer")
    SOCIAL_OFFICER = "social_officer", _("Social assistance officer")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    BANK_OFFICER = "bank_officer", _("Social Policy Bank officer")
    MEDIA_OFFICER = "media_officer", _("Media officer")
    LEADER = "leader", _("People's Committee leader")
    INSPECTOR = "inspector", _("Inspector")


ALL_ROLES = frozenset(Role)
POLICE = frozenset({Role.PROVINCE_POLICE, Role.COMMUNE_POLICE})
READ_ONLY_ROLES = frozenset({Role.LEADER, Role.INSPECTOR})

# Which agency kinds a role may belong to; a user's role must fit their agency.
ROLE_AGENCY_KINDS: dict[str, frozenset[str]] = {
    Role.SYSTEM_ADMIN: frozenset(AgencyKind),
    Role.PROVINCE_POLICE: frozenset({AgencyKind.PROVINCE_POLICE}),
    Role.COMMUNE_POLICE: frozenset({AgencyKind.COMMUNE_POLICE}),
    Role.FACILITY_OFFICER: frozenset({AgencyKind.DETENTION_FACILITY}),
    Role.EMPLOYMENT_OFFICER: frozenset(
        {AgencyKind.HOME_AFFAIRS, AgencyKind.EMPLOYMENT_CENTRE, AgencyKind.BUSINESS_ASSOCIATION}
    ),
    Role.TRAINING_OFFICER: frozenset({AgencyKind.EDUCATION}),
    Role.SOCIAL_OFFICER: frozenset({AgencyKind.HEALTH}),
    Role.FINANCE_OFFICER: frozenset({AgencyKind.FINANCE}),
    Role.BANK_OFFICER: frozenset({AgencyKind.SOCIAL_POLICY_BANK}),
    Role.MEDIA_OFFICER: frozenset({AgencyKind.MEDIA}),
    Role.LEADER: frozenset({AgencyKind.PROVINCE_COMMITTEE, AgencyKind.COMMUNE_COMMITTEE}),
    Role.INSPECTOR: frozenset({AgencyKind.INSPECTORATE, AgencyKind.PROVINCE_COMMITTEE}),
}
