"""All writes of the jobs app: employers, vacancies, employment, consent and job fairs.

Every function runs in one transaction and writes its audit event (and, for anything about a
person, the timeline entry) inside it. The caller fetched the records through `visible_to`.

The services live by subject in `employers`, `vacancies`, `employment` (status and matching
consent), `fairs` and `participation` (registration, attendance, contacts); this package
re-exports the ones the views, forms and tests call (`services.record_employment(...)`).
"""

from taihoanhap.jobs.services.employers import EMPLOYER_FIELDS, create_employer, update_employer
from taihoanhap.jobs.services.employment import (
    active_consent,
    give_consent,
    record_employment,
    withdraw_consent,
)
from taihoanhap.jobs.services.fairs import add_fair_employer, cancel_fair, create_fair, update_fair
from taihoanhap.jobs.services.participation import (
    record_attendance,
    record_contact,
    register_for_fair,
    registration_problem,
)
from taihoanhap.jobs.services.vacancies import (
    VACANCY_FIELDS,
    close_vacancy,
    create_vacancy,
    update_vacancy,
)

__all__ = [
    "EMPLOYER_FIELDS",
    "VACANCY_FIELDS",
    "active_consent",
    "add_fair_employer",
    "cancel_fair",
    "close_vacancy",
    "create_employer",
    "create_fair",
    "create_vacancy",
    "give_consent",
    "record_attendance",
    "record_contact",
    "record_employment",
    "register_for_fair",
    "registration_problem",
    "update_employer",
    "update_fair",
    "update_vacancy",
    "withdraw_consent",
]
