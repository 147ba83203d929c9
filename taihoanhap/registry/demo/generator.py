"""One demo person at a time: identity, sentence, release and a case in the chosen state, with
its classifications, helpers, deadlines and timeline entries, added to a batch.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from taihoanhap.core import workdays
from taihoanhap.core.demo import DemoContext
from taihoanhap.core.text import search_key
from taihoanhap.geo.models import UnitKind
from taihoanhap.registry import deadlines as dl
from taihoanhap.registry.demo.rows import Batch
from taihoanhap.registry.demo.vocabulary import (
    CLASS_REASONS,
    CLOSURE_LABELS,
    CLOSURES,
    ETHNICITIES,
    FACILITIES,
    FAMILY,
    GIVEN_F,
    GIVEN_M,
    HAMLETS,
    MIDDLE_F,
    MIDDLE_M,
    OFFENCES,
    ORGANISATIONS,
    PLACE_CODES,
    RELATIVES,
    STATES,
    STREETS,
    Picker,
    S,
)
from taihoanhap.registry.models import (
    AbsenceRequest,
    Case,
    CaseEvent,
    Classification,
    ClosureGround,
    Deadline,
    DeadlineKind,
    Helper,
    HelperKind,
    Person,
    ProbationAssessment,
    Release,
    ReleaseType,
    Reoffence,
    Sentence,
    Sex,
    Violation,
    Visibility,
)
from taihoanhap.registry.places import BIRTH_REGISTRATION_CODES


class Generator:
    def __init__(self, ctx: DemoContext):
        self.ctx = ctx
        self.rng = ctx.rng
        self.today = ctx.today
        rng = self.rng
        self.family = Picker(rng, FAMILY)
        self.ethnicity = Picker(rng, ETHNICITIES)
        self.place = Picker(rng, PLACE_CODES)
        self.offence = Picker(rng, [(o, o[2]) for o in OFFENCES])
        self.state = Picker(rng, STATES)
        self.closure = Picker(rng, CLOSURES)
        self.id_counters: dict[str, int] = {}
        self.legacy_counter = 0
        self.judgment_counter = 0
        self.commune_a = ctx.data.get("commune_a")
        self.commune_b = ctx.data.get("commune_b")
        self.officer_a = ctx.users.get("ca.xa")
        self.officer_b = ctx.users.get("ca.xa2")
        facility = ctx.agencies.get("facility")
        self.facility_id = facility.pk if facility else None
        self.managed_case_ids: list[uuid.UUID] = []
        self.counts: dict[str, int] = {}

    # --- Helpers -------------------------------------------------------------------------------

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    def citizen_id(self, birth_year: int, sex: str) -> tuple[str | None, str]:
        """A number that agrees with the birth year and sex (Decree 137/2015 Art. 13)."""
        roll = self.rng.random()
        place = self.place()
        if roll < 0.02:
            return None, BIRTH_REGISTRATION_CODES[place]
        if roll < 0.05:
            self.legacy_counter += 1
            return f"2{self.legacy_counter:08d}", BIRTH_REGISTRATION_CODES[place]
        century = (birth_year // 100 - 19) * 2 + (1 if sex == Sex.FEMALE else 0)
        prefix = f"{place}{century}{birth_year % 100:02d}"
        counter = self.id_counters.get(prefix, 0)
        self.id_counters[prefix] = counter + 1
        # A bijection of the counter onto 6 digits: unique, but not in order.
        suffix = (counter * 7919 + 104729) % 1_000_000
        return f"{prefix}{suffix:06d}", BIRTH_REGISTRATION_CODES[place]

    def address(self, commune: Any) -> str:
        if commune.kind == UnitKind.PHUONG:
            number = self.rng.randint(1, 450)
            return (
                f"Số {number}, đường {self.rng.choice(STREETS)}, khu phố {self.rng.randint(1, 12)}"
            )
        return f"Tổ {self.rng.randint(1, 15)}, {self.rng.choice(HAMLETS)}"

    def name(self, sex: str) -> str:
        middle = self.rng.choice(MIDDLE_F if sex == Sex.FEMALE else MIDDLE_M)
        given = self.rng.choice(GIVEN_F if sex == Sex.FEMALE else GIVEN_M)
        if self.rng.random() < 0.12:
            extra = self.rng.choice(MIDDLE_F[8:] if sex == Sex.FEMALE else MIDDLE_M[8:])
            if extra not in (middle, given):
                middle = f"{middle} {extra}"
        return f"{self.family()} {middle} {given}"

    def event(self, batch: Batch, case: Case, kind: str, day: date, summary: str,
              police: bool = False) -> None:  # fmt: skip
        batch.events.append(
            CaseEvent(
                id=uuid.uuid4(),
                case_id=case.id,
                person_id=case.person_id,
                kind=kind,
                occurred_on=day,
                summary=summary,
                visibility=Visibility.POLICE if police else Visibility.ALL,
            )
        )

    def deadline(self, batch: Batch, case: Case, person: Person, kind: str, due: date,
                 subject: str = "") -> None:  # fmt: skip
        batch.deadlines.append(
            Deadline(
                id=uuid.uuid4(),
                case_id=case.id,
                kind=kind,
                due_on=due,
                legal_source=dl.LEGAL_SOURCES.get(kind, ""),
                commune_id=person.commune_id,
                province_id=person.province_id,
                subject_id=subject,
            )
        )

    # --- One person ----------------------------------------------------------------------------

    def person(self, batch: Batch, commune: Any, state: str) -> None:
        rng, today = self.rng, self.today
        sex = Sex.FEMALE if rng.random() < 0.08 else Sex.MALE
        birth_year = today.year - rng.randint(20, 62)
        year_only = rng.random() < 0.03
        birth_date = None if year_only else date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        number, place = self.citizen_id(birth_year, sex)
        full_name = self.name(sex)
        person = Person(
            id=uuid.uuid4(),
            full_name=full_name,
            name_key=search_key(full_name),
            birth_date=birth_date,
            birth_year=birth_year,
            sex=sex,
            ethnicity=self.ethnicity(),
            citizen_id=number,
            birth_registration_place=place,
            commune_id=commune.pk,
            province_id=commune.parent_id,
            permanent_commune_id=commune.pk if rng.random() < 0.8 else None,
            current_address=self.address(commune),
            phone=f"0{rng.choice('3789')}{rng.randint(10_000_000, 99_999_999)}"
            if rng.random() < 0.85
            else "",
            family_contact=f"{rng.choice(RELATIVES)}: {self.name(rng.choice(list(Sex)))}",
        )
        person.permanent_address = person.current_address if person.permanent_commune_id else ""
        officer = self.officer_for(commune)
        case = self.case(batch, person, state, officer)
        person.current_case_id = case.id
        person.case_status = case.status
        person.case_class = case.current_class
        person.release_date = batch.releases[-1].release_date
        batch.persons.append(person)
        self.counts[state] = self.counts.get(state, 0) + 1

    def officer_for(self, commune: Any) -> Any:
        if self.commune_a is not None and commune.pk == self.commune_a.pk:
            return self.officer_a
        if self.commune_b is not None and commune.pk == self.commune_b.pk:
            return self.officer_b
        return None

    def case(self, batch: Batch, person: Person, state: str, officer: Any) -> Case:
        rng, today = self.rng, self.today
        offence, articles, _, (low, high) = self.offence()
        term = rng.randint(low, high)
        notice = None
        if state == S.EXPECTED:
            # Notices arrive about two months ahead; the newest are still being checked.
            notice = today - self.days(0, 7)
            released = notice + self.days(45, 66)
        elif state in (S.ADDRESS_VERIFIED, S.ADDRESS_MISMATCH):
            released = today + self.days(-4, 58)
        elif state == S.ON_PROBATION:
            released = today - self.days(10, 700)
        elif state == S.CLOSED:
            released = today - self.days(400, 3600)
        else:
            released = today - self.days(30, 800)
        parole = state == S.ON_PROBATION or (
            state in (S.UNDER_MANAGEMENT, S.CLOSED) and rng.random() < 0.08
        )
        release_type = (
            ReleaseType.PAROLE
            if parole
            else ReleaseType.AMNESTY
            if rng.random() < 0.06
            else ReleaseType.FULL_TERM
        )
        start = released - timedelta(days=int(term * 30.4))
        self.judgment_counter += 1
        sentence = Sentence(
            id=uuid.uuid4(),
            person_id=person.id,
            judgment_number=f"{self.judgment_counter % 480 + 1}/{start.year}/HS-ST",
            judgment_date=start - self.days(10, 60),
            court=rng.choice(
                [
                    "Tòa án nhân dân tỉnh Đồng Nai",
                    "Tòa án nhân dân tỉnh Bình Phước",
                    "Tòa án nhân dân khu vực 1 - Đồng Nai",
                    "Tòa án nhân dân khu vực 3 - Đồng Nai",
                ]
            ),
            offences=offence,
            penal_code_articles=articles,
            term_years=term // 12,
            term_months=term % 12,
            start_date=start,
            end_date=start + timedelta(days=int(term * 30.4)) if not parole else None,
            civil_obligations="Bồi thường thiệt hại" if rng.random() < 0.3 else "",
            civil_obligations_settled=rng.random() < 0.7,
        )
        facility_name = rng.choice(FACILITIES)
        release = Release(
            id=uuid.uuid4(),
            person_id=person.id,
            sentence_id=sentence.id,
            type=release_type,
            facility_id=self.facility_id if facility_name == FACILITIES[0] else None,
            facility_name=""
            if facility_name == FACILITIES[0] and self.facility_id
            else facility_name,
            release_date=released,
            certificate_number=f"{rng.randint(1, 999)}/GCN" if released <= today else "",
            certificate_date=released if released <= today else None,
        )
        if notice is None:
            notice = min(released - self.days(55, 65), today - self.days(0, 6))
        case = Case(
            id=uuid.uuid4(),
            person_id=person.id,
            release_id=release.id,
            status=state,
            officer=officer,
            notice_received_on=notice,
            notice_sender=facility_name,
            notice_reference=f"{rng.randint(10, 990)}/TB-TG",
        )
        batch.sentences.append(sentence)
        batch.releases.append(release)
        batch.cases.append(case)
        summary = f"Nhận thông báo trước khi ra trại; dự kiến về ngày {released:%d/%m/%Y}"
        self.event(batch, case, "case_opened", notice, summary)
        self.lifecycle(batch, person, case, release, sentence, state)
        return case

    def lifecycle(self, batch: Batch, person: Person, case: Case, release: Release,
                  sentence: Sentence, state: str) -> None:  # fmt: skip
        rng, today = self.rng, self.today
        released = release.release_date
        if state == S.EXPECTED:
            self.deadline(batch, case, person, DeadlineKind.ADDRESS_CHECK,
                          dl.address_check_due(case.notice_received_on))  # fmt: skip
            self.deadline(batch, case, person, DeadlineKind.EXPECTED_RETURN, released)
            return
        checked = min(today, workdays.add_working_days(case.notice_received_on, rng.randint(1, 3)))
        case.address_checked_on = checked
        if state == S.ADDRESS_MISMATCH:
            case.address_check_note = "Gia đình cho biết đã chuyển đi nơi khác, không còn cư trú."
            case.mismatch_reply_number = f"{rng.randint(1, 300)}/UBND"
            case.mismatch_reply_date = checked
            self.event(batch, case, "address_mismatch", checked,
                       "Sai nơi cư trú, đã phúc đáp nơi gửi thông báo (HCD-03)")  # fmt: skip
            return
        case.address_check_note = "Đã xác minh với gia đình."
        self.event(batch, case, "address_verified", checked, "Đã xác minh nơi cư trú với gia đình")
        if state == S.ADDRESS_VERIFIED:
            self.deadline(batch, case, person, DeadlineKind.EXPECTED_RETURN, released)
            return
        received = released + self.days(0, 6)
        if state == S.CLOSED and rng.random() < 0.15:
            received = None  # never came: closed as not residing, or died...
        self.receive(batch, person, case, release, received)
        if state == S.ON_PROBATION:
            self.probation(batch, person, case, release)
        elif state == S.HELD:
            self.held(batch, person, case, received or released)
        elif state == S.CLOSED:
            self.close(batch, person, case, release, sentence, received)
        else:
            if release.type == ReleaseType.PAROLE:
                case.probation_end = released + self.days(120, 500)
                case.probation_ended_on = case.probation_end
            self.managed(batch, person, case, release, sentence)

    def receive(self, batch: Batch, person: Person, case: Case, release: Release,
                received: date | None) -> None:  # fmt: skip
        if received is None:
            return
        rng = self.rng
        case.received_on = received
        case.reception_place = "Trụ sở Công an"
        case.commitment_signed = True
        case.occupation = rng.choice(["Lao động tự do", "Làm nông", "Thợ hồ", "Chưa có việc làm",
                                      "Công nhân", "Buôn bán nhỏ", "Chạy xe ôm"])  # fmt: skip
        case.needs = rng.choice(["Cần việc làm ổn định", "Muốn học nghề sửa xe",
                                 "Cần vay vốn chăn nuôi", "Cần làm lại căn cước",
                                 "Cần hỗ trợ đăng ký thường trú"])  # fmt: skip
        case.family_situation = rng.choice(
            ["Sống cùng mẹ", "Sống cùng vợ và hai con", "Ở một mình", "Sống cùng anh trai"]
        )
        self.event(batch, case, "received", received,
                   "Đã tiếp nhận tại xã; đã ký cam kết HCD-05")  # fmt: skip
        batch.helpers.append(
            Helper(
                id=uuid.uuid4(),
                case_id=case.id,
                kind=HelperKind.FAMILY if rng.random() < 0.5 else HelperKind.ORGANISATION,
                name=self.name(rng.choice([Sex.MALE, Sex.FEMALE])),
                organisation=rng.choice(ORGANISATIONS),
                relationship=rng.choice(RELATIVES),
                assigned_on=received + self.days(0, 10),
            )
        )

    def classify(self, batch: Batch, case: Case, first: date, count: int) -> date:
        rng = self.rng
        day = first
        value = "B"
        for _ in range(count):
            value = rng.choice("AABBBC")
            batch.classifications.append(
                Classification(
                    id=uuid.uuid4(),
                    case_id=case.id,
                    value=value,
                    decided_on=day,
                    reason=CLASS_REASONS[value],
                )
            )
            self.event(batch, case, "classified", day, f"Phân loại {value}", police=True)
            day = workdays.add_months(day, 6)
        case.current_class = value
        return day

    def classifications_until_now(self, batch: Batch, person: Person, case: Case,
                                  received: date) -> None:  # fmt: skip
        """Classified after reception and every 6 months since; about one officer in seven is
        behind, so the next classification is overdue."""
        first = dl.first_classification_due(received)
        if first > self.today:
            self.deadline(batch, case, person, DeadlineKind.CLASSIFICATION, first)
            return
        last = self.today - self.days(0, 215)
        last = max(last, received + self.days(5, 25))
        count = 1 + (last - received).days // 183
        start = workdays.add_months_raw(last, -6 * (count - 1))
        following = self.classify(batch, case, max(start, received), min(count, 8))
        self.deadline(batch, case, person, DeadlineKind.CLASSIFICATION, following)

    def managed(self, batch: Batch, person: Person, case: Case, release: Release,
                sentence: Sentence) -> None:  # fmt: skip
        received = case.received_on
        self.classifications_until_now(batch, person, case, received)
        completed = case.probation_ended_on or release.release_date
        years = 1 if sentence.term_years == 0 else 2 if sentence.term_years < 5 else 3
        if sentence.term_years >= 15:
            years = 5
        self.deadline(batch, case, person, DeadlineKind.EXPUNGEMENT_REVIEW,
                      workdays.add_years(completed, years))  # fmt: skip
        self.managed_case_ids.append(case.id)

    def probation(self, batch: Batch, person: Person, case: Case, release: Release) -> None:
        rng, today = self.rng, self.today
        received = case.received_on
        case.reported_on = received
        case.probation_end = max(
            release.release_date + self.days(200, 1500), today + self.days(15, 600)
        )
        self.deadline(batch, case, person, DeadlineKind.PROBATION_END, case.probation_end)
        self.classifications_until_now(batch, person, case, received)
        # The current month's assessment (of the previous month) is open: due on the 5th,
        # overdue after it for the officers who are behind.
        last_month = dl.month_start(dl.month_start(today) - timedelta(days=1))
        this_month = dl.month_start(today)
        behind = rng.random() < 0.25 or today.day <= 5
        if last_month >= dl.month_start(received) and behind:
            # This month's assessment of last month is still to do (overdue after the 5th).
            self.deadline(batch, case, person, DeadlineKind.PROBATION_ASSESSMENT,
                          dl.assessment_due(this_month), f"{last_month:%Y-%m}")  # fmt: skip
        else:
            if last_month >= dl.month_start(received):
                batch.assessments.append(
                    ProbationAssessment(
                        id=uuid.uuid4(),
                        case_id=case.id,
                        month=last_month,
                        assessed_on=workdays.next_working_day(this_month.replace(day=2)),
                        compliant=rng.random() < 0.9,
                        note="Chấp hành trình diện, lao động tại gia đình.",
                    )
                )
            self.deadline(batch, case, person, DeadlineKind.PROBATION_ASSESSMENT,
                          dl.assessment_due(dl.next_month(this_month)),
                          f"{this_month:%Y-%m}")  # fmt: skip
        roll = rng.random()
        if roll < 0.15:
            count = 2 if roll < 0.05 else 1
            for number in range(count):
                day = today - self.days(5 + 20 * number, 20 + 20 * number)
                day = max(day, received)
                batch.violations.append(
                    Violation(
                        id=uuid.uuid4(),
                        case_id=case.id,
                        occurred_on=day,
                        kind="obligation",
                        description="Vắng mặt tại nơi cư trú quá 3 ngày không xin phép",
                        sanction="Nhắc nhở, lập biên bản",
                    )
                )
                self.event(batch, case, "violation", day, "Vi phạm nghĩa vụ", police=True)
            if count >= 2:
                case.revocation_flagged = True
                self.deadline(batch, case, person, DeadlineKind.REVOCATION_PROPOSAL, today)
        elif roll < 0.25:
            leave = today + self.days(2, 12)
            absence = AbsenceRequest(
                id=uuid.uuid4(),
                case_id=case.id,
                requested_on=today - self.days(0, 3),
                leave_on=leave,
                return_on=leave + self.days(1, 5),
                destination="Thành phố Hồ Chí Minh",
                reason="Thăm người thân ốm",
            )
            batch.absences.append(absence)
            self.deadline(batch, case, person, DeadlineKind.ABSENCE_DECISION, leave,
                          str(absence.id))  # fmt: skip
        self.managed_case_ids.append(case.id)

    def held(self, batch: Batch, person: Person, case: Case, since: date) -> None:
        today = self.today
        day = min(today, since + self.days(60, 900))
        offence, articles, _, _ = self.offence()
        case.held_since = day
        case.current_class = "D"
        batch.reoffences.append(
            Reoffence(
                id=uuid.uuid4(),
                case_id=case.id,
                person_id=person.id,
                occurred_on=day,
                offence=offence,
                penal_code_articles=articles,
            )
        )
        batch.classifications.append(
            Classification(
                id=uuid.uuid4(),
                case_id=case.id,
                value="D",
                decided_on=day,
                reason="Bị tạm giữ, tạm giam do phạm tội mới",
            )
        )
        self.event(batch, case, "reoffence", day,
                   "Phạm tội mới; bị tạm giữ, tạm giam (loại D)", police=True)  # fmt: skip

    def close(self, batch: Batch, person: Person, case: Case, release: Release,
              sentence: Sentence, received: date | None) -> None:  # fmt: skip
        rng, today = self.rng, self.today
        ground = self.closure()
        if received is None:
            ground = ClosureGround.NOT_RESIDING if rng.random() < 0.7 else ClosureGround.DIED
        if ground == ClosureGround.NOT_RESIDING and received is not None:
            ground = ClosureGround.OTHER
        if ground == ClosureGround.PAROLE_REVOKED and release.type != ReleaseType.PAROLE:
            ground = ClosureGround.EXPUNGED
        start = received or release.release_date
        if received is not None:
            self.classify(batch, case, dl.first_classification_due(received), rng.randint(1, 3))
        closed = min(today - self.days(1, 60), start + self.days(200, 2800))
        closed = max(closed, start)
        if ground == ClosureGround.NEW_SENTENCE:
            offence, articles, _, _ = self.offence()
            day = max(start, closed - self.days(30, 200))
            batch.reoffences.append(
                Reoffence(
                    id=uuid.uuid4(),
                    case_id=case.id,
                    person_id=person.id,
                    occurred_on=day,
                    offence=offence,
                    penal_code_articles=articles,
                )
            )
            case.current_class = "D"
        case.closed_on = closed
        case.closure_ground = ground
        case.closure_reference = {
            ClosureGround.EXPUNGED: f"Phiếu lý lịch tư pháp số {rng.randint(100, 9999)}/LLTP",
            ClosureGround.EXPUNGED_BY_COURT: f"Quyết định xóa án tích {rng.randint(1, 99)}/QĐ-TA",
            ClosureGround.PAROLE_REVOKED: f"Quyết định hủy số {rng.randint(1, 99)}/QĐ-TA",
            ClosureGround.NEW_SENTENCE: f"Bản án số {rng.randint(1, 400)}/{closed.year}/HS-ST",
        }.get(ground, "")
        if ground == ClosureGround.OTHER:
            case.closure_note = "Xuất cảnh định cư ở nước ngoài."
        if ground in (ClosureGround.EXPUNGED, ClosureGround.EXPUNGED_BY_COURT):
            sentence.civil_obligations_settled = True
        label = CLOSURE_LABELS[ground]
        police = ground in (ClosureGround.PAROLE_REVOKED, ClosureGround.NEW_SENTENCE)
        self.event(batch, case, "closed", closed, label, police=police)
