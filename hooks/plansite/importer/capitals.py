"""An issuing body's name as written in capitals in a document's header, in the case the
body's name takes in running text: 'ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK' → 'Ủy ban nhân dân
tỉnh Đắk Lắk', 'THỦ TƯỚNG CHÍNH PHỦ' → 'Thủ tướng Chính phủ', 'BỘ XÂY DỰNG' → 'Bộ Xây
dựng'. Known words come from the tables below and the official fields of agencies; a
place name left over is written with each word capitalised, as Vietnamese place names are.
"""

from __future__ import annotations

from .agency_names import FIELDS

# Words of a header, longest first where one contains another.
WORDS = (
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Ban Thường vụ",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Văn phòng",
    "Bộ",
    "Sở",
    "Phòng",
    "thành phố",
    "tỉnh",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "đặc khu",
    *FIELDS,
)
_BY_CAPITALS = sorted(((w.upper().split(), w) for w in WORDS), key=lambda p: -len(p[0]))


def from_capitals(words: str) -> str:
    """`words` (a header line in capitals) in running-text case."""
    tokens = words.replace("UỶ", "ỦY").split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for capitals, written in _BY_CAPITALS:
            if tokens[i : i + len(capitals)] == capitals:
                out.append(written)
                i += len(capitals)
                break
        else:
            out.append(tokens[i].capitalize())
            i += 1
    return " ".join(out)
