"""MkDocs' own warnings, said in Vietnamese where README.md already explains them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..errors import Problem, Where

_MISSING_LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target "
)
_MISSING_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but "
    r"(?:there is no such anchor|the doc '[^']+' does not contain an anchor)"
)
_SUGGESTION = re.compile(r"Did you mean '(?P<url>[^']+)'\?")
DIRTY = "A 'dirty' build is being performed"
_NOT_IN_NAV = re.compile(r"exist in the docs directory, but are not included in the \"nav\"")


def _line_of(docs_dir: Path, page: str, link: str) -> int:
    """The first line of a hand-written page that holds `link`, or 0."""
    path = docs_dir / page
    if not path.is_file():
        return 0
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        if f"]({link}" in line or f'"{link}"' in line:
            return number
    return 0


def _suggest(message: str) -> str:
    found = _SUGGESTION.search(message)
    return f"Có phải ý bạn là '{found['url']}'?" if found else ""


def _link_problem(
    found: re.Match[str], docs_dir: Path, docs_label: str, what: str, hint: str
) -> Problem:
    """A broken link of a hand-written page, at the line that holds it."""
    page, link = found["page"], found["link"]
    line = _line_of(docs_dir, page, link)
    return Problem(Where(f"{docs_label}/{page}", line, 1), (), f"liên kết '{link}' {what}", hint)


def translate(message: str, docs_dir: Path, docs_label: str = "docs") -> Problem:
    """One MkDocs warning as a located Vietnamese problem (the original kept when unknown)."""
    anchor = _MISSING_ANCHOR.search(message)
    if anchor:
        return _link_problem(
            anchor,
            docs_dir,
            docs_label,
            "trỏ tới một neo không có trong trang đích.",
            "Hãy sửa neo (phần sau dấu #) cho đúng tiêu đề hay đoạn của trang đích.",
        )
    missing = _MISSING_LINK.search(message)
    if missing:
        hint = _suggest(message) or "Hãy sửa đường dẫn, hoặc tạo trang đó."
        return _link_problem(missing, docs_dir, docs_label, "trỏ tới một trang không có.", hint)
    if _NOT_IN_NAV.search(message):
        pages = ", ".join(re.findall(r"-\s+(\S+)", message))
        return Problem(
            Where("plan_data/site.yml"),
            ("menu",),
            f"trang viết tay chưa có trong menu: {pages}.",
            "Hãy thêm trang vào khóa 'menu' của site.yml.",
        )
    return Problem(Where("mkdocs"), (), f"MkDocs cảnh báo: {' '.join(message.split())}")


class WarningLog(logging.Handler):
    """Collects the warnings MkDocs logs during one preview build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # Our own log lines, and MkDocs' notice that the preview builds only what changed.
        if record.name.startswith("mkdocs.plugins.plansite") or message.startswith(DIRTY):
            return
        self.messages.append(message)

    def problems(self, docs_dir: Path) -> list[Problem]:
        return [translate(message, docs_dir) for message in dict.fromkeys(self.messages)]
