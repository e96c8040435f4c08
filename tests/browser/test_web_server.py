"""Every page of both sites in Chromium, served by nginx with deploy/nginx/site.conf and its
Content-Security-Policy: nothing refused, no console error, search and the 404 page work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import search

# Each refusal of the policy is kept where the test can read it.
LISTEN = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e =>"
    " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)
MISSING = "ke-hoach/khong-co-ke-hoach-nay/nhiem-vu/"


def addresses(site: Path) -> list[str]:
    """Every page of a built site, as the path a reader's browser asks for."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages]


class Watch:
    """A browser context whose console errors and policy refusals are collected."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.context.add_init_script(LISTEN)
        self.errors: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror {error}"))

    def _console(self, message: Any) -> None:
        text = message.text
        # The browser logs the 404 page's own status; that is the answer we want there.
        if message.type == "error" and "status of 404" not in text:
            self.errors.append(f"{self.page.url}: {text}")

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.__violations"))


@pytest.mark.parametrize("which", ["real", "sample"])
def test_every_page_runs_under_the_policy_without_an_error(
    which: str, browser: Any, nginx_sites: dict[str, Any], real_site: Path, sample_site: Path
) -> None:
    base = nginx_sites[which].base
    watch = Watch(browser)
    refused: dict[str, list[str]] = {}
    encodings = set()
    paths = addresses(real_site if which == "real" else sample_site)
    for path in [*paths, MISSING]:
        response = watch.page.goto(base + path, wait_until="load")
        assert response.status == (404 if path == MISSING else 200), path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        encodings.add(response.headers.get("content-encoding"))
        if found := watch.violations():
            refused[path] = found
    watch.context.close()
    assert len(paths) > 30
    assert refused == {} and watch.errors == []
    assert encodings <= {"gzip", "br"} and encodings  # every page came compressed


@pytest.mark.parametrize("query", ["moi truong", "so ket"])
def test_search_works_under_the_policy(
    query: str, browser: Any, nginx_sites: dict[str, Any]
) -> None:
    watch = Watch(browser)
    watch.page.goto(nginx_sites["real"].base)
    search(watch.page, query)
    assert watch.page.locator(".md-search-result__item").count() > 0
    watch.page.goto(nginx_sites["real"].base + "?q=" + query.replace(" ", "+"))
    watch.page.locator(".md-search-result__item").first.wait_for()
    assert watch.violations() == [] and watch.errors == []
    watch.context.close()


def test_the_404_page_is_styled_and_its_links_work_from_any_depth(
    browser: Any, nginx_sites: dict[str, Any]
) -> None:
    base = nginx_sites["sample"].base
    watch = Watch(browser)
    response = watch.page.goto(base + "a/b/c/khong-co/")
    assert response.status == 404
    heading = watch.page.locator("h1")
    assert heading.inner_text() == "Không tìm thấy trang"
    # The theme's stylesheet applies (its header is sticky) and its scripts ran.
    header = watch.page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).position") == "sticky"
    watch.page.get_by_role("link", name="Về trang chủ").click()
    watch.page.wait_for_url(base)
    assert watch.violations() == [] and watch.errors == []
    watch.context.close()


@pytest.mark.parametrize("which", ["real", "sample"])
def test_first_visit_to_the_home_page_compressed(
    which: str, browser: Any, nginx_sites: dict[str, Any]
) -> None:
    """Bytes of a first visit as sent (compressed), recorded in BENCHMARKS.md."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    responses: list[Any] = []
    context.on("requestfinished", lambda request: responses.append(request))
    page = context.new_page()
    page.goto(nginx_sites[which].base, wait_until="networkidle")
    # The page's own requests; what the service worker saves after the page has loaded is
    # measured in test_saved_copies.py.
    responses = [r for r in responses if r.service_worker is None]
    sent = sum(r.sizes()["responseBodySize"] for r in responses)
    plain = sum(len(r.response().body()) for r in responses)
    kinds = {r.response().headers.get("content-encoding") for r in responses}
    context.close()
    print(f"first visit {which}: {sent} B sent, {plain} B plain, {len(responses)} files, {kinds}")
    assert sent < plain / 3 and sent <= 120 * 1024
