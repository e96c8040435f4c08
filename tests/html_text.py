"""What a reader sees on a built page: its title, headings, article text, links and code.

Tests of the rendered site read the HTML, not the Markdown the templates write: an
escape that went wrong shows only there (as a backslash, `!!! warning` or a code block).
Entities are unescaped once, as a browser does; the text of <script>, <style>,
<template> and <noscript>, of elements with the `hidden` attribute and of each heading's
"¶" permalink is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements without an end tag: never on the stack of open elements.
VOID = _names("area base br col embed hr img input link meta param source track wbr")
# Elements whose text a reader never sees.
UNSHOWN = _names("script style template noscript")
# Elements that break the text into lines, so that a marker which reached the reader is
# found at the start of its line, as the reader sees it.
BLOCK = _names(
    """address article aside blockquote br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section
    summary table tbody td tfoot th thead tr ul"""
)
HEADINGS = _names("h1 h2 h3 h4 h5 h6")
# Elements whose text is collected on its own: headings, links, code.
COLLECTED = HEADINGS | {"a", "pre", "code"}


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, as a browser shows running text."""
    return " ".join(text.split())


@dataclass
class Page:
    """The reader-visible parts of one built page."""

    path: str  # relative to the site root, e.g. "ke-hoach/x/index.html"
    html: str = field(repr=False)
    title: str = ""  # the document's <title>
    # The visible text inside <article>, one line per block element.
    article: str = field(default="", repr=False)
    articles: int = 0  # how many <article> elements the page has
    headings: list[tuple[str, str]] = field(default_factory=list)  # ("h1", text), anywhere
    # The text of each <a> inside <article>; "<pre> text" or "<code> text" anywhere; the
    # source of each <script>.
    links: list[str] = field(default_factory=list, repr=False)
    code: list[str] = field(default_factory=list, repr=False)
    scripts: list[str] = field(default_factory=list, repr=False)

    def headings_of(self, level: str) -> list[str]:
        """The text of each heading of `level` ("h1" … "h6")."""
        return [text for tag, text in self.headings if tag == level]

    def visible(self) -> str:
        """The text these tests check: title, headings and article, one block a line."""
        return "\n".join([self.title, *(text for _, text in self.headings), self.article])


@dataclass
class _Open:
    tag: str
    shown: bool  # False: neither this element nor anything inside it is shown
    text: list[str] | None = None  # collected text (headings, links, code)


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)  # entities are unescaped once, here
        self.page = page
        self.stack: list[_Open] = []
        self.title: list[str] = []
        self.article: list[str] = []
        self.script: list[str] | None = None

    def _inside(self, tag: str) -> bool:
        return any(o.tag == tag for o in self.stack)

    def _shown(self) -> bool:
        return all(o.shown for o in self.stack)

    def _break(self, tag: str) -> None:
        if tag in BLOCK and self._inside("article"):
            self.article.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        classes = (names.get("class") or "").split()
        self._break(tag)
        if tag in VOID:
            return
        if tag == "script":
            self.script = []
        if tag == "article":
            self.page.articles += 1
        shown = tag not in UNSHOWN and "hidden" not in names and "headerlink" not in classes
        self.stack.append(_Open(tag, shown, [] if tag in COLLECTED else None))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._inside(tag):
            return  # a stray end tag
        while self.stack:
            closed = self.stack.pop()
            self._close(closed)
            if closed.tag == tag:
                break

    def _close(self, closed: _Open) -> None:
        self._break(closed.tag)
        if closed.tag == "script" and self.script is not None:
            self.page.scripts.append("".join(self.script))
            self.script = None
        if closed.text is None:
            return
        text = normalise("".join(closed.text))
        if closed.tag in ("pre", "code"):
            self.page.code.append(f"<{closed.tag}> {text}")
        elif not (closed.shown and self._shown()):
            return
        elif closed.tag in HEADINGS:
            self.page.headings.append((closed.tag, text))
        elif closed.tag == "a" and self._inside("article"):
            self.page.links.append(text)

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.append(data)
        for o in self.stack:
            if o.tag in ("pre", "code") and o.text is not None:
                o.text.append(data)
        if not self._shown():
            return
        for o in self.stack:
            if o.text is not None and o.tag not in ("pre", "code"):
                o.text.append(data)
        if self._inside("title") and self._inside("head"):
            self.title.append(data)
        if self._inside("article"):
            self.article.append(data)

    def finish(self) -> None:
        self.close()
        while self.stack:
            self._close(self.stack.pop())
        self.page.title = normalise("".join(self.title))
        lines = (normalise(line) for line in "".join(self.article).split("\n"))
        self.page.article = "\n".join(line for line in lines if line)


def read_html(path: str, html: str) -> Page:
    """The visible parts of the HTML text of one page."""
    page = Page(path, html)
    reader = _Reader(page)
    reader.feed(html)
    reader.finish()
    return page


def read_site(site: Path) -> list[Page]:
    """Every HTML page of a built site, in path order."""
    return [
        read_html(p.relative_to(site).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    ]


def snippet(text: str, start: int, end: int, around: int = 40) -> str:
    """The text from `start` to `end`, marked ⟦…⟧, with some text either side, on one line."""
    before = text[max(0, start - around) : start]
    after = text[end : end + around]
    return normalise(f"…{before}⟦{text[start:end]}⟧{after}…")


def find_all(pattern: re.Pattern[str], text: str) -> list[str]:
    """A snippet for every match of `pattern` in `text`."""
    return [snippet(text, m.start(), m.end()) for m in pattern.finditer(text)]
