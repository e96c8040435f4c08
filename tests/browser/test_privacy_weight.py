"""No request leaves the site; a first visit stays light; pages describe themselves."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PAGE_TYPES, Traffic, search

CASES = [(site, name) for site, pages in PAGE_TYPES.items() for name in pages]
FIRST_VISIT_LIMIT = 400 * 1024


@pytest.mark.parametrize(("site", "name"), CASES)
def test_no_request_goes_to_another_host(
    browser: Any, sites: dict[str, str], site: str, name: str
) -> None:
    base = sites[site]
    context = browser.new_context()
    traffic = Traffic(context)
    page = context.new_page()
    page.goto(base + PAGE_TYPES[site][name], wait_until="networkidle")
    search(page, "moi truong")
    traffic.wait_until_quiet(page)  # what the search asked for has arrived
    context.close()
    outside = [u for u in traffic.urls if not u.startswith((base, "data:", "blob:"))]
    assert traffic.urls and outside == []


@pytest.mark.parametrize("site", ["real", "sample"])
def test_first_visit_to_the_home_page_is_under_400_kb(
    browser: Any, sites: dict[str, str], site: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    traffic = Traffic(context)
    page = context.new_page()
    page.goto(sites[site], wait_until="networkidle")
    traffic.wait_until_quiet(page)
    sizes = {request.url: len(request.response().body()) for request in traffic.finished}
    context.close()
    total = sum(sizes.values())
    assert total <= FIRST_VISIT_LIMIT, sorted(sizes.items(), key=lambda item: -item[1])[:5]


@pytest.mark.parametrize(("site", "name"), CASES)
def test_every_page_has_a_description_and_open_graph_tags(
    browser: Any, sites: dict[str, str], site: str, name: str
) -> None:
    page = browser.new_page()
    page.goto(sites[site] + PAGE_TYPES[site][name])
    meta = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('meta[name], meta[property]')]"
        ".map(m => [m.getAttribute('name') || m.getAttribute('property'), m.content]))"
    )
    page.close()
    assert meta.get("description")
    for key in ("og:title", "og:description", "og:type", "og:locale"):
        assert meta.get(key), key
    assert "og:url" not in meta  # no site_url on these sites: no absolute URLs are made up
