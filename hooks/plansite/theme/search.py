"""Vietnamese search as people type it: tone marks and đ folded in the index and the query.

Material's search runs lunr in a web worker. We ship a small worker of our own
next to the theme's one (language files load relative to it). It folds each
query before the theme's worker sees it, then loads the theme's worker and adds
the same folding step to the pipeline lunr uses to index pages. Highlighting
uses token positions, so folded matches are still marked in the original text.

The theme's worker file name carries a content hash that changes between
releases, so it is found on disk, never written down here; if it cannot be
found, the build stops rather than silently losing folded search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

WORKERS = "assets/javascripts/workers"
ASSET = "plansite-search.js"
PLACEHOLDER = "__THEME_WORKER__"
THEME_WORKER = re.compile(r"^search\.[0-9a-f]{8}\.min\.js$")


class ThemeChanged(Exception):
    """Material's files are not where this integration expects them."""


@dataclass(frozen=True)
class Worker:
    theme_name: str
    name: str
    source: str

    @property
    def path(self) -> str:
        return f"{WORKERS}/{self.name}"


def theme_worker_name() -> str:
    """The file name of Material's search worker in the installed theme."""
    folder = resources.files("material").joinpath("templates", *WORKERS.split("/"))
    names = sorted(p.name for p in folder.iterdir() if THEME_WORKER.match(p.name))
    if len(names) != 1:
        raise ThemeChanged(
            f"Material's search worker was not found exactly once in {folder} (found {names}); "
            "folded Vietnamese search needs updating for this theme version."
        )
    return names[0]


def worker() -> Worker:
    """Our worker, named after the theme's so that a theme upgrade changes both."""
    theme = theme_worker_name()
    digest = theme.split(".")[1]
    source = resources.files(__package__).joinpath("assets", ASSET).read_text("utf-8")
    return Worker(theme, f"plansite-search.{digest}.js", source.replace(PLACEHOLDER, theme))
