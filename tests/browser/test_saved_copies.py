"""Readable offline after the first visit, never stale online (the service worker).

A copy of the built real site is served by nginx with deploy/nginx/site.conf, as a phone would
meet it. "Offline" is nginx stopped: the connection is refused, as when the signal drops; "back
online" is nginx started again on the same port, so the origin and its worker stay the same.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT
from ..nginx_server import Nginx, start_nginx
from .conftest import REAL_PLAN, WAIT_MS, search

CORRECTION = "Câu này là bản sửa để kiểm thử."


class Site:
    """A copy of the real site that nginx serves and that a test may change and take offline."""

    def __init__(self, built: Path, folder: Path) -> None:
        self.root = folder / "site"
        shutil.copytree(built, self.root)
        self.folder = folder
        self.server: Nginx | None = start_nginx(self.root, folder / "nginx-1")
        self.base = self.server.base
        self.ports = self.server.ports
        self.starts = 1

    def offline(self) -> None:
        assert self.server is not None
        self.server.stop()
        self.server = None

    def online(self) -> None:
        self.starts += 1
        self.server = start_nginx(self.root, self.folder / f"nginx-{self.starts}", self.ports)

    def change(self, path: str, old: str, new: str) -> None:
        """Change a built file as a rebuild would; its compressed copies go, nginx serves it."""
        target = self.root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        for suffix in (".br", ".gz"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


@pytest.fixture
def site(real_site: Path, tmp_path: Path) -> Iterator[Site]:
    served = Site(real_site, tmp_path)
    yield served
    served.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def first_visit(phone: Any, url: str) -> Any:
    """Open the site once and wait until its worker controls the page (pages are saved)."""
    page = phone.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=WAIT_MS)
    return page


def until(page: Any, script: str, expected: object) -> None:
    """Evaluate `script` (which may be async) until it gives `expected`; fail after WAIT_MS."""
    deadline = time.monotonic() + WAIT_MS / 1000
    found = page.evaluate(script)
    while found != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        found = page.evaluate(script)
    assert found == expected


def saved_banner(page: Any) -> Any:
    return page.locator("[data-saved-copy]")


def first_sentence(site: Site) -> str:
    html = (site.root / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<p>([^<]{40,}?)</p>", html)
    assert found, "the home page has no plain paragraph to change"
    return found.group(1)


def test_a_correction_is_seen_at_once_online_and_kept_offline(site: Site, phone: Any) -> None:
    page = first_visit(phone, site.base)
    expect(saved_banner(page)).to_be_hidden()
    sentence = first_sentence(site)
    site.change("index.html", sentence, CORRECTION)
    page.reload()
    expect(page.get_by_text(CORRECTION)).to_be_visible()
    expect(saved_banner(page)).to_be_hidden()

    site.offline()
    page.reload()
    banner = saved_banner(page)
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("đã lưu")
    expect(banner).to_contain_text(re.compile(r"\d{2}/\d{2}/\d{4}"))
    expect(page.get_by_text(CORRECTION)).to_be_visible()  # the last copy the network gave

    site.online()
    site.change("index.html", CORRECTION, sentence)
    page.reload()
    expect(page.get_by_text(sentence)).to_be_visible()
    expect(saved_banner(page)).to_be_hidden()


@pytest.mark.parametrize(
    "path",
    ["nguoi-dan/", f"{REAL_PLAN}/toan-van/", "to-thong-tin/"],
    ids=["guide", "full-text", "leaflet"],
)
def test_pages_saved_at_the_first_visit_read_offline(site: Site, phone: Any, path: str) -> None:
    page = first_visit(phone, site.base)
    site.offline()
    page.goto(site.base + path)
    expect(page).to_have_url(site.base + path)
    expect(saved_banner(page)).to_be_visible()
    expect(page.locator("h1").first).not_to_contain_text("Không có kết nối")
    expect(page.locator("link[rel=stylesheet]").first).to_be_attached()
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    # Styled: the theme's stylesheet came from the saved copy too.
    expect(page.locator(".md-header")).to_have_css("position", re.compile("sticky|fixed"))


def test_a_page_never_saved_shows_the_offline_page(site: Site, phone: Any) -> None:
    page = first_visit(phone, site.base)
    page.goto(site.base + "ve-trang-nay/")  # opened once: saved too
    expect(page.locator("h1").first).to_be_visible()
    site.offline()
    page.goto(site.base + "co-quan/")
    expect(page).to_have_url(site.base + "co-quan/")
    expect(page.locator("h1").first).to_contain_text("Không có kết nối")
    expect(page.get_by_text("Máy của bạn đang không có kết nối mạng")).to_be_visible()
    # The other pages opened on this device are listed by their titles.
    saved = page.locator("[data-saved-pages]")
    expect(saved).to_be_visible()
    expect(saved.get_by_role("listitem")).to_have_text(["Về trang này"])
    page.get_by_role("article").get_by_role("link", name="Trang chủ", exact=True).click()
    expect(page).to_have_url(site.base)
    expect(saved_banner(page)).to_be_visible()


def test_search_offline_finds_what_was_saved_or_says_it_needs_a_connection(
    site: Site, phone: Any, browser: Any
) -> None:
    searched = first_visit(phone, site.base)
    search(searched, "moi truong")
    expect(searched.locator(".md-search-result__item").first).to_be_visible()
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        never_searched = first_visit(other, site.base)
        site.offline()
        searched.reload()
        search(searched, "moi truong")  # the same words: the index files it needs were saved
        expect(searched.locator(".md-search-result__item").first).to_be_visible()

        never_searched.reload()
        never_searched.locator("input.md-search__input").click()
        never_searched.keyboard.type("moi truong", delay=10)
        meta = never_searched.locator(".md-search-result__meta")
        expect(meta).to_contain_text("Tìm kiếm cần kết nối")
    finally:
        other.close()


def test_a_rebuild_drops_the_old_caches(site: Site, phone: Any) -> None:
    page = first_visit(phone, site.base)
    old = page.evaluate("caches.keys()")
    assert len(old) == 1 and old[0].startswith("plansite:")
    worker = (site.root / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'"version": "([0-9a-f]+)"', worker)
    assert version
    site.change("sw.js", version.group(1), "0" * len(version.group(1)))
    page.reload()
    # Browsers look for a new sw.js after navigations, when they choose to; ask now.
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    until(page, "async () => (await caches.keys()).join(' ')", f"plansite:{site.base}:{'0' * 16}")


def test_first_visit_and_a_visit_offline_in_bytes(site: Site, browser: Any) -> None:
    """Figures for BENCHMARKS.md (print them with `pytest -s`): the home page's first visit as
    sent (brotli), what the worker saves after it, and the same page opened again offline."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        page = first_visit(context, site.base)
        page.wait_for_load_state("networkidle")
        by_page = [r for r in finished if r.service_worker is None]
        by_worker = [r for r in finished if r.service_worker is not None]
        site.offline()
        finished.clear()
        page.reload()
        expect(saved_banner(page)).to_be_visible()
        page.wait_for_load_state("load")
        served = [r for r in finished if r.service_worker is None]
        saved = sum(len(r.response().body()) for r in served if r.response().from_service_worker)
        assert served and all(r.response().from_service_worker for r in served)
        print(
            f"first visit: {sent(by_page)} B sent by the network for the page "
            f"({len(by_page)} files); the worker then fetched {sent(by_worker)} B "
            f"({len(by_worker)} requests, answers of 304 count 0); offline again: "
            f"{len(served)} files, {saved} B from the worker's cache, 0 B from the network"
        )
    finally:
        context.close()


def sent(requests: list[Any]) -> int:
    return sum(max(r.sizes()["responseBodySize"], 0) for r in requests)


def test_the_removal_worker_deletes_the_saved_copies_and_unregisters(
    site: Site, phone: Any
) -> None:
    """What README's "Gỡ service worker" promises: the next visit removes the worker."""
    page = first_visit(phone, site.base)
    removal = ROOT / "hooks" / "plansite" / "theme" / "assets" / "plansite-sw-remove.js"
    (site.root / "sw.js").write_text(removal.read_text(encoding="utf-8"), encoding="utf-8")
    for suffix in (".br", ".gz"):
        (site.root / f"sw.js{suffix}").unlink(missing_ok=True)
    page.reload()
    page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.update())")
    until(page, "async () => (await caches.keys()).length", 0)
    until(page, "async () => (await navigator.serviceWorker.getRegistrations()).length", 0)
