"""Preview the site while editing, with live reload always on (also on Windows, without bash).

Usage: python scripts/preview.py [-f mkdocs.yml] [-a 127.0.0.1:8000] [other `mkdocs serve` options]

The browser page reloads by itself after each save. When the data or a page is wrong,
it turns into a Vietnamese error page listing every problem (file:line:column, key,
what is wrong, how to fix it) and comes back by itself once the file is fixed.

The preview also serves the web editor at /admin/ (Decap CMS, from editor/node_modules)
and starts its backend on 127.0.0.1; the editor is answered here on request and never
written into the built site.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.__main__ import cli
from mkdocs.commands import serve as serve_command
from mkdocs.livereload import LiveReloadServer

from plansite.cli.config import read_config
from plansite.editor.serve import ADMIN, Editor, start_editor

DIST = Path(__file__).resolve().parent.parent / "editor" / "node_modules" / "decap-cms" / "dist"


def _config_file(args: list[str]) -> Path:
    for i, arg in enumerate(args):
        if arg in ("-f", "--config-file") and i + 1 < len(args):
            return Path(args[i + 1])
        if arg.startswith("--config-file="):
            return Path(arg.split("=", 1)[1])
    return Path("mkdocs.yml")


class PreviewServer(LiveReloadServer):
    """MkDocs' preview server that also answers /admin/ with the web editor."""

    config_file = Path("mkdocs.yml")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        config = read_config(self.config_file)
        preview = (int(self.server_address[1]), str(self.mount_path))
        self.editor: Editor = start_editor(
            config.root, config.docs_dir, config.site_name, preview, DIST
        )
        print(self.editor.notice(), file=sys.stderr, flush=True)

    def _serve_request(self, environ: Any, start_response: Any) -> Any:
        path = str(environ["PATH_INFO"])
        admin = str(self.mount_path) + ADMIN
        if path == admin.rstrip("/"):
            start_response("302 Found", [("Location", admin)])
            return []
        if path.startswith(admin):
            status, headers, body = self.editor.admin.respond(path[len(admin) :])
            start_response(status, headers)
            return [body]
        return super()._serve_request(environ, start_response)

    def shutdown(self, *args: Any, **kwargs: Any) -> None:
        self.editor.stop()
        super().shutdown(*args, **kwargs)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    PreviewServer.config_file = _config_file(args)
    serve_command.LiveReloadServer = PreviewServer  # type: ignore[attr-defined]  # what it starts
    # Live reload is off by default with some click versions (mkdocs issue 4055): ask for it.
    # Not strict: problems are shown in the browser instead of stopping the preview.
    # Dirty: after an edit only the pages that changed are built again (`--clean` undoes it).
    options = ["serve", "--livereload", "--no-strict", "--dirty"]
    cli.main(args=[*options, *args], prog_name="mkdocs")


if __name__ == "__main__":
    main()
