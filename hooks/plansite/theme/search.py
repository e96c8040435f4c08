"""Vietnamese search at the size of a province: what each page gives the search index.

A built page becomes a `SearchPage`: its article's text as blocks, the parts marked
`data-search-exclude` (quotations and lists that repeat other pages) and heading
links left out, plus the plan it belongs to. From it come two indexes with one
definition of folding and ranking (`assets/plansite-search-core.js`):

- online, a small HTML document per page for Pagefind, which splits the index into
  chunks so that a visitor downloads only what a query needs (`indexer.py` runs it);
- offline (`file://`, where Pagefind cannot load), one script holding every page.

Pagefind folds tone marks but not đ, and it knows nothing of adjacency. So each
document ends with tokens: the page's đ-words folded ("dia" for "địa") and every
pair of neighbouring syllables folded and joined ("soket" for "sơ kết"). The search
page asks for the query's pairs too, then ranks the candidates in the browser.
`tokens` and `fold` (from `plansite.text`) mirror the JavaScript; a test checks
that both agree.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

from ..model.types import Site
from ..text import fold

CORE = "assets/javascripts/plansite-search-core.js"
UI = "assets/javascripts/plansite-search.js"
STYLESHEET = "assets/stylesheets/plansite-search.css"
ASSETS = (CORE, UI, STYLESHEET)
BUNDLE = "pagefind"
OFFLINE_INDEX = "search/plansite-index.js"
FILTERS = "search/plansite-filters.json"
TOKENS_MARK = "\u2042"
TITLE_TOKEN_WEIGHT = 5

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S)
_SKIP_TAGS = frozenset({"script", "style", "svg", "template", "button", "noscript", "form"})
_SKIP_ATTRS = re.compile(r"\bdata-search-exclude\b|\bclass=\"[^\"]*\bheaderlink\b")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset(
    (
        *_HEADINGS,
        *("address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div"),
        *("dl", "dt", "figcaption", "figure", "footer", "header", "hr", "li", "main", "nav"),
        *("ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "ul"),
    )
)
_SENTENCE_END = ".;:!?…"
_BREAK = re.compile(r"[.;:!?\n]")
_SYLLABLE = re.compile(r"[^\W_]+")
_ARTICLE = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>")
_PLAN_URL = re.compile(r"^ke-hoach/([a-z0-9-]+)/")


@dataclass(frozen=True)
class Block:
    """One block of a page's text; `level` is 1–6 for a heading, else 0."""

    level: int
    text: str

    @property
    def sentence(self) -> str:
        """The text ending in punctuation, as the index joins blocks."""
        return self.text if self.text.endswith(tuple(_SENTENCE_END)) else self.text + "."


@dataclass(frozen=True)
class SearchPage:
    """What the search knows of one page."""

    url: str
    """Relative to the site's root, as the site links it: "thuat-ngu/" (or "thuat-ngu.html")."""
    path: str
    """The built file, relative to the site's root: "thuat-ngu/index.html"."""
    title: str
    blocks: tuple[Block, ...]
    plan: str = ""
    level: str = ""

    @property
    def text(self) -> str:
        """The page's text as the index stores it: blocks joined, each ending a sentence."""
        return " ".join(block.sentence for block in self.blocks)


@dataclass(frozen=True)
class Scopes:
    """Which plan a page belongs to, from its address (`ke-hoach/<plan-id>/...`)."""

    plans: Mapping[str, tuple[str, str]]

    @classmethod
    def of(cls, site: Site) -> Scopes:
        return cls({p.id: (p.short_title, p.level_name if p.level else "") for p in site.plans})

    def plan_of(self, url: str) -> tuple[str, str]:
        match = _PLAN_URL.match(url)
        return self.plans.get(match.group(1), ("", "")) if match else ("", "")


def _tags(markup: str) -> Iterator[tuple[str, str, bool, str]]:
    """(text before the tag, tag name, is-closing, attributes) for each tag; comments dropped."""
    at = 0
    for match in _TAG.finditer(markup):
        closing, name, attrs = match.groups()
        yield markup[at : match.start()], (name or "").lower(), bool(closing), attrs or ""
        at = match.end()
    yield markup[at:], "", False, ""


def blocks_of(article: str) -> list[Block]:
    """The text of an article's HTML as blocks, leaving out excluded parts and heading links."""
    blocks: list[Block] = []
    stack: list[str] = []
    skip_from: int | None = None
    heading = 0
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join(html.unescape("".join(buffer)).split())
        if text:
            blocks.append(Block(heading, text))
        buffer.clear()

    for text, name, closing, attrs in _tags(article):
        if skip_from is None:
            buffer.append(text)
        if not name:
            continue
        if name in _BLOCKS:
            flush()
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
                if skip_from is not None and len(stack) < skip_from:
                    skip_from = None
            if name in _HEADINGS:
                heading = 0
        elif name not in _VOID and not attrs.rstrip().endswith("/"):
            stack.append(name)
            if skip_from is None and (name in _SKIP_TAGS or _SKIP_ATTRS.search(attrs)):
                skip_from = len(stack)
            if skip_from is None and name in _HEADINGS:
                heading = int(name[1])
    flush()
    return blocks


def search_page(
    page_html: str, url: str, path: str, fallback_title: str, scopes: Scopes
) -> SearchPage | None:
    """A built page as the search sees it, or None if it has no article."""
    start = _ARTICLE.search(page_html)
    end = page_html.rfind("</article>")
    if not start or end < start.end():
        return None
    blocks = blocks_of(page_html[start.end() : end])
    title = next((b.text for b in blocks if b.level == 1), fallback_title)
    plan, level = scopes.plan_of(url)
    return SearchPage(url, path, title, tuple(blocks), plan, level)


def tokens(text: str) -> list[str]:
    """The đ-words folded and the folded pairs of neighbouring syllables, in order of first use.

    Mirrors `tokens` in plansite-search-core.js.
    """
    seen: dict[str, None] = {}
    for sentence in _BREAK.split(unicodedata.normalize("NFC", text)):
        words = _SYLLABLE.findall(sentence.lower())
        folded = [fold(w) for w in words]
        for i, word in enumerate(words):
            if "đ" in word:
                seen[folded[i]] = None
            if i:
                seen[folded[i - 1] + folded[i]] = None
    return list(seen)


def filter_token(kind: str, value: str) -> str:
    """The word that stands for a filter value in the index (letters only, fixed length).

    Pagefind 1.5.2 writes its own filters in an order that changes from run to run (fixed
    after that release), which would break reproducible builds. A filter is therefore one
    more word of the query: "zz..." is on every page of that plan or level, and nowhere else.
    """
    digest = hashlib.sha256(f"{kind}\n{value}".encode()).hexdigest()[:12]
    return "zz" + "".join(chr(ord("a") + int(c, 16)) for c in digest)


def pagefind_document(page: SearchPage) -> str:
    """The HTML Pagefind indexes for a page: its text, then the tokens, then its metadata."""
    e = html.escape
    body = [
        f"<h{b.level}>{e(b.sentence)}</h{b.level}>" if b.level else f"<p>{e(b.sentence)}</p>"
        for b in page.blocks
    ]
    scope = [filter_token(k, v) for k, v in (("cap", page.level), ("ke-hoach", page.plan)) if v]
    body += [
        f"<p>{TOKENS_MARK}</p>",
        f'<p data-pagefind-weight="{TITLE_TOKEN_WEIGHT}">{" ".join(tokens(page.title))}</p>',
        f"<p>{' '.join([*tokens(page.text), *scope])}</p>",
    ]
    meta = [f'<p data-pagefind-meta="title">{e(page.title)}</p>']
    if page.plan:
        meta.append(f'<p data-pagefind-meta="plan">{e(page.plan)}</p>')
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{e(page.title)}</title></head><body><main data-pagefind-body>"
        + "\n".join(body)
        + "</main>\n"
        + "\n".join(meta)
        + "</body></html>\n"
    )


def offline_index(pages: Iterable[SearchPage]) -> str:
    """Every page for the offline copy, as one script that hands the data to the search."""
    records = [
        {"u": p.url, "t": p.title, "p": p.plan, "l": p.level, "x": p.text}
        for p in sorted(pages, key=lambda p: p.path)
    ]
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    return f"var plansiteSearchData = {data};\n"


def filter_values(pages: Iterable[SearchPage]) -> str:
    """The levels and plans a search can be narrowed to: pages each, and the word to ask for."""
    values: dict[str, dict[str, dict[str, int | str]]] = {"cap": {}, "ke-hoach": {}}
    for page in pages:
        for name, value in (("cap", page.level), ("ke-hoach", page.plan)):
            if value:
                entry = values[name].setdefault(value, {"n": 0, "t": filter_token(name, value)})
                entry["n"] = int(entry["n"]) + 1
    ordered = {name: dict(sorted(found.items())) for name, found in values.items()}
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")) + "\n"


def assets() -> dict[str, bytes]:
    """The search's scripts and stylesheet, at the paths the site serves them from."""
    folder = resources.files(__package__).joinpath("assets")
    return {path: folder.joinpath(path.rsplit("/", 1)[1]).read_bytes() for path in ASSETS}


def theme_extra() -> dict[str, str]:
    """What the theme's templates need to know to load the search (`config.extra`)."""
    return {
        "core": CORE,
        "ui": UI,
        "stylesheet": STYLESHEET,
        "bundle": f"{BUNDLE}/pagefind.js",
        "offline_index": OFFLINE_INDEX,
        "filters": FILTERS,
    }
