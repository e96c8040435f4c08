"""Debian's nginx running a copy of deploy/nginx/site.conf on 127.0.0.1, for the tests.

The shipped file is never changed: a copy gets plain `listen` lines on free ports, no
`ssl_*` lines and the built site as its `root`, inside an nginx.conf of our own (its own
prefix folder, `-c`, and a `load_module` line for the brotli module, as a standalone
configuration needs). Without nginx the tests skip and say why; under CI=true they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, free_port

NGINX_DIR = ROOT / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def require_nginx() -> None:
    missing = [str(p) for p in (Path(NGINX), BROTLI_MODULE, MIME_TYPES) if not p.is_file()]
    if not missing:
        return
    reason = (
        "nginx or its brotli module is not installed (Debian packages 'nginx' and "
        f"'libnginx-mod-http-brotli-static'; missing {', '.join(missing)})"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must install them (.ci/run does).")
    pytest.skip(reason)


def local_copy(site: Path, https_port: int, http_port: int) -> str:
    """site.conf with plain listen lines on our ports, no ssl_* lines, and `site` as root."""
    lines = []
    for line in NGINX_DIR.joinpath("site.conf").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("ssl_") or (stripped.startswith("listen") and "[::]" in line):
            continue
        if stripped.startswith("listen"):
            port = https_port if re.search(r"\b443\b", line) else http_port
            line = f"    listen 127.0.0.1:{port};"
        elif stripped == "root /var/www/plansite;":
            line = f"    root {site};"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1].strip("/"))


@dataclass
class Nginx:
    process: subprocess.Popen[bytes]
    base: str  # the site, over plain HTTP: "http://127.0.0.1:<port>/"
    redirect_base: str  # the port-80 server's copy
    log: Path

    @property
    def ports(self) -> tuple[int, int]:
        return (_port(self.base), _port(self.redirect_base))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def start_nginx(site: Path, prefix: Path, ports: tuple[int, int] | None = None) -> Nginx:
    """Start nginx serving `site` with a copy of the shipped configuration under `prefix`,
    on free ports or on `ports` (HTTPS block, port-80 block): the same ports again are how a
    test brings a stopped site back, at the same origin."""
    require_nginx()
    conf = prefix / "conf"
    shutil.copytree(NGINX_DIR / "snippets", conf / "snippets")
    shutil.copy(MIME_TYPES, conf / "mime.types")
    (conf / "sites-enabled").mkdir()
    https_port, http_port = ports or (free_port(), free_port())
    (conf / "sites-enabled" / "plansite.conf").write_text(
        local_copy(site, https_port, http_port), encoding="utf-8"
    )
    # Debian's nginx has its temporary folders in /var/lib/nginx/; ours are in the prefix.
    temp = {f"{name}_temp_path": prefix / "temp" / name for name in TEMP_PATHS}
    for folder in temp.values():
        folder.mkdir(parents=True)
    log = prefix / "error.log"
    (conf / "nginx.conf").write_text(
        f"load_module {BROTLI_MODULE};\n"
        + ("user root;\n" if os.geteuid() == 0 else "")  # workers must read pytest's 0700 folders
        + f"pid {prefix / 'nginx.pid'};\nerror_log {log};\nevents {{}}\nhttp {{\n"
        + "".join(f"    {name} {folder};\n" for name, folder in temp.items())
        + "    access_log off;\n    default_type application/octet-stream;\n"
        + "    include mime.types;\n    include sites-enabled/plansite.conf;\n}\n",
        encoding="utf-8",
    )
    command = [NGINX, "-p", str(prefix), "-c", str(conf / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([*command, "-g", "daemon off;"])
    deadline = time.monotonic() + 20
    while True:  # wait until it listens (a readiness wait, not a timing under test)
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                found = log.read_text() if log.exists() else "nginx did not start"
                raise AssertionError(found) from exc
            time.sleep(0.05)
    return Nginx(process, f"http://127.0.0.1:{https_port}/", f"http://127.0.0.1:{http_port}/", log)
