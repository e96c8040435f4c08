"""The search index: what each page gives it, and one definition of folding in Python and JS.

The browser checks (tests/browser/test_search.py) test what people see; these test the
pieces without a browser: the text taken from a page, the tokens that give Pagefind đ and
adjacency, that Pagefind stores exactly the text the offline index holds, and that
`plansite.text.fold` and the JavaScript fold agree.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plansite.text import fold
from plansite.theme.search import (
    TOKENS_MARK,
    Scopes,
    blocks_of,
    filter_token,
    offline_index,
    search_page,
    tokens,
)

from .conftest import ROOT, run_build

CORE = ROOT / "hooks" / "plansite" / "theme" / "assets" / "plansite-search-core.js"
PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"


def node(script: str, data: object) -> object:
    """Run `script` under Node with the search core as `core` and `data` as `input`."""
    if not shutil.which("node"):
        reason = "Node.js is not installed: the JavaScript side of search cannot be checked"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI installs it (.ci/run).")
        pytest.skip(reason)
    program = (
        f"const core = require({json.dumps(str(CORE))});"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        f"process.stdout.write(JSON.stringify(({script})(input)));"
    )
    result = subprocess.run(
        ["node", "-e", program], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def page_texts(site: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(site.rglob("*.html")):
        page = search_page(path.read_text("utf-8"), "", "", "", Scopes({}))
        if page:
            texts[path.relative_to(site).as_posix()] = page.text
    return texts


def fragments(site: Path) -> dict[str, dict[str, object]]:
    """Pagefind's stored pages (gzip, then a signature, then JSON), by URL."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{") :])
        found[data["url"]] = data
    return found


def test_blocks_leave_out_excluded_parts_and_heading_links() -> None:
    article = (
        '<h1 id="a">Sơ kết<a class="headerlink" href="#a">¶</a></h1>'
        '<div data-search-exclude="data-search-exclude"><p>trích <b>dẫn</b></p><div>x</div></div>'
        "<p>Đôn đốc, <em>kiểm tra</em> &amp; sơ kết</p><table><tr><td>Ô 1</td><td>Ô 2</td></tr>"
        "</table><h2>Mục</h2><script>var x = 1;</script><p>cuối</p>"
    )
    blocks = [(b.level, b.text) for b in blocks_of(article)]
    assert blocks == [
        (1, "Sơ kết"),
        (0, "Đôn đốc, kiểm tra & sơ kết"),
        (0, "Ô 1"),
        (0, "Ô 2"),
        (2, "Mục"),
        (0, "cuối"),
    ]


def test_tokens_fold_d_words_and_join_neighbours_within_a_sentence() -> None:
    assert tokens("Đôn đốc, sơ kết. Địa bàn") == [
        "don",
        "doc",
        "dondoc",
        "docso",
        "soket",
        "dia",
        "diaban",
    ]


def test_python_and_javascript_fold_and_tokens_agree(real_site: Path) -> None:
    # Latin letters with marks, Vietnamese included, in both cases. (Letters whose capital is
    # a letter plus a mark that cannot compose are left out: JavaScript keeps the mark, so
    # that a match found in the folded text is at the same place in the original.)
    letters = [chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]]
    capitals = "".join(c.upper() for c in letters if len(c.upper()) == 1)
    samples = [*page_texts(real_site).values(), "".join(letters), capitals, "Đ đ Ð ð ĐÔN ĐỐC"]
    js = node("xs => xs.map(x => [core.fold(x), core.tokens(x)])", samples)
    assert js == [[fold(s), tokens(s)] for s in samples]


def test_pagefind_holds_the_same_text_as_the_offline_index(real_site: Path) -> None:
    texts = {"/" + k.removesuffix("index.html"): v for k, v in page_texts(real_site).items()}
    stored = fragments(real_site)
    assert len(stored) >= 20
    for url, data in stored.items():
        content = str(data["content"])
        assert content[: content.rindex(TOKENS_MARK)].rstrip() == texts[url], url
        meta = data["meta"]
        assert isinstance(meta, dict) and meta["title"]
        if url.startswith(f"/{PLAN}/"):  # the plan's name, and its filter word in the tokens
            assert meta["plan"] and filter_token("ke-hoach", str(meta["plan"])) in content
    # Listing pages repeat every title: they are left out (front matter `search: exclude`).
    assert f"/{PLAN}/nhiem-vu/" not in stored and "/lich/" not in stored
    assert f"/{PLAN}/toan-van/" in stored


def test_the_site_ships_only_the_search_files_it_uses(real_site: Path) -> None:
    bundle = real_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not list(bundle.glob("*-ui.*")) and not (bundle / "pagefind-highlight.js").exists()
    assert not (real_site / "search" / "search_index.json").exists()


def test_results_show_data_as_words(tmp_path: Path) -> None:
    hostile = '<img src=x onerror="alert(1)"> <script>alert(2)</script> sơ kết'
    html = node("x => [core.marked(x, 'so ket'), core.excerpt(x, 'so ket', 40)]", hostile)
    assert isinstance(html, list)
    for shown in html:
        assert "<img" not in shown and "<script" not in shown
    assert "&lt;img" in html[0] and "<mark>sơ kết</mark>" in html[0]


def test_ranking_prefers_the_phrase_and_the_tone_marks_typed() -> None:
    records = [
        {"url": "/rai-rac/", "title": "A", "text": "số liệu, kết quả và sở tư pháp"},
        {"url": "/so-ket/", "title": "B", "text": "kiểm tra, sơ kết, đánh giá"},
        {"url": "/so-ket-luan/", "title": "C", "text": "số kết luận"},
    ]
    order = node(
        "rs => ['so ket', 'sơ kết', 'SƠ KẾT', 'số kết', 'so kết'].map("
        "q => core.rank(rs, q).map(r => r.url))",
        records,
    )
    assert isinstance(order, list)
    toneless, lower, upper, other, half = order
    assert toneless[-1] == "/rai-rac/"  # the syllables typed together beat scattered ones
    assert lower[0] == upper[0] == "/so-ket/"  # the tone marks typed, in any case
    assert other[0] == "/so-ket-luan/"
    assert half[0] == "/so-ket/" or half[0] == "/so-ket-luan/"


def test_offline_index_is_one_script_of_data(tmp_path: Path) -> None:
    site = tmp_path / "site"
    run_build(ROOT / "mkdocs.yml", site, {"OFFLINE": "true"})
    script = (site / "search" / "plansite-index.js").read_text("utf-8")
    prefix = "var plansiteSearchData = "
    assert script.startswith(prefix) and script.endswith(";\n")
    records = json.loads(script[len(prefix) : -2])
    assert {"u", "t", "p", "l", "x"} <= set(records[0])
    assert all(r["u"].endswith(".html") for r in records)
    assert not (site / "pagefind").exists()
    assert offline_index([]) == prefix + "[];\n"
