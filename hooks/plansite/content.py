"""The plan's text as a tree of blocks, with stable anchors and citable labels.

Anchors come from the official numbering (`i-1-g1` is section I, item 1, first
bullet), so a link to one bullet survives edits elsewhere in the text. A block
may set its own `id` to keep an anchor stable when numbering changes.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import KeyPath, Problem
from .load import Loaded
from .model import Block
from .text import slugify

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


def build_content(
    loaded: Loaded, problems: list[Problem]
) -> tuple[tuple[Block, ...], dict[str, KeyPath]]:
    """Turn `content:` of a plan file into blocks, reporting duplicate anchors.

    Also returns each anchor's key path in the file, for locating later problems.
    """
    seen: dict[str, KeyPath] = {}
    blocks = _children(
        loaded.data.get("content") or [], ("content",), "", "", 0, loaded, problems, seen
    )
    return blocks, seen


def _children(
    items: list[dict[str, Any]],
    path: KeyPath,
    parent: str,
    parent_label: str,
    depth: int,
    loaded: Loaded,
    problems: list[Problem],
    seen: dict[str, KeyPath],
) -> tuple[Block, ...]:
    out: list[Block] = []
    bullets = paragraphs = 0
    for index, item in enumerate(items):
        here: KeyPath = (*path, index)
        number = item.get("number")
        if number is None:
            paragraphs += 1
            part, label = f"p{paragraphs}", f"đoạn {paragraphs}"
            if depth == 0:
                label = f"phần mở đầu, đoạn {paragraphs}"
        elif number.strip() in BULLETS:
            bullets += 1
            part, label = f"g{bullets}", f"gạch đầu dòng thứ {bullets}"
        else:
            part, label = number_key(number)
        anchor = item.get("id") or (f"{parent}-{part}" if parent else part)
        full_label = f"{parent_label}, {label}" if parent_label else label
        full_label = full_label[0].upper() + full_label[1:]
        if anchor in seen:
            problems.append(
                Problem(
                    loaded.where(here),
                    here,
                    f"mã neo '{anchor}' bị trùng với đoạn ở dòng "
                    f"{loaded.where(seen[anchor]).line}.",
                    "Hãy đặt 'id' riêng cho một trong hai đoạn.",
                )
            )
        seen[anchor] = here
        if not item.get("heading") and not item.get("text"):
            problems.append(
                Problem(
                    loaded.where(here),
                    here,
                    "đoạn cần có 'heading' (tiêu đề) hoặc 'text' (nội dung).",
                )
            )
        children = _children(
            item.get("children") or [],
            (*here, "children"),
            anchor,
            full_label,
            depth + 1,
            loaded,
            problems,
            seen,
        )
        out.append(
            Block(
                anchor=anchor,
                label=full_label,
                number=number,
                heading=item.get("heading"),
                text=item.get("text"),
                domains=tuple(item.get("domains") or ()),
                addressees=tuple(item.get("addressees") or ()),
                children=children,
                depth=depth,
            )
        )
    return tuple(out)
