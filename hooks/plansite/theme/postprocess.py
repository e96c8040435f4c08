"""Small, guarded fixes to what the theme writes, and reproducibility helpers.

Each rewrite targets one known pattern of Material's output; the tests assert
the pattern is still there, so a theme upgrade that changes it fails loudly
instead of silently undoing the fix.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .tables import stack_wide_tables

# Material's header puts autocomplete="off" on checkbox toggles; the Nu HTML checker
# reports it as an error on every page (autocomplete is not allowed on checkboxes).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


# On pages kept out of the navigation, the table of contents' title is a <label> for a
# toggle (#__toc) that the theme does not render there: invalid HTML (Nu checker).
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'


def epoch(day: dt.date) -> int:
    """Seconds since 1970 at midnight UTC of `day`, for SOURCE_DATE_EPOCH."""
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp())


def pin_epoch(day: dt.date) -> None:
    """Reproducible output: dates in MkDocs' own files come from the data, not the clock.

    A SOURCE_DATE_EPOCH set by whoever runs the build is respected.
    """
    if "SOURCE_DATE_EPOCH" not in os.environ or os.environ.get("PLANSITE_SET_EPOCH"):
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch(day))
        os.environ["PLANSITE_SET_EPOCH"] = "1"


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
    html = stack_wide_tables(html)
    return html


def finish_site(site_dir: Path, *, has_site_url: bool) -> None:
    """Drop outputs that need absolute URLs when there is no site_url."""
    if not has_site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / name).unlink(missing_ok=True)
