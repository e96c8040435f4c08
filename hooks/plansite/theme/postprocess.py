"""Small, guarded fixes to what the theme writes, and reproducibility helpers.

Each rewrite targets one known pattern of Material's output; the tests assert
the pattern is still there, so a theme upgrade that changes it fails loudly
instead of silently undoing the fix.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Material's header puts autocomplete="off" on checkbox toggles; the Nu HTML checker
# reports it as an error on every page (autocomplete is not allowed on checkboxes).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


# Material's search dialog has no accessible name (Lighthouse: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG[:-1] + ' aria-label="Tìm kiếm">'


# On pages kept out of the navigation, the table of contents' title is a <label> for a
# toggle (#__toc) that the theme does not render there: invalid HTML (Nu checker).
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'


def epoch(day: dt.date) -> int:
    """Seconds since 1970 at midnight UTC of `day`, for SOURCE_DATE_EPOCH."""
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp())


def clean_url(url: str) -> str:
    """Resolve '..' in a URL's path: edit links to data files climb out of docs/."""
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    return urlunsplit(parts._replace(path=path))


def finish_html(html: str) -> str:
    """Fix the theme's known validity and accessibility faults in one rendered page."""
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if TOC_LABEL in html and TOC_TOGGLE not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG)


def compact_search_index(site_dir: Path) -> None:
    """Rewrite the search index as UTF-8 instead of \\u escapes: half the bytes for Vietnamese.

    Every visitor's browser downloads this file on the first page it opens.
    """
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def finish_site(site_dir: Path, *, has_site_url: bool) -> None:
    """Compact the search index; drop outputs that need absolute URLs when there is no site_url."""
    compact_search_index(site_dir)
    if not has_site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / name).unlink(missing_ok=True)
