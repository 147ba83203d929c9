"""Who may do what with employers, vacancies, employment records, consent and job fairs.

The employment duty of Decree 49/2020/NĐ-CP Art. 11 now sits with the Department of Home
Affairs, its employment service centre and (for fairs) the business association: their
employment officers run employers, vacancies and fairs. Police record a person's employment
and consent as they manage them; a detention facility registers its own inmates for fairs.
"""

from __future__ import annotations

from taihoanhap.accounts.roles import AgencyKind, Role
from taihoanhap.support.access import POLICE

EMPLOYER_READERS = frozenset(
    {Role.EMPLOYMENT_OFFICER, Role.BANK_OFFICER, Role.LEADER, Role.INSPECTOR}
)
EMPLOYER_WRITERS = frozenset({Role.EMPLOYMENT_OFFICER})

VACANCY_READERS = POLICE | {
    Role.FACILITY_OFFICER,
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
    Role.INSPECTOR,
}
VACANCY_WRITERS = frozenset({Role.EMPLOYMENT_OFFICER})

# Matching puts people and jobs side by side: only those who place people in jobs.
MATCH_READERS = POLICE | {Role.FACILITY_OFFICER, Role.EMPLOYMENT_OFFICER, Role.INSPECTOR}
CONSENT_WRITERS = POLICE | {Role.FACILITY_OFFICER, Role.EMPLOYMENT_OFFICER}
EMPLOYMENT_WRITERS = POLICE | {Role.EMPLOYMENT_OFFICER}
# The A/B classification is police work (Circular 10/2024/TT-BCA); others never see the hint.
HINT_READERS = POLICE | {Role.INSPECTOR}

FAIR_READERS = POLICE | {
    Role.FACILITY_OFFICER,
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
    Role.LEADER,
    Role.INSPECTOR,
    Role.MEDIA_OFFICER,
}
FAIR_WRITERS = frozenset({Role.EMPLOYMENT_OFFICER})
FAIR_REGISTRARS = frozenset({Role.EMPLOYMENT_OFFICER, Role.FACILITY_OFFICER})
# Who sees the names of registered people (each within their person scope); the others see
# the fair and its figures only.
PARTICIPANT_READERS = POLICE | {Role.FACILITY_OFFICER, Role.EMPLOYMENT_OFFICER, Role.INSPECTOR}
OVERVIEW_READERS = POLICE | {
    Role.EMPLOYMENT_OFFICER,
    Role.TRAINING_OFFICER,
    Role.SOCIAL_OFFICER,
    Role.LEADER,
    Role.INSPECTOR,
    Role.MEDIA_OFFICER,
}

# Agencies that may be named as organisers of a fair (BRIEF §5: Home Affairs, the business
# association and the police).
ORGANISER_KINDS = frozenset(
    {
        AgencyKind.HOME_AFFAIRS,
        AgencyKind.EMPLOYMENT_CENTRE,
        AgencyKind.BUSINESS_ASSOCIATION,
        AgencyKind.PROVINCE_POLICE,
        AgencyKind.COMMUNE_POLICE,
        AgencyKind.COMMUNE_COMMITTEE,
        AgencyKind.PROVINCE_COMMITTEE,
    }
)
