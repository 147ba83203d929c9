"""The demo's words and weights: Vietnamese names, ethnicities, places, offences, the mix of
case states and closure grounds, and the weighted picker that draws from them.
"""

from __future__ import annotations

from typing import Any

from taihoanhap.registry.models import CaseStatus, ClosureGround

BATCH = 2000
S = CaseStatus

FAMILY = [
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 40),
    ("Phan", 45), ("Vũ", 20), ("Võ", 35), ("Đặng", 20), ("Bùi", 20), ("Đỗ", 15), ("Hồ", 15),
    ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 5), ("Trương", 10), ("Lâm", 5), ("Mai", 5),
    ("Đoàn", 5), ("Cao", 4), ("Hà", 4), ("Lưu", 3), ("Châu", 3), ("Thái", 3), ("Tô", 3),
    ("Tạ", 2), ("La", 2), ("Kiều", 1),
]  # fmt: skip
MIDDLE_M = ["Văn"] * 8 + [
    "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Thành", "Hoàng", "Ngọc", "Xuân", "Đình",
    "Tấn", "Trung", "Quang", "Tuấn", "Thế", "Duy", "Gia", "Hồng",
]  # fmt: skip
MIDDLE_F = ["Thị"] * 8 + [
    "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Hồng", "Minh", "Phương", "Thùy", "Ánh",
]  # fmt: skip
GIVEN_M = [
    "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đạt", "Điền",
    "Đông", "Đức", "Giang", "Hải", "Hào", "Hậu", "Hiếu", "Hiệp", "Hòa", "Hoàng", "Hùng", "Huy",
    "Hưng", "Khải", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Lộc", "Long", "Lợi", "Luân",
    "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phú", "Phúc", "Phương", "Quang", "Quân",
    "Quốc", "Sang", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thanh", "Thành", "Thiện", "Thịnh",
    "Thông", "Tiến", "Toàn", "Trí", "Trọng", "Trung", "Tú", "Tuấn", "Tùng", "Việt", "Vinh",
    "Vũ", "Vương",
]  # fmt: skip
GIVEN_F = [
    "Anh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng",
    "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung",
    "Oanh", "Phượng", "Quyên", "Tâm", "Thảo", "Thoa", "Thu", "Thủy", "Trang", "Tuyết", "Vân",
    "Yến",
]  # fmt: skip
ETHNICITIES = [("Kinh", 900), ("Hoa", 25), ("Khmer", 15), ("Tày", 12), ("Nùng", 15),
               ("S'tiêng", 15), ("Chơro", 8), ("Mạ", 5), ("Mường", 5)]  # fmt: skip
# Place of birth registration: most were born in the province (the merged Đồng Nai and
# Bình Phước), others across the country.
PLACE_CODES = [("075", 450), ("070", 250), ("079", 60), ("074", 40), ("072", 25), ("077", 20),
               ("068", 15), ("040", 20), ("038", 20), ("036", 10), ("052", 15), ("066", 15),
               ("089", 10), ("094", 10), ("001", 10), ("031", 5)]  # fmt: skip
# (offence, Criminal Code articles, weight, term range in months)
OFFENCES = [
    ("Trộm cắp tài sản", [173], 300, (6, 48)),
    ("Tàng trữ trái phép chất ma túy", [249], 200, (12, 84)),
    ("Mua bán trái phép chất ma túy", [251], 80, (24, 180)),
    ("Cố ý gây thương tích", [134], 120, (6, 72)),
    ("Cướp giật tài sản", [171], 60, (12, 84)),
    ("Lừa đảo chiếm đoạt tài sản", [174], 60, (12, 120)),
    ("Đánh bạc", [321], 60, (6, 36)),
    ("Tổ chức đánh bạc", [322], 20, (12, 60)),
    ("Cướp tài sản", [168], 30, (36, 180)),
    ("Giết người", [123], 10, (84, 240)),
    ("Vi phạm quy định về tham gia giao thông đường bộ", [260], 30, (6, 36)),
    ("Gây rối trật tự công cộng", [318], 30, (6, 24)),
]
FACILITIES = ["Trại giam Xuân Lộc", "Trại giam Z30D", "Trại giam Thủ Đức", "Trại giam Phú Sơn 4",
              "Trại giam An Phước", "Trại giam Tống Lê Chân"]  # fmt: skip
STREETS = ["Nguyễn Ái Quốc", "Phạm Văn Thuận", "Hùng Vương", "Lê Duẩn", "Trần Hưng Đạo",
           "Cách Mạng Tháng Tám", "Võ Thị Sáu", "Đồng Khởi", "30 Tháng 4", "Nguyễn Văn Trị",
           "Quốc lộ 1A", "Quốc lộ 20", "Phú Riềng Đỏ", "Trần Phú"]  # fmt: skip
HAMLETS = ["Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp 5", "Ấp Bình Lộc", "Ấp Tân Hòa", "Ấp Thuận Hòa",
           "Ấp Suối Cát", "Ấp Bến Cam", "Ấp Phú Lâm", "Ấp Sóc Ruộng"]  # fmt: skip
ORGANISATIONS = ["Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh",
                 "Mặt trận Tổ quốc", "Hội Nông dân"]  # fmt: skip
CLASS_REASONS = {
    "A": "Chấp hành tốt, có việc làm ổn định",
    "B": "Chấp hành tốt nhưng chưa có việc làm ổn định",
    "C": "Chưa chấp hành nghiêm, quan hệ với đối tượng xấu",
}
CLOSURE_LABELS = {
    ClosureGround.EXPUNGED: "Kết thúc quản lý: đương nhiên được xóa án tích",
    ClosureGround.EXPUNGED_BY_COURT: "Kết thúc quản lý: được xóa án tích theo quyết định "
    "của Tòa án",
    ClosureGround.DIED: "Kết thúc quản lý: đã chết",
    ClosureGround.NOT_RESIDING: "Kết thúc quản lý: không cư trú tại địa phương",
    ClosureGround.PAROLE_REVOKED: "Kết thúc quản lý: bị hủy quyết định tha tù trước thời hạn",
    ClosureGround.NEW_SENTENCE: "Kết thúc quản lý: bị kết án mới",
    ClosureGround.OTHER: "Kết thúc quản lý: lý do khác",
}
RELATIVES = ["Mẹ", "Cha", "Vợ", "Anh trai", "Chị gái", "Em trai", "Chồng"]

# State of the case: weight for the province at large. Commune A cycles through all of them.
STATES = [
    (S.EXPECTED, 50),
    (S.ADDRESS_VERIFIED, 30),
    (S.ADDRESS_MISMATCH, 10),
    (S.UNDER_MANAGEMENT, 420),
    (S.ON_PROBATION, 70),
    (S.HELD, 30),
    (S.CLOSED, 390),
]
CLOSURES = [
    (ClosureGround.EXPUNGED, 600),
    (ClosureGround.EXPUNGED_BY_COURT, 50),
    (ClosureGround.DIED, 50),
    (ClosureGround.NOT_RESIDING, 60),
    (ClosureGround.PAROLE_REVOKED, 30),
    (ClosureGround.NEW_SENTENCE, 110),
    (ClosureGround.OTHER, 100),
]


class Picker:
    """Weighted choices without rebuilding cumulative weights on every draw."""

    def __init__(self, rng: Any, weighted: list[tuple[Any, int]]):
        self.rng = rng
        self.values = [value for value, _ in weighted]
        self.weights = [weight for _, weight in weighted]
        total, self.cumulative = 0, []
        for weight in self.weights:
            total += weight
            self.cumulative.append(total)

    def __call__(self) -> Any:
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]
