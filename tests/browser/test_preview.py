"""The preview as a communicator meets it: a mistake shows in the open page, a fix undoes it.

Starts `scripts/preview.py` (what `scripts/dev serve` runs) on a copy of the project,
opens a page in Chromium, breaks `plan_data/site.yml`, and waits, without reloading,
for the page to turn into the Vietnamese error page; then fixes the file and waits for
the page to come back by itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, copy_project, running_preview

PAGE = "co-quan/ubnd-tinh/"


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = copy_project(ROOT, tmp_path / "p")
    with running_preview(root, PAGE) as url:
        yield url, root


def test_a_mistake_shows_in_the_open_page_and_a_fix_brings_the_site_back(
    browser: Any, preview: tuple[str, Path]
) -> None:
    url, root = preview
    page = browser.new_page()
    page.goto(url + PAGE)
    assert page.locator("h1").inner_text().startswith("Ủy ban nhân dân tỉnh")
    site_yml = root / "plan_data" / "site.yml"
    good = site_yml.read_text("utf-8")
    site_yml.write_text(good.replace('as_of: "2026-11-30"', 'as_of: "2026-02-31"'), "utf-8")
    page.wait_for_function("document.body.innerText.includes('ngày không có thật')", timeout=30_000)
    body = page.locator("body").inner_text()
    assert "Bản xem trước: cần sửa lỗi" in body
    assert "plan_data/site.yml:3:8" in body and "as_of" in body
    other = browser.new_page()
    other.goto(url + "thuat-ngu/")  # any other page shows the same error while it stands
    assert "ngày không có thật" in other.locator("body").inner_text()
    other.close()
    site_yml.write_text(good, "utf-8")
    page.wait_for_function(
        "document.querySelector('h1') && "
        "document.querySelector('h1').innerText.startsWith('Ủy ban nhân dân tỉnh')",
        timeout=30_000,
    )
    page.close()


def test_a_broken_link_in_a_hand_written_page_is_shown_on_the_pages(
    browser: Any, preview: tuple[str, Path]
) -> None:
    url, root = preview
    page = browser.new_page()
    page.goto(url)
    about = root / "docs" / "ve-trang-nay.md"
    about.write_text(about.read_text("utf-8") + "\nXem [trang](khong-co.md).\n", "utf-8")
    page.wait_for_selector(".xem-truoc-loi", timeout=30_000)
    text = page.locator(".xem-truoc-loi").inner_text()
    assert "docs/ve-trang-nay.md" in text and "khong-co.md" in text
    assert "trỏ tới một trang không có" in text
    page.close()
