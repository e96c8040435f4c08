"""Small, guarded fixes to what the theme writes, and reproducibility helpers.

Each rewrite targets one known pattern of Material's output; the tests assert
the pattern is still there, so a theme upgrade that changes it fails loudly
instead of silently undoing the fix.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Material's header puts autocomplete="off" on checkbox toggles; the Nu HTML checker
# reports it as an error on every page (autocomplete is not allowed on checkboxes).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def epoch(day: dt.date) -> int:
    """Seconds since 1970 at midnight UTC of `day`, for SOURCE_DATE_EPOCH."""
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp())


def clean_url(url: str) -> str:
    """Resolve '..' in a URL's path: edit links to data files climb out of docs/."""
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    return urlunsplit(parts._replace(path=path))


def finish_html(html: str) -> str:
    """Fix the theme's known HTML validity errors in one rendered page."""
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def finish_site(site_dir: Path, *, has_site_url: bool) -> None:
    """Drop outputs that need absolute URLs when no site_url is configured."""
    if not has_site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / name).unlink(missing_ok=True)
