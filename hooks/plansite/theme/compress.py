"""Brotli and gzip copies beside every text file of the built site, for the web server.

nginx serves `page.html.br` or `page.html.gz` in place of `page.html` when the browser asks
for that encoding (`brotli_static`, `gzip_static`), so nothing is compressed per request.
The copies are byte for byte the same for the same tree: gzip's header carries no file name
and a time of 0, and brotli has neither.

Brotli's best setting (quality 11) costs about a second per megabyte. It is used for the
stylesheets and scripts every visit loads, whose size does not grow with the data; pages and
data files, which grow with the number of plans and tasks, get quality 8 (about 8% larger,
some 30 times faster). The theme's own search (lunr, its worker) and source maps are copied
by the theme but never loaded by these pages: they get quality 8 too.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from pathlib import Path

import brotli

# Text files worth compressing. Pagefind's index files (.pf_*, .pagefind) are gzip already.
TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".map", ".xml", ".svg", ".ics", ".csv", ".txt"}
    | {".webmanifest"}
)
BEST_SUFFIXES = frozenset({".css", ".js", ".mjs"})
NEVER_LOADED = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
BEST, FAST = 11, 8
GZIP_LEVEL = 9


@dataclass(frozen=True)
class CompressReport:
    files: int
    original: int
    brotli: int
    seconds: float


def brotli_quality(uri: str) -> int:
    """Brotli's quality for a file at `uri` (relative to the site's root, with '/')."""
    if Path(uri).suffix in BEST_SUFFIXES and not uri.startswith(NEVER_LOADED):
        return BEST
    return FAST


def gzipped(data: bytes) -> bytes:
    """gzip with no file name and a time of 0 in its header: the same bytes every time."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def text_files(site_dir: Path) -> list[Path]:
    """The files of the site that get compressed copies, in a fixed order."""
    return sorted(p for p in site_dir.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file())


def precompress(site_dir: Path) -> CompressReport:
    """Write `<file>.br` and `<file>.gz` beside every text file of the built site."""
    start = time.perf_counter()
    original = compressed = 0
    files = text_files(site_dir)
    for path in files:
        data = path.read_bytes()
        uri = path.relative_to(site_dir).as_posix()
        small = brotli.compress(data, quality=brotli_quality(uri))
        path.with_name(path.name + ".br").write_bytes(small)
        path.with_name(path.name + ".gz").write_bytes(gzipped(data))
        original += len(data)
        compressed += len(small)
    return CompressReport(len(files), original, compressed, time.perf_counter() - start)
