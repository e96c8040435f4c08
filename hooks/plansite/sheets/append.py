"""Append updates to a plan file as new lines, leaving every existing byte where it was.

The file is read with the project's strict loader (`parse`), whose marks say where
each value starts; one pass over PyYAML's events says where each value's content
ends. New lines go after the last line of the task's `updates` list, or, when the
task has none, an `updates:` key goes after the last line of the task. Indentation
and line ends copy the file's own. The result is parsed again and must equal the old
data with the updates appended, or nothing is returned.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
)

from ..data.decode import decode
from ..data.parse import Loaded, parse
from ..data.schema import PLAN_KIND, check
from ..errors import PlanDataError
from ..model.types import Update

_LOADER: Any = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
# The line breaks YAML counts (so line numbers agree with its marks).
_LINE = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029]|$)")
Position = tuple[int, int]  # 0-based line and column


class AppendError(Exception):
    """The updates cannot be appended as new lines; the Vietnamese reason."""


@dataclass(frozen=True)
class Indent:
    """Columns of a new list item: its '-', its keys, and the step of a nested mapping."""

    dash: int
    key: int
    step: int


def update_data(update: Update) -> dict[str, Any]:
    """The update as the plain values the loader gives for it."""
    data: dict[str, Any] = {"date": update.date.isoformat(), "status": update.status.value}
    if update.note is not None:
        data["note"] = update.note
    if update.evidence is not None:
        ev = update.evidence
        if ev.document:
            data["evidence"] = {"document": ev.document}
        else:
            data["evidence"] = {"url": ev.url, **({"title": ev.title} if ev.title else {})}
    return data


def yaml_quote(text: str) -> str:
    """`text` as a double-quoted YAML scalar (JSON escapes, line separators escaped too)."""
    quoted = json.dumps(text, ensure_ascii=False)
    for ch in "\x85\u2028\u2029":
        quoted = quoted.replace(ch, f"\\u{ord(ch):04x}")
    return quoted


def update_lines(update: Update, indent: Indent) -> list[str]:
    """The YAML lines of one update, as a list item at `indent` (no line ends)."""
    dash, key = " " * indent.dash, " " * indent.key
    lines = [
        f"{dash}-{' ' * (indent.key - indent.dash - 1)}date: {yaml_quote(update.date.isoformat())}",
        f"{key}status: {update.status.value}",
    ]
    if update.note is not None:
        lines.append(f"{key}note: {yaml_quote(update.note)}")
    ev = update.evidence
    if ev is not None:
        inner = key + " " * indent.step
        lines.append(f"{key}evidence:")
        if ev.document:
            lines.append(f"{inner}document: {ev.document}")
        else:
            lines.append(f"{inner}url: {yaml_quote(ev.url or '')}")
            if ev.title:
                lines.append(f"{inner}title: {yaml_quote(ev.title)}")
    return lines


def _position(mark: Any) -> Position:
    return int(mark.line), int(mark.column)


def content_ends(text: str) -> dict[Position, Position]:
    """Where each value's content ends, by where it starts.

    A block collection ends where its last value ends (not where the parser notices
    the dedent, which is after any comments); a scalar or flow collection at its end mark.
    """
    ends: dict[Position, Position] = {}
    stack: list[tuple[Position, Position | None, bool]] = []
    for event in yaml.parse(text, Loader=_LOADER):
        start = _position(event.start_mark)
        if isinstance(event, CollectionStartEvent):
            stack.append((start, None, bool(event.flow_style)))
            continue
        if isinstance(event, ScalarEvent):
            end = _position(event.end_mark)
        elif isinstance(event, CollectionEndEvent):
            start, last, flow = stack.pop()
            end = _position(event.end_mark) if flow or last is None else last
        else:
            continue
        ends[start] = end
        if stack:
            stack[-1] = (stack[-1][0], end, stack[-1][2])
    return ends


def _last_line(lines: list[str], end: Position) -> int:
    """The 0-based line holding the last character before `end`."""
    line, column = end
    if line >= len(lines) or not lines[line][:column].strip():
        return line - 1
    return line


def _dash(lines: list[str], at: Position) -> int:
    """The column of the '-' that opens the list item whose first key is at `at`."""
    before = lines[at[0]][: at[1]].rstrip()
    if not before.endswith("-"):
        raise AppendError("mục của danh sách không viết dạng '- khóa: giá trị'.")
    return len(before) - 1


def _start(loaded: Loaded, path: tuple[str | int, ...]) -> Position:
    where = loaded.marks[path]
    return where.line - 1, where.column - 1


def _step(loaded: Loaded) -> int:
    """How far this file indents a nested mapping (from its `document:` block), else 2."""
    parent = loaded.key_marks.get(("document",))
    children = [w.column for p, w in loaded.key_marks.items() if len(p) == 2 and p[0] == "document"]
    if parent and children and min(children) > parent.column:
        return min(children) - parent.column
    return 2


def split_lines(text: str) -> list[str]:
    """`text` as lines with their line ends, split where YAML counts a line break."""
    lines = _LINE.findall(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _flow(lines: list[str], at: Position, what: str) -> None:
    if lines[at[0]][at[1] :].startswith(("[", "{")):
        raise AppendError(f"{what} được viết trên một dòng dạng [...] hay {{...}}")


def _place(
    loaded: Loaded, lines: list[str], ends: dict[Position, Position], index: int
) -> tuple[int, Indent, list[str]]:
    """Where task `index`'s new updates go: the line to insert before, their indent, and
    the `updates:` key line to write first when the task has none."""
    task = ("tasks", index)
    task_start = _start(loaded, task)
    _flow(lines, task_start, "nhiệm vụ")
    step = _step(loaded)
    raw = loaded.data["tasks"][index]
    if raw.get("updates"):
        seq_start = _start(loaded, (*task, "updates"))
        _flow(lines, seq_start, "danh sách updates")
        first = _start(loaded, (*task, "updates", 0))
        _flow(lines, first, "lần cập nhật")
        indent = Indent(_dash(lines, first), first[1], step)
        return _last_line(lines, ends[seq_start]) + 1, indent, []
    if "updates" in raw:
        raise AppendError("nhiệm vụ có 'updates: []'; hãy xóa dòng đó rồi nhập lại")
    task_dash = _dash(lines, task_start)
    offset = task_dash - (loaded.key_marks[("tasks",)].column - 1)
    dash = task_start[1] + max(offset, 0)
    indent = Indent(dash, dash + task_start[1] - task_dash, step)
    key = " " * task_start[1] + "updates:"
    return _last_line(lines, ends[task_start]) + 1, indent, [key]


def _expected(loaded: Loaded, additions: dict[int, list[Update]]) -> Any:
    data = copy.deepcopy(loaded.data)
    for index, updates in additions.items():
        task = data["tasks"][index]
        task.setdefault("updates", []).extend(update_data(u) for u in updates)
    return data


def append_updates(
    raw: bytes, display: str, additions: dict[str, list[Update]]
) -> tuple[bytes, dict[str, list[str]]]:
    """The plan file `raw` with `additions` (updates by task id) appended as new lines.

    Returns the new bytes and, for each task, the lines added. Raises `AppendError`
    when that cannot be done without changing an existing line.
    """
    text = decode(raw, display)
    loaded = parse(text, display)
    lines = split_lines(text)
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    out = split_lines(raw[len(bom) :].decode("utf-8"))
    if len(out) != len(lines):
        raise AppendError("không đếm được dòng của tệp")
    newline = "\r\n" if out and out[0].endswith("\r\n") else "\n"
    index = {t["id"]: i for i, t in enumerate(loaded.data.get("tasks") or ())}
    added: dict[str, list[str]] = {}
    ends = content_ends(text)
    for i, task_id in sorted(((index[t], t) for t in additions), reverse=True):
        try:
            at, indent, block = _place(loaded, lines, ends, i)
        except (KeyError, IndexError):
            raise AppendError(f"không xác định được chỗ của nhiệm vụ '{task_id}'") from None
        for update in additions[task_id]:
            block.extend(update_lines(update, indent))
        added[task_id] = block
        if at == len(out) and out and not out[-1].endswith(("\n", "\r")):
            out[-1] += newline
        out[at:at] = [line + newline for line in block]
    new = bom + "".join(out).encode("utf-8")
    _verify(new, display, _expected(loaded, {index[t]: u for t, u in additions.items()}))
    return new, {t: added[t] for t in additions}


def _verify(new: bytes, display: str, expected: Any) -> None:
    """The new file must read back as the old data with the updates appended."""
    try:
        again = parse(decode(new, display), display)
    except PlanDataError:
        raise AppendError("tệp sau khi thêm không đọc được") from None
    if again.data != expected or check(again, PLAN_KIND):
        raise AppendError("tệp sau khi thêm không khớp dữ liệu cần có")
