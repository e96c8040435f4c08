"""Check the headers of the published site: `python scripts/check_headers.py https://…/`.

Asks the live site for its home page, a stylesheet, a page that does not exist and the
plain-HTTP address, and says in Vietnamese what is right and what is missing: the security
headers of deploy/nginx/, brotli, caching, the 404 page and the redirect to HTTPS.
Exit code 0 when everything is right, 1 otherwise. Uses only Python's standard library.
"""

from __future__ import annotations

import argparse
import http.client
import re
import sys
from urllib.parse import urljoin, urlsplit

Response = tuple[int, http.client.HTTPMessage, bytes]

POLICY_PARTS = (
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
)
FORBIDDEN_IN_POLICY = ("'unsafe-eval'",)


def fetch(url: str, **sent: str) -> Response:
    """GET without following redirects."""
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname or "", parts.port, timeout=20)
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers=sent)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def security_problems(got: http.client.HTTPMessage, what: str) -> list[str]:
    problems = []
    policy = got.get("Content-Security-Policy", "")
    script_src = re.search(r"script-src([^;]*)", policy)
    if not policy:
        problems.append(f"{what}: thiếu Content-Security-Policy")
    else:
        problems += [f"{what}: CSP thiếu {p}" for p in POLICY_PARTS if p not in policy]
        problems += [f"{what}: CSP có {p}" for p in FORBIDDEN_IN_POLICY if p in policy]
        if script_src and "'unsafe-inline'" in script_src.group(1):
            problems.append(f"{what}: script-src cho phép 'unsafe-inline'")
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    for name, value in expected.items():
        if got.get(name) != value:
            problems.append(f"{what}: {name} phải là '{value}', đang là '{got.get(name)}'")
    for name in ("Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security"):
        if not got.get(name):
            problems.append(f"{what}: thiếu {name}")
    return problems


def check(base: str) -> list[str]:
    """Everything wrong with the site at `base`, in Vietnamese (empty when all is right)."""
    problems: list[str] = []
    status, got, body = fetch(base, **{"Accept-Encoding": "br, gzip"})
    if status != 200:
        return [f"Trang chủ trả về mã {status}, không phải 200"]
    problems += security_problems(got, "Trang chủ")
    if got.get("Content-Encoding") != "br":
        problems.append("Trang chủ không được gửi nén brotli (thiếu brotli_static hoặc tệp .br)")
    if got.get("Cache-Control") != "no-cache":
        problems.append(
            f"Trang chủ: Cache-Control phải là 'no-cache', đang là '{got.get('Cache-Control')}'"
        )
    style = re.search(rb'href="([^"]*main\.[0-9a-f]{8,}\.min\.css)"', body)
    if style:
        asset = fetch(urljoin(base, style.group(1).decode()), **{"Accept-Encoding": "br"})
        problems += security_problems(asset[1], "Tệp CSS")
        if "immutable" not in asset[1].get("Cache-Control", ""):
            problems.append("Tệp CSS có mã băm trong tên nhưng không được lưu đệm lâu (immutable)")
    if b'data-worker="' in body:  # the service worker: a new build must reach browsers at once
        worker = fetch(urljoin(base, "sw.js"))
        if worker[0] != 200 or worker[1].get("Cache-Control") != "no-cache":
            problems.append(
                f"sw.js (service worker): phải trả mã 200 với Cache-Control 'no-cache', đang là "
                f"mã {worker[0]}, '{worker[1].get('Cache-Control')}'"
            )
    status, got, body = fetch(urljoin(base, "khong-co-trang-nay-plansite/"))
    if status != 404 or "Không tìm thấy trang".encode() not in body:
        problems.append(f"Địa chỉ không có trả về mã {status} thay vì trang 404 tiếng Việt")
    problems += security_problems(got, "Trang 404")
    if urlsplit(base).scheme == "https":
        status, got, _ = fetch(urlsplit(base)._replace(scheme="http").geturl())
        if status not in (301, 308) or not got.get("Location", "").startswith("https://"):
            problems.append("Địa chỉ http:// không chuyển sang https://")
    else:
        problems.append("Địa chỉ đã cho không phải https://: hãy kiểm tra bản đã có HTTPS")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra tiêu đề HTTP của trang đã công bố.")
    parser.add_argument("url", help="địa chỉ trang chủ, ví dụ https://kehoach.example.vn/")
    base = parser.parse_args(argv).url
    base = base if base.endswith("/") else base + "/"
    try:
        problems = check(base)
    except OSError as exc:
        print(f"Không kết nối được tới {base}: {exc}")
        return 1
    for problem in problems:
        print(f"✗ {problem}")
    if problems:
        print(f"Có {len(problems)} điều cần sửa (xem deploy/nginx/site.conf và README).")
        return 1
    print(
        f"✓ {base}: tiêu đề bảo mật, nén brotli, lưu đệm, trang 404 và chuyển sang HTTPS đều đúng."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
