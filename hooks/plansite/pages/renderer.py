"""The renderer: one template + the model → one page of Markdown with its front matter.

Pure: no I/O and no clock. Which pages exist is `catalogue.py`'s business; this
module only knows how to render one page, one paginated list, or one fragment.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..model.index import Index
from ..model.types import Site
from ..text import excerpt, html_attr
from .environment import environment
from .listing import PAGE_SIZE, split


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
        "offline.md.j2",
    }
)


TOC_LIMIT = 40


def front_matter(
    title: str | None, description: str | None, hide_toc: bool = False, searchable: bool = True
) -> str:
    """YAML front matter with values escaped: Material prints page.meta unescaped.

    A page with very many headings hides the theme's table of contents, which the
    theme prints twice per page, so that page weight stays bounded.
    """
    # Written by hand, not by a YAML library: thousands of pages each need four keys, and
    # a JSON string is a valid YAML double-quoted scalar. Keys stay in alphabetical order.
    lines = ["---"]
    if description:
        summary = excerpt(description)
        lines.append(f"description: {_quoted(summary[:1].upper() + summary[1:])}")
    if hide_toc:
        lines.append("hide:\n- toc")
    if not searchable:
        # Lists that repeat what task and entity pages say are left out of the search index.
        lines.append("search:\n  exclude: true")
    if title:  # The home page has none: the theme then shows the site's name once.
        lines.append(f"title: {_quoted(title)}")
    return "\n".join(lines) + "\n---\n\n"


def _quoted(value: str) -> str:
    return json.dumps(html_attr(value), ensure_ascii=False)


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
        meta_title = None if here == urls.HOME else title
        meta = front_matter(meta_title, description, headings > TOC_LIMIT, searchable)
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
        size: int = PAGE_SIZE,
        **context: Any,
    ) -> dict[str, Page]:
        """A list split over pages of `size`: the first at `base`, the rest at base/trang-N."""
        pages = {}
        for uri, chunk, pager in split(items, base, size):
            heading = title if pager.number == 1 else f"{title} (trang {pager.number})"
            pages[uri] = self.page(
                template, uri, heading, description, source, items=chunk, pager=pager, **context
            )
        return pages
