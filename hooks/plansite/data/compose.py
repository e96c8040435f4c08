"""YAML events → plain values (dict / list / str / None) with the position of each value.

Built on the parser's event stream (libyaml's when PyYAML has it, else PyYAML's own),
without PyYAML's recursive composer or constructors: so no implicit typing (`04`
stays '04'), no tags, no aliases, no duplicate keys, and depth and size are capped
before they can cost anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from ..errors import KeyPath, Problem, Where

MAX_DEPTH = 40
MAX_NODES = 200_000
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_SKIP = object()  # the key of a value that is reported and not kept


class Refused(Exception):
    """Input refused outright (alias, too deep, too big); one message, no partial result."""

    def __init__(self, where: Where, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


class _PyParser(Reader, Scanner, Parser):
    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)

    def dispose(self) -> None:
        pass


def _parser(text: str) -> Any:
    if yaml.__with_libyaml__:
        from yaml._yaml import CParser  # only in PyYAML builds with libyaml

        return CParser(text)
    return _PyParser(text)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: KeyPath
    keep: bool
    role: str  # "root", "item", "value" or "key"
    key: Any = None
    seen: dict[str, Where] = field(default_factory=dict)


@dataclass
class Composed:
    data: Any = None
    marks: dict[KeyPath, Where] = field(default_factory=dict)
    key_marks: dict[KeyPath, Where] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def where_of(file: str, mark: Any) -> Where:
    """A YAML mark (0-based) as a `Where` (1-based line and column)."""
    return Where(file, mark.line + 1, mark.column + 1)


def _tag_problem(tag: str, where: Where, path: KeyPath) -> Problem:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(
        where,
        path,
        f"không chấp nhận thẻ YAML '{shown}'. Dữ liệu kế hoạch chỉ gồm chữ, danh sách và "
        "bảng khóa–giá trị; hãy bỏ thẻ.",
    )


def compose(text: str, file: str) -> Composed:
    """Compose one YAML document; raise `Refused` or yaml errors for what cannot be read."""
    out = Composed()
    stack: list[_Frame] = []
    nodes = documents = 0
    parser = _parser(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise Refused(
                        where_of(file, event.start_mark),
                        "tệp chỉ được có một tài liệu YAML; hãy bỏ dòng '---' thừa.",
                    )
                continue
            if isinstance(event, AliasEvent):
                raise Refused(
                    where_of(file, event.start_mark),
                    "không dùng bí danh YAML (*tên). Hãy viết đầy đủ giá trị ở đây.",
                )
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                done = stack.pop()
                if done.role == "key" and stack:
                    stack[-1].key = _SKIP
                continue
            if not isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent):
                continue
            nodes += 1
            where = where_of(file, event.start_mark)
            if nodes > MAX_NODES:
                raise Refused(where, f"tệp có quá nhiều giá trị (hơn {MAX_NODES}).")
            _take(event, where, stack, out)
            if len(stack) > MAX_DEPTH:
                raise Refused(
                    where,
                    f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Hãy kiểm tra lại thụt lề.",
                )
    finally:
        parser.dispose()
    return out


def _take(event: Any, where: Where, stack: list[_Frame], out: Composed) -> None:
    """Place one scalar or the start of one collection into the tree being built."""
    scalar = isinstance(event, ScalarEvent)
    parent = stack[-1] if stack else None
    if parent is not None and isinstance(parent.container, dict) and parent.key is None:
        _take_key(event, where, parent, stack, out)
        return
    if parent is None:
        path: KeyPath = ()
        keep, role = True, "root"
    elif isinstance(parent.container, list):
        path = (*parent.path, len(parent.container))
        keep, role = parent.keep, "item"
    else:
        path = (*parent.path, parent.key) if parent.key is not _SKIP else parent.path
        keep, role = parent.keep and parent.key is not _SKIP, "value"
    allowed = (
        (None, "!", _STR)
        if scalar
        else ((None, _MAP) if isinstance(event, MappingStartEvent) else (None, _SEQ))
    )
    if event.tag not in allowed and keep:
        out.problems.append(_tag_problem(event.tag, where, path))
    if scalar:
        empty = event.value == "" and event.style not in ("'", '"', "|", ">")
        value: Any = None if empty else str(event.value)
    else:
        value = {} if isinstance(event, MappingStartEvent) else []
    if keep:
        out.marks[path] = where
        if parent is None:
            out.data = value
        elif isinstance(parent.container, list):
            parent.container.append(value)
        else:
            parent.container[parent.key] = value
    if parent is not None and isinstance(parent.container, dict):
        parent.key = None
    if not scalar:
        stack.append(_Frame(value, path, keep, role))


def _take_key(event: Any, where: Where, parent: _Frame, stack: list[_Frame], out: Composed) -> None:
    if not isinstance(event, ScalarEvent) or event.tag not in (None, "!", _STR):
        if parent.keep:
            out.problems.append(Problem(where, parent.path, "tên khóa phải là chữ đơn giản."))
        if isinstance(event, ScalarEvent):
            parent.key = _SKIP
        else:
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, MappingStartEvent) else []
            )
            stack.append(_Frame(container, parent.path, False, "key"))
        return
    key = str(event.value)
    if key == "<<":
        if parent.keep:
            out.problems.append(Problem(where, parent.path, "không dùng khóa gộp '<<' của YAML."))
        parent.key = _SKIP
    elif key in parent.seen:
        if parent.keep:
            out.problems.append(
                Problem(
                    where,
                    (*parent.path, key),
                    f"khóa '{key}' bị lặp; đã có ở dòng {parent.seen[key].line}. "
                    "Hãy giữ một khóa và xóa khóa kia.",
                )
            )
        parent.key = _SKIP
    else:
        parent.seen[key] = where
        if parent.keep:
            out.key_marks[(*parent.path, key)] = where
        parent.key = key
