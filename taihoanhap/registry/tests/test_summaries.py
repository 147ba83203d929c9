"""The person page's summaries built in Python (registry.summaries) give the markup the
templates gave: each is compared, branch by branch, with the template it replaced rendered by
Django, and every value is escaped.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.template import engines
from django.utils import translation

from taihoanhap.registry.models import CaseStatus, ClosureGround, ReleaseType
from taihoanhap.registry.selectors import ClassificationRow
from taihoanhap.registry.summaries import (
    case_summary,
    classification_rows,
    identity_summary,
    residence_summary,
    sentence_summary,
)
from taihoanhap.registry.tests.factories import make_case, make_person

# The templates the summaries replaced, as they were (the test's oracle).
SENTENCE_TEMPLATE = """{% load i18n %}<dl class="summary">
<dt>{% translate "Judgment" %}</dt><dd>{{ sentence.judgment_number }}, {{ sentence.judgment_date|date }} · {{ sentence.court }}</dd>
<dt>{% translate "Offences" %}</dt><dd>{{ sentence.offences }}{% if sentence.penal_code_articles %} ({% translate "Criminal Code art." %} {{ sentence.penal_code_articles|join:", " }}){% endif %}</dd>
<dt>{% translate "Term" %}</dt><dd>{% if sentence.is_life %}{% translate "Life imprisonment" %}{% else %}{% blocktranslate with years=sentence.term_years months=sentence.term_months %}{{ years }} years {{ months }} months{% endblocktranslate %}{% endif %}{% if sentence.start_date %} · {{ sentence.start_date|date }} – {{ sentence.end_date|date|default:"…" }}{% endif %}</dd>
{% if sentence.additional_penalties %}<dt>{% translate "Additional penalties" %}</dt><dd>{{ sentence.additional_penalties }}{% if sentence.additional_penalties_end %} ({% translate "until" %} {{ sentence.additional_penalties_end|date }}){% endif %}</dd>{% endif %}
{% if sentence.civil_obligations %}<dt>{% translate "Civil obligations" %}</dt><dd>{{ sentence.civil_obligations }} · {% if sentence.civil_obligations_settled %}<span class="tag tag--ok">{% translate "Settled" context "civil obligations" %}</span>{% else %}<span class="tag tag--warn">{% translate "Not settled" %}</span>{% endif %}</dd>{% endif %}
</dl>"""  # noqa: E501

CASE_TEMPLATE = """{% load i18n %}<dl class="summary">
<dt>{% translate "Release" %}</dt><dd>{{ case.release.get_type_display }} · {{ case.release.facility_label|default:"—" }}{% if case.release.certificate_number %} · {% translate "certificate" %} {{ case.release.certificate_number }}{% if case.release.certificate_date %} ({{ case.release.certificate_date|date }}){% endif %}{% endif %}</dd>
{% if case.notice_received_on %}<dt>{% translate "Pre-release notice" %}</dt><dd>{% blocktranslate with day=case.notice_received_on|date sender=case.notice_sender|default:"—" %}received {{ day }} from {{ sender }}{% endblocktranslate %}{% if case.notice_reference %} ({{ case.notice_reference }}){% endif %}</dd>{% endif %}
{% if case.address_checked_on %}<dt>{% translate "Address check" %}</dt><dd>{{ case.address_checked_on|date }}{% if case.address_check_note %}: {{ case.address_check_note }}{% endif %}</dd>{% endif %}
{% if case.mismatch_reply_date %}<dt>{% translate "Reply HCD-03" %}</dt><dd>{{ case.mismatch_reply_number|default:"—" }}, {{ case.mismatch_reply_date|date }}</dd>{% endif %}
{% if case.received_on %}<dt>{% translate "Received at the commune" %}</dt><dd>{{ case.received_on|date }}{% if case.reception_place %} · {{ case.reception_place }}{% endif %}{% if case.commitment_signed %} · {% translate "commitment HCD-05 signed" %}{% endif %}</dd>{% endif %}
<dt>{% translate "Officer in charge" %}</dt><dd>{{ case.officer|default:"—" }}</dd>
{% if case.occupation %}<dt>{% translate "Occupation" %}</dt><dd>{{ case.occupation }}</dd>{% endif %}
{% if case.needs %}<dt>{% translate "Needs noted" %}</dt><dd>{{ case.needs|linebreaksbr }}</dd>{% endif %}
{% if case.family_situation %}<dt>{% translate "Family situation" %}</dt><dd>{{ case.family_situation|linebreaksbr }}</dd>{% endif %}
{% if case.probation_end %}<dt>{% translate "Probation" %}</dt><dd>{% blocktranslate with day=case.probation_end|date %}until {{ day }}{% endblocktranslate %}{% if case.reported_on %} · {% blocktranslate with day=case.reported_on|date %}reported on {{ day }}{% endblocktranslate %}{% endif %}{% if case.probation_ended_on %} · {% blocktranslate with day=case.probation_ended_on|date %}ended on {{ day }}{% endblocktranslate %}{% endif %}</dd>{% endif %}
{% if case.revocation_flagged %}<dt>{% translate "Revocation" %}</dt><dd><span class="tag tag--bad">{% translate "Violations reached the threshold" %}</span>{% if case.revocation_proposed_on %} · {% blocktranslate with day=case.revocation_proposed_on|date %}proposal sent on {{ day }}{% endblocktranslate %}{% endif %}</dd>{% endif %}
{% if case.held_since %}<dt>{% translate "Held since" %}</dt><dd>{{ case.held_since|date }}</dd>{% endif %}
{% if case.is_closed %}<dt>{% translate "Closed" %}</dt><dd>{{ case.closed_on|date }} · {{ case.get_closure_ground_display }}{% if case.closure_reference %} · {{ case.closure_reference }}{% endif %}{% if case.closure_note %}<br>{{ case.closure_note }}{% endif %}</dd>{% endif %}
</dl>"""  # noqa: E501

HOSTILE = '<b>"Tư" & co</b>'


def _same(template: str, context: dict, built: str) -> None:
    rendered = engines["django"].from_string(template).render(context)
    assert re.sub(r"\s*\n\s*", "", rendered) == built


def _filled_case(cast):
    case = make_case(commune=cast.commune_a, release_type=ReleaseType.PAROLE)
    case.release.certificate_number = "12/GCN"
    case.release.certificate_date = date(2025, 3, 4)
    fields = {
        "notice_received_on": date(2025, 1, 2),
        "notice_sender": HOSTILE,
        "notice_reference": "số 7/TB",
        "address_checked_on": date(2025, 1, 6),
        "address_check_note": HOSTILE,
        "mismatch_reply_date": date(2025, 1, 7),
        "received_on": date(2025, 3, 5),
        "reception_place": "Trụ sở Công an xã",
        "commitment_signed": True,
        "officer": cast.users["commune_a"],
        "occupation": "Thợ hàn",
        "needs": "Việc làm\nVay vốn <50 triệu>",
        "family_situation": "Sống với mẹ",
        "probation_end": date(2026, 3, 5),
        "reported_on": date(2025, 3, 10),
        "probation_ended_on": date(2026, 3, 5),
        "revocation_flagged": True,
        "revocation_proposed_on": date(2025, 9, 1),
        "held_since": date(2025, 10, 1),
        "closed_on": date(2026, 1, 2),
        "closure_ground": ClosureGround.DIED,
        "status": CaseStatus.CLOSED,
        "closure_reference": "QĐ 3",
        "closure_note": HOSTILE,
    }
    for name, value in fields.items():
        setattr(case, name, value)
    return case


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_case_with_every_line_matches_its_template(cast, language):
    case = _filled_case(cast)
    with translation.override(language):
        _same(CASE_TEMPLATE, {"case": case}, case_summary(case))
        built = case_summary(case)
    assert HOSTILE not in built and "&lt;b&gt;&quot;Tư&quot; &amp; co&lt;/b&gt;" in built
    assert "Việc làm<br>Vay vốn &lt;50 triệu&gt;" in built


def test_a_bare_case_shows_only_the_release_and_a_dash_for_the_officer(cast):
    case = make_case(commune=cast.commune_a)
    case.release.facility_name = ""
    with translation.override("vi"):
        _same(CASE_TEMPLATE, {"case": case}, case_summary(case))
        built = case_summary(case)
    assert built.count("<dt>") == 2 and "<dd>—</dd>" in built


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"is_life": True, "end_date": None, "penal_code_articles": []},
        {"end_date": None, "additional_penalties": HOSTILE, "civil_obligations": HOSTILE},
        {
            "additional_penalties": "Cấm cư trú",
            "additional_penalties_end": date(2027, 1, 1),
            "civil_obligations": "Bồi thường 10 triệu",
            "civil_obligations_settled": True,
        },
        {"start_date": None, "offences": HOSTILE, "court": HOSTILE},
    ],
)
def test_a_sentence_matches_its_template(cast, fields):
    sentence = make_case(commune=cast.commune_a).release.sentence
    for name, value in fields.items():
        setattr(sentence, name, value)
    for language in ("vi", "en"):
        with translation.override(language):
            _same(SENTENCE_TEMPLATE, {"sentence": sentence}, sentence_summary(sentence))
    assert HOSTILE not in sentence_summary(sentence)


def test_identity_and_residence_with_dashes_for_what_is_missing(cast):
    person = make_person(
        cast.commune_a,
        full_name=HOSTILE,
        ethnicity="",
        citizen_id=None,
        current_address="",
        phone="0912 345 678",
    )
    with translation.override("vi"):
        identity, residence = identity_summary(person), residence_summary(person)
    assert "<dt>Họ và tên</dt><dd>&lt;b&gt;&quot;Tư&quot; &amp; co&lt;/b&gt;</dd>" in identity
    assert identity.count("<dd>—</dd>") == 3  # ethnicity, ID number, birth registration
    assert "Tên gọi khác" not in identity
    commune, province = cast.commune_a, cast.commune_a.parent
    assert f"<dd>{commune}, {province}</dd>" in residence  # no address: no leading comma
    assert "<dd>0912 345 678</dd>" in residence and residence.count("<dd>—</dd>") == 2


def test_the_permanent_residence_joins_address_and_commune(cast):
    person = make_person(
        cast.commune_a,
        permanent_address="Ấp 3",
        permanent_commune=cast.commune_b,
        current_address="Tổ 1",
    )
    residence = residence_summary(person)
    assert f"<dd>Ấp 3, {cast.commune_b}</dd>" in residence
    assert f"<dd>Tổ 1, {cast.commune_a}, {cast.commune_a.parent}</dd>" in residence


def test_classification_rows_label_each_cell_and_escape(cast):
    rows = [
        ClassificationRow(date(2025, 4, 1), "B", HOSTILE, "Trần Văn Cán"),
        ClassificationRow(date(2025, 1, 1), "A", "Mới tiếp nhận", ""),
    ]
    with translation.override("vi"):
        built = classification_rows(rows)
    assert built.count("<tr>") == 2
    assert '<td data-label="Ngày">01/04/2025</td>' in built
    assert '<span class="tag tag--info">B</span>' in built
    assert HOSTILE not in built and '<td data-label="Người quyết định">—</td>' in built
