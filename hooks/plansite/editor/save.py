"""A save from the web editor: all of it or nothing, checked exactly as a build checks.

Each file Decap sends is turned into the file on disk with only the edited values
changed (`yamlmerge` for data, line ends and final newline kept for pages). The new
files are put in a temporary copy of `docs/` and `plan_data/`, and the whole project
is generated there, as `scripts/dev check` and the build do: schema, cross-file
references, markers in pages. Only if that passes is anything written.
"""

from __future__ import annotations

import posixpath
import threading
from dataclasses import dataclass
from pathlib import Path

from ..data.write import trial_copy, write_atomic
from ..errors import PlanDataError, Problem
from ..project import generate
from .progress import check_plan_change
from .yamlmerge import MergeError, apply_yaml

DATA = "plan_data"
_BOM = b"\xef\xbb\xbf"
_lock = threading.Lock()  # one save at a time


class Refusal(Exception):
    """A save that is not written; the message is Vietnamese, one problem a line."""


@dataclass(frozen=True)
class Project:
    """The project the editor writes to: its folder, its pages' folder and site name."""

    root: Path
    docs_dir: Path
    site_name: str

    @property
    def docs(self) -> str:
        return self.docs_dir.relative_to(self.root).as_posix()


def resolve(project: Project, path: str, *, existing: bool = True) -> Path:
    """The file `path` (relative to the project) if the editor may read and write it."""
    clean = posixpath.normpath(path) if path else ""
    where = f"'{path}'"
    if not clean or clean != path or path.startswith("/") or "\\" in path or ".." in path:
        raise Refusal(f"{where}: đường dẫn không hợp lệ; cần một tệp trong docs/ hoặc plan_data/.")
    folder, _, _ = clean.partition("/")
    allowed = {project.docs: ".md", DATA: ".yml"}
    if folder not in allowed or not clean.endswith(allowed[folder]):
        raise Refusal(
            f"{where}: trang biên tập chỉ ghi trang .md trong {project.docs}/ và tệp .yml trong "
            f"{DATA}/; không ghi mã, cấu hình hay tệp khác. Hãy sửa tệp đó bằng tay nếu cần."
        )
    target = (project.root / clean).resolve()
    if not target.is_relative_to((project.root / folder).resolve()):
        raise Refusal(f"{where}: tệp nằm ngoài {folder}/ (liên kết tắt); không ghi.")
    if existing and not target.is_file():
        raise Refusal(f"{where}: không có tệp này; trang biên tập chỉ sửa tệp đã có.")
    return target


def _new_text(path: str, disk: str, sent: str) -> str:
    sent = sent.replace("\r\n", "\n")
    if path.endswith(".md"):
        if disk.endswith("\n") and not sent.endswith("\n"):
            sent += "\n"
        return sent
    try:
        return apply_yaml(disk, sent)
    except MergeError as exc:
        raise Refusal(
            f"{path}: chưa lưu được mà vẫn giữ nguyên cách viết của tệp ({exc}). "
            "Hãy sửa giá trị này trực tiếp trong tệp."
        ) from None


def new_bytes(path: str, raw: bytes, sent: str) -> bytes:
    """The bytes to write for `path`: the old file with only the sent changes."""
    bom = _BOM if raw.startswith(_BOM) else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(f"{path}: tệp không phải UTF-8; hãy sửa bằng tay.") from None
    crlf = "\r\n" in text
    new = _new_text(path, text.replace("\r\n", "\n"), sent)
    if crlf:
        new = new.replace("\n", "\r\n")
    return bom + new.encode("utf-8")


def _check(project: Project, files: dict[str, tuple[bytes, bytes]]) -> None:
    problems: list[Problem] = []
    for path, (old, new) in files.items():
        if path.startswith(f"{DATA}/plans/"):
            try:
                problems += check_plan_change(
                    path, old.decode("utf-8-sig"), new.decode("utf-8-sig")
                )
            except PlanDataError as exc:
                problems += exc.problems
    if problems:
        raise PlanDataError(problems)
    changed = {path: new for path, (_, new) in files.items()}
    with trial_copy(project.root, [DATA, project.docs], changed) as copy:
        generate(copy, copy / project.docs, project.site_name)


def refusal_text(problems: tuple[Problem, ...]) -> str:
    """The project's own report of `problems`, headed for a save that was not written."""
    lines = [f"Chưa lưu: dữ liệu sẽ có {len(problems)} lỗi, nên không tệp nào được ghi. Hãy sửa:"]
    lines.extend(str(p) for p in problems)
    return "\n".join(lines)


def save(project: Project, sent: dict[str, str]) -> list[str]:
    """Write every file of `sent` (path → Decap's text) or none; the paths that changed."""
    with _lock:
        files: dict[str, tuple[bytes, bytes]] = {}
        for path, text in sent.items():
            target = resolve(project, path)
            old = target.read_bytes()
            new = new_bytes(path, old, text)
            if new != old:
                files[path] = (old, new)
        if not files:
            return []
        try:
            _check(project, files)
        except PlanDataError as exc:
            raise Refusal(refusal_text(exc.problems)) from None
        for path, (_, new) in files.items():
            write_atomic(project.root / path, new)
        return sorted(files)
