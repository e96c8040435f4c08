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
from .types import Block

BULLETS = frozenset({"-", "+", "–", "•", "*"})
_ROMAN = re.compile(r"^[IVXLC]+$")


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


def build_content(
    loaded: Loaded, problems: list[Problem]
) -> tuple[tuple[Block, ...], dict[str, KeyPath]]:
    """Turn `content:` of a plan file into blocks, reporting duplicate anchors.

    Also returns each anchor's key path in the file, for locating later problems.
    """
    builder = _ContentBuilder(loaded, problems)
    blocks = builder.children(loaded.data.get("content") or [], ("content",), "", "", 0)
    return blocks, builder.seen


@dataclass
class _ContentBuilder:
    loaded: Loaded
    problems: list[Problem]
    seen: dict[str, KeyPath] = field(default_factory=dict)

    def children(
        self, items: list[dict[str, Any]], path: KeyPath, parent: str, parent_label: str, depth: int
    ) -> tuple[Block, ...]:
        numbering = Numbering(depth)
        out: list[Block] = []
        for index, item in enumerate(items):
            here: KeyPath = (*path, index)
            part, label = numbering.next(item.get("number"))
            anchor = item.get("id") or (f"{parent}-{part}" if parent else part)
            full_label = f"{parent_label}, {label}" if parent_label else label
            full_label = full_label[0].upper() + full_label[1:]
            self._check(item, here, anchor)
            children = self.children(
                item.get("children") or [], (*here, "children"), anchor, full_label, depth + 1
            )
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
                )
            )
        return tuple(out)

    def _check(self, item: dict[str, Any], here: KeyPath, anchor: str) -> None:
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
        if not item.get("heading") and not item.get("text"):
            self.problems.append(
                Problem(
                    where(here), here, "đoạn cần có 'heading' (tiêu đề) hoặc 'text' (nội dung)."
                )
            )
