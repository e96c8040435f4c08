"""The plan's text as a tree of blocks, with stable anchors and citable labels.

Anchors come from the official numbering (`i-1-g1` is section I, item 1, first
bullet), so a link to one bullet survives edits elsewhere in the text. A block
may set its own `id` to keep an anchor stable when numbering changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..data.parse import Loaded
from ..errors import KeyPath, Problem
from ..text import ordinal, slugify
from ..vocab import ColumnRole
from .types import Block, TableColumn

BULLETS = frozenset({"-", "+", "–", "•", "*"})
_ROMAN = re.compile(r"^[IVXLC]+$")
# "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục 2": an appendix is cited by its name, not as a paragraph.
APPENDIX = re.compile(r"^ph[ụu] l[ụu]c(?:\s+([IVXLC]+|\d+)\b)?", re.IGNORECASE)


def number_key(number: str) -> tuple[str, str]:
    """(anchor part, Vietnamese label) for an official number like 'II.', '2.', 'đ)'."""
    core = number.strip().rstrip(".)").strip()
    if _ROMAN.match(core):
        return core.lower(), f"phần {core}"
    if core.isdigit():
        return core, f"mục {core}"
    if core in ("đ", "Đ"):
        return "dd", "điểm đ"
    return slugify(core) or "x", f"điểm {core}"


@dataclass
class Numbering:
    """Anchor parts and labels of one list of sibling blocks, counted in source order.

    Numbered blocks take their part from their number; bullets and unnumbered
    paragraphs are counted (`g1`, `g2`…, `p1`, `p2`…).
    """

    depth: int = 0
    bullets: int = 0
    paragraphs: int = 0

    def next(self, number: str | None) -> tuple[str, str]:
        """(anchor part, Vietnamese label) of the next sibling, whose number is `number`."""
        if number is None:
            self.paragraphs += 1
            label = f"đoạn {ordinal(self.paragraphs)}"
            return f"p{self.paragraphs}", (f"phần mở đầu, {label}" if self.depth == 0 else label)
        if number.strip() in BULLETS:
            self.bullets += 1
            return f"g{self.bullets}", f"gạch đầu dòng {ordinal(self.bullets)}"
        return number_key(number)


ISSUING_ANCHOR = "vbbh"


def build_content(
    loaded: Loaded, problems: list[Problem]
) -> tuple[tuple[Block, ...], tuple[Block, ...], dict[str, KeyPath]]:
    """Turn `content:` of a plan file into blocks, reporting duplicate anchors; and the
    text of the document that issues the plan (`issuing.content`), anchored 'vbbh-…'.

    Also returns each anchor's key path in the file, for locating later problems.
    """
    builder = _ContentBuilder(loaded, problems)
    issuing = (loaded.data.get("issuing") or {}).get("content") or []
    issued = builder.children(
        issuing, ("issuing", "content"), ISSUING_ANCHOR, "Văn bản ban hành", 0
    )
    blocks = builder.children(loaded.data.get("content") or [], ("content",), "", "", 0)
    return blocks, issued, builder.seen


@dataclass
class _ContentBuilder:
    loaded: Loaded
    problems: list[Problem]
    seen: dict[str, KeyPath] = field(default_factory=dict)
    tables: int = 0

    def children(
        self, items: list[dict[str, Any]], path: KeyPath, parent: str, parent_label: str, depth: int
    ) -> tuple[Block, ...]:
        numbering = Numbering(depth)
        out: list[Block] = []
        for index, item in enumerate(items):
            here: KeyPath = (*path, index)
            part, label = numbering.next(item.get("number"))
            appendix = APPENDIX.match(item.get("heading") or "")
            if appendix and not item.get("number"):
                label = "phụ lục" + (f" {appendix[1]}" if appendix[1] else "")
            anchor = item.get("id") or (f"{parent}-{part}" if parent else part)
            if item.get("table") and not item.get("heading") and not item.get("text"):
                label = ""  # a bare table is cited as "bảng N" of where it stands
            full_label = ", ".join(x for x in (parent_label, label) if x) or "Phần mở đầu"
            full_label = full_label[0].upper() + full_label[1:]
            self._check(item, here, anchor)
            children = self.children(
                item.get("children") or [], (*here, "children"), anchor, full_label, depth + 1
            )
            columns: tuple[TableColumn, ...] = ()
            if item.get("table"):
                table = item["table"]
                columns = tuple(
                    TableColumn(c["header"], ColumnRole(c["role"])) for c in table["columns"]
                )
                self.tables += 1
                rows = _Rows(self, columns, anchor, f"{full_label}, bảng {self.tables}", depth + 1)
                children += rows.build(table["rows"], (*here, "table", "rows"))
            out.append(
                Block(
                    anchor=anchor,
                    label=full_label,
                    number=item.get("number"),
                    heading=item.get("heading"),
                    text=item.get("text"),
                    domains=tuple(item.get("domains") or ()),
                    addressees=tuple(item.get("addressees") or ()),
                    children=children,
                    depth=depth,
                    columns=columns,
                )
            )
        return tuple(out)

    def note(self, anchor: str, here: KeyPath) -> None:
        """Record an anchor, reporting it if another block already has it."""
        where = self.loaded.where
        if anchor in self.seen:
            self.problems.append(
                Problem(
                    where(here),
                    here,
                    f"mã neo '{anchor}' bị trùng với đoạn ở dòng {where(self.seen[anchor]).line}.",
                    "Hãy đặt 'id' riêng cho một trong hai đoạn.",
                )
            )
        self.seen[anchor] = here

    def _check(self, item: dict[str, Any], here: KeyPath, anchor: str) -> None:
        where = self.loaded.where
        self.note(anchor, here)
        if not item.get("heading") and not item.get("text") and not item.get("table"):
            self.problems.append(
                Problem(
                    where(here), here, "đoạn cần có 'heading' (tiêu đề) hoặc 'text' (nội dung)."
                )
            )


@dataclass
class _Rows:
    """The rows of one table as blocks: anchors `<table>-d1`, `-d2`… counted over every
    row in order (group rows included), labels "Phụ lục, bảng 1, dòng 7". A row's number and text
    are its cells under the number and task columns."""

    builder: _ContentBuilder
    columns: tuple[TableColumn, ...]
    anchor: str
    label: str
    depth: int
    count: int = 0

    def build(
        self, rows: list[dict[str, Any]], path: KeyPath, prefix: str | None = None
    ) -> tuple[Block, ...]:
        """Blocks of `rows`; a row under a group numbered "I" is numbered "I.1"."""
        out = []
        for index, row in enumerate(rows):
            here: KeyPath = (*path, index)
            self.count += 1
            anchor = row.get("id") or f"{self.anchor}-d{self.count}"
            self.builder.note(anchor, here)
            cells = tuple(row["cells"])
            self._check(cells, here, bool(row.get("rows")))
            number = self._cell(cells, ColumnRole.NUMBER)
            if prefix and number:
                number = f"{prefix}.{number.rstrip('.')}"
            children = self.build(
                row.get("rows") or [], (*here, "rows"), (number or "").rstrip(".") or None
            )
            out.append(
                Block(
                    anchor=anchor,
                    label=f"{self.label}, dòng {self.count}",
                    number=number,
                    heading=None,
                    text=self._cell(cells, ColumnRole.TASK) or _first_words(cells),
                    domains=(),
                    addressees=(),
                    children=children,
                    depth=self.depth,
                    cells=cells,
                )
            )
        return tuple(out)

    def _cell(self, cells: tuple[str, ...], role: ColumnRole) -> str | None:
        for column, cell in zip(self.columns, cells, strict=False):
            if column.role is role and cell.strip():
                return cell.strip()
        return None

    def _check(self, cells: tuple[str, ...], here: KeyPath, group: bool) -> None:
        if len(cells) > len(self.columns):
            self.builder.problems.append(
                Problem(
                    self.builder.loaded.where(here),
                    (*here, "cells"),
                    f"dòng có {len(cells)} ô nhưng bảng chỉ có {len(self.columns)} cột.",
                    "Hãy gộp các ô thừa hoặc thêm cột vào 'columns'.",
                )
            )
        if not group and not any(cell.strip() for cell in cells):
            self.builder.problems.append(
                Problem(self.builder.loaded.where(here), (*here, "cells"), "dòng không có ô nào.")
            )


def _first_words(cells: tuple[str, ...]) -> str | None:
    """A group row's title: its longest cell (a merged cell repeats its words)."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return max(filled, key=len) if filled else None
