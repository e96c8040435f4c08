"""Which column of a task table holds what, read from the meaning of its header.

Appendices of action programmes and plans name their columns in a few dozen ways
("TT", "Nhiệm vụ", "Cơ quan chủ trì\nthực hiện", "Thời gian hoàn thành (5)"). A header
is compared, in lower case with one space between words and without a trailing note in
parentheses, with the labels below; a label may carry words that do not change what the
column holds ("dự kiến", "thực hiện", "cụ thể"). Anything else is `Role.OTHER`, and the
importer keeps such a column word for word. Headers are matched whole, never by a word
inside them, so the long text of a task row is never taken for a header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from ..vocab import ColumnRole as Role

__all__ = ["LABELS", "Role", "is_header_row", "role_of", "roles"]

# Headers as plans write them, each under the role of its column. Within a role, earlier
# labels say more precisely what the column holds: when two columns of one table have
# the same role ("Thời gian trình" and "Tiến độ"), the column with the earlier label keeps
# the role and the other becomes OTHER, kept word for word (in a work programme "Tiến độ"
# beside "Thời gian trình" reports progress; it is no second deadline).
LABELS: dict[Role, tuple[str, ...]] = {
    Role.NUMBER: ("stt", "tt", "số tt", "số thứ tự", "thứ tự"),
    Role.TASK: (
        "nhiệm vụ",
        "tên nhiệm vụ",
        "nội dung nhiệm vụ",
        "nhiệm vụ, đề án, dự án",
        "tên đề án, nhiệm vụ",
        "đề án, nhiệm vụ",
        "nhiệm vụ, giải pháp",
        "nhiệm vụ và giải pháp",
        "tên nhiệm vụ, dự án",
        "nhiệm vụ, dự án",
        "tên nhiệm vụ, đề án",
        "tên dự án, nhiệm vụ",
        "nội dung công việc",
        "nội dung",
        "công việc",
        "nội dung hoạt động",
        "hoạt động",
        "tên đề án",
        "đề án",
    ),
    Role.LEAD: (
        "cơ quan chủ trì",
        "đơn vị chủ trì",
        "cơ quan, đơn vị chủ trì",
        "cơ quan chủ trì soạn thảo",
        "cơ quan chủ trì tham mưu",
        "chủ trì",
    ),
    Role.SUPPORT: ("cơ quan phối hợp", "đơn vị phối hợp", "cơ quan, đơn vị phối hợp", "phối hợp"),
    Role.DUE: (
        "thời hạn hoàn thành",
        "thời gian hoàn thành",
        "thời gian dự kiến hoàn thành",
        "thời hạn dự kiến hoàn thành",
        "thời hạn",
        "thời gian trình",
        "thời hạn trình",
        "thời điểm hoàn thành",
        "năm hoàn thành",
        "tiến độ hoàn thành",
        "thời gian",
        "thời gian thực hiện",
        "thời gian triển khai",
        "tiến độ",
        "lộ trình",
        "mốc thời gian",
    ),
    Role.PRODUCT: (
        "sản phẩm",
        "sản phẩm đầu ra",
        "kết quả",
        "kết quả đầu ra",
        "sản phẩm, kết quả",
        "kết quả, sản phẩm",
        "hình thức văn bản",
        "hình thức sản phẩm",
        "hình thức",
    ),
    # Named here so that no qualifier stripped from them makes them look like a role:
    # "Kết quả thực hiện" reports what was done, it is not the planned product.
    Role.OTHER: (
        "kết quả thực hiện",
        "kết quả đạt được",
        "tình hình thực hiện",
        "cơ quan chủ trì, phối hợp",
        "cấp trình",
        "kinh phí",
        "nguồn kinh phí",
        "ghi chú",
    ),
}

# Words a header adds to a label without changing what its column holds.
QUALIFIERS_BEFORE = ("dự kiến ", "các ")
QUALIFIERS_AFTER = (" thực hiện", " dự kiến", " cụ thể", " chủ yếu")

_RANKED = {label: (role, rank) for role, ls in LABELS.items() for rank, label in enumerate(ls)}
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "(1)", "(*)", "(năm)" after a header


def role_of(header: str) -> Role:
    """The role of the column `header` heads: 'Cơ quan chủ trì\\nthực hiện (3)' → LEAD."""
    return _ranked(header)[0]


def roles(headers: Sequence[str]) -> list[Role]:
    """The role of each column of a table. Each role but OTHER goes to one column only:
    the one whose header says it most precisely (see `LABELS`), else the first."""
    found = [_ranked(header) for header in headers]
    keeper: dict[Role, int] = {}
    for index, (role, rank) in enumerate(found):
        if role is not Role.OTHER and (role not in keeper or rank < found[keeper[role]][1]):
            keeper[role] = index
    return [
        role if role is Role.OTHER or keeper[role] == index else Role.OTHER
        for index, (role, _) in enumerate(found)
    ]


def is_header_row(cells: Sequence[str]) -> bool:
    """Whether a table row is a header (Word repeats it on every page): it names a task
    column and at least one other known column."""
    found = {role_of(cell) for cell in cells}
    return Role.TASK in found and bool(found - {Role.TASK, Role.OTHER})


def _label(header: str) -> str:
    """`header` in lower case, one space between words, '/' read as ',', no trailing note."""
    text = unicodedata.normalize("NFC", header).casefold().replace("/", ", ")
    text = " ".join(re.sub(r"\s*,\s*", ", ", text).split()).strip(" .:*")
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    return text


def _variants(label: str) -> Iterator[str]:
    """`label`, then `label` without each qualifier in turn."""
    yield label
    changed = True
    while changed:
        changed = False
        for before in QUALIFIERS_BEFORE:
            if label.startswith(before):
                label, changed = label[len(before) :], True
                yield label
        for after in QUALIFIERS_AFTER:
            if label.endswith(after):
                label, changed = label[: -len(after)], True
                yield label


def _ranked(header: str) -> tuple[Role, int]:
    for label in _variants(_label(header)):
        if label in _RANKED:
            return _RANKED[label]
    return Role.OTHER, 0
