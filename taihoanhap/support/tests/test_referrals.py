"""Referrals between agencies: lifecycle, deadline, who sees what, the work queue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from taihoanhap.audit.models import Action, AuditEvent
from taihoanhap.audit.tests.views import audited_views
from taihoanhap.core.errors import TransitionError
from taihoanhap.registry.models import CaseEvent, Visibility
from taihoanhap.registry.workqueue import collect
from taihoanhap.support import services, workqueue
from taihoanhap.support.models import Need, NeedStatus, Referral, ReferralStatus, SupportMeasure
from taihoanhap.support.rules import referral_respond_by
from taihoanhap.support.tests.factories import case_in, make_referral
from taihoanhap.tests.clock import today

pytestmark = pytest.mark.django_db


def _send(cast, *, sent_on=None, to="home_affairs", purpose="job", case=None):
    case = case or case_in(cast.commune_a)
    return services.send_referral(
        case.person,
        to_agency=cast.agencies[to],
        purpose=purpose,
        message="Anh ấy biết hàn, cần việc gần nhà.",
        sent_on=sent_on or today(),
        acting_user=cast.users["commune_a"],
    )


def _step(referral, action, user, *, on=None, text=""):
    referral.refresh_from_db()
    return services.transition_referral(
        referral,
        action=action,
        on=on or today(),
        text=text,
        expected_version=referral.version,
        acting_user=user,
    )


# --- Deadline ----------------------------------------------------------------------------------


def test_the_response_deadline_counts_working_days_and_skips_tet():
    """Civil Code Art. 147-148: the sending day is not counted; Tết 16-20/02/2026 is skipped."""
    assert referral_respond_by(date(2026, 2, 13)) == date(2026, 2, 27)  # 23-27 February


def test_the_number_of_working_days_is_configurable(settings):
    settings.SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS = 3
    assert referral_respond_by(date(2026, 2, 13)) == date(2026, 2, 25)


def test_a_sent_referral_stores_its_deadline_and_its_source(cast):
    referral = _send(cast, sent_on=date(2026, 2, 13))
    assert referral.respond_by == date(2026, 2, 27)
    assert "49/2020" in referral.deadline_source
    assert referral.status == ReferralStatus.SENT


# --- Lifecycle ---------------------------------------------------------------------------------


def test_a_referral_goes_sent_accepted_in_progress_done(cast):
    case = case_in(cast.commune_a)
    services.assess_needs(
        case.person,
        kinds=["job"],
        occasion="reception",
        assessed_on=today(),
        acting_user=cast.users["commune_a"],
    )
    referral = _send(cast, case=case)
    receiver = cast.users["employment"]
    _step(referral, "accept", receiver)
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.ACCEPTED
    _step(referral, "start", receiver)
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.IN_PROGRESS
    _step(referral, "done", receiver, text="Giới thiệu vào Công ty Cơ khí Tân Phú")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DONE
    assert referral.responded_on == today() and referral.closed_on == today()
    assert referral.handled_by == receiver
    # The support given meets the open job need, recorded for the receiving agency.
    need = Need.objects.get(person=case.person, kind="job")
    assert need.status == NeedStatus.MET
    measure = SupportMeasure.objects.get(need=need)
    assert measure.agency == cast.agencies["home_affairs"]
    summaries = list(
        CaseEvent.objects.filter(source_id=str(referral.pk)).values_list("summary", flat=True)
    )
    assert len(summaries) == 4  # sent, accepted, started, done
    assert any("Tân Phú" in s for s in summaries)
    actions = AuditEvent.objects.filter(object_id=str(referral.pk)).values_list("action", flat=True)
    assert list(actions).count(Action.STATE_CHANGE) == 3


def test_a_referral_declined_needs_a_reason_and_is_closed(cast):
    referral = _send(cast)
    with pytest.raises(Exception) as error:
        _step(referral, "decline", cast.users["employment"], text="  ")
    assert "text" in error.value.message_dict
    _step(referral, "decline", cast.users["employment"], text="Ngoài khả năng của trung tâm")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert referral.decline_reason == "Ngoài khả năng của trung tâm"


@pytest.mark.parametrize(
    ("done_steps", "action"),
    [
        ([], "start"),
        ([], "done"),
        (["accept"], "accept"),
        (["decline"], "accept"),
        (["accept", "done"], "decline"),
    ],
)
def test_an_illegal_referral_step_is_refused(cast, done_steps, action):
    referral = _send(cast)
    for step in done_steps:
        _step(referral, step, cast.users["employment"], text="lý do")
    with pytest.raises(TransitionError):
        _step(referral, action, cast.users["employment"], text="lý do")


def test_only_the_receiving_agency_answers_a_referral(cast):
    referral = _send(cast)
    with pytest.raises(PermissionDenied):
        _step(referral, "accept", cast.users["commune_a"])
    with pytest.raises(PermissionDenied):
        _step(referral, "accept", cast.users["training"])


def test_a_referral_cannot_go_to_an_agency_that_cannot_answer_it(cast):
    case = case_in(cast.commune_a)
    with pytest.raises(Exception) as error:
        services.send_referral(
            case.person,
            to_agency=cast.agencies["finance"],
            purpose="job",
            sent_on=today(),
            acting_user=cast.users["commune_a"],
        )
    assert "to_agency" in error.value.message_dict


def test_a_referral_about_health_is_a_police_only_timeline_entry(cast):
    referral = _send(cast, to="health", purpose="health")
    event = CaseEvent.objects.get(source_id=str(referral.pk))
    assert event.visibility == Visibility.POLICE


# --- Through the pages -------------------------------------------------------------------------


def test_a_commune_officer_sends_a_referral_from_the_page(cast, client_for):
    case = case_in(cast.commune_a)
    response = client_for("commune_a").post(
        reverse("support:referral_add", kwargs={"pk": case.person.pk}),
        {
            "to_agency": cast.agencies["employment_centre"].pk,
            "purpose": "job",
            "message": "Cần việc làm",
            "sent_on": today().strftime("%d/%m/%Y"),
        },
    )
    referral = Referral.objects.get(person=case.person)
    assert response.status_code == 302
    assert response["Location"] == reverse("support:referral_detail", kwargs={"pk": referral.pk})
    assert referral.from_agency == cast.agencies["police_a"]


def test_the_receiver_confirms_acceptance_on_a_confirmation_page(cast, client_for):
    referral = make_referral(cast)
    client = client_for("employment")
    url = reverse("support:referral_respond", kwargs={"pk": referral.pk, "action": "accept"})
    page = client.get(url)
    assert page.status_code == 200
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.SENT  # GET changes nothing
    response = client.post(url, {"on": today().strftime("%d/%m/%Y"), "version": referral.version})
    assert response.status_code == 302
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.ACCEPTED


def test_a_stale_answer_is_refused_with_a_conflict_message(cast, client_for):
    referral = make_referral(cast)
    url = reverse("support:referral_respond", kwargs={"pk": referral.pk, "action": "decline"})
    opened_version = referral.version  # the form was opened before someone else accepted
    _step(referral, "accept", cast.users["employment"])
    response = client_for("employment").post(
        url,
        {"on": today().strftime("%d/%m/%Y"), "text": "Hết chỗ", "version": opened_version},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert response.context["form"]["text"].value() == "Hết chỗ"  # what the user typed is kept
    assert Referral.objects.get(pk=referral.pk).status == ReferralStatus.ACCEPTED


def test_an_unknown_step_in_the_address_is_not_found_and_changes_nothing(cast, client_for):
    referral = make_referral(cast)
    client = client_for("employment")
    known = reverse("support:referral_respond", kwargs={"pk": referral.pk, "action": "decline"})
    assert client.get(known).status_code == 200  # the control: a known step of the same referral
    url = reverse("support:referral_respond", kwargs={"pk": referral.pk, "action": "delete"})
    assert client.get(url).status_code == 404
    data = {"on": today().strftime("%d/%m/%Y"), "text": "Xóa", "version": referral.version}
    assert client.post(url, data).status_code == 404
    stored = Referral.objects.get(pk=referral.pk)
    assert (stored.status, stored.version) == (referral.status, referral.version)


# --- What the receiving officer sees -----------------------------------------------------------


def test_the_receiving_employment_officer_never_sees_the_offence(cast, client_for):
    referral = make_referral(cast)
    offence = referral.person.sentences.get().offences
    response = client_for("employment").get(
        reverse("support:referral_detail", kwargs={"pk": referral.pk})
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert referral.person.full_name in body
    assert offence not in body
    assert referral.person.sentences.get().judgment_number not in body


def test_police_reading_the_same_referral_see_the_offence(cast, client_for):
    referral = make_referral(cast)
    offence = referral.person.sentences.get().offences
    response = client_for("province").get(
        reverse("support:referral_detail", kwargs={"pk": referral.pk})
    )
    assert offence in response.content.decode()


def test_reading_a_referral_is_audited(cast, client_for):
    referral = make_referral(cast)
    client_for("employment").get(reverse("support:referral_detail", kwargs={"pk": referral.pk}))
    assert audited_views(object_id=str(referral.pk)).exists()


def test_an_agency_that_is_neither_sender_nor_receiver_gets_404_and_cannot_answer(cast, client_for):
    referral = make_referral(cast, to="employment_centre")
    url = reverse("support:referral_detail", kwargs={"pk": referral.pk})
    name = referral.person.full_name
    assert name in client_for("commune_a").get(url).content.decode()  # the control: the sender
    for persona in ("employment", "bank"):  # Home Affairs is not the receiver, nor is the bank
        refused = client_for(persona).get(url)
        assert refused.status_code == 404
        assert name not in refused.content.decode()
        assert not audited_views(object_id=str(referral.pk), user=cast.users[persona]).exists()
    accept = reverse("support:referral_respond", kwargs={"pk": referral.pk, "action": "accept"})
    data = {"on": today().strftime("%d/%m/%Y"), "version": referral.version}
    assert client_for("employment").post(accept, data).status_code == 404
    stored = Referral.objects.get(pk=referral.pk)
    assert (stored.status, stored.version) == (ReferralStatus.SENT, referral.version)


def test_another_communes_officer_gets_404_for_the_referral(cast, client_for):
    referral = make_referral(cast)
    url = reverse("support:referral_detail", kwargs={"pk": referral.pk})
    name = referral.person.full_name
    assert name in client_for("commune_a").get(url).content.decode()  # the control: the sender
    for persona in ("commune_b", "other_province"):
        refused = client_for(persona).get(url)
        assert refused.status_code == 404
        assert name not in refused.content.decode()
    viewers = audited_views(object_id=str(referral.pk)).values_list("user", flat=True)
    assert list(viewers) == [cast.users["commune_a"].pk]


# --- Work queue and list -----------------------------------------------------------------------


def test_an_overdue_referral_appears_in_the_senders_work_queue(cast):
    late = make_referral(cast, sent_on=today() - timedelta(days=30))
    make_referral(cast, sent_on=today())  # not yet due
    items = workqueue.items_for(cast.users["commune_a"], today())
    assert [i.url for i in items] == [reverse("support:referral_detail", kwargs={"pk": late.pk})]
    assert items[0].kind == "support.referral_overdue"
    assert items[0].is_overdue(today())
    assert items[0].legal_source


def test_an_answered_referral_leaves_the_work_queue(cast):
    late = make_referral(cast, sent_on=today() - timedelta(days=30))
    _step(late, "accept", cast.users["employment"])
    assert workqueue.items_for(cast.users["commune_a"], today()) == []


def test_incoming_referrals_await_the_receivers_answer(cast):
    make_referral(cast, sent_on=today())
    make_referral(cast, to="health")
    items = workqueue.items_for(cast.users["employment"], today())
    assert [i.kind for i in items] == ["support.referral_incoming"]
    assert workqueue.items_for(cast.users["commune_b"], today()) == []


def test_the_work_queue_uses_constant_queries_whatever_the_number_of_referrals(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = cast.users["commune_a"]

    def count(expected: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert len(workqueue.items_for(user, today())) == expected
        # The scope is cached on the user for a request; a fresh count.
        user.__dict__.pop("_scope_cache", None)
        return len(queries)

    make_referral(cast, sent_on=today() - timedelta(days=40))
    first = count(1)
    for days in (10, 20, 30):
        make_referral(cast, sent_on=today() - timedelta(days=days))
    assert count(4) == first


def _list_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_referral_list_uses_a_constant_number_of_queries(cast, client_for):
    client = client_for("employment")
    url = reverse("support:referral_list")
    make_referral(cast)
    one = _list_queries(client, url)
    for _ in range(4):
        make_referral(cast)
    assert _list_queries(client, url) == one


def test_the_referral_list_filters_sorts_and_exports(cast, client_for):
    make_referral(cast)
    make_referral(cast, to="health")
    client = client_for("province")
    response = client.get(reverse("support:referral_list"), {"purpose": "job", "sort": "-sent"})
    assert response.context["listing"].page.paginator.count == 2  # both are purpose job
    response = client.get(reverse("support:referral_list"), {"box": "incoming"})
    assert response.context["listing"].page.paginator.count == 0
    export = client.get(reverse("support:referral_list"), {"format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_type="support.referral").exists()


def test_the_work_queue_page_shows_only_the_most_urgent_items(client_for, cast, settings):
    # A provincial agency can have thousands of outstanding referrals: the page lists the
    # configured number, most urgent first, and says that more are left out.
    settings.REGISTRY_RULES = {"WORK_QUEUE_MAX_ITEMS": 3}
    oldest = [make_referral(cast, sent_on=today() - timedelta(days=60 + n)) for n in range(3)]
    for n in range(3):
        make_referral(cast, sent_on=today() - timedelta(days=20 + n))
    assert len(workqueue.items_for(cast.users["commune_a"], today())) == 3
    response = client_for("commune_a").get(reverse("registry:work_queue"))
    shown = [item for _key, items, _html in response.context["groups"] for item in items]
    # The cases behind the referrals bring registry deadlines too: the page keeps the three
    # most urgent of everything the queue holds.
    settings.REGISTRY_RULES = {"WORK_QUEUE_MAX_ITEMS": 100}
    everything = collect(cast.users["commune_a"], today())
    assert len(everything) > 3
    assert [item.url for item in shown] == [item.url for item in everything[:3]]
    assert {item.url for item in shown} & {
        reverse("support:referral_detail", kwargs={"pk": r.pk}) for r in oldest
    }
    assert response.context["capped"]
    assert "Chỉ hiển thị các việc gấp nhất" in response.content.decode()
