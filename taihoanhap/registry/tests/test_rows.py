"""The persons list's rows built in Python: same cells as the template had, values escaped."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from taihoanhap.registry.models import CaseStatus, Person
from taihoanhap.registry.rows import LIST_VALUES, person_rows
from taihoanhap.registry.tests.factories import make_person


def _rows(person, *, offence: bool):
    """The rows of `person` as the list reads them: plain values from the database."""
    return person_rows(
        Person.objects.filter(pk=person.pk).values_list(*LIST_VALUES), offence=offence
    )


def test_a_row_has_the_link_the_dates_and_for_the_police_the_status(cast):
    person = make_person(cast.commune_a, full_name="Nguyễn Văn An", birth_date=date(1990, 2, 1))
    Person.objects.filter(pk=person.pk).update(
        release_date=date(2025, 12, 31), case_status=CaseStatus.UNDER_MANAGEMENT, case_class="B"
    )
    with translation.override("vi"):
        [police] = _rows(person, offence=True)
        [bank] = _rows(person, offence=False)
    assert f'<a href="/ho-so/nguoi/{person.pk}/">Nguyễn Văn An</a>' in police
    assert ">01/02/1990</td>" in police and ">31/12/2025</td>" in police
    assert f">{cast.commune_a.full_name}</td>" in police
    assert '<span class="tag tag--info">Đang quản lý</span>' in police
    assert 'data-label="Trạng thái"' in police and ">B</td>" in police
    assert police.count("<td") == 6 and bank.count("<td") == 4
    assert "Trạng thái" not in bank and "Đang quản lý" not in bank


def test_a_row_without_dates_shows_the_birth_year_and_a_dash(cast):
    person = make_person(cast.commune_a, full_name="Lê Văn Tư", birth_date=None, birth_year=1985)
    with translation.override("vi"):
        [row] = _rows(person, offence=True)
    assert ">1985</td>" in row and 'data-label="Ngày ra trại">—</td>' in row


def test_values_are_escaped(cast):
    person = make_person(cast.commune_a, full_name="An")
    Person.objects.filter(pk=person.pk).update(full_name='<script>alert("x")</script>')
    [row] = _rows(person, offence=False)
    assert "<script>" not in row
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in row


def test_the_commune_filter_lists_the_provinces_communes_by_their_full_names(cast):
    from taihoanhap.registry.forms import PersonFilterForm, communes_in_scope

    form = PersonFilterForm(user=cast.users["province"], offence_fields=True)
    options = list(form.fields["commune"].choices)[1:]
    expected = [(unit.pk, unit.full_name) for unit in communes_in_scope(cast.users["province"])]
    assert options == expected and len(options) >= 2
    bound = PersonFilterForm(
        {"commune": str(cast.commune_a.pk)}, user=cast.users["province"], offence_fields=True
    )
    assert bound.is_valid() and bound.cleaned_data["commune"] == cast.commune_a
    outside = PersonFilterForm(
        {"commune": str(cast.commune_a.pk)}, user=cast.users["other_province"], offence_fields=True
    )
    assert not outside.is_valid()


def test_the_commune_filter_reads_its_communes_once_for_options_and_validation(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from taihoanhap.registry.forms import PersonFilterForm

    province = cast.users["province"]
    with CaptureQueriesContext(connection) as queries:
        form = PersonFilterForm(
            {"commune": str(cast.commune_a.pk)}, user=province, offence_fields=True
        )
        assert form.is_valid()
        html = str(form["commune"])
    assert len(queries) == 1
    chosen = form.cleaned_data["commune"]
    assert chosen == cast.commune_a and chosen.full_name == cast.commune_a.full_name
    assert f'<option value="{cast.commune_a.pk}" selected>{cast.commune_a.full_name}<' in html
    with translation.override("vi"):
        wrong = PersonFilterForm({"commune": "999999"}, user=province, offence_fields=True)
        assert not wrong.is_valid()
    assert "Hãy chọn một lựa chọn hợp lệ" in wrong.errors["commune"][0]


def test_a_work_item_row_has_its_date_link_person_and_source_escaped():
    from taihoanhap.registry.rows import queue_rows
    from taihoanhap.registry.workqueue import WorkItem

    item = WorkItem(
        due_on=date(2026, 2, 16),
        title="Tiếp nhận người chấp hành xong án phạt tù",
        url="/ho-so/nguoi/1/",
        kind="registry.expected_return",
        person_name="<b>Trần Thị Bình</b>",
        legal_source="Nghị định 49/2020/NĐ-CP, Điều 14",
    )
    with translation.override("vi"):
        [late] = queue_rows([item], overdue=True)
        [plain] = queue_rows([item], overdue=False)
    assert '>16/02/2026 <span class="tag tag--bad">Quá hạn</span>' in late
    assert "queue__item--overdue" in late and "Quá hạn" not in plain
    assert '<a class="queue__title" href="/ho-so/nguoi/1/">Tiếp nhận' in plain
    assert ": &lt;b&gt;Trần Thị Bình&lt;/b&gt;</a>" in plain
    assert "Nghị định 49/2020/NĐ-CP, Điều 14</span>" in plain


def test_the_timeline_rows_show_date_summary_and_agency_newest_first(cast):
    from taihoanhap.registry.rows import timeline_rows
    from taihoanhap.registry.tests.factories import make_case
    from taihoanhap.registry.timeline import add_event, timeline_of

    case = make_case(commune=cast.commune_a)
    add_event(case, kind="note", occurred_on=date(2026, 1, 5), summary="Gặp gỡ <gia đình>")
    add_event(
        case,
        kind="note",
        occurred_on=date(2026, 3, 1),
        summary="Giới thiệu việc làm",
        actor=cast.users["employment"],
    )
    rows = timeline_rows(timeline_of(case.person, cast.users["commune_a"]))
    assert rows[0].startswith("<li><strong>01/03/2026</strong> · Giới thiệu việc làm")
    assert f'<span class="muted">({cast.users["employment"].agency})</span>' in rows[0]
    [meeting] = [row for row in rows if "Gặp gỡ" in row]
    assert meeting == "<li><strong>05/01/2026</strong> · Gặp gỡ &lt;gia đình&gt;</li>"


def test_the_timeline_read_by_hand_is_events_for_in_its_order(cast):
    """timeline_of (the person page's read) gives the entries of events_for, newest first,
    police-only entries to police only, the later-recorded first on the same day.
    """
    from taihoanhap.registry.models import Visibility
    from taihoanhap.registry.tests.factories import make_case
    from taihoanhap.registry.timeline import add_event, events_for, timeline_of

    case = make_case(commune=cast.commune_a)
    other = make_case(commune=cast.commune_a)
    add_event(other, kind="note", occurred_on=date(2026, 2, 2), summary="Người khác")
    for day, summary, visibility in (
        (date(2026, 2, 1), "Cùng ngày, trước", Visibility.ALL),
        (date(2026, 2, 1), "Cùng ngày, sau", Visibility.ALL),
        (date(2026, 1, 1), "Chỉ công an", Visibility.POLICE),
        (date(2026, 3, 1), "Mới nhất", Visibility.ALL),
    ):
        add_event(
            case,
            kind="note",
            occurred_on=day,
            summary=summary,
            actor=cast.users["commune_a"],
            visibility=visibility,
        )
    for persona, expected in (("commune_a", 4), ("bank", 3)):
        user = cast.users[persona]
        entries = timeline_of(case.person, user)
        assert len(entries) == expected
        assert entries == [
            (e.occurred_on, e.summary, e.agency.name) for e in events_for(case.person, user)
        ]
    summaries = [summary for _day, summary, _agency in timeline_of(case.person, cast.bank)]
    assert summaries == ["Mới nhất", "Cùng ngày, sau", "Cùng ngày, trước"]
    assert len(timeline_of(case.person, cast.users["commune_a"], limit=2)) == 2


def test_deadline_rows_mark_overdue_and_today_and_escape(cast):
    from taihoanhap.registry.rows import deadline_rows
    from taihoanhap.registry.selectors import DeadlineRow

    today = date(2026, 2, 16)
    rows = deadline_rows(
        [
            DeadlineRow(date(2026, 2, 13), "Xác minh <nơi cư trú>", "Điều 5"),
            DeadlineRow(today, "Tiếp nhận", ""),
            DeadlineRow(date(2026, 3, 2), "Phân loại", "Thông tư 10/2024"),
        ],
        today,
    )
    assert rows[0] == (
        '<tr><td data-label="Hạn">13/02/2026 <span class="tag tag--bad">Quá hạn</span></td>'
        '<td data-label="Nội dung">Xác minh &lt;nơi cư trú&gt;</td>'
        '<td data-label="Căn cứ pháp lý">Điều 5</td></tr>'
    )
    assert '16/02/2026 <span class="tag tag--warn">Hôm nay</span>' in rows[1]
    assert '<td data-label="Căn cứ pháp lý">—</td>' in rows[1]
    assert "02/03/2026 </td>" in rows[2]


def test_action_links_split_primary_buttons_from_the_other_actions():
    from types import SimpleNamespace

    from taihoanhap.registry.rows import action_links

    def act(title, *, primary=False, danger=False):
        return SimpleNamespace(title=title, primary=primary, danger=danger)

    buttons, items = action_links(
        [
            (act("Tiếp nhận", primary=True), "/a/1/"),
            (act("Phân <loại>"), "/a/2/?x=1&y=2"),
            (act("Kết thúc", danger=True), "/a/3/"),
        ]
    )
    assert buttons == '<a class="button" href="/a/1/">Tiếp nhận</a>'
    assert items == (
        '<li><a href="/a/2/?x=1&amp;y=2">Phân &lt;loại&gt;</a></li>'
        '<li><a href="/a/3/" class="danger-link">Kết thúc</a></li>'
    )
