"""The USB build works from file://, and the plan prints cleanly on A4."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from ..conftest import ROOT, run_build
from .conftest import PAGE_TYPES, as_of, search


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline") / "site-offline"
    run_build(ROOT / "mkdocs.yml", site, {"OFFLINE": "true"})
    return site


def test_offline_links_land_on_pages_not_folders(offline_site: Path) -> None:
    href = re.compile(r'<a [^>]*href="([^"#:?]+)(?:#[^"]*)?"')
    # 404.html is for web servers, which send it for any missing path; it links from "/".
    for page in (p for p in offline_site.rglob("*.html") if p.name != "404.html"):
        for target in href.findall(page.read_text(encoding="utf-8")):
            resolved = (page.parent / target).resolve()
            assert resolved.is_file(), (page, target)
            assert resolved.suffix in (".html", ".json", ".csv", ".zip", ".ics", ".xml"), target


def test_offline_site_works_from_disk_with_toneless_search(
    browser: Any, offline_site: Path
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="Đọc toàn văn kế hoạch").click()
    expect(page).to_have_url(re.compile(r"/toan-van\.html$"))
    expect(page.locator("article h1")).to_have_count(1)
    search(page, "moi truong")
    titles = page.locator(".md-search-result__item h1")
    expect(titles.get_by_text("Bảo vệ môi trường", exact=True).first).to_be_visible()
    # The same ranking as online: the syllables typed together, đ typed as d.
    for query in ("dia ban", "so ket", "xanh sach dep"):
        search(page, query)
        expect(titles.first).to_have_text("Toàn văn kế hoạch")
    page.locator(".md-search-result__item a").first.click()
    expect(page).to_have_url(re.compile(r"/toan-van\.html\?h=xanh\+sach\+dep$"))
    expect(page.locator("article mark")).to_have_text(["Xanh - Sạch - Đẹp"])
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    page.close()


def test_the_online_build_keeps_directory_urls(real_site: Path) -> None:
    assert (real_site / "thuat-ngu" / "index.html").is_file()
    assert not (real_site / "thuat-ngu.html").exists()


@pytest.fixture(scope="module")
def printed(browser: Any, sites: dict[str, str]) -> list[str]:
    page = browser.new_page()
    page.goto(sites["real"] + PAGE_TYPES["real"]["toan-van"])
    expect(page.get_by_role("button", name="In / Lưu PDF")).to_be_visible()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def squeeze(text: str) -> str:
    """PDF text extraction spaces out letters with tone marks; compare without spaces."""
    return re.sub(r"\s+", "", text)


def test_print_keeps_the_text_and_numbering_without_navigation(printed: list[str]) -> None:
    text = squeeze("\n".join(printed))
    for numbered in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ TRỌNG TÂM"):
        assert squeeze(numbered) in text
    assert squeeze("- Triển khai, quán triệt") in text
    for chrome in ("Tìm kiếm", "Thuật ngữ", "In / Lưu PDF", "Chuyển đến nội dung"):
        assert squeeze(chrome) not in text


def test_every_printed_page_carries_source_and_date(printed: list[str]) -> None:
    assert len(printed) >= 2
    for page in printed:
        assert squeeze(f"Dữ liệu cập nhật đến ngày {as_of()}") in squeeze(page)


def test_no_printed_page_ends_on_a_heading(printed: list[str]) -> None:
    headings = {
        squeeze(h)
        for h in (
            "Toàn văn kế hoạch",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "2. Yêu cầu",
            "II. NHIỆM VỤ TRỌNG TÂM",
        )
    }
    footer = squeeze("Kế hoạch bảo vệ môi trường đô thị và nông thôn thành phố Trà Vinh. Nguồn:")
    for page in printed[:-1]:
        text = squeeze(page)
        body = text[: text.rfind(footer)] if footer in text else text
        assert body and not any(body.endswith(h) for h in headings), body[-80:]
