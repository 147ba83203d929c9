"""Every jobs URL for every persona. Records are in commune A of the cast's province.

Employers, vacancies and fairs are not personal data: officers of the province see them
(another province's officers get 404). Pages with names follow the person scope.
"""

from taihoanhap.jobs.tests.factories import (
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
)
from taihoanhap.support.tests.factories import case_in
from taihoanhap.tests.matrix import case

ALL_POLICE = {"commune_a", "commune_b", "province", "other_province"}


def _person(cast):
    return {"pk": case_in(cast.commune_a).person.pk}


def _employer(cast):
    return {"pk": make_employer(cast.commune_a).pk}


def _vacancy(cast):
    return {"pk": make_vacancy(make_employer(cast.commune_a)).pk}


def _fair(cast):
    return {"pk": make_fair(cast).pk}


def _registration(cast):
    return {"pk": make_registration(cast, make_fair(cast)).pk}


CASES = [
    case(
        "jobs:fair_list",
        ok=ALL_POLICE
        | {"employment", "leader", "inspector", "training", "social", "facility", "media"},
    ),
    case("jobs:fair_add", ok={"employment"}),
    case(
        "jobs:overview",
        ok=ALL_POLICE | {"employment", "leader", "inspector", "training", "social", "media"},
    ),
    case(
        "jobs:fair_detail",
        kwargs=_fair,
        ok={"commune_a", "commune_b", "province", "employment", "leader", "inspector"}
        | {"training", "social", "facility", "media"},
        hidden={"other_province"},
    ),
    case("jobs:fair_edit", kwargs=_fair, ok={"employment"}),
    case("jobs:fair_cancel", kwargs=_fair, ok={"employment"}),
    case("jobs:fair_employer_add", kwargs=_fair, ok={"employment"}),
    case("jobs:fair_register", kwargs=_fair, ok={"employment", "facility"}),
    case(
        "jobs:fair_print",
        kwargs=_fair,
        ok={"commune_a", "commune_b", "province", "employment", "inspector", "facility"},
        hidden={"other_province"},
    ),
    # The registered person lives in commune A; only the employment officer records outcomes.
    case("jobs:registration_attendance", kwargs=_registration, ok={"employment"}),
    case("jobs:registration_outcome", kwargs=_registration, ok={"employment"}),
    case("jobs:employer_list", ok={"employment", "bank", "leader", "inspector"}),
    case("jobs:employer_add", ok={"employment"}),
    case(
        "jobs:employer_detail",
        kwargs=_employer,
        ok={"employment", "bank", "leader", "inspector"},
    ),
    case("jobs:employer_edit", kwargs=_employer, ok={"employment"}),
    case("jobs:vacancy_add", kwargs=_employer, ok={"employment"}),
    case(
        "jobs:vacancy_list",
        ok=ALL_POLICE | {"employment", "inspector", "training", "social", "facility"},
    ),
    case(
        "jobs:vacancy_detail",
        kwargs=_vacancy,
        ok={"commune_a", "commune_b", "province", "employment", "inspector"}
        | {"training", "social", "facility"},
        hidden={"other_province"},
    ),
    case("jobs:vacancy_edit", kwargs=_vacancy, ok={"employment"}),
    case("jobs:vacancy_close", kwargs=_vacancy, ok={"employment"}),
    case(
        "jobs:vacancy_matches",
        kwargs=_vacancy,
        ok={"commune_a", "commune_b", "province", "employment", "inspector", "facility"},
        hidden={"other_province"},
    ),
    case(
        "jobs:employment_add",
        kwargs=_person,
        ok={"commune_a", "province", "employment"},
        hidden={"commune_b", "other_province"},
    ),
    case(
        "jobs:consent",
        kwargs=_person,
        ok={"commune_a", "province", "employment"},
        hidden={"commune_b", "other_province", "facility"},
    ),
    case(
        "jobs:person_matches",
        kwargs=_person,
        ok={"commune_a", "province", "employment", "inspector"},
        hidden={"commune_b", "other_province", "facility"},
    ),
]
