"""Finding people: without diacritics, decomposed input, ID number, birth, filters, pages,
capped counts, and no personal data in the URL.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taihoanhap.registry.models import CaseStatus
from taihoanhap.registry.rows import LIST_VALUES
from taihoanhap.registry.selectors import parse_query
from taihoanhap.registry.tests.factories import make_case, make_person
from taihoanhap.tests.clock import today

LIST = reverse("registry:person_list")


def search(client, text, **filters):
    """POST the search like the header box, follow to the results page."""
    response = client.post(LIST, {"q": text, **filters})
    assert response.status_code == 302
    return response["Location"], client.get(response["Location"])


def names(response) -> list[str]:
    """The full names of the page's rows (read as LIST_VALUES tuples)."""
    at = LIST_VALUES.index("full_name")
    return [row[at] for row in response.context["page"].object_list]


@pytest.fixture
def people(cast):
    an = make_person(cast.commune_a, full_name="Nguyễn Văn An", birth_date=date(1990, 4, 2))
    make_person(
        cast.commune_a,
        full_name="Nguyễn Văn Anh",
        birth_date=date(1985, 1, 1),
        citizen_id="075085000077",
    )
    make_person(
        cast.commune_a,
        full_name="Đặng Thị Đào",
        sex="F",
        birth_date=date(1979, 6, 30),
        citizen_id="075179000001",
    )
    make_person(
        cast.commune_b,
        full_name="Nguyễn Văn An",
        birth_date=date(1990, 4, 2),
        citizen_id="075090000999",
    )
    return an


def test_a_name_without_diacritics_finds_the_person(client_for, people):
    url, response = search(client_for("commune_a"), "nguyen van an")
    assert names(response) == ["Nguyễn Văn An", "Nguyễn Văn Anh"]
    assert "nguyen" not in url  # the URL carries an opaque key only
    assert "?s=" in url


def test_decomposed_input_finds_the_same_person(client_for, people):
    decomposed = unicodedata.normalize("NFD", "NGUYỄN VĂN AN")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    _, response = search(client_for("commune_a"), decomposed)
    assert "Nguyễn Văn An" in names(response)


def test_d_with_stroke_is_searchable_as_d(client_for, people):
    _, response = search(client_for("commune_a"), "dang thi dao")
    assert names(response) == ["Đặng Thị Đào"]


def test_a_citizen_id_finds_exactly_that_person(client_for, people):
    _, response = search(client_for("commune_a"), "075 085 000 077")
    assert names(response) == ["Nguyễn Văn Anh"]


def test_a_citizen_id_outside_the_scope_finds_nobody(client_for, people):
    _, response = search(client_for("commune_a"), "075090000999")
    assert names(response) == []


def test_a_name_and_a_year_or_a_date_of_birth_narrow_the_search(client_for, people):
    client = client_for("commune_a")
    _, response = search(client, "nguyen van 1985")
    assert names(response) == ["Nguyễn Văn Anh"]
    _, response = search(client, "nguyen 02/04/1990")
    assert names(response) == ["Nguyễn Văn An"]


def test_the_search_is_always_scoped(client_for, people):
    _, response = search(client_for("province"), "nguyen van an")
    assert len(names(response)) == 3  # both communes of the province
    _, response = search(client_for("other_province"), "nguyen van an")
    assert names(response) == []


def test_a_search_key_of_another_session_finds_nothing(client_for, people):
    url, _ = search(client_for("commune_a"), "nguyen van an")
    response = client_for("commune_a").get(url)
    assert response.context["expired"]
    assert response.context["text"] == ""


def test_the_query_parser_understands_ids_dates_years_and_names():
    assert parse_query("075.085.000.077").citizen_id == "075085000077"
    assert parse_query("123456789").citizen_id == "123456789"
    parsed = parse_query("Trần  Văn 1/2/1990")
    assert parsed.name_key == "tran van"
    assert parsed.birth_date == date(1990, 2, 1)
    assert parse_query("le 1975").birth_year == 1975


# --- Filters, sorting and pages ----------------------------------------------------------------


def test_filters_by_status_class_release_period_and_birth_years(client_for, cast):
    day = today()
    managed = make_case(
        commune=cast.commune_a, release_date=day - timedelta(days=100), current_class="A"
    )
    make_case(
        commune=cast.commune_a,
        status=CaseStatus.ON_PROBATION,
        release_date=day - timedelta(days=400),
    )
    client = client_for("commune_a")
    response = client.get(LIST, {"status": CaseStatus.UNDER_MANAGEMENT})
    assert names(response) == [managed.person.full_name]
    response = client.get(LIST, {"klass": "A"})
    assert names(response) == [managed.person.full_name]
    response = client.get(LIST, {"released_from": f"{day - timedelta(days=200):%d/%m/%Y}"})
    assert names(response) == [managed.person.full_name]
    response = client.get(LIST, {"born_from": "1991"})
    assert names(response) == []


def test_a_bank_officer_has_no_status_or_class_filter(client_for, cast):
    response = client_for("bank").get(LIST)
    assert "status" not in response.context["filters"].fields
    assert "klass" not in response.context["filters"].fields


def test_pages_keep_the_filters_and_the_search(client_for, cast, settings):
    settings.REGISTRY_RULES = {"LIST_PAGE_SIZE": 2}
    for number in range(5):
        make_person(cast.commune_a, full_name=f"Lê Văn Tám {number}")
    make_person(cast.commune_a, full_name="Phạm Thị Chín")
    url, response = search(client_for("commune_a"), "le van", born_from="1980")
    page = response.context["page"]
    assert names(response) == ["Lê Văn Tám 0", "Lê Văn Tám 1"]
    assert page.has_next
    assert response.context["total"] == 5
    body = response.content.decode()
    assert "born_from=1980" in body and "page=2" in body
    key = url.split("s=")[1].split("&")[0]
    response = client_for("commune_a").get(LIST, {"s": key, "page": 3, "born_from": 1980})
    # Another client: its session does not know the key, so it lists everyone born from 1980.
    assert response.context["expired"]


def test_the_count_is_capped_instead_of_counting_everything(client_for, cast, settings):
    settings.REGISTRY_RULES = {"COUNT_CAP": 3, "LIST_PAGE_SIZE": 2}
    for number in range(5):
        make_person(cast.commune_a, full_name=f"Võ Văn Năm {number}")
    response = client_for("commune_a").get(LIST)
    assert response.context["more"]
    assert response.context["page"].paginator.num_pages is None
    assert response.context["page"].has_next


def _counts(client, **params) -> tuple[Any, int]:
    """The list's response and how many COUNT queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, params)
    return response, sum("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_a_page_that_is_not_full_gives_the_total_without_counting(client_for, cast, settings):
    settings.REGISTRY_RULES = {"LIST_PAGE_SIZE": 2}
    for number in range(5):
        make_person(cast.commune_a, full_name=f"Đỗ Văn Sáu {number}")
    client = client_for("commune_a")
    first, counted = _counts(client)
    assert counted == 1 and first.context["total"] == 5 and first.context["page"].has_next
    last, counted = _counts(client, page=3)
    assert counted == 0 and last.context["total"] == 5 and not last.context["page"].has_next
    assert last.context["page"].paginator.num_pages == 3
    beyond, counted = _counts(client, page=9)
    assert counted == 1 and beyond.context["total"] == 5


def test_the_last_page_past_the_cap_still_says_more(client_for, cast, settings):
    settings.REGISTRY_RULES = {"COUNT_CAP": 3, "LIST_PAGE_SIZE": 2}
    for number in range(5):
        make_person(cast.commune_a, full_name=f"Võ Văn Bảy {number}")
    response, counted = _counts(client_for("commune_a"), page=3)
    assert counted == 1 and response.context["more"] and response.context["total"] == 3


def test_sorting_by_birth_year_descending(client_for, cast):
    make_person(
        cast.commune_a,
        full_name="Bùi Văn Già",
        birth_date=date(1960, 1, 1),
        citizen_id="075060000001",
    )
    make_person(
        cast.commune_a,
        full_name="Bùi Văn Trẻ",
        birth_date=date(2001, 1, 1),
        citizen_id="075201000001",
    )
    response = client_for("commune_a").get(LIST, {"sort": "-birth"})
    assert names(response) == ["Bùi Văn Trẻ", "Bùi Văn Già"]


def test_an_empty_list_says_what_to_do(client_for, cast):
    body = client_for("commune_a").get(LIST).content.decode()
    assert reverse("registry:person_create") in body


def test_the_header_search_box_posts_to_the_list(client_for, cast):
    body = client_for("commune_a").get(reverse("registry:work_queue")).content.decode()
    assert f'method="post" action="{LIST}"' in body
    assert "csrfmiddlewaretoken" in body


def test_a_person_moving_in_is_answered_from_the_queue_not_listed_yet(client_for, cast):
    from taihoanhap.registry.lifecycle import request_transfer

    case = make_case(commune=cast.commune_a)
    request_transfer(
        case,
        to_commune=cast.commune_b,
        to_address="Ấp 1",
        reason="x",
        requested_on=today(),
        acting_user=cast.users["commune_a"],
    )
    response = client_for("commune_b").get(LIST)
    assert names(response) == []
    assert client_for("commune_b").get(case.person.get_absolute_url()).status_code == 200
