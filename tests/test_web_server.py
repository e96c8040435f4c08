"""The site as Debian's nginx serves it with deploy/nginx/site.conf: headers, encodings,
caching and errors, read over HTTP (no browser needed; tests/browser/ has the rest)."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest

from .test_deploy import IMMUTABLE, headers

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
SECURITY += ("Permissions-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security")
PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"


def fetch(base: str, path: str, **sent: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request, redirects not followed: status, headers, body as sent."""
    where = urlsplit(base)
    connection = http.client.HTTPConnection(where.hostname or "", where.port, timeout=10)
    try:
        connection.request("GET", "/" + path, headers=sent)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def first(site: Path, pattern: str) -> str:
    return next(p for p in sorted(site.rglob(pattern))).relative_to(site).as_posix()


def samples(site: Path) -> list[str]:
    """One file of each kind a visit or a data user asks for."""
    return [
        "",
        f"{PLAN}/toan-van/",
        first(site, "main.*.min.css"),
        first(site, "bundle.*.min.js"),
        first(site, "page-script.*.js"),
        "assets/javascripts/plansite.js",
        "assets/stylesheets/plansite.css",
        "pagefind/pagefind-entry.json",
        "du-lieu/nhiem-vu.json",
        first(site, "*.csv"),
        first(site, "*.ics"),
    ]


def test_every_response_carries_the_security_headers(
    nginx_sites: dict[str, Any], real_site: Path
) -> None:
    base = nginx_sites["real"].base
    expected = headers()
    paths = [*samples(real_site), first(real_site, "*.pf_fragment"), "khong-co/", "thuat-ngu"]
    for path in paths:
        status, got, _ = fetch(base, path, **{"Accept-Encoding": "br"})
        assert status in (200, 301, 404), path
        for name in SECURITY:
            assert got[name] == expected[name], (path, name)


def test_brotli_or_gzip_as_asked_and_the_same_bytes(
    nginx_sites: dict[str, Any], real_site: Path
) -> None:
    base = nginx_sites["real"].base
    for path in samples(real_site):
        original = (
            real_site / (path + "index.html" if not path or path.endswith("/") else path)
        ).read_bytes()
        status, got, body = fetch(base, path, **{"Accept-Encoding": "gzip, deflate, br"})
        assert (status, got["Content-Encoding"]) == (200, "br"), path
        assert brotli.decompress(body) == original and "Accept-Encoding" in got["Vary"], path
        status, got, body = fetch(base, path, **{"Accept-Encoding": "gzip"})
        assert got["Content-Encoding"] == "gzip" and gzip.decompress(body) == original, path
        status, got, body = fetch(base, path)
        assert got["Content-Encoding"] is None and body == original, path
    fragment = first(real_site, "*.pf_fragment")  # gzip already: sent as it is
    status, got, body = fetch(base, fragment, **{"Accept-Encoding": "br"})
    assert got["Content-Encoding"] is None and body == (real_site / fragment).read_bytes()


def test_fingerprinted_files_are_kept_a_year_everything_else_revalidates(
    nginx_sites: dict[str, Any], real_site: Path
) -> None:
    base = nginx_sites["real"].base
    for path in [*samples(real_site), first(real_site, "*.pf_fragment"), "pagefind/pagefind.js"]:
        got = fetch(base, path, **{"Accept-Encoding": "br"})[1]
        hashed = any(p in path for p in ("main.", "bundle.", "page-script.", "pf_fragment"))
        if hashed:
            assert got["Cache-Control"] == IMMUTABLE, path
            continue
        assert got["Cache-Control"] == "no-cache", path
        assert got["ETag"] and got["Last-Modified"], path
        # Revalidation answers 304 while the file is unchanged.
        again, _, body = fetch(
            base, path, **{"Accept-Encoding": "br", "If-None-Match": got["ETag"]}
        )
        assert (again, body) == (304, b""), path


def test_the_worker_and_the_manifest_revalidate_and_say_their_type(
    nginx_sites: dict[str, Any],
) -> None:
    """A new build's worker must reach browsers at their next visit: sw.js is never kept."""
    base = nginx_sites["real"].base
    status, got, _ = fetch(base, "sw.js", **{"Accept-Encoding": "br"})
    assert (status, got["Cache-Control"], got["Content-Encoding"]) == (200, "no-cache", "br")
    assert got["Content-Type"].startswith(("text/javascript", "application/javascript"))
    manifest = fetch(base, "manifest.webmanifest")[1]
    assert manifest["Content-Type"].startswith("application/manifest+json")
    assert manifest["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("which", ["real", "sample"])
def test_unknown_addresses_get_the_vietnamese_404_page(
    which: str, nginx_sites: dict[str, Any]
) -> None:
    base = nginx_sites[which].base
    for path in ("khong-co-trang-nay", "a/b/c/d/", "assets/", "pagefind/fragment/"):
        status, got, body = fetch(base, path)
        assert status == 404, path
        page = body.decode("utf-8")
        assert "Không tìm thấy trang" in page and "Index of" not in page, path
        assert got["Cache-Control"] == "no-cache"


def test_a_folder_without_its_slash_redirects_to_it(nginx_sites: dict[str, Any]) -> None:
    status, got, _ = fetch(nginx_sites["real"].base, f"{PLAN}/toan-van")
    assert (status, got["Location"]) == (301, f"/{PLAN}/toan-van/")


def test_data_files_say_their_type_and_encoding(
    nginx_sites: dict[str, Any], real_site: Path
) -> None:
    base = nginx_sites["real"].base
    assert fetch(base, first(real_site, "*.csv"))[1]["Content-Type"] == "text/csv; charset=utf-8"
    ics = fetch(base, first(real_site, "*.ics"))[1]["Content-Type"]
    assert ics == "text/calendar; charset=utf-8"
    assert fetch(base, "")[1]["Content-Type"] == "text/html; charset=utf-8"


def test_plain_http_redirects_to_https(nginx_sites: dict[str, Any]) -> None:
    status, got, _ = fetch(nginx_sites["real"].redirect_base, "thuat-ngu/?q=a", Host="ke.example")
    assert (status, got["Location"]) == (301, "https://ke.example/thuat-ngu/?q=a")


def test_the_header_check_script_passes_the_local_server(nginx_sites: dict[str, Any]) -> None:
    from check_headers import check  # scripts/ is on pytest's path

    # Only HTTPS itself cannot be checked on this plain-HTTP copy.
    assert check(nginx_sites["real"].base) == [
        "Địa chỉ đã cho không phải https://: hãy kiểm tra bản đã có HTTPS"
    ]
