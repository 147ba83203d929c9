"""Pages run a constant number of queries, whatever the number of people and records."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taihoanhap.registry import lifecycle
from taihoanhap.registry.models import ReleaseType
from taihoanhap.registry.tests.factories import make_case, make_person, received_case
from taihoanhap.tests.clock import FROZEN_TODAY

TODAY = FROZEN_TODAY


def queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def add_people(cast, count):
    for _ in range(count):
        make_case(commune=cast.commune_a)


def test_the_person_list_runs_a_fixed_number_of_queries(
    client_for, cast, django_assert_num_queries
):
    client = client_for("commune_a")
    url = reverse("registry:person_list")
    add_people(cast, 2)
    client.get(url)  # warm the session and the working-day calendar
    # session, user with its agency and unit (the scope), rows, communes; no count: a page
    # that is not full shows where the list ends
    with django_assert_num_queries(4):
        client.get(url)
    add_people(cast, 60)
    # a full page also counts the matches (capped)
    with django_assert_num_queries(5):
        client.get(url, {"page": 2})
    with django_assert_num_queries(4):  # nobody matches: the empty first page says so
        client.get(url, {"klass": "D"})


def test_the_person_page_query_count_does_not_grow_with_the_records(client_for, cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)
    url = reverse("registry:person_detail", kwargs={"pk": case.person_id})
    client = client_for("commune_a")
    client.get(url)
    before = queries(client, url)
    for number in range(4):
        lifecycle.record_violation(
            case,
            occurred_on=TODAY,
            kind="obligation",
            description=f"v{number}",
            sanction="",
            acting_user=officer,
        )
        lifecycle.classify(case, value="B", decided_on=TODAY, reason="r", acting_user=officer)
        lifecycle.request_absence(
            case,
            requested_on=TODAY,
            leave_on=TODAY + timedelta(days=10 * number + 1),
            return_on=TODAY + timedelta(days=10 * number + 2),
            destination="x",
            reason="x",
            acting_user=officer,
        )
    assert queries(client, url) == before


def test_the_work_queue_query_count_does_not_grow_with_the_caseload(client_for, cast):
    officer = cast.users["commune_a"]
    client = client_for("commune_a")
    url = reverse("registry:work_queue")
    received_case(officer, commune=cast.commune_a)
    client.get(url)
    before = queries(client, url)
    for _ in range(10):
        received_case(officer, make_person(cast.commune_a))
    assert queries(client, url) == before


def test_the_probation_records_are_read_only_for_a_conditional_release(client_for, cast):
    probation_tables = (
        "registry_probationassessment",
        "registry_absencerequest",
        "registry_violation",
    )
    client = client_for("commune_a")
    for release_type, expected in ((ReleaseType.FULL_TERM, False), (ReleaseType.PAROLE, True)):
        case = received_case(
            cast.users["commune_a"], commune=cast.commune_a, release_type=release_type
        )
        url = reverse("registry:person_detail", kwargs={"pk": case.person_id})
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        asked = {t for q in captured.captured_queries for t in probation_tables if t in q["sql"]}
        assert (asked == set(probation_tables)) is expected, release_type
