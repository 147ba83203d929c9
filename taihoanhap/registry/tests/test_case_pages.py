"""The case's action pages (form → confirmation → service), transfers and printable forms."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from taihoanhap.audit.tests.views import audited_views
from taihoanhap.registry import lifecycle
from taihoanhap.registry.actions import ACTIONS
from taihoanhap.registry.models import (
    Case,
    CaseStatus,
    ClosureGround,
    Person,
    Sentence,
    TransferStatus,
)
from taihoanhap.registry.tests.factories import make_person, open_case_for, received_case
from taihoanhap.tests.clock import FROZEN_TODAY

TODAY = FROZEN_TODAY


def action_url(case, slug):
    return reverse("registry:case_action", kwargs={"pk": case.pk, "action": slug})


def d(day):
    return f"{day:%d/%m/%Y}"


@pytest.fixture
def expected(cast):
    return open_case_for(
        cast.users["commune_a"],
        commune=cast.commune_a,
        notice_received_on=TODAY - timedelta(days=20),
        release_date=TODAY - timedelta(days=1),
    )


def reception_data(case, **overrides):
    data = {
        "version": case.version,
        "received_on": d(TODAY),
        "reception_place": "Trụ sở Công an phường",
        "commitment_signed": "on",
        "occupation": "Thợ hồ",
        "family_situation": "Sống với mẹ",
        "needs": "Cần việc làm",
    }
    data.update(overrides)
    return data


def test_recording_the_reception_asks_for_confirmation_then_records_it(client_for, expected):
    client = client_for("commune_a")
    url = action_url(expected, "tiep-nhan")
    assert client.get(url).status_code == 200
    response = client.post(url, reception_data(expected))
    assert response.status_code == 200
    assert response.templates[0].name == "registry/confirm.html"
    assert "Thợ hồ" in response.content.decode()
    expected.refresh_from_db()
    assert expected.status == CaseStatus.EXPECTED  # nothing written yet
    response = client.post(url, {**reception_data(expected), "confirmed": "1"}, follow=True)
    expected.refresh_from_db()
    assert expected.status == CaseStatus.UNDER_MANAGEMENT
    assert expected.needs == "Cần việc làm"
    assert response.redirect_chain[-1][0].startswith(expected.person.get_absolute_url())
    assert any("HCD-05" in str(m) for m in response.context["messages"])


def test_the_confirmation_can_go_back_with_everything_kept(client_for, expected):
    response = client_for("commune_a").post(
        action_url(expected, "tiep-nhan"), {**reception_data(expected), "back": "1"}
    )
    assert response.templates[0].name == "registry/form.html"
    assert response.context["form"]["occupation"].value() == "Thợ hồ"


def test_a_reception_without_the_commitment_is_refused_on_the_form(client_for, expected):
    data = reception_data(expected)
    del data["commitment_signed"]
    response = client_for("commune_a").post(action_url(expected, "tiep-nhan"), data)
    assert "commitment_signed" in response.context["form"].errors
    expected.refresh_from_db()
    assert expected.status == CaseStatus.EXPECTED


def test_an_action_the_state_does_not_allow_is_refused_with_a_message(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    response = client_for("commune_a").get(action_url(case, "tiep-nhan"), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert messages
    assert response.redirect_chain[-1][0] == case.person.get_absolute_url()


def test_a_stale_action_form_is_a_conflict_that_keeps_the_input(client_for, cast, expected):
    client = client_for("commune_a")
    url = action_url(expected, "tiep-nhan")
    opened = reception_data(expected)
    # Meanwhile another officer records the address check.
    lifecycle.verify_address(
        expected, checked_on=TODAY, note="", acting_user=cast.users["province"]
    )
    response = client.post(url, {**opened, "confirmed": "1"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["needs"].value() == "Cần việc làm"
    assert int(form["version"].value()) == Case.objects.get(pk=expected.pk).version
    expected.refresh_from_db()
    assert expected.status == CaseStatus.ADDRESS_VERIFIED
    response = client.post(url, {**opened, "version": form["version"].value(), "confirmed": "1"})
    assert response.status_code == 302


def test_a_transition_error_from_the_service_is_shown_on_the_form(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    response = client_for("commune_a").post(
        action_url(case, "ket-thuc"),
        {
            "version": case.version,
            "ground": ClosureGround.EXPUNGED,
            "closed_on": d(TODAY),
            "reference": "",
            "note": "",
            "confirmed": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    case.refresh_from_db()
    assert case.status == CaseStatus.UNDER_MANAGEMENT


def test_the_closure_form_offers_only_the_grounds_of_the_state(client_for, expected):
    response = client_for("commune_a").get(action_url(expected, "ket-thuc"))
    grounds = {value for value, _ in response.context["form"].fields["ground"].choices}
    assert ClosureGround.NOT_RESIDING in grounds
    assert ClosureGround.EXPUNGED not in grounds


@pytest.mark.parametrize("slug", sorted(ACTIONS))
def test_no_action_page_is_reachable_from_another_commune_or_by_the_bank(client_for, cast, slug):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    url = action_url(case, slug)
    assert client_for("commune_b").get(url).status_code == 404
    assert client_for("commune_b").post(url, {"confirmed": "1"}).status_code == 404
    assert client_for("other_province").get(url).status_code == 404
    assert client_for("bank").post(url, {"confirmed": "1"}).status_code == 403
    assert client_for("inspector").post(url, {"confirmed": "1"}).status_code == 403
    # None of the refused posts wrote anything.
    before = (case.status, case.version)
    case.refresh_from_db()
    assert (case.status, case.version) == before


def test_an_unknown_action_is_404_where_a_known_one_opens_its_form(client_for, expected):
    client = client_for("commune_a")
    assert client.get(action_url(expected, "ket-thuc")).context["form"] is not None
    assert client.get(action_url(expected, "khong-co")).status_code == 404


# --- Registering a notice through the pages ----------------------------------------------------


def test_a_notice_is_recorded_after_the_sentence(client_for, cast):
    person = make_person(cast.commune_a)
    client = client_for("commune_a")
    open_url = reverse("registry:case_open", kwargs={"pk": person.pk})
    response = client.get(open_url)
    assert response.status_code == 302  # no sentence yet
    assert response["Location"] == reverse("registry:sentence_create", kwargs={"pk": person.pk})
    response = client.post(
        response["Location"],
        {
            "judgment_number": "45/2023/HS-ST",
            "judgment_date": "10/03/2023",
            "court": "Tòa án nhân dân khu vực 1 - Đồng Nai",
            "offences": "Trộm cắp tài sản",
            "articles": "173",
            "term_years": "2",
            "term_months": "6",
            "start_date": "01/01/2023",
            "end_date": d(TODAY + timedelta(days=55)),
            "additional_penalties": "",
            "civil_obligations": "",
        },
    )
    assert response.status_code == 302
    sentence = Sentence.objects.get(person=person)
    assert sentence.penal_code_articles == [173]
    response = client.post(
        open_url,
        {
            "sentence": sentence.pk,
            "release_type": "full_term",
            "release_date": d(TODAY + timedelta(days=55)),
            "facility_name": "Trại giam Xuân Lộc",
            "notice_received_on": d(TODAY),
            "notice_reference": "123/TB-TGXL",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(person=person)
    assert case.status == CaseStatus.EXPECTED
    assert case.notice_sender == "Trại giam Xuân Lộc"


def test_a_parole_notice_needs_the_end_of_probation(client_for, cast):
    person = make_person(cast.commune_a)
    sentence = Sentence.objects.create(
        person=person, judgment_number="1", judgment_date=TODAY, court="x", offences="x"
    )
    response = client_for("commune_a").post(
        reverse("registry:case_open", kwargs={"pk": person.pk}),
        {
            "sentence": sentence.pk,
            "release_type": "parole",
            "release_date": d(TODAY),
            "facility_name": "Trại giam",
        },
    )
    assert "probation_end" in response.context["form"].errors


# --- Transfers ---------------------------------------------------------------------------------


def test_a_transfer_is_requested_then_accepted_by_the_receiving_commune(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    sender = client_for("commune_a")
    url = action_url(case, "chuyen-xa")
    form = sender.get(url).context["form"]
    assert cast.commune_b in form.fields["to_commune"].queryset
    assert cast.commune_a not in form.fields["to_commune"].queryset
    data = {
        "version": case.version,
        "to_province": cast.province.pk,
        "to_commune": cast.commune_b.pk,
        "to_address": "Ấp Bình Hòa",
        "reason": "Về ở với con",
        "requested_on": d(TODAY),
        "confirmed": "1",
    }
    assert sender.post(url, data).status_code == 302
    transfer = case.transfers.get()
    receiver = client_for("commune_b")
    queue = receiver.get(reverse("registry:work_queue"))
    assert reverse("registry:transfer_decide", kwargs={"pk": transfer.pk}) in queue.content.decode()
    decide = reverse("registry:transfer_decide", kwargs={"pk": transfer.pk})
    assert sender.get(decide).status_code == 404
    answer = {"accept": "1", "decided_on": d(TODAY), "note": ""}
    response = receiver.post(decide, answer)
    assert response.templates[0].name == "registry/confirm.html"
    response = receiver.post(decide, {**answer, "confirmed": "1"})
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ACCEPTED
    assert Person.objects.get(pk=case.person_id).commune == cast.commune_b
    person_url = case.person.get_absolute_url()
    assert sender.get(person_url).status_code == 404
    assert receiver.get(person_url).status_code == 200


def test_the_transfer_form_lists_the_communes_of_another_province_on_refresh(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    response = client_for("commune_a").post(
        action_url(case, "chuyen-xa"),
        {"version": case.version, "to_province": cast.other_province.pk, "refresh": "1"},
    )
    assert list(response.context["form"].fields["to_commune"].queryset) == [cast.other_commune]
    assert not response.context["form"].errors


def test_refusing_a_transfer_needs_a_reason(client_for, cast):
    officer = cast.users["commune_a"]
    case = received_case(officer, commune=cast.commune_a)
    transfer = lifecycle.request_transfer(
        case,
        to_commune=cast.commune_b,
        to_address="x",
        reason="x",
        requested_on=TODAY,
        acting_user=officer,
    )
    decide = reverse("registry:transfer_decide", kwargs={"pk": transfer.pk})
    response = client_for("commune_b").post(
        decide, {"accept": "0", "decided_on": d(TODAY), "note": "", "confirmed": "1"}
    )
    assert "note" in response.context["form"].errors
    response = client_for("commune_b").post(
        decide, {"accept": "0", "decided_on": d(TODAY), "note": "Không cư trú", "confirmed": "1"}
    )
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.REJECTED


# --- Printable forms ---------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["hcd02", "hcd03", "hcd05"])
def test_each_printable_form_renders_and_is_audited(client_for, cast, form):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    case.mismatch_reply_number = "7/UBND"
    case.save(update_fields=["mismatch_reply_number"])
    url = reverse("registry:case_print", kwargs={"pk": case.pk, "form": form})
    response = client_for("commune_a").get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert case.person.full_name in body
    assert f"HCD-0{form[-1]}" in body
    assert audited_views(object_id=str(case.pk), note=f"print {form.upper()}").exists()


@pytest.mark.parametrize("form", ["hcd02", "hcd03", "hcd05"])
def test_each_printable_form_marks_an_old_identity_card_number_as_such(client_for, cast, form):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    case.person.citizen_id = "271234567"
    case.person.save(update_fields=["citizen_id"])
    url = reverse("registry:case_print", kwargs={"pk": case.pk, "form": form})
    body = client_for("commune_a").get(url).content.decode()
    assert "271234567 (CMND cũ)" in body


def test_the_information_sheet_is_not_printable_by_the_bank(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    url = reverse("registry:case_print", kwargs={"pk": case.pk, "form": "hcd02"})
    assert client_for("bank").get(url).status_code == 403
    assert client_for("commune_b").get(url).status_code == 404
    unknown = reverse("registry:case_print", kwargs={"pk": case.pk, "form": "hcd99"})
    assert client_for("commune_a").get(unknown).status_code == 404


# --- Records of the case -----------------------------------------------------------------------


def test_correcting_the_expected_release_date_moves_the_reception_deadline(client_for, cast):
    from taihoanhap.registry.models import Deadline, DeadlineKind, DeadlineStatus

    case = open_case_for(
        cast.users["commune_a"], commune=cast.commune_a, release_date=TODAY + timedelta(days=40)
    )
    new_date = TODAY + timedelta(days=20)
    response = client_for("commune_a").post(
        action_url(case, "ra-trai"),
        {
            "version": case.version,
            "release_version": case.release.version,
            "facility_name": "Trại giam Xuân Lộc",
            "release_date": d(new_date),
            "certificate_number": "",
            "certificate_date": "",
        },
    )
    assert response.status_code == 302
    due = Deadline.objects.get(
        case=case, kind=DeadlineKind.EXPECTED_RETURN, status=DeadlineStatus.OPEN
    )
    assert due.due_on == new_date
    assert Person.objects.get(pk=case.person_id).release_date == new_date


def test_helpers_and_the_officer_are_recorded_on_the_case(client_for, cast):
    case = received_case(cast.users["commune_a"], commune=cast.commune_a)
    client = client_for("province")
    response = client.post(
        action_url(case, "nguoi-giup-do"),
        {
            "version": case.version,
            "kind": "family",
            "name": "Lê Thị Hoa",
            "organisation": "",
            "relationship": "Mẹ",
            "phone": "0912345678",
            "assigned_on": d(TODAY),
        },
    )
    assert response.status_code == 302
    helper = case.helpers.get()
    assert helper.name == "Lê Thị Hoa"
    case.refresh_from_db()
    response = client.post(
        action_url(case, "ket-thuc-giup-do"),
        {"version": case.version, "helper": helper.pk, "ended_on": d(TODAY)},
    )
    assert response.status_code == 302
    helper.refresh_from_db()
    assert helper.ended_on == TODAY
    form = client.get(action_url(case, "can-bo")).context["form"]
    officers = set(form.fields["officer"].queryset)
    assert officers == {cast.users["province"], cast.users["commune_a"]}
    assert cast.users["commune_b"] not in form.fields["officer"].queryset


def test_a_photo_is_uploaded_and_served_only_in_scope(client_for, cast, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (30, 40), "white").save(buffer, format="PNG")
    png = buffer.getvalue()
    person = make_person(
        cast.commune_a,
        full_name="Trần Văn Bình",
        birth_date=date(1988, 5, 12),
        citizen_id="075088001234",
    )
    data = {
        "full_name": person.full_name,
        "birth": "12/05/1988",
        "sex": "M",
        "ethnicity": "Kinh",
        "citizen_id": person.citizen_id,
        "birth_registration_place": "Đồng Nai",
        "current_address": "Tổ 1",
        "version": person.version,
        "photo": SimpleUploadedFile("tran-van-binh.png", png, content_type="image/png"),
    }
    url = reverse("registry:person_edit", kwargs={"pk": person.pk})
    response = client_for("commune_a").post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.photo.name.endswith(".png")
    assert "tran-van-binh" not in person.photo.name  # no name in the file's path
    photo = reverse("registry:person_photo", kwargs={"pk": person.pk})
    assert client_for("commune_a").get(photo).status_code == 200
    assert client_for("commune_b").get(photo).status_code == 404
