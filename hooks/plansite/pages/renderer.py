"""The renderer: one template + the model → one page of Markdown with its front matter.

Pure: no I/O and no clock. Which pages exist is `catalogue.py`'s business; this
module only knows how to render one page, one paginated list, or one fragment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ..model.index import Index
from ..model.types import Site
from ..text import excerpt, html_attr
from .environment import environment
from .listing import split


@dataclass(frozen=True)
class Page:
    """One generated page: its Markdown, title, and the data file it comes from."""

    markdown: str
    title: str
    source: str | None = None


# Listing pages repeat what task and entity pages say, so they stay out of the search
# index; so do the later pages of any listing.
UNSEARCHED = frozenset(
    {
        "tasks.md.j2",
        "calendar.md.j2",
        "recent.md.j2",
        "quotes.md.j2",
        "plans.md.j2",
        "documents.md.j2",
        "organisations.md.j2",
        "progress.md.j2",
        "plan_progress.md.j2",
    }
)


TOC_LIMIT = 40


def front_matter(
    title: str, description: str | None, hide_toc: bool = False, searchable: bool = True
) -> str:
    """YAML front matter with values escaped: Material prints page.meta unescaped.

    A page with very many headings hides the theme's table of contents, which the
    theme prints twice per page, so that page weight stays bounded.
    """
    meta: dict[str, Any] = {"title": html_attr(title)}
    if hide_toc:
        meta["hide"] = ["toc"]
    if not searchable:
        # Lists that repeat what task and entity pages say are left out of the search
        # index, which every visitor downloads on arrival.
        meta["search"] = {"exclude": True}
    if description:
        meta["description"] = html_attr(excerpt(description))
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{dumped}---\n\n"


class Renderer:
    """Renders every page type from one `Site`; no I/O, no clock."""

    def __init__(
        self,
        site: Site,
        site_name: str,
        docs_titles: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ):
        """`extra` is passed to every template as is (the open-data catalogue, for one)."""
        self.site = site
        self.index = Index(site)
        self.env = environment()
        self.site_name = site_name
        self.common: dict[str, Any] = {
            **(extra or {}),
            "site": site,
            "index": self.index,
            "site_name": site_name,
            "docs_titles": dict(docs_titles or {}),
        }

    def page(
        self,
        template: str,
        here: str,
        title: str,
        description: str | None,
        source: str | None,
        **context: Any,
    ) -> Page:
        body = self.env.get_template(template).render(
            here=here, title=title, **self.common, **context
        )
        headings = sum(1 for line in body.splitlines() if line.startswith("#"))
        pager = context.get("pager")
        searchable = template not in UNSEARCHED and (pager is None or pager.number == 1)
        meta = front_matter(title, description, headings > TOC_LIMIT, searchable)
        return Page(meta + body, title, source)

    def fragment(self, macro: str, here: str, *args: Any) -> str:
        """One macro of `_macros.md.j2`, for markers inside hand-written pages."""
        module = self.env.get_template("_macros.md.j2").make_module({"here": here, **self.common})
        return str(getattr(module, macro)(*args))

    def listing(
        self,
        template: str,
        base: str,
        title: str,
        description: str | None,
        source: str | None,
        items: Sequence[Any],
        **context: Any,
    ) -> dict[str, Page]:
        """A list split over pages: the first at `base`, the rest at base/trang-N."""
        pages = {}
        for uri, chunk, pager in split(items, base):
            heading = title if pager.number == 1 else f"{title} (trang {pager.number})"
            pages[uri] = self.page(
                template, uri, heading, description, source, items=chunk, pager=pager, **context
            )
        return pages
