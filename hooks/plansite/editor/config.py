"""The editor's `config.yml`: Decap's collections for this project, built when served.

Pages in `docs/` are edited as plain Markdown text (markers and anchors stay as they
are written); the data files get forms generated from the schema (`forms`). Progress
is a form per plan file where each task's list of updates can only grow; the plan's
text is not in the form at all.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from ..data.docs import page_title
from ..pages.markers import MARKERS
from .forms import Field, definitions, field, file_fields
from .save import DATA, Project

CATALOGUES = (
    ("organisations.yml", "organisationsFile", "Cơ quan và nhóm người"),
    ("glossary.yml", "glossaryFile", "Thuật ngữ, chữ viết tắt"),
    ("references.yml", "referencesFile", "Văn bản ngoài kế hoạch (luật, nghị quyết…)"),
)
PAGES_HINT = (
    "Viết Markdown như trong tệp: '# ' là tiêu đề, '- ' là một ý trong danh sách, "
    "[chữ](trang.md) là liên kết. Giữ nguyên mọi dòng đánh dấu <!-- plan:... --> (trang tự "
    "điền nội dung vào đó) và mọi neo {#...} ở cuối tiêu đề (liên kết từ nơi khác dẫn tới "
    "đó). Các đánh dấu: "
)
PROGRESS_DESCRIPTION = (
    "Mỗi nhiệm vụ: bấm nút 'Thêm một lần cập nhật tiến độ' ở phần tiến độ để ghi một lần "
    "cập nhật mới (ngày, tình trạng, ghi chú, minh chứng). "
    "Lần cập nhật đã lưu không sửa hay xóa được: muốn đính chính, hãy thêm một lần mới. "
    "Toàn văn kế hoạch không sửa ở đây: nó được nhập nguyên văn từ văn bản và chỉ sửa qua "
    "mục 'corrections' (đính chính) của tệp kế hoạch, bằng tay."
)


def _markers_hint() -> str:
    return PAGES_HINT + "; ".join(f"plan:{name} ({spec.summary})" for name, spec in MARKERS.items())


def pages(project: Project) -> dict[str, Any]:
    """A files collection of every hand-written page, edited as plain Markdown."""
    body: Field = {
        "label": "Nội dung trang",
        "name": "body",
        "widget": "markdown",
        "modes": ["raw"],
        "hint": _markers_hint(),
    }
    files = []
    for path in sorted(project.docs_dir.rglob("*.md")):
        src = path.relative_to(project.docs_dir).as_posix()
        title = page_title(path.read_text(encoding="utf-8-sig"), src)
        slug = src.removesuffix(".md").replace("/", "-")
        entry = {"label": title, "name": slug, "file": f"{project.docs}/{src}"}
        files.append({**entry, "fields": [copy.deepcopy(body)]})
    return {"name": "trang", "label": "Trang viết tay", "files": files}


def settings() -> dict[str, Any]:
    fields = file_fields("siteFile")
    entry = {"label": "Cài đặt trang (site.yml)", "name": "site", "file": f"{DATA}/site.yml"}
    return {"name": "cai-dat", "label": "Cài đặt trang", "files": [{**entry, "fields": fields}]}


def catalogues(project: Project) -> dict[str, Any]:
    files = [
        {"label": label, "name": name.removesuffix(".yml"), "file": f"{DATA}/{name}"}
        | {"fields": file_fields(kind)}
        for name, kind, label in CATALOGUES
        if (project.root / DATA / name).is_file()
    ]
    return {"name": "danh-muc", "label": "Danh mục", "files": files}


def _updates() -> Field:
    task = definitions()["task"]
    made = field("updates", task["properties"]["updates"], False, "task.updates")
    assert made is not None
    return {**made, "allow_remove": False, "allow_reorder": False, "add_to_top": False}


def progress(project: Project) -> dict[str, Any]:
    """One form per plan file: each task's updates, which can only grow."""
    tasks: Field = {
        "label": "Nhiệm vụ",
        "name": "tasks",
        "widget": "list",
        "allow_add": False,
        "allow_remove": False,
        "allow_reorder": False,
        "summary": "{{fields.id}}",
        "fields": [{"label": "Mã", "name": "id", "widget": "hidden"}, _updates()],
    }
    files = []
    for path in sorted((project.root / DATA / "plans").glob("*.yml")):
        entry = {"label": f"Tiến độ: {path.stem}", "name": path.stem}
        files.append({**entry, "file": f"{DATA}/plans/{path.name}", "fields": [tasks]})
    return {
        "name": "tien-do",
        "label": "Tiến độ nhiệm vụ",
        "description": PROGRESS_DESCRIPTION,
        "files": files,
    }


def editor_config(project: Project, backend_url: str, site_url: str) -> dict[str, Any]:
    """The whole Decap configuration."""
    collections = [pages(project), settings(), catalogues(project), progress(project)]
    for collection in collections:
        collection.update(editor={"preview": False}, create=False, delete=False)
    return {
        "backend": {"name": "proxy", "proxy_url": backend_url, "branch": "main"},
        "local_backend": {"url": backend_url},
        "locale": "vi",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{project.docs}/assets",
        "collections": collections,
    }


def config_yaml(project: Project, backend_url: str, site_url: str) -> str:
    """`config.yml` as served at /admin/config.yml."""
    data = editor_config(project, backend_url, site_url)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
