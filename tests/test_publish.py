"""What the build leaves for the web server: no inline script, compressed copies, both exact."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from plansite.theme.compress import TEXT_SUFFIXES, brotli_quality, gzipped
from plansite.theme.scripts import InlineScripts, page_root, runs_inline, script_uri

SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)


def built(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("which", ["real", "sample"])
def test_no_page_keeps_a_script_that_runs_inline(
    which: str, real_site: Path, sample_site: Path
) -> None:
    site = real_site if which == "real" else sample_site
    moved = 0
    for path in built(site):
        html = path.read_text(encoding="utf-8")
        for match in SCRIPT.finditer(html):
            attrs = match["attrs"]
            assert not runs_inline(attrs), (path, match[0][:80])
            if attrs.startswith(' src="') and "page-script." in attrs:
                src = attrs.split('"')[1]
                file = site / src[1:] if src.startswith("/") else (path.parent / src).resolve()
                body = file.read_text(encoding="utf-8")
                assert script_uri(body).endswith(file.name), (path, src)
                moved += 1
        # The theme's settings are data (JSON), not code: they stay in the page.
        assert '<script id="__config" type="application/json">{' in html, path
    assert moved >= 3 * len(built(site))


def test_the_404_page_loads_its_scripts_from_the_root(real_site: Path) -> None:
    html = (real_site / "404.html").read_text(encoding="utf-8")
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert sources and all(s.startswith("/assets/") for s in sources), sources


def test_moving_scripts_keeps_data_files_and_order() -> None:
    page = (
        "<head><script>var a = 1;</script>"
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script>'
        '<script type="module">import "./m.js";</script></head>'
    )
    scripts = InlineScripts()
    out = scripts.move(page, "../..")
    first, second = script_uri("var a = 1;"), script_uri('import "./m.js";')
    assert out == (
        f'<head><script src="../../{first}"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script>'
        f'<script type="module" src="../../{second}"></script></head>'
    )
    assert scripts.move("<script>var a = 1;</script>", ".") == f'<script src="{first}"></script>'
    assert scripts.files == {first: "var a = 1;", second: 'import "./m.js";'}


@pytest.mark.parametrize(
    ("url", "root"), [("", "."), ("thuat-ngu/", ".."), ("a/b/c/", "../../.."), ("a/b.html", "..")]
)
def test_a_pages_root_is_as_mkdocs_gives_it(url: str, root: str) -> None:
    assert page_root(url) == root


def test_every_text_file_has_exact_brotli_and_gzip_copies(real_site: Path) -> None:
    texts = [p for p in real_site.rglob("*") if p.suffix in TEXT_SUFFIXES]
    kinds = {p.suffix for p in texts}
    assert {".html", ".css", ".js", ".json", ".csv", ".ics"} <= kinds
    assert real_site / "pagefind" / "pagefind-entry.json" in texts
    for path in texts:
        data = path.read_bytes()
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert gzip.decompress(packed) == data, path
        # No file name (FLG.FNAME) and a time of 0 in gzip's header: the same bytes each build.
        assert packed[3] & 0x08 == 0 and packed[4:8] == b"\0\0\0\0", path


def test_compressed_and_binary_files_get_no_copies(real_site: Path) -> None:
    for pattern in ("*.br.br", "*.gz.gz", "*.br.gz", "*.pf_fragment.*", "*.pagefind.*", "*.png.*"):
        assert not list(real_site.rglob(pattern)), pattern


def test_gzip_copies_are_reproducible() -> None:
    assert gzipped(b"abc" * 100) == gzipped(b"abc" * 100)


def test_best_compression_for_the_assets_every_visit_loads() -> None:
    assert brotli_quality("assets/javascripts/bundle.a5f9d56c.min.js") == 11
    assert brotli_quality("assets/stylesheets/plansite.css") == 11
    assert brotli_quality("assets/javascripts/lunr/min/lunr.vi.min.js") < 11
    assert brotli_quality("ke-hoach/index.html") < 11
