"""Every support URL for every persona: who gets the page, who 404, who 403.

Records live in commune A of the cast's province. Police see persons of their scope (commune
A's officer and the province); the employment officer (Home Affairs) receives the referral;
the facility sees only its own inmates, so the persons here (not its inmates) are hidden from it.
"""

from taihoanhap.support.tests.factories import case_in, make_course, make_referral
from taihoanhap.tests.clock import today
from taihoanhap.tests.matrix import case


def _person(cast):
    return {"pk": case_in(cast.commune_a).person.pk}


def _need(cast):

    from taihoanhap.support.services import assess_needs

    person = case_in(cast.commune_a).person
    assessment = assess_needs(
        person,
        kinds=["job"],
        occasion="reception",
        assessed_on=today(),
        acting_user=cast.users["commune_a"],
    )
    return {"pk": assessment.needs.get().pk}


def _referral(cast):
    return {"pk": make_referral(cast).pk}


def _referral_action(cast):
    return {"pk": make_referral(cast).pk, "action": "accept"}


def _course(cast):
    return {"pk": make_course(cast).pk}


def _enrolment(cast):

    from taihoanhap.support.models import Enrolment

    course = make_course(cast)
    case_ = case_in(cast.commune_a)
    enrolment = Enrolment.objects.create(
        course=course,
        person=case_.person,
        case=case_,
        enrolled_on=today(),
        enrolled_by=cast.users["training"],
    )
    return {"pk": enrolment.pk}


POLICE_OK = {"commune_a", "province"}
POLICE_HIDDEN = {"commune_b", "other_province"}

CASES = [
    case(
        "support:person_support",
        kwargs=_person,
        ok=POLICE_OK | {"employment", "inspector", "training", "social"},
        hidden=POLICE_HIDDEN | {"facility"},
    ),
    case(
        "support:needs_assess",
        kwargs=_person,
        ok=POLICE_OK,
        hidden=POLICE_HIDDEN | {"facility"},
    ),
    case("support:need_close", kwargs=_need, ok=POLICE_OK, hidden=POLICE_HIDDEN | {"facility"}),
    case(
        "support:measure_add",
        kwargs=_person,
        ok=POLICE_OK | {"employment", "training", "social"},
        hidden=POLICE_HIDDEN | {"facility"},
    ),
    case(
        "support:referral_add",
        kwargs=_person,
        ok=POLICE_OK | {"employment", "training", "social"},
        hidden=POLICE_HIDDEN | {"facility"},
    ),
    case(
        "support:referral_list",
        ok={"commune_a", "commune_b", "province", "other_province", "employment", "bank"}
        | {"inspector", "training", "social", "facility"},
    ),
    # The referral goes from commune A's police to Home Affairs: the sender, the receiver and
    # the overseers (police of the area, inspector) read it; another receiving agency does not.
    case(
        "support:referral_detail",
        kwargs=_referral,
        ok=POLICE_OK | {"employment", "inspector"},
        hidden=POLICE_HIDDEN | {"bank", "training", "social", "facility"},
    ),
    case(
        "support:referral_respond",
        kwargs=_referral_action,
        ok={"employment"},
        hidden={"bank", "training", "social"},
    ),
    case(
        "support:course_list",
        ok={"commune_a", "commune_b", "province", "other_province", "employment", "leader"}
        | {"inspector", "training", "social", "facility"},
    ),
    case("support:course_add", ok={"training"}),
    case(
        "support:course_detail",
        kwargs=_course,
        ok={"commune_a", "commune_b", "province", "employment", "leader", "inspector"}
        | {"training", "social", "facility"},
        hidden={"other_province"},
    ),
    case("support:course_edit", kwargs=_course, ok={"training"}),
    # A facility officer enrols only into courses inside their own facility: 403 elsewhere.
    case("support:course_enrol", kwargs=_course, ok={"training"}),
    case("support:enrolment_finish", kwargs=_enrolment, ok={"training"}, hidden={"facility"}),
    case("support:certificate_add", kwargs=_enrolment, ok={"training"}, hidden={"facility"}),
]
