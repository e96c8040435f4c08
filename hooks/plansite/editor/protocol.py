"""Decap CMS's local backend protocol: `{action, params}` in, JSON out.

The same actions and answers as `decap-server`'s file-system middleware (simple
publish mode), so Decap's own proxy client works unchanged; every path goes through
`save.resolve`, and `persistEntry` through `save.save`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .save import DATA, Project, Refusal, resolve, save

Params = dict[str, Any]


class ProtocolError(Exception):
    """A request that does not follow the protocol (HTTP 422)."""


def _entry(project: Project, path: str, label: Any = None) -> dict[str, Any]:
    try:
        raw = resolve(project, path).read_bytes()
    except Refusal:
        return {"data": None, "file": {"path": path, "label": label, "id": None}}
    digest = hashlib.sha256(raw).hexdigest()
    text = raw.decode("utf-8-sig")
    return {"data": text, "file": {"path": path, "label": label, "id": digest}}


def _info(project: Project, params: Params) -> Any:
    return {"repo": project.root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _by_folder(project: Project, params: Params) -> Any:
    folder = str(params.get("folder", "")).strip("/")
    extension = str(params.get("extension", "")).lstrip(".")
    if folder not in (project.docs, DATA, f"{DATA}/plans"):
        raise Refusal(f"'{folder}': trang biên tập chỉ đọc docs/ và plan_data/.")
    depth = int(params.get("depth", 1) or 1)
    base = project.root / folder
    found = [
        p.relative_to(project.root).as_posix()
        for p in sorted(base.rglob(f"*.{extension}" if extension else "*"))
        if p.is_file() and len(p.relative_to(base).parts) <= depth
    ]
    return [_entry(project, path) for path in found]


def _by_files(project: Project, params: Params) -> Any:
    files = params.get("files") or []
    return [_entry(project, str(f.get("path", "")), f.get("label")) for f in files]


def _get_entry(project: Project, params: Params) -> Any:
    return _entry(project, str(params.get("path", "")))


def _persist(project: Project, params: Params) -> Any:
    if params.get("assets"):
        raise Refusal("Trang biên tập chưa nhận tệp ảnh hay tệp đính kèm; chưa lưu gì.")
    data_files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
    if not data_files:
        raise ProtocolError("persistEntry cần dataFiles")
    if any(f.get("newPath") for f in data_files):
        raise Refusal("Trang biên tập không đổi tên hay chuyển tệp; chưa lưu gì.")
    sent = {str(f.get("path", "")): str(f.get("raw", "")) for f in data_files}
    written = save(project, sent)
    return {"message": "entry persisted", "written": written}


def _no_media(project: Project, params: Params) -> Any:
    return []


def _refuse_delete(project: Project, params: Params) -> Any:
    raise Refusal("Trang biên tập không xóa tệp; chưa xóa gì. Hãy xóa bằng tay nếu thật cần.")


def _none(project: Project, params: Params) -> Any:
    return None


ACTIONS: dict[str, Callable[[Project, Params], Any]] = {
    "info": _info,
    "entriesByFolder": _by_folder,
    "entriesByFiles": _by_files,
    "getEntry": _get_entry,
    "persistEntry": _persist,
    "getMedia": _no_media,
    "deleteFile": _refuse_delete,
    "deleteFiles": _refuse_delete,
    "getDeployPreview": _none,
}


def handle(project: Project, body: Any) -> Any:
    """The answer to one request body; raises `Refusal` or `ProtocolError`."""
    if not isinstance(body, dict) or not isinstance(body.get("action"), str):
        raise ProtocolError("cần JSON dạng {action, params}")
    action = ACTIONS.get(body["action"])
    if action is None:
        raise ProtocolError(f"Unknown action {body['action']}")
    params = body.get("params") or {}
    if not isinstance(params, dict):
        raise ProtocolError("params phải là một đối tượng JSON")
    return action(project, params)


def project_of(root: Path, docs_dir: Path, site_name: str) -> Project:
    """The project the backend serves (absolute paths)."""
    return Project(root.resolve(), docs_dir.resolve(), site_name)
