"""Read plan data files: bytes → text → YAML nodes → plain values with positions.

Every scalar is loaded as a string (YAML 1.1 would turn `04` into 4, `no`
into False); types come later, from the schema. Duplicate keys, tags, aliases,
oversized and deeply nested input are refused with a located Vietnamese message.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .errors import KeyPath, PlanDataError, Problem, Where
from .legacy import detect_legacy

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


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


class _Refused(Exception):
    def __init__(self, where: Where, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


class _StringLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    """PyYAML's safe stages with no implicit typing: plain scalars stay strings."""

    def __init__(self, text: str, file: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._file = file
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(
                _where(self._file, mark),
                "không dùng bí danh YAML (*tên). Hãy viết đầy đủ giá trị ở đây.",
            )
        self._depth += 1
        self._nodes += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(
                _where(self._file, mark),
                f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Hãy kiểm tra lại thụt lề.",
            )
        if self._nodes > MAX_NODES:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _Refused(_where(self._file, mark), f"tệp có quá nhiều giá trị (hơn {MAX_NODES}).")
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        return node


def _where(file: str, mark: Any) -> Where:
    return Where(file, mark.line + 1, mark.column + 1)


_YAML_MESSAGES = (
    (
        "that cannot start any token",
        "\t",
        "có ký tự Tab. YAML chỉ chấp nhận dấu cách để thụt lề; hãy thay Tab bằng dấu cách.",
    ),
    (
        "mapping values are not allowed",
        "",
        "dấu hai chấm ':' không đúng chỗ. Nếu giá trị có dấu"
        " ':', hãy đặt cả giá trị trong ngoặc kép \"...\".",
    ),
    (
        "could not find expected ':'",
        "",
        "thiếu dấu ':' sau tên khóa, hoặc giá trị nhiều dòng chưa thụt lề đúng.",
    ),
    ("found unexpected end of stream", "", "thiếu dấu ngoặc kép đóng ở cuối giá trị."),
    ("expected <block end>", "", "thụt lề không khớp với các dòng phía trên."),
    ("did not find expected key", "", "thụt lề không khớp với các dòng phía trên."),
    (
        "did not find expected '-' indicator",
        "",
        "thụt lề không khớp: mỗi mục của danh sách bắt đầu bằng '- ' ở cùng một cột.",
    ),
    ("found duplicate anchor", "", "không dùng neo YAML (&tên)."),
    ("found undefined tag handle", "", "có thẻ YAML lạ (bắt đầu bằng '!'). Hãy bỏ thẻ đó."),
    (
        "expected a comment or a line break",
        "",
        "có ký tự thừa sau giá trị. Nếu giá trị có"
        " dấu '#' hoặc ngoặc kép, hãy đặt cả giá trị trong ngoặc kép.",
    ),
)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    for needle, char, message in _YAML_MESSAGES:
        if needle in problem and (not char or repr(char) in problem or char in problem):
            return message
    return f"YAML không hợp lệ ({problem.strip()})."


def _unprintable(ch: str) -> bool:
    """Characters YAML refuses: C0/C1 controls other than tab and line breaks, and BOM/specials."""
    code = ord(ch)
    if ch in "\t\n":
        return False
    return code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F or code in (0xFEFF, 0xFFFE, 0xFFFF)


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


def decode(data: bytes, file: str) -> str:
    """Bytes → NFC text with LF line ends, or a `PlanDataError` saying why not."""
    start = Where(file, 1, 1)
    if len(data) > MAX_BYTES:
        raise PlanDataError(
            [Problem(start, (), f"tệp quá lớn ({len(data)} byte; tối đa {MAX_BYTES} byte).")]
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanDataError(
            [Problem(start, (), "tệp được lưu bằng UTF-16. Hãy lưu lại với bảng mã UTF-8.")]
        )
    if b"\x00" in data:
        raise PlanDataError([Problem(start, (), "đây là tệp nhị phân, không phải văn bản YAML.")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        legacy = detect_legacy(data)
        if legacy:
            message = (
                f"tệp không ở bảng mã UTF-8; có vẻ được lưu bằng bảng mã {legacy}. "
                "Hãy mở tệp bằng trình soạn thảo hỗ trợ bảng mã này (hoặc Unikey "
                "Toolkit) và lưu lại với bảng mã UTF-8."
            )
        else:
            message = "tệp không ở bảng mã UTF-8. Hãy lưu lại với bảng mã UTF-8."
        raise PlanDataError([Problem(Where(file, line, column), (), message)]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanDataError([Problem(start, (), "tệp trống; cần có dữ liệu YAML.")])
    return unicodedata.normalize("NFC", text)


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
    loader = _StringLoader(text, file)
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise PlanDataError([Problem(exc.where, (), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _where(file, mark) if mark else Where(file, 1, 1)
        unclosed = _unclosed_quote(text, where.line)
        if unclosed:
            problem = Problem(
                Where(file, unclosed, 1),
                (),
                "thiếu dấu ngoặc kép đóng: giá trị "
                'mở ngoặc kép " ở dòng này nhưng không đóng lại trên cùng dòng.',
            )
            raise PlanDataError([problem]) from None
        raise PlanDataError([Problem(where, (), _yaml_message(exc))]) from None
    except yaml.YAMLError as exc:
        problem = Problem(Where(file, 1, 1), (), f"YAML không hợp lệ ({exc}).")
        raise PlanDataError([problem]) from None
    finally:
        loader.dispose()
    if node is None:
        raise PlanDataError([Problem(Where(file, 1, 1), (), "tệp trống; cần có dữ liệu YAML.")])
    loaded = Loaded(file, None)
    problems: list[Problem] = []
    data = _plain(node, (), loaded, problems)
    if problems:
        raise PlanDataError(problems)
    return Loaded(file, data, loaded.marks, loaded.key_marks)


def _plain(node: Node, path: KeyPath, out: Loaded, problems: list[Problem]) -> Any:
    where = _where(out.file, node.start_mark)
    out.marks[path] = where
    if node.tag not in (_STR, _SEQ, _MAP):
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        problems.append(
            Problem(
                where,
                path,
                f"không chấp nhận thẻ YAML '{tag}'. Dữ liệu kế "
                "hoạch chỉ gồm chữ, danh sách và bảng khóa–giá trị; hãy bỏ thẻ.",
            )
        )
        return None
    if isinstance(node, ScalarNode):
        if node.value == "" and node.style is None:
            return None
        return str(node.value)
    if isinstance(node, SequenceNode):
        return [_plain(item, (*path, i), out, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    seen: dict[str, Where] = {}
    for key_node, value_node in node.value:
        key_where = _where(out.file, key_node.start_mark)
        if not isinstance(key_node, ScalarNode) or key_node.tag != _STR:
            problems.append(Problem(key_where, path, "tên khóa phải là chữ đơn giản."))
            continue
        key = str(key_node.value)
        if key == "<<":
            problems.append(Problem(key_where, path, "không dùng khóa gộp '<<' của YAML."))
            continue
        if key in seen:
            problems.append(
                Problem(
                    key_where,
                    (*path, key),
                    f"khóa '{key}' bị lặp; đã có ở dòng "
                    f"{seen[key].line}. Hãy giữ một khóa và xóa khóa kia.",
                )
            )
            continue
        seen[key] = key_where
        out.key_marks[(*path, key)] = key_where
        result[key] = _plain(value_node, (*path, key), out, problems)
    return result


def load_file(path: Path, display: str) -> Loaded:
    """Read and parse one data file; `display` is the path shown in messages."""
    return parse(decode(path.read_bytes(), display), display)
