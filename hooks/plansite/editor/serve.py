"""Start the editor beside a preview: the backend on 127.0.0.1 and the /admin/ files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .admin import Admin, unavailable_reason
from .protocol import project_of
from .server import EditorServer

ADMIN = "admin/"


@dataclass(frozen=True)
class Editor:
    """A running editor: what /admin/ serves, and its backend."""

    admin: Admin
    backend: EditorServer

    def notice(self) -> str:
        """One Vietnamese line for the terminal: where the editor is, or why it is not."""
        reason = unavailable_reason(self.admin.dist)
        return reason or f"Trang biên tập: {self.admin.site_url}{ADMIN}"

    def stop(self) -> None:
        self.backend.shutdown()
        self.backend.server_close()


def start_editor(
    root: Path, docs_dir: Path, site_name: str, preview: tuple[int, str], dist: Path
) -> Editor:
    """Serve the backend for a preview at (port, mount path) on 127.0.0.1."""
    project = project_of(root, docs_dir, site_name)
    port, mount = preview
    backend = EditorServer(project, port)
    backend.start()
    site_url = f"http://127.0.0.1:{port}{mount}"
    return Editor(Admin(project, backend.url, site_url, dist), backend)
