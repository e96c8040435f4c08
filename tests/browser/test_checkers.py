"""Outside checkers: the Nu HTML Checker on every page, Lighthouse on every page type.

Lighthouse 12.2.3 (mobile preset, simulated slow 4G) runs on pages served by a plain
static server with no compression. Accessibility, best practices and SEO must score 100
on every page type; performance must reach 90 as the median of three runs.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

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


def lighthouse(urls: list[str], runs: int, categories: str, parallel: int = 1) -> list[dict]:
    """Lighthouse reports, one per URL and run; `parallel` processes split the URLs."""
    require_chromium()
    need("node")
    need("lighthouse", ROOT / "node_modules" / "lighthouse" / "package.json")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    shares = [urls[i::parallel] for i in range(parallel)]
    processes = [
        subprocess.Popen(
            ["node", str(LIGHTHOUSE), str(runs), categories, *share],
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


def test_lighthouse_accessibility_best_practices_seo_are_100_on_every_page_type(
    sites: dict[str, str],
) -> None:
    # These audits do not depend on timing, so two processes share the pages.
    urls = [sites[site] + path for site, path in every_page_type()]
    reports = lighthouse(urls, 1, "accessibility,best-practices,seo", parallel=2)
    assert len(reports) == len(urls)
    below = [
        (r["url"], r["scores"], r["failing"]) for r in reports if min(r["scores"].values()) < 100
    ]
    assert below == []


# Performance is timing-sensitive: one process, three runs each, judged on the median.
# Both home pages, the longest text page and a chart-and-table page.
PERFORMANCE_PAGES = [
    ("real", ""),
    ("real", PAGE_TYPES["real"]["toan-van"]),
    ("sample", ""),
    ("sample", PAGE_TYPES["sample"]["mot-co-quan"]),
]
MAX_BYTES = 400_000  # everything a first visit transfers, uncompressed
MAX_DOM = 1_400  # Lighthouse's own threshold for an excessive DOM


def medians(reports: list[dict]) -> dict[str, float]:
    runs: dict[str, list[int]] = {}
    for report in reports:
        runs.setdefault(report["url"], []).append(report["scores"]["performance"])
    return {url: statistics.median(scores) for url, scores in runs.items()}


def test_lighthouse_performance_median_is_at_least_90(sites: dict[str, str]) -> None:
    """What does not depend on timing is asserted on every run: bytes, DOM size, no file
    that blocks rendering but the theme's own stylesheet. The timing score is judged on the
    median of three runs; a page below 90 is measured once more (three runs) before the
    test fails, since a busy machine slows single runs."""
    urls = [sites[site] + path for site, path in PERFORMANCE_PAGES]
    reports = lighthouse(urls, 3, "performance")
    for report in reports:
        metrics = report["metrics"]
        assert metrics["bytes"] <= MAX_BYTES and metrics["dom"] <= MAX_DOM, report
        blocking = [u for u in metrics["blocking"] if "/assets/stylesheets/main." not in u]
        assert not blocking, report
    found = medians(reports)
    slow = [url for url, median in found.items() if median < 90]
    if slow:
        found |= {
            u: max(m, found[u]) for u, m in medians(lighthouse(slow, 3, "performance")).items()
        }
    assert len(found) == len(urls) and min(found.values()) >= 90, found
