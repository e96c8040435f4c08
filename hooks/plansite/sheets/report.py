"""Problems found in a returned sheet, each named by its cell ("Báo cáo tiến độ!J7")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from .layout import SHEET


@dataclass(frozen=True, order=True)
class SheetProblem:
    """One thing wrong with the file or one of its cells; row 0 means the file as a whole."""

    row: int
    column: int
    message: str
    hint: str = field(default="", compare=False)

    @property
    def cell(self) -> str:
        """'Báo cáo tiến độ!J7', or '' for a problem of the whole file."""
        if self.row <= 0:
            return ""
        if self.column <= 0:
            return f"{SHEET}!{self.row}:{self.row}"
        return f"{SHEET}!{get_column_letter(self.column)}{self.row}"

    def __str__(self) -> str:
        text = f"{self.cell}: {self.message}" if self.cell else self.message
        return f"{text} {self.hint}" if self.hint else text


class SheetError(Exception):
    """Raised once with every problem found; nothing has been written."""

    def __init__(self, problems: Iterable[SheetProblem]) -> None:
        self.problems: tuple[SheetProblem, ...] = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems in Vietnamese, one line each, in the order of the sheet."""
        n = len(self.problems)
        lines = [f"Bảng tính có {n} lỗi; chưa ghi gì vào dữ liệu. Hãy sửa rồi nhập lại:"]
        lines.extend(str(p) for p in self.problems)
        return "\n".join(lines)
