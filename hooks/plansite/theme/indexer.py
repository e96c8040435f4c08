"""Build the search index after the site: Pagefind for the web, one script for `file://`.

Pages are collected as they are written (`add`, from the hook's `on_post_page`);
`finish` (from `on_post_build`) writes them out. Online, each page becomes a small
HTML document in a temporary folder and Pagefind's command line (`python -m pagefind`,
far faster at scale than its Python API) indexes that folder into `site/pagefind/`.
The site's own pages are left as the theme wrote them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.types import Site
from .search import (
    BUNDLE,
    FILTERS,
    OFFLINE_INDEX,
    Scopes,
    SearchPage,
    filter_values,
    offline_index,
    pagefind_document,
    search_page,
)

# Pagefind writes its ready-made interfaces too; the site uses only its search API.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    offline: bool

    @property
    def kind(self) -> str:
        return OFFLINE_INDEX if self.offline else "Pagefind"


@dataclass
class SearchIndexer:
    """Collects the searchable pages of one build and writes the index for them."""

    scopes: Scopes
    offline: bool = False
    pages: list[SearchPage] = field(default_factory=list)
    collecting: float = 0.0  # seconds spent taking pages' text for the index, during the build

    @classmethod
    def for_site(cls, site: Site, *, offline: bool) -> SearchIndexer:
        return cls(Scopes.of(site), offline)

    def add_page(
        self, page_html: str, url: str, path: str, title: str, meta: Mapping[str, Any]
    ) -> None:
        """Keep a built page for the index, unless its front matter says `search: exclude`.

        Listing pages are excluded so: they repeat every title and would crowd out the
        pages that hold the words.
        """
        excluded = meta.get("search")
        if isinstance(excluded, Mapping) and excluded.get("exclude"):
            return
        start = time.perf_counter()
        page = search_page(page_html, url, path, title, self.scopes)
        if page is not None:
            self.pages.append(page)
        self.collecting += time.perf_counter() - start

    def finish(self, site_dir: Path) -> IndexReport:
        """Write the index into `site_dir`; report how many pages and how long indexing took
        (writing it, and taking each page's text while the site was built)."""
        start = time.perf_counter() - self.collecting
        if self.offline:
            target = site_dir / OFFLINE_INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(offline_index(self.pages), encoding="utf-8", newline="\n")
        else:
            run_pagefind(self.pages, site_dir / BUNDLE)
            target = site_dir / FILTERS
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(filter_values(self.pages), encoding="utf-8", newline="\n")
        return IndexReport(len(self.pages), time.perf_counter() - start, self.offline)


def run_pagefind(pages: list[SearchPage], bundle: Path) -> None:
    """Index `pages` with Pagefind's command line into `bundle` (replaced if present)."""
    if bundle.exists():
        shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="plansite-search-") as folder:
        source = Path(folder)
        for page in pages:
            target = source / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pagefind_document(page), encoding="utf-8", newline="\n")
        command = [sys.executable, "-m", "pagefind", "--site", str(source)]
        command += ["--output-path", str(bundle.resolve()), "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise SearchIndexError(str(exc)) from None
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise SearchIndexError(
            "Pagefind không tạo được chỉ mục tìm kiếm (cài bằng `pip install pagefind[bin]`, "
            f"xem requirements.lock).\n{detail}"
        )
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
