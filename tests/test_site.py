"""The built site: strict build, verbatim text, no outside requests, reproducible bytes."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from html import unescape
from pathlib import Path

from plansite.theme.postprocess import finish_html
from plansite.theme.scripts import InlineScripts, page_root

from .conftest import FIXTURES, ROOT, copy_project, run_build, without_worker

SOURCE = ROOT.parent / "shared" / "source" / "000_b69a159fc8a26ca9.txt"
PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"


def text_of(html: str) -> str:
    """Visible text of an HTML page's article, tags dropped, whitespace folded."""
    article = html[html.index("<article") : html.index("</article>")]
    article = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", article)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def source_paragraphs() -> list[str]:
    """The source text's paragraphs, the page-break split joined back into one."""
    if SOURCE.is_file():
        text = SOURCE.read_text(encoding="utf-8")
    else:  # CI lays shared/ beside the clone; keep a copy for machines without it
        text = (FIXTURES / "source.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    joined: list[str] = []
    for p in paragraphs:
        if joined and p[0].islower():
            joined[-1] += " " + p
        else:
            joined.append(p)
    return [unicodedata.normalize("NFC", p) for p in joined]


def test_every_source_paragraph_is_on_the_site_verbatim_in_order(real_site: Path) -> None:
    page = text_of((real_site / PLAN / "toan-van" / "index.html").read_text(encoding="utf-8"))
    paragraphs = source_paragraphs()
    assert len(paragraphs) == 20
    position = 0
    for paragraph in paragraphs:
        found = page.find(paragraph, position)
        assert found >= 0, f"missing or out of order: {paragraph[:60]}"
        position = found + len(paragraph)


def test_numbering_is_text_not_html_list_numbering(real_site: Path) -> None:
    html = (real_site / PLAN / "toan-van" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "<ol" not in article
    assert '<h2 id="i">I. MỤC ĐÍCH, YÊU CẦU' in article
    assert '<h3 id="i-2">2. Yêu cầu' in article
    assert '<p class="khoi-van" id="i-2-g6">- Căn cứ Kế hoạch này' in article
    assert '<p class="khoi-van" id="ii-1-g1">- Tuyên truyền' in article


def test_the_end_of_the_available_text_is_marked(real_site: Path) -> None:
    page = text_of((real_site / PLAN / "toan-van" / "index.html").read_text(encoding="utf-8"))
    end = page.index("Hết phần văn bản hiện có")
    assert page.index("phù hợp nhiệm vụ được giao.") < end


def test_unknown_facts_are_said_to_be_unknown(real_site: Path) -> None:
    page = text_of((real_site / PLAN / "index.html").read_text(encoding="utf-8"))
    for label in ("Số, ký hiệu", "Ngày ban hành", "Người ký"):
        assert f"{label} chưa có trong bản số hóa" in page
    contacts = text_of((real_site / "ve-trang-nay" / "index.html").read_text(encoding="utf-8"))
    assert "chưa được công bố" in contacts


def test_pages_are_vietnamese_and_make_no_outside_requests(real_site: Path) -> None:
    # Anything the browser would fetch: src/srcset attributes and <link href>. Plain links
    # (<a href>) to other sites are fine: following one is the reader's choice.
    external = re.compile(r'(?:\bsrc|srcset|<link\b[^>]*\bhref)="(?:https?:)?//', re.IGNORECASE)
    for path in real_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<html lang="vi"' in html, path
        assert not external.findall(html), path
        assert "Initializing search" not in html
    # Stylesheets must not pull fonts from elsewhere (theme.font: false). What the theme's
    # JavaScript fetches at run time is checked in a real browser.
    for path in real_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), path


def test_navigation_stays_bounded_and_task_pages_are_not_in_it(real_site: Path) -> None:
    html = (real_site / PLAN / "nhiem-vu" / "tuyen-truyen-van-dong" / "index.html").read_text(
        encoding="utf-8"
    )
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>")]
    assert "tuyen-truyen-van-dong" not in nav
    assert "co-quan/cap-uy" not in nav


def test_no_sitemap_without_site_url(real_site: Path) -> None:
    assert not (real_site / "sitemap.xml").exists()
    assert 'rel="canonical"' not in (real_site / "index.html").read_text(encoding="utf-8")


def test_theme_fixes_are_applied_to_every_page(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete=', html), path
        header = html[html.index("<header") : html.index("</header>")]
        assert '<div class="md-search" role="dialog" aria-label="Tìm kiếm"' in header, path
        assert "plansite-search.js" in html and "search_index" not in html, path


def test_another_city_builds_its_own_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    run_build(FIXTURES / "other-city" / "mkdocs.yml", site)
    for name, data in site_files(site).items():
        if name.endswith((".html", ".json", ".xml")):
            assert "Trà Vinh" not in data.decode("utf-8"), name
    assert (site / "sitemap.xml").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://ke-hoach.thanh-pho-mau.example/">' in home
    assert "gop-y@thanh-pho-mau.example" in (site / "gop-y" / "index.html").read_text("utf-8")


def test_two_clean_builds_are_identical(tmp_path: Path) -> None:
    sites = []
    for i, (tz, seed) in enumerate((("UTC", "1"), ("Asia/Ho_Chi_Minh", "2"))):
        root = copy_project(ROOT, tmp_path / f"clone{i}")
        run_build(root / "mkdocs.yml", root / "site", {"TZ": tz, "PYTHONHASHSEED": seed})
        sites.append(site_files(root / "site"))
    assert sites[0].keys() == sites[1].keys()
    assert [k for k in sites[0] if sites[0][k] != sites[1][k]] == []


def test_nfd_bom_crlf_data_builds_the_same_bytes(tmp_path: Path, real_site: Path) -> None:
    root = copy_project(ROOT, tmp_path / "nfd")
    for path in [*(root / "plan_data").rglob("*.yml"), *(root / "docs").rglob("*.md")]:
        text = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run_build(root / "mkdocs.yml", root / "site")
    built, expected = site_files(root / "site"), site_files(real_site)
    assert built.keys() == expected.keys()
    assert [k for k in built if built[k] != expected[k]] == []


def test_render_script_tree_builds_the_same_pages_without_the_hook(
    tmp_path: Path, real_site: Path
) -> None:
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render.py"), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "plansite_hook" not in config
    run_build(out / "mkdocs.yml", out / "site")
    hook_pages = {k: v for k, v in site_files(real_site).items() if k.endswith(".html")}
    plain_pages = {k: v for k, v in site_files(out / "site").items() if k.endswith(".html")}
    assert hook_pages.keys() == plain_pages.keys()
    # The hook's only extras are its post-processing of the theme's HTML (finish_html) and
    # moving inline scripts into files (the 404 page's links start at the site's root), and
    # what pages need for the service worker, which only the hook writes.
    scripts = InlineScripts()
    for name, data in hook_pages.items():
        root = "/" if name == "404.html" else page_root(name)
        expected = scripts.move(finish_html(plain_pages[name].decode("utf-8")), root)
        assert without_worker(data.decode("utf-8")) == expected, name


def test_edit_links_point_to_the_yaml_source_when_edit_uri_is_absolute(tmp_path: Path) -> None:
    root = copy_project(ROOT, tmp_path / "edit")
    config = root / "mkdocs.yml"
    edit_uri = "https://git.example.org/to-chuc/du-an/edit/main/docs/"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\nedit_uri: {edit_uri}\n", encoding="utf-8"
    )
    run_build(config, root / "site")
    task = root / "site" / PLAN / "nhiem-vu" / "tuyen-truyen-van-dong" / "index.html"
    html = task.read_text(encoding="utf-8")
    expected = "https://git.example.org/to-chuc/du-an/edit/main/plan_data/plans/"
    assert f'href="{expected}bao-ve-moi-truong-tp-tra-vinh.yml"' in html
    glossary = (root / "site" / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="https://git.example.org/to-chuc/du-an/edit/main/plan_data/glossary.yml"' in glossary
    )
    assert "md-source" not in html  # no repo_url, so no calls to a code host's API
