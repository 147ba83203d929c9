"""Every credit URL for every persona: who may use it, who gets 404 (outside their area) and
who gets 403 (wrong role). Records are built in commune A of the cast's province."""

from __future__ import annotations

from typing import Any

from taihoanhap.credit.models import ListStatus, LoanStatus
from taihoanhap.credit.tests import factories as f
from taihoanhap.tests.matrix import case

# Readers of loan files, each within their scope.
READERS_IN_A = {"commune_a", "province", "bank", "inspector", "leader", "commune_leader"}
EXPORTERS_IN_A = READERS_IN_A - {"inspector"}
OUTSIDE_A = {"commune_b", "other_province"}
ALL_READERS = READERS_IN_A | {"commune_b", "other_province"}


def _application(status: str = LoanStatus.DRAFT):
    def build(cast: Any) -> dict[str, Any]:
        loan = f.individual(f.returnee(cast.commune_a), cast.users["commune_a"], status=status)
        return {"pk": loan.pk}

    return build


def _business(status: str = LoanStatus.DRAFT):
    def build(cast: Any) -> dict[str, Any]:
        loan = f.business(f.employer(cast.commune_a), cast.users["commune_a"], status=status)
        return {"pk": loan.pk}

    return build


def _list(status: str = ListStatus.DRAFT):
    def build(cast: Any) -> dict[str, Any]:
        made = f.eligible_list(
            cast.commune_a,
            cast.users["commune_a"],
            status=status,
            cases=[f.returnee(cast.commune_a)],
        )
        return {"pk": made.pk}

    return build


def _entry(cast: Any) -> dict[str, Any]:
    made = f.eligible_list(
        cast.commune_a,
        cast.users["commune_a"],
        status=ListStatus.DRAFT,
        cases=[f.returnee(cast.commune_a)],
    )
    return {"pk": made.pk, "entry": made.entries.get().pk}


CASES = [
    case("credit:application_list", ok=ALL_READERS),
    case("credit:summary", ok=ALL_READERS),
    case("credit:awaiting_decision", ok={"bank"}),
    case("credit:application_export", ok=EXPORTERS_IN_A | {"commune_b", "other_province"}),
    case("credit:create_individual", ok={"commune_a", "commune_b"}),
    case("credit:create_business", ok={"commune_a", "commune_b"}),
    case("credit:application_detail", ok=READERS_IN_A, hidden=OUTSIDE_A, kwargs=_application()),
    case("credit:application_edit", ok={"commune_a"}, hidden={"commune_b"}, kwargs=_application()),
    case(
        "credit:application_put_on_list",
        ok={"commune_a"},
        hidden={"commune_b"},
        kwargs=_application(),
    ),
    case(
        "credit:application_mark_on_list",
        ok={"commune_a"},
        hidden={"commune_b"},
        kwargs=_application(),
    ),
    case(
        "credit:application_submit",
        ok={"commune_a"},
        hidden={"commune_b"},
        kwargs=_application(LoanStatus.ON_LIST),
    ),
    # A provincial People's Committee leader reads the file but only the commune's confirms.
    case("credit:application_confirm_plan", ok={"commune_leader"}, kwargs=_business()),
    case(
        "credit:application_confirm_plan",
        ok={"commune_leader"},
        method="post",
        kwargs=_business(),
        data={"version": "1", "on": "bad"},
    ),
    case("credit:application_approve", ok={"bank"}, kwargs=_application(LoanStatus.SUBMITTED)),
    case(
        "credit:application_approve",
        ok={"bank"},
        method="post",
        kwargs=_application(LoanStatus.SUBMITTED),
        data={"version": "1", "on": "bad", "amount": "1"},
    ),
    case("credit:application_reject", ok={"bank"}, kwargs=_application(LoanStatus.SUBMITTED)),
    case("credit:application_disburse", ok={"bank"}, kwargs=_application(LoanStatus.APPROVED)),
    case("credit:application_repay", ok={"bank"}, kwargs=_application(LoanStatus.DISBURSED)),
    case("credit:application_overdue", ok={"bank"}, kwargs=_application(LoanStatus.DISBURSED)),
    case("credit:form02_print", ok=READERS_IN_A, hidden=OUTSIDE_A, kwargs=_business()),
    case("credit:form02_export", ok=EXPORTERS_IN_A, hidden=OUTSIDE_A, kwargs=_business()),
    case("credit:list_index", ok=ALL_READERS),
    case("credit:list_create", ok={"commune_a", "commune_b"}),
    case("credit:list_detail", ok=READERS_IN_A, hidden=OUTSIDE_A, kwargs=_list()),
    case("credit:list_add_entry", ok={"commune_a"}, hidden={"commune_b"}, kwargs=_list()),
    case("credit:list_remove_entry", ok={"commune_a"}, hidden={"commune_b"}, kwargs=_entry),
    case("credit:list_submit", ok={"commune_a"}, hidden={"commune_b"}, kwargs=_list()),
    case("credit:list_confirm", ok={"commune_leader"}, kwargs=_list(ListStatus.SUBMITTED)),
    case(
        "credit:list_confirm",
        ok={"commune_leader"},
        method="post",
        kwargs=_list(ListStatus.SUBMITTED),
        data={"version": "1", "on": "bad"},
    ),
    case("credit:list_return", ok={"commune_leader"}, kwargs=_list(ListStatus.SUBMITTED)),
    case("credit:list_print", ok=READERS_IN_A, hidden=OUTSIDE_A, kwargs=_list()),
    case("credit:list_export", ok=EXPORTERS_IN_A, hidden=OUTSIDE_A, kwargs=_list()),
    case(
        "credit:parameter_list",
        ok=ALL_READERS | {"admin", "finance"},
    ),
    case("credit:parameter_add", ok={"bank", "admin"}),
]
