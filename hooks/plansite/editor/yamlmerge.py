"""Apply what a form changed to a YAML file as it is on disk, and nothing else.

Decap sends a whole file, re-serialised: comments, blank lines, quotes and line
breaks are gone. Here both the file on disk and the file Decap sent are read as
Decap reads YAML (1.2 core: `04` is a number, `2023-01-17` unquoted is a string), so
that values Decap merely re-wrote compare equal. Only the values that differ are
set in a round-trip (ruamel.yaml) copy of the file on disk; keys the form does not
show are kept. The copy is written back, and only the lines that differ between the
round trip of the old and of the new document are carried into the file on disk,
so whatever ruamel.yaml would re-format elsewhere is never written.
"""

from __future__ import annotations

import datetime
import difflib
import io
import json
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

# (mapping, sequence, offset) indents tried in turn; the first that reads the file back
# byte for byte is used.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 4, 2))
_PLAIN = re.compile(r"[a-z][a-z0-9-]*")
_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_EMPTY: tuple[Any, ...] = (None, "", [], {})


class MergeError(Exception):
    """The change cannot be written without re-formatting the file; the Vietnamese reason."""


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never re-wrap a long line
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _dump(yaml: YAML, document: Any) -> str:
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def load_rt(text: str) -> tuple[Any, YAML, str]:
    """The round-trip document, the YAML object that writes it, and its own round trip."""
    first: tuple[Any, YAML, str] | None = None
    for indent in _INDENTS:
        yaml = _yaml(indent)
        try:
            document = yaml.load(text)
        except YAMLError as exc:
            raise MergeError(f"tệp không đọc được như YAML ({exc.__class__.__name__})") from None
        again = _dump(yaml, document)
        if again == text:
            return document, yaml, again
        first = first or (document, yaml, again)
    assert first is not None
    return first


def plain(value: Any) -> Any:
    """`value` as Decap's YAML reader would give it: dicts, lists and scalars."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()  # YAML 1.2 core has no dates: the text itself
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value) if isinstance(value, float) else int(value)
    return str(value)


def read_plain(text: str) -> Any:
    """The values of YAML `text` as Decap sees them; raises `MergeError` if unreadable."""
    yaml = YAML(typ="rt", pure=True)
    try:
        if any(isinstance(event, AliasEvent) for event in yaml.parse(text)):
            raise MergeError("nội dung gửi lên dùng bí danh YAML (*), điều dữ liệu không dùng")
        return plain(yaml.load(text))
    except (YAMLError, RecursionError) as exc:
        raise MergeError(f"nội dung gửi lên không đọc được như YAML ({exc})") from None


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def scalar(value: Any, like: Any = None) -> Any:
    """A new scalar, written the way the file writes its kind: ids plain, the rest quoted."""
    text = _text(value)
    if "\n" in text:
        return (
            LiteralScalarString(text)
            if isinstance(like, LiteralScalarString)
            else (DoubleQuotedScalarString(text))
        )
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    quoted = isinstance(like, DoubleQuotedScalarString | LiteralScalarString)
    if not quoted and _PLAIN.fullmatch(text) and text not in _SPECIAL:
        return text  # an id or a closed-set value, written plain as the files do
    return DoubleQuotedScalarString(text)


def prune(value: Any) -> Any:
    """`value` without the empty values a form sends for fields left blank."""
    if isinstance(value, dict):
        kept = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in _EMPTY}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def fresh(value: Any) -> Any:
    """A new round-trip node for a value the file does not have yet (empty values dropped)."""
    value = prune(value)
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = fresh(item)
        return node
    if isinstance(value, list):
        return CommentedSeq(fresh(item) for item in value)
    return scalar(value)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _merge_map(node: CommentedMap, old: dict[str, Any], new: dict[str, Any]) -> CommentedMap:
    for key, value in new.items():
        if key in old:
            if old[key] == value:
                continue
            if value in _EMPTY:
                del node[key]  # the form cleared it
            else:
                node[key] = merge(node[key], old[key], value)
        elif prune(value) not in _EMPTY:
            node[key] = fresh(value)
    return node


def _merge_seq(node: CommentedSeq, old: list[Any], new: list[Any]) -> CommentedSeq:
    matcher = difflib.SequenceMatcher(None, [_key(v) for v in old], [_key(v) for v in new], False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        for k in range(i2 - 1, i1 + pairs - 1, -1):
            del node[k]
        for k, value in enumerate(new[j1 + pairs : j2]):
            node.insert(i1 + pairs + k, fresh(value))
        for k in range(pairs):
            node[i1 + k] = merge(node[i1 + k], old[i1 + k], new[j1 + k])
    return node


def merge(node: Any, old: Any, new: Any) -> Any:
    """`node` (old value `old`) changed to hold `new`, keeping what the form does not show."""
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        return _merge_map(node, old, new)
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        return _merge_seq(node, old, new)
    if isinstance(new, dict | list):
        return fresh(new)
    return scalar(new, like=node)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def transplant(disk: str, before: str, after: str) -> str:
    """`disk` with the lines that differ between `before` and `after` (two round trips).

    `before` is the round trip of `disk`; where it re-formatted a line that the change
    touches, the change cannot be carried over: `MergeError`.
    """
    if disk == before:
        return after
    d, b, a = _lines(disk), _lines(before), _lines(after)
    where: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, d, b, False).get_matching_blocks():
        for k in range(block.size):
            where[block.b + k] = block.a + k
    edits: list[tuple[int, int, list[str]]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, b, a, False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            mapped = all(i in where for i in range(i1, i2))
            if not mapped or where[i2 - 1] - where[i1] != i2 - 1 - i1:
                raise MergeError(f"dòng {i1 + 1} được viết theo cách công cụ chưa giữ nguyên được")
            edits.append((where[i1], where[i2 - 1] + 1, a[j1:j2]))
        elif i1 in where:
            edits.append((where[i1], where[i1], a[j1:j2]))
        elif i1 - 1 in where or i1 == 0:
            at = where[i1 - 1] + 1 if i1 else 0
            edits.append((at, at, a[j1:j2]))
        elif i1 == len(b):
            edits.append((len(d), len(d), a[j1:j2]))
        else:
            raise MergeError(f"không xác định được chỗ thêm dòng mới (sau dòng {i1})")
    for start, end, lines in reversed(edits):
        d[start:end] = lines
    return "".join(d)


def apply_yaml(disk: str, sent: str) -> str:
    """The text of `disk` with only the values that differ in `sent` changed.

    Both are text with '\\n' line ends. Raises `MergeError` when that is not possible.
    """
    document, yaml, before = load_rt(disk)
    old, new = plain(document), read_plain(sent)
    if not isinstance(new, dict) or not isinstance(old, dict):
        raise MergeError("tệp phải là một bảng khóa–giá trị")
    if old == new:
        return disk
    merge(document, old, new)
    return transplant(disk, before, _dump(yaml, document))
