"""The 2025 notice as a reader meets it: a folded box on the home page that opens with the
keyboard, an open box on the plan page and "Về trang này", at phone and desktop widths,
with the names a screen reader announces; and a card table whose values stay in their
column on a phone."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import REAL_PLAN

TITLE = "Thay đổi đơn vị hành chính từ ngày 01/7/2025"
ANCHOR = "thong-bao-sap-xep-don-vi-hanh-chinh-2025"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_home_page_notice_is_folded_and_opens_with_the_keyboard(
    sites: dict[str, str], page_at: Any, width: int
) -> None:
    from playwright.sync_api import expect

    page = page_at(sites["real"], width)
    notice = page.locator(f"details#{ANCHOR}")
    summary = notice.locator("summary")
    expect(summary).to_have_text(TITLE)
    expect(notice).not_to_have_attribute("open", "")
    expect(notice.get_by_text("Điều 51 khoản 3")).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(notice).to_have_attribute("open", "")
    expect(notice.get_by_text("Điều 51 khoản 3")).to_be_visible()
    # The citations are a list, not text in a code block.
    expect(notice.locator("ul > li").first).to_be_visible()
    expect(notice.locator("pre, code")).to_have_count(0)
    box = summary.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_a_link_to_the_notice_opens_it(sites: dict[str, str], page_at: Any) -> None:
    from playwright.sync_api import expect

    page = page_at(sites["real"] + "co-quan/ubnd-thanh-pho-tra-vinh/", 390)
    page.get_by_role("link", name="Đọc thông báo").click()
    expect(page).to_have_url(f"{sites['real']}#{ANCHOR}")
    notice = page.locator(f"details#{ANCHOR}")
    expect(notice).to_have_attribute("open", "")
    expect(notice.get_by_text("Điều 51 khoản 3")).to_be_in_viewport()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", [f"{REAL_PLAN}/", "ve-trang-nay/"])
def test_the_notice_is_an_open_box_named_by_its_title(
    sites: dict[str, str], page_at: Any, path: str, width: int
) -> None:
    from playwright.sync_api import expect

    page = page_at(sites["real"] + path, width)
    note = page.get_by_role("note", name=TITLE)
    expect(note).to_be_visible()
    expect(note.locator(".admonition-title")).to_have_text(TITLE)
    expect(note.get_by_text("Điều 51 khoản 3")).to_be_visible()
    expect(note.locator("pre, code")).to_have_count(0)
    expect(note).not_to_contain_text("\\(")
    expect(note).not_to_contain_text("!!!")
    box = note.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_a_second_paragraph_in_a_phone_card_stays_in_the_value_column(
    sites: dict[str, str], page_at: Any
) -> None:
    """On /thuat-ngu/ a source cell holds a label in italics and then its words; both must
    sit right of the column name, not drop under it."""
    from playwright.sync_api import expect

    page = page_at(sites["real"] + "thuat-ngu/", 390)
    cell = page.locator('td[data-label="Nguồn"]').first
    expect(cell).to_be_visible()
    value = cell.locator(":scope > .o")
    expect(value).to_have_count(1)
    column = page.evaluate(
        "cell => parseFloat(getComputedStyle(cell, '::before').width)", cell.element_handle()
    )
    cell_box, value_box = cell.bounding_box(), value.bounding_box()
    assert cell_box and value_box
    assert value_box["x"] >= cell_box["x"] + column  # right of the column name, all of it
