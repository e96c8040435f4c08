"""The web editor's backend, called as Decap calls it (`POST /api/v1` with {action, params}).

Every refusal must leave every file byte for byte as it was; every accepted save must
change only the lines of what was edited. Decap re-serialises a whole YAML file
(comments, quotes and blank lines gone); PyYAML's `safe_dump` does the same here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.editor.protocol import project_of
from plansite.editor.server import EditorServer
from plansite.editor.yamlmerge import apply_yaml, load_rt, read_plain

from .conftest import ROOT

PREVIEW_PORT = 8765
ORIGIN = f"http://127.0.0.1:{PREVIEW_PORT}"
PLAN = "plan_data/plans/bao-ve-moi-truong-tp-tra-vinh.yml"
DATA_FILES = sorted(
    [*(ROOT / "plan_data").rglob("*.yml"), *(ROOT / "examples/sample/plan_data").rglob("*.yml")]
)


def decap(data: Any) -> str:
    """A whole file as Decap sends it: re-serialised, comments and quotes gone."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_an_unchanged_file_comes_back_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_rt(text)[2] == text  # ruamel.yaml's own round trip keeps every byte
    assert apply_yaml(text, decap(read_plain(text))) == text


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("docs", "plan_data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def server(project: Path) -> Iterator[EditorServer]:
    backend = EditorServer(project_of(project, project / "docs", "Thử"), PREVIEW_PORT)
    backend.start()
    yield backend
    backend.shutdown()
    backend.server_close()


def call(
    server: EditorServer, body: Any, *, origin: str | None = ORIGIN, host: str | None = None
) -> tuple[int, Any, dict[str, str]]:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if origin:
        headers["Origin"] = origin
    if host:
        headers["Host"] = host
    request = urllib.request.Request(
        server.url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error), dict(error.headers)


def persist(server: EditorServer, path: str, raw: str, **kw: Any) -> tuple[int, Any]:
    params = {"dataFiles": [{"path": path, "raw": raw, "slug": "x"}], "assets": []}
    status, body, _ = call(server, {"action": "persistEntry", "params": params}, **kw)
    return status, body


def entry(server: EditorServer, path: str) -> str:
    status, body, _ = call(server, {"action": "getEntry", "params": {"path": path}})
    assert status == 200
    return str(body["data"])


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib

    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")]
    added = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
    return removed, added


def test_info_answers_as_decap_server_does(server: EditorServer) -> None:
    status, body, headers = call(server, {"action": "info"})
    assert status == 200
    assert body["publish_modes"] == ["simple"] and body["type"] == "local_fs"
    assert headers["Access-Control-Allow-Origin"] == ORIGIN


def test_saving_one_field_changes_only_its_line(server: EditorServer, project: Path) -> None:
    before = (project / "plan_data/site.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(entry(server, "plan_data/site.yml"))
    data["as_of"] = "2026-12-20"
    assert persist(server, "plan_data/site.yml", decap(data))[0] == 200
    after = (project / "plan_data/site.yml").read_text(encoding="utf-8")
    assert changed_lines(before, after) == (
        [line for line in before.splitlines() if line.startswith("as_of:")],
        ['as_of: "2026-12-20"'],
    )


def test_a_new_update_adds_lines_only(server: EditorServer, project: Path) -> None:
    before = (project / PLAN).read_text(encoding="utf-8")
    data = yaml.safe_load(entry(server, PLAN))
    update = {"date": "2026-12-01", "status": "dang-thuc-hien", "note": "Đã họp: kế hoạch quý"}
    data["tasks"][0]["updates"] = [{**update, "evidence": {"document": "", "url": ""}}]
    assert persist(server, PLAN, decap(data))[0] == 200
    removed, added = changed_lines(before, (project / PLAN).read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == [
        "updates:",
        '- date: "2026-12-01"',
        "status: dang-thuc-hien",
        'note: "Đã họp: kế hoạch quý"',
    ]


def refused(server: EditorServer, project: Path, path: str, raw: str, **kw: Any) -> str:
    before = snapshot(project)
    status, body = persist(server, path, raw, **kw)
    assert status in (403, 422), body
    assert snapshot(project) == before
    return str(body["error"])


def test_an_invalid_date_is_refused_with_the_checks_message(
    server: EditorServer, project: Path
) -> None:
    data = yaml.safe_load(entry(server, "plan_data/site.yml"))
    data["as_of"] = "31/12/2025"
    error = refused(server, project, "plan_data/site.yml", decap(data))
    assert error.startswith("Chưa lưu:")
    assert "plan_data/site.yml:3:" in error and "as_of: ngày phải viết dạng NĂM-THÁNG-NGÀY" in error
    assert "Có phải ý bạn là '2025-12-31'?" in error


def _with_one_update(server: EditorServer) -> dict[str, Any]:
    data = yaml.safe_load(entry(server, PLAN))
    data["tasks"][0]["updates"] = [{"date": "2026-12-01", "status": "dang-thuc-hien"}]
    assert persist(server, PLAN, decap(data))[0] == 200
    return dict(yaml.safe_load(entry(server, PLAN)))


def test_a_saved_update_cannot_be_changed(server: EditorServer, project: Path) -> None:
    data = _with_one_update(server)
    data["tasks"][0]["updates"][0]["status"] = "hoan-thanh"
    error = refused(server, project, PLAN, decap(data))
    assert "tasks[0].updates[0]" in error and "đã bị sửa" in error
    assert "hãy thêm một lần cập nhật mới" in error


def test_a_saved_update_cannot_be_removed(server: EditorServer, project: Path) -> None:
    data = _with_one_update(server)
    data["tasks"][0]["updates"] = []
    error = refused(server, project, PLAN, decap(data))
    assert "đã bị xóa" in error and "đính chính" in error


def test_the_plan_text_is_not_edited_through_the_form(server: EditorServer, project: Path) -> None:
    data = yaml.safe_load(entry(server, PLAN))
    data["tasks"][0]["block"] = "ii-2"
    assert "corrections" in refused(server, project, PLAN, decap(data))


def test_a_broken_marker_is_refused(server: EditorServer, project: Path) -> None:
    page = entry(server, "docs/ve-trang-nay.md")
    assert "<!-- plan:notices -->" in page
    error = refused(
        server, project, "docs/ve-trang-nay.md", page.replace("plan:notices", "plan:notice")
    )
    assert "docs/ve-trang-nay.md:" in error and "plan:notice" in error


@pytest.mark.parametrize(
    "path",
    [
        "mkdocs.yml",
        "hooks/plansite_hook.py",
        "docs/../mkdocs.yml",
        "../outside.yml",
        "/etc/passwd",
        "plan_data/site.json",
        "docs/trang-moi.md",
    ],
)
def test_no_write_outside_docs_and_plan_data(
    server: EditorServer, project: Path, path: str
) -> None:
    error = refused(server, project, path, "a: b\n")
    assert "docs/" in error or "không có tệp này" in error


@pytest.mark.parametrize(
    ("origin", "host"),
    [
        ("http://evil.example", None),
        ("http://127.0.0.1:9999", None),
        ("null", None),
        (None, None),
        (ORIGIN, "evil.example"),
        (ORIGIN, "attacker.example:8081"),
    ],
)
def test_another_origin_or_host_is_refused(
    server: EditorServer, project: Path, origin: str | None, host: str | None
) -> None:
    data = yaml.safe_load(entry(server, "plan_data/site.yml"))
    data["as_of"] = "2026-12-20"
    before = snapshot(project)
    status, body = persist(server, "plan_data/site.yml", decap(data), origin=origin, host=host)
    assert status == 403
    assert body["error"].startswith("Từ chối")
    assert snapshot(project) == before


def test_cors_preflight_only_for_the_preview(server: EditorServer) -> None:
    def preflight(origin: str) -> tuple[int, str | None]:
        request = urllib.request.Request(server.url, method="OPTIONS", headers={"Origin": origin})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers.get("Access-Control-Allow-Origin")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Access-Control-Allow-Origin")

    assert preflight(ORIGIN) == (204, ORIGIN)
    assert preflight("http://evil.example") == (403, None)


def test_media_and_deletions_are_refused(server: EditorServer, project: Path) -> None:
    before = snapshot(project)
    status, body, _ = call(server, {"action": "deleteFile", "params": {"path": "docs/x.md"}})
    assert status == 422 and "không xóa" in body["error"]
    assert call(server, {"action": "getMedia", "params": {"mediaFolder": "docs"}})[1] == []
    assert snapshot(project) == before


def test_a_nested_change_keeps_every_comment_and_blank_line() -> None:
    text = (ROOT / "plan_data/site.yml").read_text(encoding="utf-8")
    data = read_plain(text)
    data["notices"][0]["title"] += " (đã sửa)"
    after = apply_yaml(text, decap(data))
    removed, added = changed_lines(text, after)
    assert len(removed) == len(added) == 1 and added[0].endswith(' (đã sửa)"')
    assert len(after.splitlines()) == len(text.splitlines())


def test_keys_the_form_does_not_send_are_kept() -> None:
    text = (ROOT / "plan_data/site.yml").read_text(encoding="utf-8")
    data = read_plain(text)
    sent = {"as_of": "2026-12-31"}  # a form that shows only one field
    after = apply_yaml(text, decap(sent))
    assert changed_lines(text, after) == (
        [f'as_of: "{data["as_of"]}"'],
        ['as_of: "2026-12-31"'],
    )


def test_removing_a_list_item_removes_only_its_lines() -> None:
    text = (ROOT / "plan_data/glossary.yml").read_text(encoding="utf-8")
    data = read_plain(text)
    gone = data["terms"].pop(1)
    after = apply_yaml(text, decap(data))
    removed, added = changed_lines(text, after)
    assert added == []
    assert any(gone["term"] in line for line in removed)
    assert read_plain(after) == data


def test_crlf_and_bom_are_kept(project: Path, server: EditorServer) -> None:
    path = project / "plan_data/site.yml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    data = read_plain(original)
    data["as_of"] = "2026-12-20"
    assert persist(server, "plan_data/site.yml", decap(data))[0] == 200
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == original.count("\n")
    expected = original.replace(f'as_of: "{read_plain(original)["as_of"]}"', 'as_of: "2026-12-20"')
    assert raw[3:].decode("utf-8").replace("\r\n", "\n") == expected
