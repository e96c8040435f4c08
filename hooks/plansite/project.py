"""One call for both front ends: a project folder → every page's Markdown and the nav.

The MkDocs hook and `scripts/render.py` both use `generate`, so the two can
never drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import exports, search
from .errors import PlanDataError, Problem, Where, did_you_mean
from .load import decode, load_file
from .markers import Expander
from .model import Site
from .pipeline import load_site
from .render import Page, Renderer, nav, not_in_nav

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+)\n(?:.*\n)*?---\n")


@dataclass(frozen=True)
class Output:
    """Everything a front end needs to publish the site."""

    site: Site
    generated: dict[str, Page]
    handwritten: dict[str, str]
    assets: dict[str, bytes]
    nav: list[Any]
    not_in_nav: list[str]

    @property
    def theme_extra(self) -> dict[str, Any]:
        """Settings our theme overrides read from `config.extra`."""
        ours = search.worker()
        return {
            "plansite_sample": self.site.sample,
            "plansite_search_worker": {"theme": ours.theme_name, "ours": ours.name},
        }


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
            pages[uri] = decode(path.read_bytes(), _display(path, root))
        except PlanDataError as exc:
            problems += exc.problems
    return pages, problems


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def generate(root: Path, docs_dir: Path, site_name: str, data_dir: Path | None = None) -> Output:
    """Load, check and render a project; raise one `PlanDataError` listing every problem."""
    data_dir = data_dir or root / "plan_data"
    problems: list[Problem] = []
    try:
        site = load_site(data_dir, root)
    except PlanDataError as exc:
        site = None
        problems += exc.problems
    docs, found = read_docs(docs_dir, root)
    problems += found
    if site is None:
        raise PlanDataError(problems)
    titles = {uri: page_title(text, uri) for uri, text in docs.items()}
    renderer = Renderer(site, site_name, titles)
    generated = renderer.pages()

    def display(uri: str) -> str:
        return _display(docs_dir / uri, root)

    for uri in sorted(set(docs) & set(generated)):
        problems.append(
            Problem(
                Where(display(uri)),
                (),
                "trang viết tay trùng đường dẫn với một trang được tạo tự động từ dữ liệu.",
                "Hãy đổi tên tệp này.",
            )
        )
    missing = [(i, page) for i, page in enumerate(site.menu) if page not in docs]
    if missing:
        site_file = load_file(data_dir / "site.yml", _display(data_dir / "site.yml", root))
        for i, page in missing:
            problems.append(
                Problem(
                    site_file.where(("menu", i)),
                    ("menu", i),
                    f"không có trang '{page}' trong thư mục docs/.",
                    did_you_mean(page, sorted(docs)),
                )
            )
    expander = Expander(site, renderer)
    problems += expander.check(docs, display)
    if problems:
        raise PlanDataError(problems)
    handwritten = {uri: expander.expand(uri, text) for uri, text in docs.items()}
    entries = nav(site, titles)
    assets = exports.files(site, site_name)
    ours = search.worker()
    assets[ours.path] = ours.source.encode("utf-8")
    return Output(site, generated, handwritten, assets, entries, not_in_nav(generated, entries))
