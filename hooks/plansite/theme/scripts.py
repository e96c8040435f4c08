"""Every inline script of a page moved into a file, so the web server can forbid inline code.

A Content-Security-Policy with `script-src 'self'` and no `'unsafe-inline'` refuses to run
code that an injected value or a tampered page slips in, but it also refuses the theme's own
inline scripts (Material writes three per page, one of them different at each page depth).
Hashes in the policy would have to be rewritten per build; files need nothing. Each script's
text becomes a file named by its content's hash (`assets/javascripts/page-script.<hash>.js`),
so the same tree gives the same files and the name changes whenever the code does, which
lets the server cache these files for a year. Data blocks (`type="application/json"`, the
theme's `__config`) are not run by the browser and stay in the page.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SCRIPT_DIR = "assets/javascripts"
SCRIPT_PREFIX = "page-script."

# The tag name is a parameter: the pattern reads a raw-text element of HTML, not code.
_TAG = "script"
ELEMENT = re.compile(rf"<{_TAG}(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</{_TAG}\s*>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
# Types a browser runs (an absent or empty type is JavaScript); any other type is data.
EXECUTED = {"", "text/javascript", "application/javascript", "module"}


def runs_inline(attrs: str) -> bool:
    """True when a script element with these attributes and no `src` would run its text."""
    if SRC.search(attrs):
        return False
    found = TYPE.search(attrs)
    kind = next((g for g in found.groups() if g is not None), "") if found else ""
    return kind.strip().lower() in EXECUTED


def script_uri(body: str) -> str:
    """Where a script's text is written, relative to the site's root: named by its hash."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return f"{SCRIPT_DIR}/{SCRIPT_PREFIX}{digest}.js"


def page_root(url: str) -> str:
    """The site's root relative to a page at `url` ('' → '.', 'a/b/' → '../..').

    The same as MkDocs' `base_url` for a page, with or without directory URLs.
    """
    return "/".join([".."] * url.count("/")) or "."


def template_root(name: str, site_url: str | None, directory_urls: bool) -> str:
    """The site's root as MkDocs gives it to a theme template such as 404.html.

    With directory URLs the 404 page may be served at any depth, so its root is absolute.
    """
    if directory_urls:
        return urlsplit(site_url or "/").path
    return page_root(name)


@dataclass
class InlineScripts:
    """The scripts taken out of pages during a build, written once the build ends."""

    files: dict[str, str] = field(default_factory=dict)

    def move(self, html: str, root: str) -> str:
        """Replace each inline script of a page whose root is `root` by a file reference."""

        def replace(match: re.Match[str]) -> str:
            attrs, body = match["attrs"], match["body"]
            if not runs_inline(attrs):
                return match[0]
            uri = script_uri(body)
            self.files[uri] = body
            src = posixpath.join(root, uri).removeprefix("./")
            return f'<{_TAG}{attrs} src="{src}"></{_TAG}>'

        return ELEMENT.sub(replace, html)

    def write(self, site_dir: Path) -> int:
        """Write every moved script into the built site; returns how many files there are."""
        for uri, body in sorted(self.files.items()):
            path = site_dir / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            data = body.encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
        return len(self.files)
