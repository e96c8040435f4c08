"""WCAG 2.1 AA in real Chromium: axe-core on every page type, keyboard use, markup."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT
from .conftest import AXE, PAGE_TYPES, WCAG, search, wait_for_results, wait_until_still

SHOTS = ROOT / "build" / "screenshots"

CASES = [(site, name) for site, pages in PAGE_TYPES.items() for name in pages]


def axe_violations(page: Any) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (scripts/dev test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("site", "name"), CASES)
def test_axe_finds_no_wcag_violations(
    sites: dict[str, str], page_at: Any, site: str, name: str, width: int
) -> None:
    page = page_at(sites[site] + PAGE_TYPES[site][name], width)
    # A screenshot of each page type at each width, for people to look at (not committed).
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{site}-{name}-{width}.png"))
    assert axe_violations(page) == []
    search(page, "moi truong")
    wait_until_still(page)  # colours are judged once the search has faded in
    assert axe_violations(page) == [], "with the search open"


def test_skip_link_comes_first_and_focus_is_visible(sites: dict[str, str], page_at: Any) -> None:
    page = page_at(sites["real"] + PAGE_TYPES["real"]["toan-van"])
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Chuyển đến nội dung chính")).to_be_focused()
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.textContent.trim(), e.getAttribute('href'), s.outlineStyle,"
        " e.getBoundingClientRect().height] }"
    )
    text, href, outline, height = focused
    assert text == "Chuyển đến nội dung chính" and href.startswith("#")
    assert outline != "none" and height > 0, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))


def test_search_works_from_the_keyboard_alone(sites: dict[str, str], page_at: Any) -> None:
    page = page_at(sites["real"])
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("thuat ngu", delay=10)
    wait_for_results(page, "thuat ngu")  # not the results of "thuat n", still being typed
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__item a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/thuat-ngu/(\?.*)?$"))


@pytest.mark.parametrize(("site", "name"), CASES)
def test_markup_is_vietnamese_with_headed_tables_and_fits_a_phone(
    sites: dict[str, str], page_at: Any, site: str, name: str
) -> None:
    page = page_at(sites[site] + PAGE_TYPES[site][name], 390)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.evaluate("document.documentElement.lang") == "vi"
    headless = page.evaluate(
        "[...document.querySelectorAll('article table')].filter(t => !t.querySelector('th')).length"
    )
    assert headless == 0
    charts = page.evaluate(
        "[...document.querySelectorAll('figure.bieu-do-khung')].map(f => {"
        " let n = f.nextElementSibling;"
        " while (n && n.tagName !== 'TABLE' && !n.querySelector('table'))"
        " n = n.nextElementSibling; return Boolean(n); })"
    )
    assert all(charts), "every chart is followed by its data table"
