"""What the preview serves under /admin/: Decap's page, its config and its bundle.

These answers are made by the preview's server on request and never written to any
folder, so nothing of the editor can reach `site/`, the `file://` copy or the search
index. The bundle comes from `editor/node_modules/decap-cms/dist` (installed from npm
by `scripts/dev serve`), never from a CDN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .config import config_yaml
from .save import Project

BUNDLE = "decap-cms.js"
OUR_SCRIPT = "plansite-admin.js"
_ASSET = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.(js|wasm|css)")
_TYPES = {
    "js": "application/javascript; charset=utf-8",
    "wasm": "application/wasm",
    "css": "text/css; charset=utf-8",
}
Answer = tuple[str, list[tuple[str, str]], bytes]


def _answer(status: str, content_type: str, body: bytes) -> Answer:
    headers = [
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        ("X-Robots-Tag", "noindex"),
    ]
    return status, headers, body


def unavailable_reason(dist: Path) -> str:
    """Why the editor cannot be served, in Vietnamese, or '' when it can."""
    if (dist / BUNDLE).is_file():
        return ""
    return (
        "Trang biên tập /admin/ chưa dùng được: chưa cài Decap CMS (thiếu "
        f"{dist / BUNDLE}). Cần npm: cài npm (apt-get install npm) rồi chạy lại "
        "scripts/dev serve, lệnh này tự cài. Bản xem trước vẫn chạy bình thường."
    )


@dataclass
class Admin:
    """The /admin/ files for one preview; `respond` answers a path below /admin/."""

    project: Project
    backend_url: str
    site_url: str
    dist: Path
    _page: bytes = field(default=b"", init=False)

    def page(self) -> bytes:
        if not self._page:
            template = resources.files(__package__).joinpath("assets", "admin.html")
            parts = urlsplit(self.backend_url)
            origin = f"{parts.scheme}://{parts.netloc}"
            text = template.read_text(encoding="utf-8").replace("BACKEND_ORIGIN", origin)
            self._page = text.encode("utf-8")
        return self._page

    def respond(self, rest: str) -> Answer:
        """The answer for /admin/`rest`."""
        reason = unavailable_reason(self.dist)
        if reason:
            return _answer("503 Service Unavailable", "text/plain; charset=utf-8", reason.encode())
        if rest in ("", "index.html"):
            return _answer("200 OK", "text/html; charset=utf-8", self.page())
        if rest == OUR_SCRIPT:  # Vietnamese for the words Decap leaves in English
            script = resources.files(__package__).joinpath("assets", OUR_SCRIPT).read_bytes()
            return _answer("200 OK", _TYPES["js"], script)
        if rest == "config.yml":
            text = config_yaml(self.project, self.backend_url, self.site_url)
            return _answer("200 OK", "text/yaml; charset=utf-8", text.encode("utf-8"))
        if _ASSET.fullmatch(rest) and (self.dist / rest).is_file():
            kind = rest.rsplit(".", 1)[1]
            return _answer("200 OK", _TYPES[kind], (self.dist / rest).read_bytes())
        return _answer("404 Not Found", "text/plain; charset=utf-8", "Không có tệp này.".encode())
