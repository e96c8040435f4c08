"""What the reader gets: the built HTML, not the Markdown the templates write.

Templates write Markdown through a value escaper and the golden tests compare that
Markdown, so an escape that turned into visible text (an admonition marker shown as
`\\!\\!\\! warning`, a notice shown as a code block full of `\\(`) passed them all. These
tests read every built page of the real site, the sample site and a small synthetic
project as a reader sees it (tests/html_text.py), and fail on any Markdown or template
syntax, backslash escape or twice-escaped entity that reached the reader, listing every
page and snippet. The escape fixture (tests/fixtures/escapes/) then puts one value holding
every character the escaper handles into each kind of field and checks it is shown
exactly as written, and never becomes markup.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from synthetic import write_corpus

from plansite import urls
from plansite.model.site import load_site
from plansite.text import md_inline

from .conftest import FIXTURES, copy_project, run_build
from .html_text import Page, find_all, read_html, read_site

SITES = [
    pytest.param("real_site", id="real"),
    pytest.param("sample_site", id="sample"),
    pytest.param("synthetic_site", id="synthetic"),
]
ALL_SITES = [*SITES, pytest.param("escapes_site", id="escapes")]
# The only page that may show code: the open-data page documents field names and formats.
OPEN_DATA = urls.OPEN_DATA.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Check:
    """Something that must never reach the reader's text, and a line of text showing it."""

    id: str
    what: str
    pattern: re.Pattern[str]
    example: str  # text the check must flag
    fine: str  # text the check must leave alone


TEXT_CHECKS = [
    Check(
        "admonition",
        "an admonition marker (!!! / ???)",
        # A line that starts with a marker, or a marker followed by a type anywhere.
        re.compile(r"(?m)^[ \t]*(?:!!!|\?\?\?)|(?:!!!|\?\?\?)\+?[ \t]+[a-z][a-z-]*\b"),
        'Dữ liệu cập nhật đến 30/11/2026\n??? warning "Thay đổi"',
        "Cấm đổ rác! Thật sao?",
    ),
    Check(
        "backslash",
        "a backslash escape (a backslash before ASCII punctuation)",
        re.compile(r"\\[!-/:-@\[-`{-~]"),
        r"như kế hoạch \(ban hành sau ngày 22/02/2023\)",
        r"C:\ thư mục",
    ),
    Check("bold", "Markdown emphasis (**)", re.compile(r"\*\*"), "**Tổng**", "a * b"),
    Check("link", "Markdown link syntax (](…)", re.compile(r"\]\("), "[a](b)", "[a] (b)"),
    Check(
        "attr-list",
        "an attribute list ({: …} or { .class })",
        re.compile(r"\{[ \t]*:|\{[ \t]*\.[A-Za-z][\w-]*[ \t]*\}"),
        "Tiêu đề { : #i-1 }",
        '{"sample": ..., "items": [...]}',
    ),
    Check(
        "table-rule",
        "a Markdown table rule (|--- or --- |)",
        re.compile(r"\|[ \t]*:?-{3,}|-{3,}:?[ \t]*\|"),
        "| --- | ---: |",
        "a|b -- c",
    ),
    Check(
        "template",
        "template syntax ({{ }} {% %} {#)",
        re.compile(r"\{\{|\}\}|\{%|%\}|\{#"),
        "{{ n.title }}",
        "{x} 50%",
    ),
]
# In the raw HTML: an entity escaped twice shows to the reader as "&lt;".
TWICE_ESCAPED = re.compile(r"&amp;(?:lt|gt|amp|quot|apos|#)")


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic project (three plans at three levels, 24 tasks) and a notice."""
    root = tmp_path_factory.mktemp("synthetic-rendered")
    write_corpus(root, 24, per_plan=8)
    with (root / "plan_data" / "site.yml").open("a", encoding="utf-8") as site_yml:
        site_yml.write(
            "notices:\n"
            "  - id: thong-bao-mau\n"
            '    date: "2025-06-01"\n'
            '    title: "Thông báo mẫu (tổng hợp) ngày 01/6/2025"\n'
            '    text: "Dữ liệu mẫu (không phải văn bản thật): tên cơ quan giữ như kế hoạch."\n'
            '    source: "Dữ liệu mẫu tổng hợp, tạo bởi scripts/synthetic.py"\n'
        )
    run_build(root / "mkdocs.yml", root / "site")
    return root / "site"


@cache
def pages_of(site: Path) -> tuple[Page, ...]:
    return tuple(read_site(site))


def site_pages(request: pytest.FixtureRequest, fixture: str) -> tuple[Page, ...]:
    site = request.getfixturevalue(fixture)
    assert isinstance(site, Path)
    return pages_of(site)


def report(what: str, found: dict[str, list[str]]) -> str:
    """Every page and every snippet, not only the first."""
    count = sum(len(v) for v in found.values())
    lines = [f"{count} time(s) on {len(found)} page(s), the reader sees {what}:"]
    for path, snippets in found.items():
        lines.append(f"  {path}")
        lines += [f"      {s}" for s in snippets]
    return "\n".join(lines)


def fail_on(what: str, found: dict[str, list[str]]) -> None:
    found = {path: snippets for path, snippets in found.items() if snippets}
    if found:
        pytest.fail(report(what, found), pytrace=False)


# The checks themselves ----------------------------------------------------------------


@pytest.mark.parametrize("check", TEXT_CHECKS, ids=lambda c: c.id)
def test_each_check_flags_its_example_and_spares_plain_text(check: Check) -> None:
    assert check.pattern.search(check.example), check.example
    assert not check.pattern.search(check.fine), check.fine


def test_the_reader_text_is_what_a_browser_shows() -> None:
    page = read_html(
        "x.html",
        "<html><head><title>A &amp;amp; B</title><style>p{}</style></head><body>"
        '<div hidden><h2>hidden</h2></div><nav>menu</nav><article><h1 id="t">Title'
        '<a class="headerlink" href="#t">¶</a></h1><p>!!! warning "x"</p><br>'
        "<p>a &lt;b&gt; <a href='y'>link</a></p><script>var s = '{{';</script>"
        "<pre><code>code</code></pre><svg><title>chart</title></svg></article></body></html>",
    )
    assert page.title == "A &amp; B"
    assert page.headings == [("h1", "Title")]
    assert page.article.splitlines() == ["Title", '!!! warning "x"', "a <b> link", "code", "chart"]
    assert page.links == ["link"]
    assert page.code == ["<code> code", "<pre> code"]
    assert page.scripts == ["var s = '{{';"]
    assert page.articles == 1


# Every page of the real, sample and synthetic sites ----------------------------------


@pytest.mark.parametrize("fixture", ALL_SITES)
def test_every_page_has_one_article_with_text(fixture: str, request: pytest.FixtureRequest) -> None:
    pages = site_pages(request, fixture)
    assert len(pages) > 10
    fail_on(
        "a page without exactly one <article> with text and a <title>",
        {
            p.path: [f"{p.articles} article(s), title {p.title!r}"]
            for p in pages
            if p.articles != 1 or not p.article or not p.title
        },
    )


@pytest.mark.parametrize("check", TEXT_CHECKS, ids=lambda c: c.id)
@pytest.mark.parametrize("fixture", SITES)
def test_no_markdown_reaches_the_reader(
    fixture: str, check: Check, request: pytest.FixtureRequest
) -> None:
    pages = site_pages(request, fixture)
    fail_on(check.what, {p.path: find_all(check.pattern, p.visible()) for p in pages})


@pytest.mark.parametrize("fixture", ALL_SITES)
def test_no_entity_is_escaped_twice(fixture: str, request: pytest.FixtureRequest) -> None:
    pages = site_pages(request, fixture)
    fail_on(
        "an entity escaped twice (&amp;lt; …) in the HTML",
        {p.path: find_all(TWICE_ESCAPED, p.html) for p in pages},
    )


@pytest.mark.parametrize("fixture", ALL_SITES)
def test_no_code_block_outside_the_open_data_page(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    pages = site_pages(request, fixture)
    assert any(p.path == OPEN_DATA for p in pages), f"no {OPEN_DATA}: is the exception stale?"
    fail_on(
        f"a code element (<pre>/<code>) outside {OPEN_DATA}",
        {p.path: [c[:160] for c in p.code] for p in pages if p.path != OPEN_DATA},
    )


# The escape fixture: one value with every character the escaper handles ------------------

ESCAPES = FIXTURES / "escapes"
CORE = (
    "# *đậm* _nghiêng_ [a](b) #1 !!! a|b \\ <script>x</script> & \"trích\" 'đơn' `mã` {: .x } a=b"
)
# One value a field, each the core value and a word naming the field, so that a page showing
# one of them correctly cannot hide another shown wrongly. Each is at most 100 characters:
# no list on any page shortens it.
NOTICE_TITLE = CORE + " — tiêu đề"
NOTICE_TEXT = CORE + " — lời"
ORG_NAME = CORE + " — cơ quan"
TASK_TITLE = CORE + " — nhiệm vụ"
NOTE = CORE + " — ghi chú"
VALUES = (NOTICE_TITLE, NOTICE_TEXT, ORG_NAME, TASK_TITLE, NOTE)

HOME = "index.html"
PLAN = "ke-hoach/ky-tu/index.html"
ABOUT = "ve-trang-nay/index.html"  # a hand-written page with <!-- plan:notices -->
ORG = "co-quan/co-quan-ky-tu/index.html"
TASK = "ke-hoach/ky-tu/nhiem-vu/nhiem-vu-ky-tu/index.html"
# HTML that a value would make if any of its characters reached Markdown or HTML as syntax.
MARKUP = ("<script>x", "<em>đậm", "<em>nghiêng", 'href="b"', "<code>mã", 'class="x"')


@pytest.fixture(scope="module")
def escapes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(ESCAPES, tmp_path_factory.mktemp("escapes") / "project")
    run_build(root / "mkdocs.yml", root / "site")
    return root / "site"


@pytest.fixture
def escapes(escapes_site: Path) -> dict[str, Page]:
    """The escape fixture's pages by path."""
    return {p.path: p for p in pages_of(escapes_site)}


def test_escape_fixture_holds_every_character_the_escaper_handles() -> None:
    escaped = {c for c in string.punctuation if md_inline(f"a{c}a") != f"a{c}a"}
    starting = {c for c in string.punctuation if md_inline(f"{c} a") != f"{c} a"}
    assert escaped <= set(CORE), escaped - set(CORE)
    assert CORE[0] in starting - escaped  # escaped only where it starts a line
    assert all(len(v) <= 100 for v in VALUES)
    site = load_site(ESCAPES / "plan_data", ESCAPES)
    (notice,) = site.notices
    (plan,) = site.plans
    (task,) = plan.tasks
    assert (notice.title, notice.text) == (NOTICE_TITLE, NOTICE_TEXT)
    org = site.organisation("co-quan-ky-tu")
    assert org and org.name == ORG_NAME
    assert (task.title, task.lead) == (TASK_TITLE, "co-quan-ky-tu")
    assert [u.note for u in task.updates] == [NOTE]


def shows(pages: dict[str, Page], path: str) -> str:
    """The page's visible text, one block a line, after checking the page exists."""
    assert path in pages, f"{path} was not built"
    return pages[path].visible()


NOTICE_PAGES = [
    pytest.param(HOME, id="home"),
    pytest.param(PLAN, id="plan"),
    pytest.param(ABOUT, id="ve-trang-nay"),
]


@pytest.mark.parametrize("path", NOTICE_PAGES)
def test_escape_notice_title_is_shown_as_written(escapes: dict[str, Page], path: str) -> None:
    """The title is a block of its own whose text is the title, nothing before or after it
    (not `!!! warning "…"`)."""
    lines = shows(escapes, path).splitlines()
    assert NOTICE_TITLE in lines, f"no line of {path} is the notice title:\n" + "\n".join(
        line for line in lines if "đậm" in line
    )


@pytest.mark.parametrize("path", NOTICE_PAGES)
def test_escape_notice_text_is_shown_as_written(escapes: dict[str, Page], path: str) -> None:
    text = shows(escapes, path)
    assert NOTICE_TEXT in text, f"{path} does not show the notice text; it shows:\n" + "\n".join(
        line for line in text.splitlines() if "đậm" in line
    )


def test_escape_organisation_name_is_shown_as_written(escapes: dict[str, Page]) -> None:
    org = escapes[ORG]
    assert org.headings_of("h1") == [ORG_NAME], org.headings
    assert org.title.startswith(ORG_NAME), org.title
    assert ORG_NAME in escapes[TASK].links, escapes[TASK].links


def test_escape_task_title_and_note_are_shown_as_written(escapes: dict[str, Page]) -> None:
    task = escapes[TASK]
    (h1,) = task.headings_of("h1")
    assert TASK_TITLE in h1, h1
    assert TASK_TITLE in task.title, task.title
    assert NOTE in shows(escapes, TASK), task.article


def test_escape_values_never_become_markup(escapes: dict[str, Page]) -> None:
    found = {
        path: [m for m in MARKUP if m in page.html]
        + [f"<script>{s}</script>" for s in page.scripts if s.strip() == "x"]
        for path, page in escapes.items()
    }
    fail_on("markup made from a value (its characters taken as syntax)", found)


@pytest.mark.parametrize("check", TEXT_CHECKS, ids=lambda c: c.id)
def test_escape_values_leave_no_markdown_elsewhere(escapes: dict[str, Page], check: Check) -> None:
    """Wherever a value shows, it shows whole: take the exact values out of every page and
    nothing Markdown-like may be left (a value shown half escaped leaves its pieces)."""
    found = {}
    for path, page in escapes.items():
        text = page.visible()
        for value in VALUES:
            text = text.replace(value, "⟨giá trị⟩")
        found[path] = find_all(check.pattern, text)
    fail_on(check.what, found)
