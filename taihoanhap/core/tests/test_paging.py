"""core.paging: pages of a list and the links between them, at the edges."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from taihoanhap.core.paging import paginate, query_without, sort_links


def _get(**params: str):
    return RequestFactory().get("/list/", params)


def test_an_empty_list_is_one_empty_page_without_links():
    context = paginate(_get(), [], 25)
    page = context["page"]
    assert page.number == 1 and list(page) == []
    assert not page.has_other_pages()
    assert render_to_string("includes/pagination.html", context).strip() == ""


def test_the_last_page_holds_the_rest_and_links_only_back():
    context = paginate(_get(page="3"), list(range(55)), 25)
    page = context["page"]
    assert list(page) == list(range(50, 55))
    assert page.has_previous() and not page.has_next()
    html = render_to_string("includes/pagination.html", context)
    assert 'rel="prev"' in html and 'rel="next"' not in html


@pytest.mark.parametrize(("asked", "shown"), [("99", 3), ("0", 3), ("-1", 3), ("abc", 1), ("", 1)])
def test_a_page_out_of_range_or_not_a_number_shows_a_real_page(asked, shown):
    # Django's get_page: past the end (or below 1) the last page, not a number the first.
    assert paginate(_get(page=asked), list(range(55)), 25)["page"].number == shown


def test_page_links_keep_the_filters_but_not_the_old_page():
    context = paginate(_get(status="open", page="2"), list(range(55)), 25)
    assert context["query"] == "status=open"
    html = render_to_string("includes/pagination.html", context)
    assert "?status=open&amp;page=1" in html and "?status=open&amp;page=3" in html


def test_query_without_drops_only_the_names_given():
    assert query_without(_get(q="a", page="2", format="xlsx"), "page", "format") == "q=a"


def test_sort_links_toggle_the_current_column_and_forget_the_page():
    links = sort_links(_get(sort="date", page="4"), {"date": "date", "amount": "amount"})
    assert links == {"date": "sort=-date", "amount": "sort=amount"}
