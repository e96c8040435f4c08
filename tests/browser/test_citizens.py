"""A citizen on a phone: their part on the first screen, tables that fit, a leaflet to print."""

from __future__ import annotations

import io
import re
from typing import Any

from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import PAGE_TYPES, as_of

PHONE = {"width": 390, "height": 844}


def test_the_citizens_answer_and_link_are_on_the_first_phone_screen(
    browser: Any, sites: dict[str, str]
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(sites["real"])
    summary = page.locator("article .admonition", has_text="Tóm tắt không chính thức").first
    link = page.locator("article a", has_text="Người dân có thể làm gì").first
    for element in (summary, link):
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    link.click()
    expect(page).to_have_url(re.compile(r"/nguoi-dan/$"))
    expect(page.locator("article")).to_contain_text("Câu trả lời ngắn")
    page.close()


def test_no_table_on_any_page_is_wider_than_a_phone(browser: Any, sites: dict[str, str]) -> None:
    page = browser.new_page(viewport=PHONE)
    wide = []
    for site, types in PAGE_TYPES.items():
        for name, path in types.items():
            page.goto(sites[site] + path)
            widths = page.evaluate(
                "[...document.querySelectorAll('article table')].map(t => {"
                " const box = t.getBoundingClientRect();"
                " return [Math.round(box.left), Math.round(box.right),"
                " t.scrollWidth - t.clientWidth]; })"
            )
            wide += [
                (site, name, w) for w in widths if w[0] < 0 or w[1] > PHONE["width"] or w[2] > 0
            ]
    page.close()
    assert not wide, wide


def test_tables_shown_as_cards_stay_tables_for_screen_readers(
    browser: Any, sites: dict[str, str]
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(sites["sample"] + PAGE_TYPES["sample"]["tien-do"])
    assert (
        page.evaluate("getComputedStyle(document.querySelector('table[data-the] td')).display")
        == "grid"
    )
    assert page.get_by_role("table").count() >= 2
    assert page.get_by_role("columnheader", name="Quá hạn").count() >= 1
    assert page.get_by_role("cell").count() > 10
    page.close()


def test_the_leaflet_prints_on_one_a4_page(browser: Any, sites: dict[str, str]) -> None:
    page = browser.new_page()
    page.goto(sites["real"] + PAGE_TYPES["real"]["to-thong-tin"])
    expect(page.get_by_role("button", name="In tờ thông tin")).to_be_visible()
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    assert len(pdf.pages) == 1
    text = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    for words in ("Tờ thông tin cho người dân", "Tham gia, góp ý", as_of(), "Nguồn:"):
        assert re.sub(r"\s+", "", words) in text
