"""Vocational courses (inmates included), enrolments, outcomes and certificates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import Case, CaseEvent, CaseStatus
from taihoanhap.support import services
from taihoanhap.support.models import Course, Enrolment, EnrolmentStatus
from taihoanhap.support.panels import panels_for
from taihoanhap.support.tests.factories import case_in, inmate_case, make_course
from taihoanhap.tests.clock import FROZEN_TODAY

pytestmark = pytest.mark.django_db

TODAY = FROZEN_TODAY


def _enrol(course, case, user):
    return services.enrol(course, case.person, enrolled_on=TODAY, acting_user=user)


def _complete(enrolment, user):
    enrolment.refresh_from_db()
    return services.finish_enrolment(
        enrolment,
        status=EnrolmentStatus.COMPLETED,
        attendance="full",
        finished_on=TODAY,
        expected_version=enrolment.version,
        acting_user=user,
    )


def test_the_training_officer_adds_a_course_inside_a_detention_facility(cast, client_for):
    response = client_for("training").post(
        reverse("support:course_add"),
        {
            "title": "May công nghiệp cho phạm nhân sắp chấp hành xong án",
            "trade": "May công nghiệp",
            "level": "short",
            "provider": "Trung tâm GDNN Xuân Lộc",
            "starts_on": "01/03/2026",
            "ends_on": "31/05/2026",
            "facility": cast.agencies["facility"].pk,
            "seats": "25",
            "cost_vnd": "2.500.000",
            "support_vnd": "2.500.000",
            "support_note": "Miễn học phí",
        },
    )
    course = Course.objects.get()
    assert response.status_code == 302
    assert course.facility == cast.agencies["facility"]
    assert course.province == cast.province
    assert course.cost_vnd == 2_500_000
    assert course.organiser == cast.agencies["education"]


def test_a_course_needs_a_place_and_coherent_dates(cast, client_for):
    response = client_for("training").post(
        reverse("support:course_add"),
        {
            "title": "Hàn",
            "trade": "Hàn",
            "level": "short",
            "provider": "Trường nghề",
            "starts_on": "01/03/2026",
            "ends_on": "01/02/2026",
            "seats": "10",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "commune" in errors and "ends_on" in errors


def test_the_facility_enrols_its_own_inmate_in_a_course_inside(cast):
    course = make_course(cast, facility=cast.agencies["facility"])
    case = inmate_case(cast)
    enrolment = _enrol(course, case, cast.facility)
    assert enrolment.as_inmate
    assert CaseEvent.objects.filter(source_id=str(enrolment.pk), kind="support.enrolment").exists()


def test_an_inmate_cannot_join_a_course_outside_the_facility(cast):
    course = make_course(cast)
    with pytest.raises(TransitionError):
        _enrol(course, inmate_case(cast), cast.training)


def test_a_returnee_cannot_join_a_course_inside_a_facility(cast):
    course = make_course(cast, facility=cast.agencies["facility"])
    with pytest.raises(TransitionError):
        _enrol(course, case_in(cast.commune_a), cast.training)


def test_a_facility_officer_cannot_enrol_into_a_course_elsewhere(cast, client_for):
    course = make_course(cast)
    with pytest.raises(PermissionDenied):
        _enrol(course, inmate_case(cast), cast.facility)
    url = reverse("support:course_enrol", kwargs={"pk": course.pk})
    assert client_for("facility").get(url).status_code == 403


def test_a_facility_officer_finds_only_its_own_inmates(cast, client_for):
    course = make_course(cast, facility=cast.agencies["facility"])
    own = inmate_case(cast)
    other = case_in(cast.commune_a)  # released elsewhere: not this facility's
    client = client_for("facility")
    url = reverse("support:course_enrol", kwargs={"pk": course.pk})
    response = client.post(url, {"search": "1", "q": "nguyen van thu"})
    found = [row["person"] for row in response.context["rows"]]
    assert own.person in found and other.person not in found
    response = client.post(
        url,
        {"enrol": "1", "q": "nguyen van thu", "person": other.person.pk, "enrolled_on": "1/3/2026"},
    )
    assert response.status_code == 404
    assert not Enrolment.objects.exists()


def test_a_full_course_refuses_one_more_learner(cast):
    course = make_course(cast, seats=1)
    _enrol(course, case_in(cast.commune_a), cast.training)
    with pytest.raises(TransitionError):
        _enrol(course, case_in(cast.commune_a), cast.training)


def test_a_certificate_earned_inside_stays_on_the_record_after_release(cast):
    course = make_course(cast, facility=cast.agencies["facility"])
    case = inmate_case(cast)
    enrolment = _enrol(course, case, cast.facility)
    _complete(enrolment, cast.facility)
    services.issue_certificate(
        enrolment,
        number="CC-2026-0042",
        issued_on=TODAY,
        issuer="Trung tâm GDNN Xuân Lộc",
        acting_user=cast.facility,
    )
    # Released and received by commune A: the case moves on, the certificate stays.
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.UNDER_MANAGEMENT)
    training_panel = next(
        p for p in panels_for(case.person, cast.users["commune_a"]) if "training" in p.template
    )
    [certificate] = training_panel.context["certificate_rows"]
    assert certificate.number == "CC-2026-0042" and certificate.earned_in_detention
    assert certificate.trade == "Hàn điện"


def test_only_a_completed_course_gives_a_certificate(cast):
    course = make_course(cast)
    enrolment = _enrol(course, case_in(cast.commune_a), cast.training)
    with pytest.raises(TransitionError):
        services.issue_certificate(
            enrolment, number="1", issued_on=TODAY, issuer="X", acting_user=cast.training
        )


def test_the_outcome_of_an_enrolment_is_recorded_once(cast, client_for):
    course = make_course(cast)
    enrolment = _enrol(course, case_in(cast.commune_a), cast.training)
    url = reverse("support:enrolment_finish", kwargs={"pk": enrolment.pk})
    data = {
        "status": "dropped_out",
        "finished_on": TODAY.strftime("%d/%m/%Y"),
        "version": enrolment.version,
    }
    assert client_for("training").post(url, data).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.DROPPED_OUT
    data["version"] = enrolment.version
    response = client_for("training").post(url, {**data, "status": "completed"})
    assert response.status_code == 200
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.DROPPED_OUT


def test_the_course_page_shows_only_the_learners_in_the_readers_scope(cast, client_for):
    course = make_course(cast)
    in_a = _enrol(course, case_in(cast.commune_a), cast.training)
    in_b = _enrol(course, case_in(cast.commune_b), cast.training)
    url = reverse("support:course_detail", kwargs={"pk": course.pk})
    seen = client_for("commune_a").get(url).context["enrolments"]
    assert seen == [in_a]
    assert len(client_for("training").get(url).context["enrolments"]) == 2
    assert in_b.person.full_name not in client_for("commune_a").get(url).content.decode()
    assert client_for("leader").get(url).context["enrolments"] is None  # no names for leaders


def test_a_course_in_another_province_is_not_found_and_enrols_no_one(cast, client_for):
    course = make_course(
        cast, commune=cast.other_commune, province=cast.other_province, title="Mộc dân dụng"
    )
    own = make_course(cast)
    url = reverse("support:course_detail", kwargs={"pk": course.pk})
    # The controls: that province's police read the course, ours read our own.
    assert course.title in client_for("other_province").get(url).content.decode()
    own_url = reverse("support:course_detail", kwargs={"pk": own.pk})
    for persona in ("training", "commune_a"):
        assert client_for(persona).get(own_url).status_code == 200
        refused = client_for(persona).get(url)
        assert refused.status_code == 404
        assert course.title not in refused.content.decode()
    person = case_in(cast.commune_a).person
    enrol = {"enrol": "1", "person": person.pk, "enrolled_on": TODAY.strftime("%d/%m/%Y")}
    enrol_url = reverse("support:course_enrol", kwargs={"pk": course.pk})
    assert client_for("training").post(enrol_url, enrol).status_code == 404
    assert not Enrolment.objects.exists()
    # The same enrolment into our own course is saved: it was refused for the course's scope.
    own_enrol = reverse("support:course_enrol", kwargs={"pk": own.pk})
    assert client_for("training").post(own_enrol, enrol).status_code == 302
    assert list(Enrolment.objects.values_list("course", flat=True)) == [own.pk]


def test_the_course_list_uses_a_constant_number_of_queries(cast, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("commune_a")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("support:course_list"), {"sort": "-seats"})
        assert response.status_code == 200
        return len(queries)

    make_course(cast)
    first = count()
    for _ in range(4):
        make_course(cast, facility=cast.agencies["facility"])
    assert count() == first


def test_the_course_list_filters_by_place_and_time(cast, client_for):
    make_course(cast)
    make_course(cast, facility=cast.agencies["facility"])
    make_course(cast, starts_on=TODAY + timedelta(days=10), ends_on=TODAY + timedelta(days=40))
    client = client_for("training")

    def count(**query) -> int:
        response = client.get(reverse("support:course_list"), query)
        return response.context["listing"].page.paginator.count

    assert count() == 3
    assert count(where="inside") == 1
    assert count(when="upcoming") == 1
    assert count(trade="han") == 3
