"""The service worker a build leaves for the web server, the manifest, and where they are not.

What the worker does in a browser is tested in tests/browser/test_saved_copies.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from plansite.theme import offline
from plansite.theme.publish import Publication

from .conftest import ROOT, copy_project, run_build

PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"
WORKBOX_PACKAGES = ROOT / "node_modules"


def worker_settings(site: Path) -> dict[str, object]:
    found = re.search(r"const SETTINGS = (\{.*\});", (site / "sw.js").read_text("utf-8"))
    assert found, "sw.js has no settings"
    settings: dict[str, object] = json.loads(found.group(1))
    return settings


def test_the_build_saves_the_home_page_guide_full_texts_leaflet_and_their_files(
    real_site: Path,
) -> None:
    settings = worker_settings(real_site)
    precache = settings["precache"]
    assert isinstance(precache, list)
    pages = ["./", "nguoi-dan/", f"{PLAN}/toan-van/", "to-thong-tin/", "ngoai-tuyen/"]
    assert precache[: len(pages)] == pages
    files = precache[len(pages) :]
    for path in pages:
        assert (real_site / path / "index.html").is_file(), path
    for path in files:
        assert (real_site / path).is_file(), path
    assert any(re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", f) for f in files)
    assert any(re.fullmatch(r"assets/javascripts/bundle\.\w+\.min\.js", f) for f in files)
    assert {"manifest.webmanifest", "assets/javascripts/plansite-offline.js"} <= set(files)
    # Every file that the saved pages load is saved with them.
    for path in pages:
        html = (real_site / path / "index.html").read_text("utf-8")
        assert set(offline.loaded_by(html, path.removesuffix("./"))) <= set(files), path
    assert settings["offline"] == "ngoai-tuyen/"
    assert settings["version"] == offline.version(real_site)


def test_any_change_to_the_site_gives_a_new_worker_version(real_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    before = offline.version(copy)
    page = next(copy.glob(f"{PLAN}/nhiem-vu/*/index.html"))  # a page no one saved at install
    page.write_text(page.read_text("utf-8").replace("</h1>", " </h1>", 1), "utf-8")
    after = offline.version(copy)
    assert after != before
    (copy / "sw.js").write_text("changed", "utf-8")  # the worker itself is not in its hash
    (copy / "index.html.br").write_bytes(b"")  # nor are the compressed copies
    assert offline.version(copy) == after


def test_the_manifest_is_vietnamese_and_its_icon_is_served(real_site: Path) -> None:
    manifest = json.loads((real_site / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["lang"] == "vi"
    assert manifest["name"].startswith("Kế hoạch bảo vệ môi trường")
    assert manifest["short_name"] == "BVMT Trà Vinh"
    assert manifest["start_url"] == manifest["scope"] == "./"
    for icon in manifest["icons"]:
        assert (real_site / icon["src"]).is_file()
    home = (real_site / "index.html").read_text("utf-8")
    assert '<link rel="manifest" href="manifest.webmanifest">' in home
    assert 'data-worker="sw.js" data-scope="."' in home


def test_every_page_carries_the_hidden_saved_copy_banner(real_site: Path) -> None:
    for page in real_site.rglob("index.html"):
        html = page.read_text("utf-8")
        assert html.count("data-saved-copy hidden") == 1, page
        assert "<span data-saved-date></span>" in html, page


def test_the_file_copy_has_no_worker(tmp_path: Path) -> None:
    site = tmp_path / "offline"
    run_build(ROOT / "mkdocs.yml", site, {"OFFLINE": "true"})
    assert not (site / "sw.js").exists()
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "plansite-offline.js" not in html and 'rel="manifest"' not in html, page
        assert "data-saved-copy" not in html, page


def test_turning_the_worker_off_ships_one_that_removes_itself(tmp_path: Path) -> None:
    root = copy_project(ROOT, tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "plansite_worker: true" in text
    config.write_text(text.replace("plansite_worker: true", "plansite_worker: false"), "utf-8")
    run_build(config, root / "site")
    worker = (root / "site" / "sw.js").read_text("utf-8")
    assert "unregister()" in worker and "importScripts" not in worker
    for page in (root / "site").rglob("*.html"):
        assert "plansite-offline.js" not in page.read_text("utf-8"), page


@pytest.mark.parametrize(
    ("command_serves", "extra", "registers"),
    [
        (False, {}, True),
        (True, {}, False),  # the preview (mkdocs serve)
        (False, {"plansite_offline": True}, False),  # the file:// copy
        (False, {"plansite_worker": False}, False),
    ],
)
def test_only_a_build_for_a_web_server_registers_the_worker(
    command_serves: bool, extra: dict[str, object], registers: bool
) -> None:
    publication = Publication(for_server=not command_serves)
    saved = offline.theme_extra(enabled=False)
    config = SimpleNamespace(extra={**extra, "plansite_saved": saved}, use_directory_urls=True)
    publication.configure(config)
    assert saved["worker"] is registers


def test_the_vendored_workbox_files_are_the_npm_packages_own() -> None:
    """assets/workbox/ holds Workbox's built files as npm ships them (package.json pins them)."""
    vendored = ROOT / "hooks" / "plansite" / "theme" / "assets" / "workbox"
    pins = json.loads((ROOT / "package.json").read_text("utf-8"))["devDependencies"]
    for name in offline.WORKBOX_FILES:
        package = name.removesuffix(".prod.js")
        assert pins[package] == "7.4.1"
        installed = WORKBOX_PACKAGES / package / "build" / name
        if not installed.is_file():
            pytest.skip(f"{package} is not installed (npm ci, as scripts/dev test runs it)")
        assert (vendored / name).read_bytes() == installed.read_bytes(), name
