"""Parse plan data: text → YAML events → plain values with positions.

Every scalar is loaded as a string (YAML 1.1 would turn `04` into 4, `no`
into False); types come later, from the schema. Duplicate keys, tags, aliases,
oversized and deeply nested input are refused with a located Vietnamese message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import KeyPath, PlanDataError, Problem, Where
from .compose import MAX_DEPTH, Refused, compose, where_of
from .decode import decode


@dataclass(frozen=True)
class Loaded:
    """One data file as plain values (dict / list / str / None) with positions."""

    file: str
    data: Any
    marks: dict[KeyPath, Where] = field(default_factory=dict)
    key_marks: dict[KeyPath, Where] = field(default_factory=dict)

    def where(self, path: KeyPath, *, key: bool = False) -> Where:
        """The position of the value (or its key) at `path`, else its nearest parent."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.marks:
                return self.marks[path[:end]]
        return Where(self.file, 1, 1)


_TAB_MESSAGE = "có ký tự Tab. YAML chỉ chấp nhận dấu cách để thụt lề; hãy thay Tab bằng dấu cách."
# (what PyYAML's message contains, what to tell the communicator)
_YAML_MESSAGES = (
    (
        "maximum nesting depth",
        f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Hãy kiểm tra lại thụt lề.",
    ),
    (
        "mapping values are not allowed",
        "dấu hai chấm ':' không đúng chỗ. Nếu giá trị có dấu"
        " ':', hãy đặt cả giá trị trong ngoặc kép \"...\".",
    ),
    (
        "could not find expected ':'",
        "thiếu dấu ':' sau tên khóa, hoặc giá trị nhiều dòng chưa thụt lề đúng.",
    ),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng ở cuối giá trị."),
    ("expected <block end>", "thụt lề không khớp với các dòng phía trên."),
    ("did not find expected key", "thụt lề không khớp với các dòng phía trên."),
    (
        "did not find expected '-' indicator",
        "thụt lề không khớp: mỗi mục của danh sách bắt đầu bằng '- ' ở cùng một cột.",
    ),
    ("found duplicate anchor", "không dùng neo YAML (&tên)."),
    ("found undefined tag handle", "có thẻ YAML lạ (bắt đầu bằng '!'). Hãy bỏ thẻ đó."),
    (
        "expected a comment or a line break",
        "có ký tự thừa sau giá trị. Nếu giá trị có"
        " dấu '#' hoặc ngoặc kép, hãy đặt cả giá trị trong ngoặc kép.",
    ),
)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for needle, message in _YAML_MESSAGES:
        if needle in problem:
            return message
    return f"YAML không hợp lệ ({problem.strip()})."


def _unprintable(ch: str) -> bool:
    """Characters YAML refuses: C0/C1 controls other than tab and line breaks, and BOM/specials."""
    code = ord(ch)
    if ch in "\t\n":
        return False
    return code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F or code in (0xFEFF, 0xFFFE, 0xFFFF)


def _tab_line(text: str, before: int) -> int:
    """The first line up to `before` indented with a tab, or 0."""
    for number, line in enumerate(text.splitlines()[:before], start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number
    return 0


def _unclosed_quote(text: str, before: int) -> int:
    """The first line up to `before` with an odd number of unescaped double quotes, or 0.

    An unclosed quote swallows the lines after it, so YAML reports the problem far
    below where it is; pointing at the quote helps more.
    """
    for number, line in enumerate(text.splitlines()[:before], start=1):
        body = line.split(" #", 1)[0].replace('\\"', "")
        if body.lstrip().startswith("#") or "'" in body:
            continue
        if body.count('"') % 2:
            return number
    return 0


def parse(text: str, file: str) -> Loaded:
    """YAML text → `Loaded`, refusing tags, aliases, duplicate keys and excess."""
    bad = next((i for i, ch in enumerate(text) if _unprintable(ch)), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        column = bad - (text.rfind("\n", 0, bad) + 1) + 1
        problem = Problem(
            Where(file, line, column),
            (),
            f"có ký tự điều khiển không in được (U+{ord(text[bad]):04X}). Hãy xóa ký tự này.",
        )
        raise PlanDataError([problem])
    try:
        composed = compose(text, file)
    except Refused as exc:
        raise PlanDataError([Problem(exc.where, (), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = where_of(file, mark) if mark else Where(file, 1, 1)
        unclosed = _unclosed_quote(text, where.line)
        if unclosed:
            problem = Problem(
                Where(file, unclosed, 1),
                (),
                "thiếu dấu ngoặc kép đóng: giá trị "
                'mở ngoặc kép " ở dòng này nhưng không đóng lại trên cùng dòng.',
            )
            raise PlanDataError([problem]) from None
        tab = _tab_line(text, where.line)
        if tab:
            raise PlanDataError([Problem(Where(file, tab, 1), (), _TAB_MESSAGE)]) from None
        raise PlanDataError([Problem(where, (), _yaml_message(exc))]) from None
    except yaml.YAMLError as exc:
        problem = Problem(Where(file, 1, 1), (), f"YAML không hợp lệ ({exc}).")
        raise PlanDataError([problem]) from None
    if composed.problems:
        raise PlanDataError(composed.problems)
    if composed.data is None:
        raise PlanDataError([Problem(Where(file, 1, 1), (), "tệp trống; cần có dữ liệu YAML.")])
    return Loaded(file, composed.data, composed.marks, composed.key_marks)


def load_file(path: Path, display: str) -> Loaded:
    """Read and parse one data file; `display` is the path shown in messages."""
    return parse(decode(path.read_bytes(), display), display)
