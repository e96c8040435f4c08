"""The composition root: a project folder → every page's Markdown, the nav and the assets.

The MkDocs hook and `scripts/render.py` both call `generate`, so the two front ends
can never drift apart. A build passes through each stage once, in order:
data (read and check files) → model (build the `Site`) → pages and open data → here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data.docs import page_title, read_docs
from .data.files import read_files
from .data.parse import Loaded
from .errors import KeyPath, PlanDataError, Problem, Where, did_you_mean
from .model.build import build_site
from .model.types import Site
from .opendata import files as opendata
from .opendata.tables import SCHEMA_FILES, TABLES
from .pages.catalogue import all_pages
from .pages.markers import Expander
from .pages.nav import nav, not_in_nav
from .pages.renderer import Page, Renderer
from .paths import display
from .theme import offline, search


@dataclass(frozen=True)
class SiteOutput:
    """Everything a front end needs to publish the site."""

    site: Site
    generated: dict[str, Page]
    handwritten: dict[str, str]
    assets: dict[str, bytes]
    nav: list[Any]
    not_in_nav: list[str]
    theme_extra: dict[str, Any]
    """Settings our theme overrides read from `config.extra`."""


def generate(
    root: Path, docs_dir: Path, site_name: str, data_dir: Path | None = None
) -> SiteOutput:
    """Load, check and render a project; raise one `PlanDataError` listing every problem."""
    files, problems = read_files(data_dir or root / "plan_data", root)
    docs, problems_in_docs = read_docs(docs_dir, root)
    site = None
    if not problems:
        site, problems = build_site(files)
    if site is None:
        raise PlanDataError([*problems, *problems_in_docs])
    titles = {uri: page_title(text, uri) for uri, text in docs.items()}
    renderer = Renderer(site, site_name, titles, {"tables": TABLES, "schema_files": SCHEMA_FILES})
    generated = all_pages(renderer)
    expander = Expander(site, renderer)
    problems = [
        *problems_in_docs,
        *_clashes(docs, generated, docs_dir, root),
        *_missing_menu_pages(site, docs, files["site.yml"]),
        *expander.check(docs, lambda uri: display(docs_dir / uri, root)),
    ]
    if problems:
        raise PlanDataError(problems)
    handwritten = {uri: expander.expand(uri, text) for uri, text in docs.items()}
    entries = nav(site, {uri: page.title for uri, page in generated.items()} | titles, titles)
    hidden = not_in_nav(generated, entries)
    assets = opendata.files(site, site_name)
    assets.update(search.assets())
    assets.update(offline.assets(site, site_name))
    extra = {
        "plansite_sample": site.sample,
        "plansite_search": search.theme_extra(),
        "plansite_saved": offline.theme_extra(enabled=False),  # the hook turns it on
    }
    return SiteOutput(site, generated, handwritten, assets, entries, hidden, extra)


def _clashes(
    docs: dict[str, str], generated: dict[str, Page], docs_dir: Path, root: Path
) -> list[Problem]:
    return [
        Problem(
            Where(display(docs_dir / uri, root)),
            (),
            "trang viết tay trùng đường dẫn với một trang được tạo tự động từ dữ liệu.",
            "Hãy đổi tên tệp này.",
        )
        for uri in sorted(set(docs) & set(generated))
    ]


def _missing_menu_pages(site: Site, docs: dict[str, str], site_file: Loaded) -> list[Problem]:
    """Pages site.yml names (in `menu`, and the citizens' `guide`) that docs/ lacks."""
    named: list[tuple[KeyPath, str]] = [(("menu", i), page) for i, page in enumerate(site.menu)]
    if site.citizens and site.citizens.guide:
        named.append((("citizens", "guide"), site.citizens.guide))
    return [
        Problem(
            site_file.where(path),
            path,
            f"không có trang '{page}' trong thư mục docs/.",
            did_you_mean(page, sorted(docs)),
        )
        for path, page in named
        if page not in docs
    ]
