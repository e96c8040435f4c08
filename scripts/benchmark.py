"""Measure the build at scale: our hook against plain MkDocs on the same pages.

Usage: python scripts/benchmark.py --tasks N [--keep DIR] [--no-default-nav]

One run generates a synthetic corpus of N tasks (scripts/synthetic.py), then measures:
  build_s        our site, built with the hook (search index included);
  index_s        of that, the search index step alone (as the hook logs it);
  plain_s        the same pages written by scripts/render.py, built by plain MkDocs with
                 the same (bounded) navigation: ratio = (build_s - index_s) / plain_s is
                 our page building's cost;
  default_nav_s  the same pages with MkDocs' default navigation (every page in it; grows
                 with the square of the pages: --no-default-nav skips it above 2,000 tasks);
  max_page_kb    the largest HTML page, full-text pages (toan-van) left out;
  peak_mb        peak memory of the hook build at N tasks;
  first_visit_kb everything a first visit to the home page transfers, uncompressed, in
                 Chromium against a plain static server (http.server's handler on 127.0.0.1,
                 which counts the bytes it sends);
  search_kb      everything transferred after typing one toneless query, results shown;
  preview_edit_s in a running preview (scripts/preview.py), seconds from saving one task's
                 update note to its page showing it; preview_ratio = preview_edit_s / build_s;
  and our site again at 2N tasks, for scaling = time(2N) / time(N).
The last line is machine-readable. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml
from synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
QUERY = "ve sinh an toan thuc pham"
INDEX_LOG = re.compile(r"Chỉ mục tìm kiếm: (\d+) trang, ([0-9.]+) giây")
# Runs MkDocs in a child process and reports that process's peak memory on exit.
RUNNER = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def build(config: Path, site: Path) -> tuple[float, float, float]:
    """Seconds, peak MB and search-index seconds (0 if none) of one `mkdocs build`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed for {config}:\n{result.stderr[-2000:]}")
    peak = next(line for line in result.stderr.splitlines() if line.startswith("PEAK_KB"))
    index = INDEX_LOG.search(result.stderr)
    return seconds, int(peak.split()[1]) / 1024, float(index.group(2)) if index else 0.0


def render(config: Path, out: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "render.py"),
            "--config",
            str(config),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )


def largest_page(site: Path, *, full_text: bool = True) -> tuple[float, str]:
    """KB and path of the largest HTML page; `full_text=False` leaves out the plans' texts."""
    pages = [p for p in site.rglob("*.html") if full_text or p.parent.name != "toan-van"]
    biggest = max(pages, key=lambda p: (p.stat().st_size, str(p)))
    return biggest.stat().st_size / 1024, biggest.relative_to(site).as_posix()


def largest_page_kb(site: Path) -> float:
    return largest_page(site)[0]


def largest_full_text_kb(site: Path) -> float:
    return max(p.stat().st_size for p in site.glob("ke-hoach/*/toan-van/index.html")) / 1024


class _Counting(http.server.SimpleHTTPRequestHandler):
    """The handler of `python -m http.server`, counting the bytes of what it sends.

    Counted at the server because the browser reports no response for what Pagefind
    fetches from its worker.
    """

    sent: list[int]

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.sent.append(int(value))
        super().send_header(keyword, value)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(site: Path) -> Iterator[tuple[str, list[int]]]:
    """A plain static server on 127.0.0.1 (no compression), and the sizes it has sent."""
    sent: list[int] = []
    handler = type("Handler", (_Counting,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def transfer_kb(site: Path, query: str = QUERY) -> tuple[float, float] | None:
    """KB a first visit to the home page transfers, then KB one search transfers."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).is_file():
        return None
    with static_server(site) as (base, sent), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(base, wait_until="networkidle")
        page.wait_for_timeout(500)
        first = sum(sent)
        page.locator('label.md-header__button[for="__search"]').click()
        page.keyboard.type(query, delay=20)
        page.wait_for_function(
            "q => { const r = document.querySelector('.md-search-result');"
            " return r && r.dataset.query === q && r.querySelector('li'); }",
            arg=query,
            timeout=60000,
        )
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        searched = sum(sent) - first
        browser.close()
    return first / 1024, searched / 1024


def default_nav(rendered: Path) -> tuple[float, float]:
    """Seconds and largest page of the rendered pages with MkDocs' default navigation."""
    settings = yaml.safe_load((rendered / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("nav", "not_in_nav"):
        settings.pop(key, None)
    config = rendered / "mkdocs-default-nav.yml"
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    seconds, _, _ = build(config, rendered / "site-default-nav")
    return seconds, largest_page_kb(rendered / "site-default-nav")


NOTE = re.compile(r'\n  - id: (\S+)\n(?:    .*\n)*?        note: "([^"]*)"')


def preview_edit_s(corpus: Path) -> float:
    """Seconds from saving one task's update note to its page showing it in the preview
    (`scripts/preview.py`, as `scripts/dev serve` runs it), the preview already running."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    plan = sorted((corpus / "plan_data" / "plans").glob("*.yml"))[1]
    text = plan.read_text("utf-8")
    found = NOTE.search(text)
    if found is None:
        return float("nan")
    url = f"http://127.0.0.1:{port}/ke-hoach/{plan.stem}/nhiem-vu/{found[1]}/"
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "preview.py"), "-a", f"127.0.0.1:{port}"],
        cwd=corpus,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = _wait_for(url, lambda body: True, 900)
        assert page is not None, "the preview never served the task page"
        time.sleep(2)
        edited = "Ghi chú sửa trong bản xem trước"
        start = time.perf_counter()
        plan.write_text(text.replace(f'note: "{found[2]}"', f'note: "{edited}"', 1), "utf-8")
        _wait_for(url, lambda body: edited in body, 300)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
        plan.write_text(text, "utf-8")


def _wait_for(url: str, ready: Callable[[str], bool], timeout: float) -> str | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                body = response.read().decode("utf-8")
            if ready(body):
                return str(body)
        except OSError:
            pass
        time.sleep(0.05)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep the corpora and sites here")
    parser.add_argument("--no-default-nav", action="store_true", help="skip the default nav")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    n = args.tasks

    corpus = work / f"corpus-{n}"
    write_corpus(corpus, n)
    data_mb = sum(p.stat().st_size for p in (corpus / "plan_data").rglob("*")) / 1024**2
    plans = len(list((corpus / "plan_data" / "plans").glob("*.yml")))
    build_s, peak_mb, index_s = build(corpus / "mkdocs.yml", corpus / "site")
    site = corpus / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    max_page_kb, max_page = largest_page(site, full_text=False)
    print(
        f"hook build, {n} tasks, {plans} plans, {data_mb:.1f} MB of plan data: {build_s:.1f} s "
        f"(search index {index_s:.1f} s), {pages} pages, peak {peak_mb:.0f} MB; largest page "
        f"{max_page_kb:.1f} KB ({max_page}), largest full text {largest_full_text_kb(site):.1f} KB"
    )

    rendered = work / f"rendered-{n}"
    render(corpus / "mkdocs.yml", rendered)
    plain_s, _, _ = build(rendered / "mkdocs.yml", rendered / "site")
    print(f"plain MkDocs, same pages and nav: {plain_s:.1f} s")

    default_nav_s = vs_default = float("nan")
    if not args.no_default_nav:
        default_nav_s, default_kb = default_nav(rendered)
        vs_default = build_s / default_nav_s
        print(f"plain MkDocs, default nav: {default_nav_s:.1f} s, largest page {default_kb:.1f} KB")

    edit_s = preview_edit_s(corpus)
    print(f"preview: one task note edited, visible on its page after {edit_s:.2f} s")

    transfer = transfer_kb(site)
    first_kb, search_kb = transfer or (float("nan"), float("nan"))
    print(f"first visit {first_kb:.0f} KB; one toneless search ({QUERY!r}) {search_kb:.0f} KB")

    double = work / f"corpus-{2 * n}"
    write_corpus(double, 2 * n)
    double_s, double_peak, _ = build(double / "mkdocs.yml", double / "site")
    print(f"hook build, {2 * n} tasks: {double_s:.1f} s, peak {double_peak:.0f} MB")

    print(
        f"tasks={n} pages={pages} build_s={build_s:.2f} index_s={index_s:.2f} "
        f"plain_s={plain_s:.2f} default_nav_s={default_nav_s:.2f} "
        f"ratio={(build_s - index_s) / plain_s:.2f} vs_default={vs_default:.2f} "
        f"scaling={double_s / build_s:.2f} max_page_kb={max_page_kb:.1f} peak_mb={peak_mb:.0f} "
        f"first_visit_kb={first_kb:.0f} search_kb={search_kb:.0f} "
        f"preview_edit_s={edit_s:.2f} preview_ratio={edit_s / build_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
