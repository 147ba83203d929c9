from __future__ import annotations

import uuid

import pytest
from django.urls import NoReverseMatch, reverse

from taihoanhap.core.reversing import reverse_pk


@pytest.mark.parametrize(
    "view_name", ["registry:person_detail", "support:referral_detail", "credit:list_detail"]
)
def test_same_url_as_reverse(view_name):
    for _ in range(3):
        pk = uuid.uuid4()
        assert reverse_pk(view_name, pk) == reverse(view_name, kwargs={"pk": pk})
        assert reverse_pk(view_name, str(pk)) == reverse(view_name, kwargs={"pk": pk})


def test_an_id_that_is_not_a_uuid_is_refused():
    with pytest.raises(ValueError):
        reverse_pk("registry:person_detail", "../quan-tri/")


def test_an_unknown_view_fails_like_reverse():
    with pytest.raises(NoReverseMatch):
        reverse_pk("registry:no_such_view", uuid.uuid4())


@pytest.mark.parametrize(
    ("view_name", "fixed"),
    [
        ("registry:case_action", {"action": "tiep-nhan"}),
        ("registry:case_action", {"action": "phan-loai"}),
        ("registry:person_section", {"key": "credit-panel"}),
    ],
)
def test_other_arguments_are_kept_apart(view_name, fixed):
    pk = uuid.uuid4()
    assert reverse_pk(view_name, pk, **fixed) == reverse(view_name, kwargs={"pk": pk, **fixed})


def test_an_argument_the_pattern_refuses_fails_like_reverse():
    with pytest.raises(NoReverseMatch):
        reverse_pk("registry:case_action", uuid.uuid4(), action="a/b")
