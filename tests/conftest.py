"""Shared helpers: project paths, copies of fixture projects, and MkDocs builds."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]

# Set PLANSITE_REGEN=1 to rewrite golden files and expected messages from the current output.
REGEN = os.environ.get("PLANSITE_REGEN") == "1"


# What a build for a web server adds to every page for the service worker, and the preview and
# a build without the hook do not: the manifest, the theme colour, the hidden saved-copy banner
# and the script that registers the worker.
WORKER_PARTS = re.compile(
    r'\n  <link rel="manifest" href="[^"]*">'
    r'|\n  <meta name="theme-color" content="[^"]*">'
    r'|\n  <p class="ban-da-luu" data-saved-copy hidden>.*?</p>'
    r'|\n  <script src="[^"]*plansite-offline\.js" data-worker="[^"]*" data-scope="[^"]*"></script>'
)


def without_worker(html: str) -> str:
    return WORKER_PARTS.sub("", html)


def run_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> str:
    """`mkdocs build --strict` (never with -q, which hides warnings from --strict)."""
    inherited = {k: v for k, v in os.environ.items() if not k.endswith("_EPOCH")}
    full_env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=full_env,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result.stderr


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project to `target`, with this repository's hooks/ and overrides/ beside it.

    Fixture projects point at ../../../hooks (the sample at ../../hooks); the copy points
    at its own.
    """
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("docs", "plan_data"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=ignore)
    for name in ("overrides", "hooks"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    config = re.sub(
        r"(?:\.\./)+(hooks|overrides)", r"\1", (source / "mkdocs.yml").read_text(encoding="utf-8")
    )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the session."""
    site = tmp_path_factory.mktemp("real") / "site"
    run_build(ROOT / "mkdocs.yml", site)
    return site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for the session."""
    site = tmp_path_factory.mktemp("sample") / "site"
    run_build(ROOT / "examples" / "sample" / "mkdocs.yml", site)
    return site


@pytest.fixture(scope="session")
def nginx_sites(
    real_site: Path, sample_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """Both sites served by Debian's nginx with a copy of deploy/nginx/site.conf."""
    from .nginx_server import require_nginx, start_nginx

    require_nginx()
    started = {}
    try:
        for name, site in (("real", real_site), ("sample", sample_site)):
            started[name] = start_nginx(site, tmp_path_factory.mktemp(f"nginx-{name}"))
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture
def project(tmp_path: Path) -> Callable[[Path], Path]:
    """Copy a project into a temporary folder and return the copy's root."""

    def make(source: Path = ROOT) -> Path:
        return copy_project(source, tmp_path / "project")

    return make


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_preview(root: Path, ready: str = "") -> Iterator[str]:
    """`scripts/preview.py` (what `scripts/dev serve` runs) serving `root`; yields its URL
    once the page at `ready` answers, and stops the server afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "preview.py"), "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + ready, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
