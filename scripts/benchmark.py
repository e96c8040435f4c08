"""Measure the build at scale: our hook against plain MkDocs on the same pages.

Usage: python scripts/benchmark.py --tasks N [--keep DIR]

One run generates a synthetic corpus of N tasks, then times:
  build_s        our site, built with the hook;
  plain_s        the same pages written by scripts/render.py, built by plain MkDocs with
                 the same (bounded) navigation: the difference is our pipeline's cost;
  default_nav_s  the same pages with MkDocs' default navigation (every page in it);
  and our site again at 2N tasks, for scaling = time(2N) / time(N).
The last line is machine-readable. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from synthetic import write_corpus

ROOT = Path(__file__).resolve().parent.parent
# Runs MkDocs in a child process and reports that process's peak memory on exit.
RUNNER = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def build(config: Path, site: Path) -> tuple[float, float]:
    """Seconds and peak MB of one `mkdocs build` in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed for {config}:\n{result.stderr[-2000:]}")
    peak = next(line for line in result.stderr.splitlines() if line.startswith("PEAK_KB"))
    return seconds, int(peak.split()[1]) / 1024


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


def largest_page_kb(site: Path) -> float:
    return max(p.stat().st_size for p in site.rglob("*.html")) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="keep the corpora and sites here")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    n = args.tasks

    corpus = work / f"corpus-{n}"
    write_corpus(corpus, n)
    build_s, _ = build(corpus / "mkdocs.yml", corpus / "site")
    pages = sum(1 for _ in (corpus / "site").rglob("*.html"))
    max_page_kb = largest_page_kb(corpus / "site")
    print(f"hook build, {n} tasks: {build_s:.1f} s, {pages} pages, largest {max_page_kb:.1f} KB")

    rendered = work / f"rendered-{n}"
    render(corpus / "mkdocs.yml", rendered)
    plain_s, _ = build(rendered / "mkdocs.yml", rendered / "site")
    print(f"plain MkDocs, same pages and nav: {plain_s:.1f} s")

    settings = yaml.safe_load((rendered / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("nav", "not_in_nav"):
        settings.pop(key, None)
    default = rendered / "mkdocs-default-nav.yml"
    default.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    default_nav_s, _ = build(default, rendered / "site-default-nav")
    default_kb = largest_page_kb(rendered / "site-default-nav")
    print(
        f"plain MkDocs, default nav (every page in it): {default_nav_s:.1f} s, "
        f"largest page {default_kb:.1f} KB"
    )

    double = work / f"corpus-{2 * n}"
    write_corpus(double, 2 * n)
    double_s, peak_mb = build(double / "mkdocs.yml", double / "site")
    print(f"hook build, {2 * n} tasks: {double_s:.1f} s, peak {peak_mb:.0f} MB")

    print(
        f"tasks={n} pages={pages} build_s={build_s:.2f} plain_s={plain_s:.2f} "
        f"default_nav_s={default_nav_s:.2f} ratio={build_s / plain_s:.2f} "
        f"vs_default={build_s / default_nav_s:.2f} scaling={double_s / build_s:.2f} "
        f"max_page_kb={max_page_kb:.1f} peak_mb={peak_mb:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
