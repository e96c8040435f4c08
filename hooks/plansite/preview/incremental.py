"""A fast preview: after an edit, only the pages whose Markdown changed are built again.

`mkdocs serve --dirty` rebuilds the files whose `is_modified()` is true. Every page the
hook generates would count as modified, so the hook asks here instead: a page is
unchanged when its Markdown has the same hash as in the last build *and* nothing that
every page shows has changed (the navigation, the theme settings, mkdocs.yml). Pages
that no longer exist are deleted from the preview's folder. The search index is left as
the first build wrote it; the preview says so.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

NOTE = (
    "Bản xem trước nhanh: mỗi lần lưu, chỉ các trang thay đổi được dựng lại. Ô tìm kiếm "
    "cập nhật khi khởi động lại bản xem trước hoặc khi dựng đầy đủ."
)


def _digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class _Pages:
    dirty: ClassVar[bool] = False
    incremental: ClassVar[bool] = False
    key: ClassVar[str | None] = None
    hashes: ClassVar[dict[str, str]] = {}
    dests: ClassVar[dict[str, str]] = {}


def start(dirty: bool) -> None:
    _Pages.dirty = dirty


def begin(config: Any) -> bool:
    """Start a build of MkDocs' `config`; True when it may reuse the last build's pages
    (a dirty preview whose navigation, theme settings and mkdocs.yml are unchanged)."""
    if _Pages.dirty:
        config.extra["plansite_preview_note"] = NOTE
    extra = sorted(config.extra.items())
    shared = json.dumps([config.nav, extra], ensure_ascii=False, sort_keys=True, default=str)
    key = _digest(shared.encode("utf-8") + Path(config.config_file_path).read_bytes())
    _Pages.incremental = _Pages.dirty and key == _Pages.key
    if not _Pages.incremental:
        _Pages.hashes = {}
    _Pages.key = key
    return _Pages.incremental


def unchanged(uri: str, content: str | bytes) -> bool:
    """Whether this page is the same as in the last build (remembering it for the next)."""
    digest = _digest(content)
    same = _Pages.incremental and _Pages.hashes.get(uri) == digest
    _Pages.hashes[uri] = digest
    return same


def mark(files: Iterable[Any], contents: dict[str, str | bytes]) -> None:
    """Tell MkDocs which of `files` (by src_uri) are unchanged, and which changed although
    their source file did not (a hand-written page whose markers now say something else)."""
    for file in files:
        content = contents.get(file.src_uri)
        if content is None:
            continue
        if unchanged(file.src_uri, content):
            file.is_modified = _no
        elif file.is_documentation_page():
            file.is_modified = _yes


def remove_stale(files: Iterable[Any], site_dir: Path) -> None:
    """Delete the output of pages that existed in the last build and no longer do."""
    current = {file.src_uri: file.dest_uri for file in files}
    if _Pages.dirty:
        for uri, dest in _Pages.dests.items():
            if uri not in current:
                (site_dir / dest).unlink(missing_ok=True)
    _Pages.dests = current


def invalidate() -> None:
    """The next build rebuilds every page (after an error page or a warning panel)."""
    _Pages.key = None


def is_incremental() -> bool:
    return _Pages.incremental


def _no() -> bool:
    return False


def _yes() -> bool:
    return True
