"""Real Chromium for what only a browser can show. Debian's chromium; nothing is downloaded.

Without Chromium these tests skip and say why; under CI=true a missing Chromium fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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
# One page of every type, on each site (404.html is opened directly: a plain server
# does not serve it for missing paths).
PAGE_TYPES = {
    "real": {
        "trang-chu": "",
        "ke-hoach": f"{REAL_PLAN}/",
        "toan-van": f"{REAL_PLAN}/toan-van/",
        "can-cu": f"{REAL_PLAN}/can-cu/",
        "nhiem-vu": f"{REAL_PLAN}/nhiem-vu/",
        "mot-nhiem-vu": f"{REAL_PLAN}/nhiem-vu/tuyen-truyen-van-dong/",
        "tien-do-ke-hoach": f"{REAL_PLAN}/tien-do/",
        "tien-do": "tien-do/",
        "lich": "lich/",
        "moi-cap-nhat": "moi-cap-nhat/",
        "linh-vuc": "linh-vuc/",
        "mot-linh-vuc": "linh-vuc/moi-truong/",
        "co-quan": "co-quan/",
        "mot-co-quan": "co-quan/ubnd-phuong-xa/",
        "doi-tuong": "doi-tuong/ho-gia-dinh/",
        "van-ban": "van-ban/",
        "mot-van-ban": "van-ban/ke-hoach-04-kh-ubnd-2023/",
        "thuat-ngu": "thuat-ngu/",
        "du-lieu": "du-lieu/",
        "nguoi-dan": "nguoi-dan/",
        "to-thong-tin": "to-thong-tin/",
        "ve-trang-nay": "ve-trang-nay/",
        "kha-nang-tiep-can": "kha-nang-tiep-can/",
        "404": "404.html",
    },
    "sample": {
        "trang-chu": "",
        "ke-hoach": "ke-hoach/ke-hoach-thanh-pho-mau/",
        "mot-nhiem-vu": "ke-hoach/ke-hoach-tinh-mau/nhiem-vu/nang-cap-nuoc-sach/",
        "nhiem-vu-trang-2": "ke-hoach/ke-hoach-dai-mau/nhiem-vu/trang-2/",
        "tien-do": "tien-do/",
        "tien-do-ke-hoach": "ke-hoach/ke-hoach-tinh-mau/tien-do/",
        "lich": "lich/",
        "moi-cap-nhat": "moi-cap-nhat/",
        "mot-linh-vuc": "linh-vuc/rac-thai-mau/",
        "mot-co-quan": "co-quan/so-y-te-mau/",
        "du-lieu": "du-lieu/",
        "ve-du-lieu-mau": "ve-du-lieu-mau/",
    },
}


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
