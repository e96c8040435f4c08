"""Tables of a source document as plan content: cell for cell, and each task row a task.

An appendix ("PHỤ LỤC") of an action programme lists its tasks in a table whose header
names what each column holds ("Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"…).
Such a table becomes a `table` block of the text with every cell as written; its rows
become tasks. A group row (one cell merged across the table: "I | Công tác tuyên
truyền") holds the rows under it. Header rows that Word repeats on every page, and the
row of column numbers under a header ("(1) | (2) | …"), are not rows. Any other table is
kept too, cell for cell, and makes no task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..vocab import ColumnRole
from .columns import is_header_row, role_of
from .sources import SourceRow, SourceTable

COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")
GROUP_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")


@dataclass(frozen=True)
class TaskRow:
    """A row of a task table that names a task: its anchor (as the model gives it), its
    number with its group's ("I.1"), its cells by column role, and where it stands."""

    anchor: str
    number: str | None
    cells: dict[ColumnRole, str]
    place: str


@dataclass
class ImportedTable:
    """A table as a content block, and the task rows it holds."""

    block: dict[str, Any]
    tasks: list[TaskRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0


def _role(header: str) -> ColumnRole:
    return ColumnRole[role_of(header).name]


def _header_index(rows: tuple[SourceRow, ...]) -> int | None:
    for index, row in enumerate(rows[:4]):
        if is_header_row(list(row.cells)):
            return index
    return None


def _no_task_column(rows: tuple[SourceRow, ...], label: str) -> list[str]:
    """A header that names who and when but no task: the table cannot make tasks."""
    for index, row in enumerate(rows[:4], start=1):
        known = {_role(cell) for cell in row.cells if cell.strip()}
        named = known - {ColumnRole.OTHER, ColumnRole.NUMBER}
        if len(named) >= 2:
            return [
                f"{label}, dòng tiêu đề {index}: có cột "
                + ", ".join(sorted(role.value for role in named))
                + " nhưng không có cột nhiệm vụ (ví dụ 'Nhiệm vụ', 'Nội dung công việc'). "
                "Hãy sửa tiêu đề cột nhiệm vụ trong tệp nguồn rồi nhập lại."
            ]
    return []


def _columns(header: SourceRow) -> list[dict[str, str]]:
    """Each column's header as written; a header cell merged across columns names each."""
    columns, last = [], ""
    for cell in header.cells:
        last = cell.strip() or last
        columns.append({"header": last or "(không có tiêu đề)", "role": ""})
    return columns


def read_table(source: SourceTable, table_id: str, label: str) -> ImportedTable:
    """`source` as a content block with id `table_id`; `label` names it in messages
    ("Phụ lục, bảng 1")."""
    start = _header_index(source.rows)
    task_table = start is not None
    problems = [] if task_table else _no_task_column(source.rows, label)
    header = source.rows[start] if start is not None else None
    if header is None:
        width = source.width
        columns = [{"header": f"Cột {i + 1}", "role": ColumnRole.OTHER.value} for i in range(width)]
        body = source.rows
    else:
        columns = _columns(header)
        for column in columns:
            column["role"] = _role(column["header"]).value
        body = source.rows[start + 1 :]  # type: ignore[operator]
    out = ImportedTable({"id": table_id, "table": {"columns": columns, "rows": []}})
    out.problems += problems
    _Rows(out, columns, table_id, label, task_table, header).add_all(body)
    return out


@dataclass
class _Rows:
    out: ImportedTable
    columns: list[dict[str, str]]
    table_id: str
    label: str
    task_table: bool
    header: SourceRow | None
    count: int = 0
    group: dict[str, Any] | None = None
    group_number: str | None = None

    def add_all(self, rows: tuple[SourceRow, ...]) -> None:
        """Every row below the header. Rows are counted as the site counts them (the header
        and skipped rows not counted), so a message's "dòng 7" is the page's "dòng 7"."""
        for row in rows:
            if self._skip(row):
                self.out.skipped += 1
                continue
            cells = [cell.strip() for cell in row.cells]
            where = f"{self.label}, dòng {self.count + 1}"
            if len(cells) > len(self.columns) and any(cells[len(self.columns) :]):
                self.out.problems.append(
                    f"{where}: dòng có {len(cells)} ô nhưng tiêu đề bảng chỉ có "
                    f"{len(self.columns)} cột."
                )
                self.count += 1  # the row still takes its place in the count
                continue
            cells = cells[: len(self.columns)]
            if self._lost_number(cells):
                # A row under a number cell merged down (copied as text, the row lost that
                # cell): its words start one column to the right.
                cells = ["", *cells]
            if self._is_group(row, cells):
                self._add_group(cells)
            else:
                self._add_row(cells, where)

    def _skip(self, row: SourceRow) -> bool:
        """A header repeated on a new page, a row of column numbers, or an empty row."""
        cells = [cell.strip() for cell in row.cells]
        if not any(cells):
            return True
        if self.header is not None and (row.header or cells == list(self.header.cells)):
            return True
        filled = [cell for cell in cells if cell]
        return len(filled) >= 3 and all(COLUMN_NUMBERS.match(cell) for cell in filled)

    def _lost_number(self, cells: list[str]) -> bool:
        first = self.columns[0]["role"] if self.columns else ""
        return (
            self.task_table
            and first == ColumnRole.NUMBER.value
            and len(cells) < len(self.columns)
            and len(cells[0]) > 15
            and not GROUP_NUMBER.match(cells[0])
        )

    def _is_group(self, row: SourceRow, cells: list[str]) -> bool:
        """One cell across (nearly) the whole table, or the same words repeated in every
        column but the first, as a merged cell reads when copied as text."""
        if not self.task_table or len(self.columns) < 3:
            return False
        if max(row.spans, default=1) >= len(self.columns) - 1:
            return True
        rest = [cell for cell in cells[1:] if cell]
        if len(cells) <= 2 and GROUP_NUMBER.match(cells[0].rstrip(".")):
            return True  # "I | Công tác tuyên truyền": a number and one merged cell
        return len(rest) >= 2 and len(set(rest)) == 1 and len(rest) == len(cells) - 1

    def _add_group(self, cells: list[str]) -> None:
        words: list[str] = []
        for cell in cells:
            if cell and cell not in words:
                words.append(cell)  # a merged cell copied as text repeats its words
        self.count += 1
        self.group = {"cells": words, "rows": []}
        self.out.block["table"]["rows"].append(self.group)
        first = words[0].rstrip(".") if words else ""
        self.group_number = first if GROUP_NUMBER.match(first) and len(words) > 1 else None

    def _add_row(self, cells: list[str], where: str) -> None:
        self.count += 1
        target = self.group["rows"] if self.group is not None else self.out.block["table"]["rows"]
        target.append({"cells": cells + [""] * (len(self.columns) - len(cells))})
        by_role: dict[ColumnRole, str] = {}
        for column, cell in zip(self.columns, cells, strict=False):
            role = ColumnRole(column["role"])
            if cell and role not in by_role:
                by_role[role] = cell
        if not self.task_table or not by_role.get(ColumnRole.TASK):
            return
        tt = by_role.get(ColumnRole.NUMBER)
        number = f"{self.group_number}.{tt.rstrip('.')}" if self.group_number and tt else tt
        anchor = f"{self.table_id}-d{self.count}"
        self.out.tasks.append(TaskRow(anchor, number, by_role, where))
