"""The web editor at /admin/ as a communicator uses it, on a copy of the project under git.

Starts `scripts/preview.py` (what `scripts/dev serve` runs), opens Decap CMS at /admin/,
logs in to the local backend, changes a sentence of a hand-written page, the data's date in
`site.yml`, and adds a progress update; after each save the open preview shows the change. A
broken marker is refused, with the check's message shown beside the form.
`git diff` then holds exactly the intended lines, and every request the browser made went
to 127.0.0.1. Decap comes from editor/node_modules (`scripts/dev test` installs it).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT, copy_project, running_preview

DIST = ROOT / "editor" / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
PLAN = "plan_data/plans/bao-ve-moi-truong-tp-tra-vinh.yml"
TASK_PAGE = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/nhiem-vu/tuyen-truyen-van-dong/"
REBUILD_MS = 60_000  # a save, a rebuild and the live reload after it, on a busy machine
NOTE = "Đã họp triển khai với các phường."
SENTENCE = "- **Mã trang** đúng chuẩn HTML."
ADDED = " Kiểm tra bằng bộ kiểm tra Nu."


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Thử", "-c", "user.email=thu@example.invalid", *args]
    return subprocess.run(command, cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    assert DIST.is_file(), "Decap CMS is not installed: run `scripts/dev test` (it runs npm ci)"
    root = copy_project(ROOT, tmp_path / "p")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "copy")
    with running_preview(root, "admin/config.yml") as url:
        yield url, root


def publish(page: Any) -> None:
    page.get_by_role("button", name="Công bố", exact=True).click()
    page.get_by_text("Công bố ngay", exact=True).click()


def diff(root: Path, path: str) -> tuple[list[str], list[str]]:
    lines = git(root, "diff", "-U0", "--", path).splitlines()
    removed = [x[1:] for x in lines if x.startswith("-") and not x.startswith("---")]
    added = [x[1:] for x in lines if x.startswith("+") and not x.startswith("+++")]
    return removed, added


def open_entry(context: Any, url: str, entry: str) -> Any:
    """The editor in a new tab at `entry` (Decap mixes up two entries opened in one tab)."""
    admin = context.new_page()
    admin.goto(url + "admin/#/collections/" + entry)
    return admin


def click_line_end(admin: Any, text: str) -> None:
    line = admin.locator("[data-slate-editor]").get_by_text(text)
    box = line.bounding_box()
    line.click(position={"x": box["width"] - 1, "y": box["height"] / 2})


def edit_page(context: Any, preview: Any, url: str) -> None:
    preview.goto(url + "kha-nang-tiep-can/")
    admin = open_entry(context, url, "trang/entries/kha-nang-tiep-can")
    # A click at the end of the line puts the caret there. Slate follows caret moves made by
    # keys (End, arrows) only after the browser's next selection event, which typing by a
    # script can outrun; a click it follows at once.
    click_line_end(admin, SENTENCE)
    admin.keyboard.type(ADDED)
    publish(admin)
    expect(preview.locator("article")).to_contain_text(ADDED.strip(), timeout=REBUILD_MS)


def break_marker(context: Any, url: str, root: Path) -> None:
    """A broken marker is refused beside the form with the check's message; nothing written."""
    before = (root / "docs/ve-trang-nay.md").read_bytes()
    admin = open_entry(context, url, "trang/entries/ve-trang-nay")
    click_line_end(admin, "<!-- plan:notices -->")
    admin.keyboard.type(" thêm")
    publish(admin)
    expect(admin.get_by_text(re.compile("Chưa lưu: dữ liệu sẽ có 1 lỗi"))).to_contain_text(
        "docs/ve-trang-nay.md:13:1"
    )
    assert (root / "docs/ve-trang-nay.md").read_bytes() == before


def edit_settings(context: Any, preview: Any, url: str) -> None:
    preview.goto(url + "ve-trang-nay/")
    admin = open_entry(context, url, "cai-dat/entries/site")
    as_of = admin.locator("input[type=date]").first
    expect(as_of).to_have_value("2026-12-07")  # the entry has loaded
    as_of.fill("2026-12-20")
    publish(admin)
    expect(preview.locator("article")).to_contain_text(
        "Dữ liệu cập nhật đến ngày 20/12/2026", timeout=REBUILD_MS
    )


def add_update(context: Any, preview: Any, url: str) -> None:
    preview.goto(url + TASK_PAGE)
    admin = open_entry(context, url, "tien-do/entries/bao-ve-moi-truong-tp-tra-vinh")
    task = admin.locator("[class*=SortableListItem]", has_text="tuyen-truyen-van-dong").first
    task.locator("[class*=StyledListItemTopBar] button").first.click()
    task.get_by_role("button", name=re.compile("^Thêm một lần cập nhật tiến độ")).click()
    task.locator("input[type=date]").last.fill("2026-12-01")
    task.get_by_text("Tình trạng").last.click()
    admin.keyboard.type("Đang thực hiện")
    admin.keyboard.press("Enter")
    task.locator("textarea").last.fill(NOTE)
    publish(admin)
    expect(preview.locator("article")).to_contain_text(NOTE, timeout=REBUILD_MS)


def test_a_communicator_edits_a_page_the_settings_and_the_progress(
    browser: Any, project: tuple[str, Path]
) -> None:
    url, root = project
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    admin, preview = context.new_page(), context.new_page()
    try:
        admin.goto(url + "admin/")
        admin.get_by_role("button", name="Đăng nhập").click()  # kept for the other tabs
        expect(admin.get_by_text("Trang viết tay").first).to_be_visible()
        edit_page(context, preview, url)
        break_marker(context, url, root)
        edit_settings(context, preview, url)
        add_update(context, preview, url)
    finally:
        context.close()
    changed = git(root, "diff", "--name-only").split()
    assert changed == ["docs/kha-nang-tiep-can.md", PLAN, "plan_data/site.yml"]
    assert diff(root, "docs/kha-nang-tiep-can.md") == ([SENTENCE], [SENTENCE + ADDED])
    assert diff(root, "plan_data/site.yml") == (['as_of: "2026-12-07"'], ['as_of: "2026-12-20"'])
    removed, added = diff(root, PLAN)
    assert removed == []
    assert [line.strip() for line in added] == [
        "updates:",
        '- date: "2026-12-01"',
        "status: dang-thuc-hien",
        f'note: "{NOTE}"',
    ]
    hosts = {urlsplit(u).hostname for u in requests if u.startswith(("http:", "https:", "ws"))}
    assert hosts == {"127.0.0.1"}, sorted(set(requests))
