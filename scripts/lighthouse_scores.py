"""Lighthouse performance scores of every page type, as figures: printed, never asserted.

Usage: python scripts/lighthouse_scores.py [--runs 3] [--real-site DIR] [--sample-site DIR]
                                           [--page SITE:NAME ...]

Builds the real site (mkdocs.yml) and the sample (examples/sample/mkdocs.yml) with
`mkdocs build --strict`, unless built folders are given; serves each with a plain static
server on 127.0.0.1 (Python's http.server handler, no compression, as the browser tests do);
runs Lighthouse 12 (mobile preset, simulated slow 4G, through tests/browser/lighthouse.mjs)
RUNS times on one page of each type (the browser tests' list, tests/browser/pages.json,
404.html left out), one run after another in one Chromium. Prints, per page, the median
performance score with every run's score and the median simulated timings, then a
machine-readable last line.

The score depends on how fast the machine is while it measures (a page that scores 92 on a
quiet machine scored 89 on a busy CI machine), so it is a benchmark figure here and not a
test. The browser tests assert what does not depend on timing: bytes, DOM size, which files
block rendering (tests/browser/test_checkers.py).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "browser" / "lighthouse.mjs"
PAGES = ROOT / "tests" / "browser" / "pages.json"
CONFIGS = {"real": ROOT / "mkdocs.yml", "sample": ROOT / "examples" / "sample" / "mkdocs.yml"}
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
TARGET = 90  # the score the project aims at, as a median of the runs


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (3)")
    parser.add_argument("--real-site", type=Path, help="a built real site (skips its build)")
    parser.add_argument("--sample-site", type=Path, help="a built sample site (skips its build)")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="SITE:NAME",
        help="only these pages, e.g. real:trang-chu (repeatable); default: every page type",
    )
    return parser.parse_args()


def build(site: str, out: Path) -> Path:
    """`mkdocs build --strict` of one site into `out`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIGS[site])]
    result = subprocess.run(
        [*command, "-d", str(out)], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed for {site}:\n{result.stderr[-3000:]}")
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> str:
    """Serve `folder` on 127.0.0.1 from a daemon thread; returns its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def pages(selected: list[str]) -> list[tuple[str, str, str]]:
    """(site, page type, path) of the pages to measure."""
    types: dict[str, dict[str, str]] = json.loads(PAGES.read_text(encoding="utf-8"))
    found = [
        (site, name, path)
        for site, paths in types.items()
        for name, path in paths.items()
        if path != "404.html"
    ]
    if selected:
        found = [page for page in found if f"{page[0]}:{page[1]}" in selected]
        missing = set(selected) - {f"{site}:{name}" for site, name, _ in found}
        if missing:
            sys.exit(f"unknown pages: {', '.join(sorted(missing))}")
    return found


def lighthouse(urls: list[str], runs: int) -> Iterator[dict[str, Any]]:
    """Lighthouse's performance reports, one per URL and run, as they come."""
    for tool, path in (("node", shutil.which("node")), ("Chromium", CHROMIUM)):
        if not path or not Path(path).is_file():
            sys.exit(f"{tool} is not installed")
    if not (ROOT / "node_modules" / "lighthouse" / "package.json").is_file():
        sys.exit("Lighthouse is not installed: run `npm ci`")
    process = subprocess.Popen(
        ["node", str(RUNNER), str(runs), "performance", *urls],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("{"):
            yield json.loads(line)
    if process.wait() != 0:
        sys.exit(f"Lighthouse failed (exit status {process.returncode})")


def median(values: list[Any]) -> float:
    numbers = [v for v in values if v is not None]
    return statistics.median(numbers) if numbers else float("nan")


def summary(site: str, name: str, reports: list[dict[str, Any]]) -> tuple[float, str]:
    """The median score of one page, and its printed line."""
    scores = [r["scores"].get("performance") for r in reports]
    timings = {key: median([r["timings"][key] for r in reports]) for key in reports[0]["timings"]}
    errors = sorted({r["runtimeError"] for r in reports if r["runtimeError"]})
    score = median(scores)
    runs = " ".join("-" if s is None else str(s) for s in scores)
    line = (
        f"{site:<7}{name:<18}{score:>5.0f}  ({runs})  fcp {timings['fcp'] / 1000:.1f} s"
        f"  lcp {timings['lcp'] / 1000:.1f} s  tbt {timings['tbt']:.0f} ms"
        f"  cls {timings['cls']:.3f}  si {timings['si'] / 1000:.1f} s"
        f"  {reports[0]['facts']['bytes'] / 1024:.0f} KB  {reports[0]['facts']['dom']:.0f} nodes"
    )
    return score, line + (f"  errors: {', '.join(errors)}" if errors else "")


def main() -> None:
    args = parse_args()
    chosen = pages(args.page)
    given = {"real": args.real_site, "sample": args.sample_site}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        folders = {
            site: given[site] or build(site, Path(tmp) / site)
            for site in sorted({site for site, _, _ in chosen})
        }
        bases = {site: serve(folder) for site, folder in folders.items()}
        urls = {bases[site] + path: (site, name) for site, name, path in chosen}
        print(f"Lighthouse performance, median of {args.runs} runs per page (scores of each run)")
        reports: dict[str, list[dict[str, Any]]] = {}
        medians: list[float] = []
        for report in lighthouse(list(urls), args.runs):
            reports.setdefault(report["url"], []).append(report)
            if len(reports[report["url"]]) == args.runs:
                score, line = summary(*urls[report["url"]], reports[report["url"]])
                medians.append(score)
                print(line, flush=True)
    below = sum(1 for m in medians if not m >= TARGET)
    print(
        f"lighthouse runs={args.runs} pages={len(medians)} min={min(medians):.0f}"
        f" median={statistics.median(medians):.0f} below_{TARGET}={below}"
    )


if __name__ == "__main__":
    main()
