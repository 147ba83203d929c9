"""Registering and correcting persons: validation, citizen ID, duplicates, optimistic locking,
and what each role sees on the person page.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.tests.views import audited_views
from taihoanhap.core.citizen_id import parse_citizen_id
from taihoanhap.registry import deadlines as registry_deadlines
from taihoanhap.registry import lifecycle, services
from taihoanhap.registry.forms import parse_birth
from taihoanhap.registry.models import DeadlineKind, HelperKind, Person, ReleaseType, Visibility
from taihoanhap.registry.tests.factories import make_person, make_sentence, received_case
from taihoanhap.registry.timeline import add_event, events_for
from taihoanhap.tests.clock import FROZEN_TODAY

TODAY = FROZEN_TODAY


def person_data(cast, **overrides):
    data = {
        "full_name": "Trần Văn Bình",
        "other_names": "",
        "birth": "12/05/1988",
        "sex": "M",
        "ethnicity": "Kinh",
        "citizen_id": "075088001234",
        "birth_registration_place": "Đồng Nai",
        "commune": str(cast.commune_a.pk),
        "current_address": "Tổ 3, khu phố 5",
        "permanent_commune": "",
        "permanent_address": "",
        "phone": "0912 345 678",
        "family_contact": "Vợ: Lê Thị Hoa",
    }
    data.update(overrides)
    return data


CREATE = reverse("registry:person_create")


# --- Citizen ID (Decree 137/2015 Art. 13) ------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "year", "sex"),
    [
        ("075088001234", 1988, "M"),  # 1900s, male: 0
        ("075188001234", 1988, "F"),  # 1900s, female: 1
        ("079203001234", 2003, "M"),  # 2000s, male: 2
        ("070305001234", 2005, "F"),  # 2000s, female: 3
        ("075.088.001.234", 1988, "M"),  # typed with separators
    ],
)
def test_a_valid_citizen_id_is_accepted_and_decoded_to_its_birth_year_and_sex(number, year, sex):
    parsed = parse_citizen_id(number, birth_year=year, sex=sex)
    assert parsed.number == number.replace(".", "")  # stored without the typed separators
    assert not parsed.legacy
    assert (parsed.birth_year, parsed.sex) == (year, sex)


def test_an_old_nine_digit_id_card_is_accepted_as_legacy_without_decoding():
    parsed = parse_citizen_id("123456789", birth_year=1988, sex="M")
    assert parsed.number == "123456789"
    assert parsed.legacy
    assert (parsed.birth_year, parsed.sex) == (None, None)


@pytest.mark.parametrize(
    ("number", "year", "sex", "code"),
    [
        ("07508800123", 1988, "M", "format"),  # 11 digits
        ("07508800123A", 1988, "M", "format"),
        ("075088001234", 1989, "M", "birth_year"),
        ("075288001234", 1988, "M", "birth_year"),  # 2088, not 1988
        ("075088001234", 1988, "F", "sex"),
        ("000088001234", 1988, "M", "place"),
    ],
)
def test_an_invalid_citizen_id_is_refused_with_its_reason(number, year, sex, code):
    with pytest.raises(ValidationError) as error:
        parse_citizen_id(number, birth_year=year, sex=sex)
    assert error.value.code == code


def test_a_citizen_id_not_matching_the_birth_year_is_refused_on_the_form(client_for, cast):
    response = client_for("commune_a").post(CREATE, person_data(cast, birth="1990"))
    assert response.status_code == 200
    assert "citizen_id" in response.context["form"].errors
    assert not Person.objects.exists()


def test_a_citizen_id_not_matching_the_place_of_birth_registration_is_refused(client_for, cast):
    response = client_for("commune_a").post(
        CREATE, person_data(cast, birth_registration_place="Bình Phước")
    )
    assert "070" in str(response.context["form"].errors["citizen_id"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12/05/1988", (date(1988, 5, 12), 1988)),
        ("1/2/1990", (date(1990, 2, 1), 1990)),
        ("01-02-1990", (date(1990, 2, 1), 1990)),
        ("1985", (None, 1985)),
    ],
)
def test_a_date_of_birth_may_be_full_or_the_year_only(typed, expected):
    assert parse_birth(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/1990", "1850", "05/1990", str(TODAY.year + 1)])
def test_an_impossible_date_of_birth_is_refused(typed):
    with pytest.raises(ValidationError):
        parse_birth(typed)


# --- Registering -------------------------------------------------------------------------------


def test_a_commune_officer_registers_a_person_with_a_normalised_name(client_for, cast):
    decomposed = unicodedata.normalize("NFD", "  trần   văn bình ")
    response = client_for("commune_a").post(CREATE, person_data(cast, full_name=decomposed))
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == person.get_absolute_url()
    assert person.full_name == unicodedata.normalize("NFC", "Trần Văn Bình")
    assert person.name_key == "tran van binh"
    assert person.birth_year == 1988
    assert person.province == cast.province
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(person.pk)).exists()


def test_a_year_only_birth_is_stored_as_the_year(client_for, cast):
    client_for("commune_a").post(CREATE, person_data(cast, birth="1988"))
    person = Person.objects.get()
    assert person.birth_date is None
    assert person.birth_year == 1988
    assert person.birth_label == "1988"


def test_a_commune_officer_cannot_register_someone_in_another_commune(client_for, cast):
    response = client_for("commune_a").post(CREATE, person_data(cast, commune=cast.commune_b.pk))
    assert "commune" in response.context["form"].errors
    assert not Person.objects.exists()


def test_the_same_citizen_id_cannot_be_registered_twice(client_for, cast):
    make_person(cast.commune_b, citizen_id="075088001234", full_name="Người Khác")
    response = client_for("commune_a").post(CREATE, person_data(cast))
    assert "citizen_id" in response.context["form"].errors
    # Registered in commune B: commune A is not told who it is.
    assert response.context["form"].existing_person is None
    assert Person.objects.count() == 1


def test_a_similar_name_and_birth_date_is_shown_before_saving_and_can_be_confirmed(
    client_for, cast
):
    existing = make_person(
        cast.commune_a, full_name="Trần Văn Bình", birth_date=date(1988, 5, 12), citizen_id=None
    )
    client = client_for("commune_a")
    response = client.post(CREATE, person_data(cast, full_name="tran van binh", citizen_id=""))
    assert response.status_code == 200
    assert response.context["form"].possible_duplicates == [existing]
    assert existing.full_name in response.content.decode()
    assert Person.objects.count() == 1
    response = client.post(
        CREATE,
        person_data(cast, full_name="tran van binh", citizen_id="", confirm_not_duplicate="on"),
    )
    assert response.status_code == 302
    assert Person.objects.count() == 2


def test_a_similar_person_outside_the_scope_is_neither_shown_nor_stops_the_registration(
    client_for, cast
):
    outsider = make_person(
        cast.commune_b, full_name="Trần Văn Bình", birth_date=date(1988, 5, 12), citizen_id=None
    )
    response = client_for("commune_a").post(CREATE, person_data(cast, citizen_id=""))
    # Saved at once, as if no similar person existed: no confirmation step names commune B's.
    registered = Person.objects.exclude(pk=outsider.pk).get()
    assert registered.commune == cast.commune_a
    assert response.status_code == 302
    assert response["Location"] == registered.get_absolute_url()


# --- Correcting: optimistic locking ------------------------------------------------------------


def test_a_stale_edit_is_a_conflict_that_keeps_what_was_typed(client_for, cast):
    person = make_person(
        cast.commune_a,
        full_name="Trần Văn Bình",
        birth_date=date(1988, 5, 12),
        citizen_id="075088001234",
        birth_registration_place="Đồng Nai",
    )
    url = reverse("registry:person_edit", kwargs={"pk": person.pk})
    first, second = client_for("commune_a"), client_for("province")
    opened_version = person.version
    response = first.post(url, person_data(cast, phone="0987654321", version=opened_version))
    assert response.status_code == 302
    response = second.post(
        url, person_data(cast, family_contact="Anh trai: Trần Văn Cường", version=opened_version)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["family_contact"].value() == "Anh trai: Trần Văn Cường"
    person.refresh_from_db()
    assert person.phone == "0987654321"
    assert person.family_contact == "Vợ: Lê Thị Hoa"  # the first save, not overwritten
    # Saving again, knowingly, now succeeds.
    response = second.post(
        url, person_data(cast, family_contact="Anh trai", version=form["version"].value())
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.family_contact == "Anh trai"
    update = AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(person.pk)).first()
    assert "family_contact" in update.changes


def test_an_officer_of_another_commune_can_neither_open_nor_post_the_edit_form(client_for, cast):
    person = make_person(cast.commune_a, phone="0912 000 111")
    url = reverse("registry:person_edit", kwargs={"pk": person.pk})
    assert client_for("commune_a").get(url).context["form"].instance == person  # the control
    assert client_for("commune_b").get(url).status_code == 404
    data = person_data(cast, phone="0987 654 321", version=person.version)
    assert client_for("commune_b").post(url, data).status_code == 404
    person.refresh_from_db()
    assert (person.phone, person.version) == ("0912 000 111", 1)


def test_correcting_a_sentence_audits_the_values_before_and_after(client_for, cast):
    # The form validates on a copy: the sentence the view hands to the service is still as read,
    # so the audit trail gets the old value and the new one (not the new one twice).
    person = make_person(cast.commune_a)
    sentence = make_sentence(person, term_years=3)
    url = reverse("registry:sentence_edit", kwargs={"pk": sentence.pk})
    data = {
        "judgment_number": sentence.judgment_number,
        "judgment_date": f"{sentence.judgment_date:%d/%m/%Y}",
        "court": sentence.court,
        "offences": sentence.offences,
        "articles": "173",
        "term_years": "4",
        "term_months": "0",
        "start_date": f"{sentence.start_date:%d/%m/%Y}",
        "end_date": f"{sentence.end_date:%d/%m/%Y}",
        "version": sentence.version,
    }
    response = client_for("commune_a").post(url, data)
    assert response.status_code == 302
    update = AuditEvent.objects.get(action=Action.UPDATE, object_id=str(sentence.pk))
    assert update.changes["term_years"] == [3, 4]


# --- The person page ---------------------------------------------------------------------------


@pytest.fixture
def parolee(cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a, release_type=ReleaseType.PAROLE)
    lifecycle.classify(
        case, value="B", decided_on=TODAY, reason="Chưa có việc", acting_user=officer
    )
    lifecycle.record_violation(
        case,
        occurred_on=TODAY,
        kind="obligation",
        description="Không trình diện",
        sanction="",
        acting_user=officer,
    )
    case.notes = "Ghi chú nghiệp vụ bí mật"
    case.save(update_fields=["notes"])
    add_event(case, kind="loan", occurred_on=TODAY, summary="Hỗ trợ vay vốn", actor=officer)
    return case


def page(client, person):
    return client.get(reverse("registry:person_detail", kwargs={"pk": person.pk}))


def test_the_commune_officer_sees_everything_and_every_view_is_audited(client_for, parolee):
    response = page(client_for("commune_a"), parolee.person)
    body = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Trộm cắp tài sản",
        "Ghi chú nghiệp vụ bí mật",
        "Không trình diện",
        "Hỗ trợ vay vốn",
    ):
        assert text in body
    assert (
        audited_views(object_type="registry.person", object_id=str(parolee.person_id)).count() == 1
    )


def test_the_case_shows_its_classifications_helpers_and_open_deadlines_in_order(client_for, cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a)
    for value, day, reason in (
        ("C", TODAY - timedelta(days=20), "Lý do cũ"),
        ("A", TODAY, "Lý do mới"),
    ):
        lifecycle.classify(case, value=value, decided_on=day, reason=reason, acting_user=officer)
    former = services.add_helper(
        case,
        acting_user=officer,
        kind=HelperKind.ORGANISATION,
        name="Trần Thị Đã Nghỉ",
        organisation="Hội Phụ nữ",
        assigned_on=TODAY - timedelta(days=90),
    )
    services.end_helper(former, ended_on=TODAY - timedelta(days=10), acting_user=officer)
    current = services.add_helper(
        case,
        acting_user=officer,
        kind=HelperKind.FAMILY,
        name="Lê Thị Hoa",
        relationship="Mẹ",
        assigned_on=TODAY - timedelta(days=5),
    )
    registry_deadlines.open_deadline(
        case, kind=DeadlineKind.EXPUNGEMENT_REVIEW, due_on=TODAY + timedelta(days=300)
    )
    registry_deadlines.open_deadline(
        case, kind=DeadlineKind.ABSENCE_DECISION, due_on=TODAY - timedelta(days=1)
    )
    client = client_for("commune_a")
    body = page(client, case.person).content.decode()
    with translation.override("vi"):
        labels = [str(HelperKind.FAMILY.label), str(HelperKind.ORGANISATION.label)]
        labels += [str(DeadlineKind.ABSENCE_DECISION.label)]
        labels += [str(DeadlineKind.EXPUNGEMENT_REVIEW.label)]
    # Newest decision first, with who decided; the active helper first, the former one's end.
    assert body.index("Lý do mới") < body.index("Lý do cũ")
    assert f'<td data-label="Người quyết định">{officer}</td>' in body
    assert body.index("Lê Thị Hoa") < body.index("Trần Thị Đã Nghỉ")
    assert f"Lê Thị Hoa · {labels[0]} · Mẹ" in body
    assert f"Trần Thị Đã Nghỉ · {labels[1]} · Hội Phụ nữ" in body
    assert f"{(TODAY - timedelta(days=10)):%d/%m/%Y}</li>" in body
    # Open deadlines by due date, each with its label.
    table = body[
        body.index('id="deadlines-title"') : body.index(
            "</table>", body.index('id="deadlines-title"')
        )
    ]
    days = [date(int(y), int(m), int(d)) for d, m, y in re.findall(r"(\d\d)/(\d\d)/(\d{4})", table)]
    assert days == sorted(days) and TODAY + timedelta(days=300) in days
    assert table.index(labels[2]) < table.index(labels[3])
    # Ending a helper's assignment is offered while one is active.
    end_helper = reverse(
        "registry:case_action", kwargs={"pk": case.pk, "action": "ket-thuc-giup-do"}
    )
    assert end_helper in body
    services.end_helper(current, ended_on=TODAY, acting_user=officer)
    assert end_helper not in page(client, case.person).content.decode()


def test_a_bank_officer_sees_no_offence_on_the_person_page(client_for, parolee):
    response = page(client_for("bank"), parolee.person)
    body = response.content.decode()
    assert response.status_code == 200
    assert parolee.person.full_name in body
    assert "Hỗ trợ vay vốn" in body  # the shared timeline
    for secret in ("Trộm cắp tài sản", "Ghi chú nghiệp vụ bí mật", "Không trình diện"):
        assert secret not in body
    # The article number on its own, not inside a record's id in a link.
    assert not re.search(r"(?<![\w-])173(?![\w-])", body)
    entries = events_for(parolee.person, response.context["user"])
    assert entries.exists()
    assert not entries.filter(visibility=Visibility.POLICE).exists()


def test_an_officer_of_another_commune_gets_404_on_a_person_of_commune_a(client_for, parolee):
    name = parolee.person.full_name
    assert name in page(client_for("commune_a"), parolee.person).content.decode()  # the control
    for persona in ("commune_b", "other_province"):
        response = page(client_for(persona), parolee.person)
        assert response.status_code == 404
        assert name not in response.content.decode()


def test_the_page_offers_the_actions_of_the_state(client_for, parolee):
    response = page(client_for("commune_a"), parolee.person)
    slugs = {action.slug for action, _url in response.context["actions"]}
    assert {"danh-gia-thang", "vi-pham", "ket-thuc-thu-thach", "phan-loai"} <= slugs
    assert "tiep-nhan" not in slugs
    assert "xac-minh" not in slugs


def test_the_provincial_officer_may_act_but_an_inspector_only_reads(client_for, parolee):
    assert page(client_for("province"), parolee.person).context["actions"]
    response = page(client_for("inspector"), parolee.person)
    assert response.status_code == 200
    assert "actions" not in response.context or not response.context["actions"]


def test_the_expungement_hint_is_shown_for_a_managed_person(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    response = page(client_for("commune_a"), case.person)
    assert response.context["hint"].earliest is not None
    assert "Điều 70" in response.content.decode() or "Art. 70" in response.content.decode()


def test_an_incoming_transfer_is_readable_by_the_receiving_commune(client_for, cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a)
    transfer = lifecycle.request_transfer(
        case,
        to_commune=cast.commune_b,
        to_address="Ấp 2",
        reason="Về ở với con",
        requested_on=TODAY - timedelta(days=1),
        acting_user=officer,
    )
    response = page(client_for("commune_b"), case.person)
    assert response.status_code == 200
    assert response.context["incoming"] == [transfer]
    assert not response.context["writer"]
    action = reverse("registry:case_action", kwargs={"pk": case.pk, "action": "phan-loai"})
    assert client_for("commune_b").get(action).status_code == 404


def test_re_offences_and_transfers_are_listed_on_the_case_only_when_recorded(client_for, cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a)
    client = client_for("commune_a")
    body = page(client, case.person).content.decode()
    assert "<h4>Tái phạm</h4>" not in body and "<h4>Chuyển nơi cư trú</h4>" not in body
    lifecycle.request_transfer(
        case,
        to_commune=cast.commune_b,
        to_address="Ấp 3",
        reason="Về quê",
        requested_on=TODAY,
        acting_user=officer,
    )
    lifecycle.record_reoffence(
        case, occurred_on=TODAY, offence="Cố ý gây thương tích", acting_user=officer, held=False
    )
    response = page(client, case.person)
    body = response.content.decode()
    assert "<h4>Tái phạm</h4>" in body and "Cố ý gây thương tích" in body
    assert "<h4>Chuyển nơi cư trú</h4>" in body and str(cast.commune_b) in body
    # A transfer is waiting: the page offers to withdraw it, not to request another.
    slugs = {action.slug for action, _url in response.context["actions"]}
    assert "huy-chuyen" in slugs and "chuyen-xa" not in slugs
    other = received_case(officer, commune=cast.commune_a)
    assert "chuyen-xa" in {a.slug for a, _url in page(client, other.person).context["actions"]}


def test_each_action_links_to_its_own_form_for_the_current_case(client_for, parolee):
    response = page(client_for("commune_a"), parolee.person)
    body = response.content.decode()
    for action, url in response.context["actions"]:
        expected = reverse("registry:case_action", kwargs={"pk": parolee.pk, "action": action.slug})
        assert url == expected and f'href="{expected}"' in body
