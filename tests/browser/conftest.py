"""Real Chromium for what only a browser can show. Debian's chromium; nothing is downloaded.

Without Chromium these tests skip and say why; under CI=true a missing Chromium fails.

The tests must pass on a slow, busy machine, so they wait the way Playwright means them to:
after anything that loads a page, `expect(page).to_have_url(...)`; then reads through
`expect(locator)` assertions, which retry until they hold or time out; after anything
asynchronous (search results, live reload, requests), a wait on the condition itself, never
a fixed sleep. They assert no timing: Lighthouse's timed scores are benchmark figures
(scripts/lighthouse_scores.py).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from plansite.model.site import load_site
from plansite.model.types import Site
from plansite.text import vn_date

from ..conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REAL_PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"
# One page of every type, on each site, as {site: {page type: path}}; scripts/lighthouse_scores.py
# measures the same pages. 404.html is opened directly: a plain server does not serve it for
# missing paths.
PAGE_TYPES: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).with_name("pages.json")).read_text(encoding="utf-8")
)


# Assertions wait up to this long (Playwright's default is 5 s): a busy machine is slow, and a
# longer wait costs nothing when the condition already holds.
WAIT_MS = 20_000
expect.set_options(timeout=WAIT_MS)


def require_chromium() -> None:
    if Path(CHROMIUM).is_file():
        return
    reason = "Chromium is not installed (Debian package 'chromium'): browser checks cannot run"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must install it (.ci/run does).")
    pytest.skip(reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a page mid-download resets the connection; that is
        # normal here and not worth a printed traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@functools.cache
def _serve(folder: str) -> str:
    handler = functools.partial(_Quiet, directory=folder)
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def sites(real_site: Path, sample_site: Path) -> dict[str, str]:
    """Base URLs of both sites, served by a plain static server with no compression."""
    return {"real": _serve(str(real_site)), "sample": _serve(str(sample_site))}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_at(browser: Any) -> Iterator[Any]:
    """Open a page at a given width; pages are closed after the test."""
    opened: list[Any] = []

    def open_page(url: str, width: int = 1280) -> Any:
        page = browser.new_page(viewport={"width": width, "height": 900})
        opened.append(page)
        page.goto(url)
        return page

    yield open_page
    for page in opened:
        page.close()


def search(page: Any, query: str) -> None:
    """Type a query into the site's search as a person would, and wait for results."""
    if page.locator("#__search").is_checked():
        page.locator("input.md-search__input").focus()  # already open
    elif page.viewport_size["width"] < 960:
        page.locator('label.md-header__button[for="__search"]').click()  # the phone's icon
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query, delay=10)
    wait_for_results(page, query)


def wait_for_results(page: Any, query: str) -> None:
    """Wait until the search shows the results of `query` (it marks them with data-query)."""
    page.wait_for_function(
        "q => { const r = document.querySelector('.md-search-result');"
        " return r && r.dataset.query === q; }",
        arg=query,
    )


def wait_until_still(page: Any) -> None:
    """Wait until no CSS transition or animation runs (the search opens with a fade)."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')",
        timeout=WAIT_MS,
    )


class Traffic:
    """Every request a browser context makes, and a wait until none is in flight.

    `wait_until_quiet` waits on the requests themselves: each must have finished or failed.
    """

    def __init__(self, context: Any) -> None:
        self.requests: list[Any] = []
        self.finished: list[Any] = []
        self._pending: set[Any] = set()
        context.on("request", self._sent)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)

    def _sent(self, request: Any) -> None:
        self.requests.append(request)
        self._pending.add(request)

    def _failed(self, request: Any) -> None:
        self._pending.discard(request)

    def _finished(self, request: Any) -> None:
        self.finished.append(request)
        self._pending.discard(request)

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def wait_until_quiet(self, page: Any) -> None:
        deadline = time.monotonic() + WAIT_MS / 1000
        while self._pending:
            assert time.monotonic() < deadline, [r.url for r in self._pending]
            page.wait_for_timeout(50)  # lets Playwright deliver the requests' events


@functools.cache
def site_data(which: str) -> Site:
    """The checked data of the real or sample site: tests read dates and plans from it
    instead of repeating them."""
    root = ROOT if which == "real" else ROOT / "examples" / "sample"
    return load_site(root / "plan_data", root)


def as_of(which: str = "real") -> str:
    """The data's date as pages write it ('07/12/2026')."""
    return vn_date(site_data(which).as_of)
