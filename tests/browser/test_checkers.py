"""Outside checkers: the Nu HTML Checker on every page, Lighthouse on every page type.

Lighthouse 12.2.3 (mobile preset, simulated slow 4G) runs once on one page of each type,
served by a plain static server with no compression. Accessibility, best practices and SEO
must score 100: their audits do not depend on timing. Of what the performance score is made
of, only what does not depend on the machine's speed is asserted: the bytes a first visit
transfers, the DOM's size, and which files block rendering. The timed score itself (the
project aims at a median of 90) is a benchmark figure: scripts/lighthouse_scores.py measures
it, three runs a page, and BENCHMARKS.md records it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT
from .conftest import CHROMIUM, PAGE_TYPES, require_chromium

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = Path(__file__).with_name("lighthouse.mjs")


def need(tool: str, path: Path | None = None) -> None:
    if (path is None and shutil.which(tool)) or (path is not None and path.is_file()):
        return
    reason = f"{tool} is not available ({path or 'not on PATH'})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI installs it (scripts/dev test runs npm ci).")
    pytest.skip(reason)


def test_nu_html_checker_finds_no_errors(real_site: Path, sample_site: Path) -> None:
    need("java")
    need("vnu.jar", VNU)
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(real_site),
            str(sample_site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [f"{m['url']}: {m['message']}" for m in messages] == []


def lighthouse(urls: list[str], runs: int, what: str, parallel: int = 1) -> list[dict[str, Any]]:
    """Lighthouse reports, one per URL and run (tests/browser/lighthouse.mjs says what each
    holds); `parallel` processes split the URLs."""
    require_chromium()
    need("node")
    need("lighthouse", ROOT / "node_modules" / "lighthouse" / "package.json")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    shares = [urls[i::parallel] for i in range(parallel)]
    processes = [
        subprocess.Popen(
            ["node", str(LIGHTHOUSE), str(runs), what, *share],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for share in shares
        if share
    ]
    reports = []
    for process in processes:
        out, err = process.communicate()
        assert process.returncode == 0, err[-2000:]
        reports += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return reports


def every_page_type() -> list[tuple[str, str]]:
    return [
        (site, path)
        for site, pages in PAGE_TYPES.items()
        for path in pages.values()
        if path != "404.html"
    ]


@pytest.fixture(scope="module")
def lighthouse_reports(sites: dict[str, str]) -> list[dict[str, Any]]:
    """One Lighthouse run on every page type: accessibility, best practices, SEO, and the
    audits that count bytes and DOM nodes (no performance score, no timing). None of it
    depends on timing, so two processes share the pages."""
    urls = [sites[site] + path for site, path in every_page_type()]
    reports = lighthouse(urls, 1, "accessibility,best-practices,seo,weight", parallel=2)
    assert sorted(r["url"] for r in reports) == sorted(urls)
    assert [(r["url"], r["runtimeError"]) for r in reports if r["runtimeError"]] == []
    return reports


def test_lighthouse_accessibility_best_practices_seo_are_100_on_every_page_type(
    lighthouse_reports: list[dict[str, Any]],
) -> None:
    below = [
        (r["url"], r["scores"], r["failing"])
        for r in lighthouse_reports
        if not all(score == 100 for score in r["scores"].values())
    ]
    assert below == []


MAX_BYTES = 400_000  # everything a first visit transfers, uncompressed
MAX_DOM = 1_400  # Lighthouse's own threshold for an excessive DOM
# The only files allowed to block rendering: the theme's stylesheet and the site's own two.
# Chromium marks a request render-blocking from the markup alone (read from the trace), so
# this holds or not whatever the machine's speed; Lighthouse's render-blocking audit would
# leave out files that happened to load within 50 ms.
# The stylesheets, and the theme's small scripts that ran inline in <head> before the build
# moved them to files for the Content-Security-Policy (theme/scripts.py): they must still run
# before the page is drawn, so they block it as they did inline.
MAY_BLOCK = re.compile(
    r"/assets/(stylesheets/(main\.[0-9a-f]+\.min|plansite|plansite-search)\.css"
    r"|javascripts/page-script\.[0-9a-f]+\.js)$"
)


def test_every_page_type_is_light_small_and_blocked_by_stylesheets_only(
    sites: dict[str, str], lighthouse_reports: list[dict[str, Any]]
) -> None:
    facts = {r["url"]: r["facts"] for r in lighthouse_reports}
    heavy = {url: f["bytes"] for url, f in facts.items() if f["bytes"] > MAX_BYTES}
    large = {url: f["dom"] for url, f in facts.items() if f["dom"] > MAX_DOM}
    blocking = {
        (page, url)
        for page, f in facts.items()
        for url in f["blocking"]
        if not (url.startswith(tuple(sites.values())) and MAY_BLOCK.search(url))
    }
    assert (heavy, large, blocking) == ({}, {}, set())
    # The theme's stylesheet blocks every page: proof that the trace was read at all.
    assert all(f["blocking"] for f in facts.values())
