"""Who may use each registry page: records in commune A of the cast's province."""

from __future__ import annotations

from typing import Any

from taihoanhap.tests.cast import Cast
from taihoanhap.tests.clock import today
from taihoanhap.tests.matrix import SIGNED_IN, case

# Roles that read person pages, as cast personas (each within its scope).
READERS = set(SIGNED_IN - {"leader", "admin"})
WRITERS = {"commune_a", "commune_b", "province", "other_province"}
# For a record in commune A.
SEE_A = {"commune_a", "province", "bank", "inspector", "employment"}
WRITE_A = {"commune_a", "province"}
OUTSIDE_A = {"commune_b", "other_province"}

# A 1x1 PNG, for the photo page.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _person(cast: Cast) -> Any:
    from taihoanhap.registry.tests.factories import make_person

    return make_person(cast.commune_a)


def _case(cast: Cast) -> Any:
    from taihoanhap.registry.tests.factories import make_case

    return make_case(commune=cast.commune_a)


def _person_with_photo(cast: Cast) -> dict[str, Any]:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    person = _person(cast)
    name = default_storage.save("photos/matrix/test.png", ContentFile(PNG))
    person.photo.name = name
    person.save(update_fields=["photo"])
    return {"pk": person.pk}


def _transfer_to_b(cast: Cast) -> dict[str, Any]:
    from taihoanhap.registry.models import Transfer

    record = _case(cast)
    transfer = Transfer.objects.create(
        case=record,
        person=record.person,
        from_commune=cast.commune_a,
        from_province=cast.province,
        to_commune=cast.commune_b,
        to_province=cast.province,
        to_address="Ấp 1",
        reason="Chuyển nơi ở",
        requested_on=today(),
    )
    return {"pk": transfer.pk}


CASES = [
    case("registry:person_list", ok=READERS),
    case("registry:person_list", ok=READERS, method="post", data={"q": "nguyen van"}),
    case("registry:person_export", ok=READERS),
    case("registry:work_queue", ok=READERS),
    case("registry:person_create", ok=WRITERS),
    case(
        "registry:person_detail",
        ok=SEE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _person(cast).pk},
    ),
    # A section the employment officer does not get answers 404 like a person out of scope.
    case(
        "registry:person_section",
        ok=SEE_A - {"employment"},
        hidden=OUTSIDE_A | {"employment"},
        kwargs=lambda cast: {"pk": _person(cast).pk, "key": "credit-panel"},
    ),
    case(
        "registry:person_edit",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _person(cast).pk},
    ),
    case("registry:person_photo", ok=SEE_A, hidden=OUTSIDE_A, kwargs=_person_with_photo),
    case(
        "registry:sentence_create",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _person(cast).pk},
    ),
    case(
        "registry:sentence_edit",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _case(cast).release.sentence_id},
    ),
    case(
        "registry:case_open",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _person(cast).pk},
    ),
    case(
        "registry:case_action",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _case(cast).pk, "action": "phan-loai"},
    ),
    case(
        "registry:case_action",
        ok=WRITE_A,
        hidden=OUTSIDE_A,
        method="post",
        kwargs=lambda cast: {"pk": _case(cast).pk, "action": "ghi-chu"},
        data={"notes": "Ghi chú", "version": "1"},
    ),
    case(
        "registry:case_print",
        ok={"commune_a", "province", "inspector"},
        hidden=OUTSIDE_A,
        kwargs=lambda cast: {"pk": _case(cast).pk, "form": "hcd02"},
    ),
    case(
        "registry:transfer_decide",
        ok={"commune_b"},
        hidden={"commune_a", "province", "other_province"},
        kwargs=_transfer_to_b,
    ),
]
