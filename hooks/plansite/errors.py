"""Problems found in plan data, reported to communicators in Vietnamese.

Every stage collects `Problem`s instead of raising on the first one; the
pipeline raises a single `PlanDataError` carrying all of them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Where:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


def format_path(path: KeyPath) -> str:
    """Render a key path the way communicators read it: `tasks[0].block`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with where it is and how to fix it."""

    where: Where
    path: KeyPath = field(default=(), compare=False)
    message: str = ""
    hint: str = field(default="", compare=False)

    def __str__(self) -> str:
        key = format_path(self.path)
        text = f"{self.where}  {key + ': ' if key else ''}{self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


class PlanDataError(Exception):
    """Raised once, with every problem found, when the data cannot be built."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems as one Vietnamese report, one line each, sorted by place."""
        n = len(self.problems)
        lines = [f"Dữ liệu kế hoạch có {n} lỗi cần sửa trước khi dựng trang:"]
        lines.extend(str(p) for p in self.problems)
        return "\n".join(lines)


def did_you_mean(found: str, known: Sequence[str]) -> str:
    """A Vietnamese suggestion for a near-miss key or id, or ''."""
    close = difflib.get_close_matches(found, list(known), n=1, cutoff=0.6)
    return f"Có phải ý bạn là '{close[0]}'?" if close else ""


def quote(value: object) -> str:
    """Show a found value briefly and unambiguously in a message."""
    if value is None:
        return "giá trị trống"
    if isinstance(value, dict):
        return "một bảng khóa–giá trị"
    if isinstance(value, list):
        return "một danh sách"
    # A value over several lines (a block scalar) is shown on one: a message is one line.
    text = " ".join(str(value).split()) if "\n" in str(value) else str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"
