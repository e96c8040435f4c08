"""The preview as a communicator meets it: a mistake shows in the open page, a fix undoes it.

Starts `scripts/preview.py` (what `scripts/dev serve` runs) on a copy of the project,
opens a page in Chromium, breaks `plan_data/site.yml`, and waits, without reloading,
for the page to turn into the Vietnamese error page; then fixes the file and waits for
the page to come back by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT, copy_project, running_preview

PAGE = "co-quan/ubnd-tinh/"
REBUILD_MS = 60_000  # a rebuild and the live reload after it, on a busy machine


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
    heading = page.locator("h1").first
    expect(heading).to_have_text(re.compile(r"^Ủy ban nhân dân tỉnh"))
    site_yml = root / "plan_data" / "site.yml"
    good = site_yml.read_text("utf-8")
    bad, found = re.subn(r'^as_of: "[0-9-]+"$', 'as_of: "2026-02-31"', good, flags=re.M)
    assert found == 1, "plan_data/site.yml has no as_of line to break"
    site_yml.write_text(bad, "utf-8")
    # The page reloads by itself once the rebuild has failed; each check waits for it.
    body = page.locator("body")
    expect(body).to_contain_text("ngày không có thật", timeout=REBUILD_MS, use_inner_text=True)
    for words in ("Bản xem trước: cần sửa lỗi", "plan_data/site.yml:3:8", "as_of"):
        expect(body).to_contain_text(words, use_inner_text=True)
    other = browser.new_page()
    other.goto(url + "thuat-ngu/")  # any other page shows the same error while it stands
    expect(other.locator("body")).to_contain_text("ngày không có thật", use_inner_text=True)
    other.close()
    site_yml.write_text(good, "utf-8")
    expect(heading).to_have_text(re.compile(r"^Ủy ban nhân dân tỉnh"), timeout=REBUILD_MS)
    page.close()


def test_a_broken_link_in_a_hand_written_page_is_shown_on_the_pages(
    browser: Any, preview: tuple[str, Path]
) -> None:
    url, root = preview
    page = browser.new_page()
    page.goto(url)
    about = root / "docs" / "ve-trang-nay.md"
    about.write_text(about.read_text("utf-8") + "\nXem [trang](khong-co.md).\n", "utf-8")
    panel = page.locator(".xem-truoc-loi")
    expect(panel).to_contain_text("docs/ve-trang-nay.md", timeout=REBUILD_MS, use_inner_text=True)
    for words in ("khong-co.md", "trỏ tới một trang không có"):
        expect(panel).to_contain_text(words, use_inner_text=True)
    page.close()
