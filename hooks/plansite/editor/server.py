"""The editor's backend: an HTTP server on 127.0.0.1 that only the preview's page may use.

A page in another browser tab could otherwise write to the project, so every request
must come to a loopback name (`Host`, against DNS rebinding) from the preview's own
origin (`Origin`, which browsers always send on a cross-origin POST). Only that origin
gets CORS headers. Refusals are JSON `{"error": ...}` in Vietnamese, as Decap expects.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ..errors import PlanDataError
from .protocol import ProtocolError, handle
from .save import Project, Refusal

API = "/api/v1"
MAX_BODY = 32 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
log = logging.getLogger("plansite.editor")


@dataclass(frozen=True)
class Access:
    """Who may call the backend: the preview's origins, at the backend's own port."""

    origins: frozenset[str]
    port: int

    def host_ok(self, host: str | None) -> bool:
        return host in {f"{name}:{self.port}" for name in LOOPBACK}


def preview_origins(port: int) -> frozenset[str]:
    """The origins of a preview served at `port` on this machine."""
    return frozenset(f"http://{name}:{port}" for name in LOOPBACK)


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)

    def _send(self, status: int, body: Any, *, cors: bool = True) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Vary", "Origin")
        if cors:
            self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
        self.end_headers()
        self.wfile.write(data)

    def _refuse_stranger(self) -> bool:
        """Answer 403 (no CORS) unless Host and Origin are the preview's; True if refused."""
        access = self.server.access
        origin = self.headers.get("Origin")
        if not access.host_ok(self.headers.get("Host")):
            error = f"Từ chối: địa chỉ máy chủ '{self.headers.get('Host')}' không phải của máy này."
        elif origin not in access.origins:
            error = (
                f"Từ chối: yêu cầu đến từ '{origin or 'không rõ nguồn'}', không phải từ bản xem "
                "trước của trang trên máy này; trang biên tập chỉ nhận yêu cầu từ /admin/ của "
                "bản xem trước."
            )
        else:
            return False
        self._send(HTTPStatus.FORBIDDEN, {"error": error}, cors=False)
        return True

    def do_OPTIONS(self) -> None:
        if self._refuse_stranger():
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Vary", "Origin")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        if not self._refuse_stranger():
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "Chỉ nhận POST /api/v1."})

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ProtocolError("nội dung quá lớn")
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            raise ProtocolError("cần Content-Type: application/json")
        return json.loads(self.rfile.read(length).decode("utf-8"))

    def do_POST(self) -> None:
        if self._refuse_stranger():
            return
        if self.path.split("?")[0] != API:
            self._send(HTTPStatus.NOT_FOUND, {"error": f"Không có {self.path}; dùng {API}."})
            return
        try:
            answer = handle(self.server.project, self._body())
        except Refusal as exc:
            self._send(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
        except (ProtocolError, ValueError) as exc:
            self._send(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": f"Yêu cầu không hợp lệ: {exc}"})
        except PlanDataError as exc:  # should not escape save(); reported all the same
            self._send(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": exc.report()})
        except Exception:
            log.exception("editor backend")
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "Lỗi của trang biên tập."})
        else:
            self._send(HTTPStatus.OK, answer)


class EditorServer(ThreadingHTTPServer):
    """The backend, bound to 127.0.0.1; `start()` serves it on a daemon thread."""

    daemon_threads = True

    def __init__(self, project: Project, preview_port: int, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.project = project
        self.access = Access(preview_origins(preview_port), self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{API}"

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="plansite-editor", daemon=True)
        thread.start()
        return thread
