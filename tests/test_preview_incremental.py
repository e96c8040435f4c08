"""The fast preview rebuilds only what changed, and what it serves equals a clean build.

Runs `scripts/preview.py` (dirty builds) on a copy of the sample project, edits one
task's update note, waits for the task page to show it, then compares the pages the
preview serves with a clean `mkdocs build` of the edited project.
"""

from __future__ import annotations

import re
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project, run_build, running_preview, without_worker

PLAN = "ke-hoach-thanh-pho-mau"
PAGES = [
    "",
    f"ke-hoach/{PLAN}/",
    f"ke-hoach/{PLAN}/tien-do/",
    "moi-cap-nhat/",
    "tien-do/",
    "lich/",
    "co-quan/",
]
# What only the preview adds: its live-reload script, its note, and links to its own address.
LIVE = re.compile(
    r"<script>\s*var livereload.*?</script>|<p class=\"xem-truoc\">.*?</p>"
    r"|\s*<link rel=\"canonical\"[^>]*>|\s*<meta property=\"og:url\"[^>]*>",
    re.S,
)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = copy_project(ROOT / "examples" / "sample", tmp_path / "p")
    with running_preview(root) as url:
        yield url, root


def test_an_edit_rebuilds_its_pages_and_the_preview_equals_a_clean_build(
    preview: tuple[str, Path], tmp_path: Path
) -> None:
    url, root = preview
    plan = root / "plan_data" / "plans" / f"{PLAN}.yml"
    text = plan.read_text("utf-8")
    found = re.search(r'\n  - id: (\S+)\n(?:    .*\n)*?        note: "([^"]*)"', text)
    assert found
    task, note = found.groups()
    task_url = f"{url}ke-hoach/{PLAN}/nhiem-vu/{task}/"
    assert "Bản xem trước nhanh" in fetch(task_url)
    assert "plansite-offline.js" not in fetch(task_url)  # no service worker in the preview
    edited = "Ghi chú đã sửa trong bản xem trước"
    plan.write_text(text.replace(f'note: "{note}"', f'note: "{edited}"', 1), "utf-8")
    deadline = time.monotonic() + 60
    while edited not in fetch(task_url):
        assert time.monotonic() < deadline, "the edit never reached the task page"
        time.sleep(0.2)
    time.sleep(1)
    clean = tmp_path / "clean"
    run_build(root / "mkdocs.yml", clean)
    for page in [f"ke-hoach/{PLAN}/nhiem-vu/{task}/", *PAGES]:
        served = " ".join(LIVE.sub("", fetch(url + page)).split())
        html = without_worker((clean / page / "index.html").read_text("utf-8"))
        built = " ".join(LIVE.sub("", html).split())
        assert served == built, page
