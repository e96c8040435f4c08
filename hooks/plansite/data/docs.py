"""Read the hand-written Markdown pages of `docs/`, decoded like the data (UTF-8, NFC)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import PlanDataError, Problem
from ..paths import display
from .decode import decode

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+)\n(?:.*\n)*?---\n")


def page_title(markdown: str, fallback: str) -> str:
    """A hand-written page's title: its front-matter title, else its first H1."""
    for pattern in (_TITLE, _H1):
        match = pattern.search(markdown)
        if match:
            return match.group(1).strip().strip("\"'")
    return fallback


def read_docs(docs_dir: Path, root: Path) -> tuple[dict[str, str], list[Problem]]:
    """The hand-written Markdown pages of `docs_dir`, as NFC text, by src_uri."""
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        uri = path.relative_to(docs_dir).as_posix()
        try:
            pages[uri] = decode(path.read_bytes(), display(path, root))
        except PlanDataError as exc:
            problems += exc.problems
    return pages, problems
