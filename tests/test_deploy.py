"""The nginx configuration as shipped in deploy/nginx/: read, never rewritten here."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import ROOT

NGINX = ROOT / "deploy" / "nginx"
SITE_CONF = NGINX / "site.conf"
IMMUTABLE = "public, max-age=31536000, immutable"


def directives(path: Path) -> list[str]:
    """The file's lines without comments or blank lines, stripped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def servers() -> list[list[str]]:
    """Each `server { … }` block of site.conf as its lines (blocks inside it included)."""
    blocks: list[list[str]] = []
    depth = 0
    for line in directives(SITE_CONF):
        if depth == 0 and line.startswith("server {"):
            blocks.append([])
        if blocks and (depth > 0 or line.startswith("server {")):
            blocks[-1].append(line)
        depth += line.count("{") - line.count("}")
    return blocks


def headers() -> dict[str, str]:
    found = re.findall(r'add_header\s+(\S+)\s+"?(.*?)"?\s+always;', SITE_CONF.read_text("utf-8"))
    snippet = (NGINX / "snippets" / "plansite-headers.conf").read_text("utf-8")
    found += re.findall(r'add_header\s+(\S+)\s+"?(.*?)"?\s+always;', snippet)
    return dict(found)


def test_a_redirect_server_and_an_https_server_that_serves_the_site() -> None:
    plain, secure = servers()
    assert "listen 80;" in plain and "return 301 https://$host$request_uri;" in plain
    assert "location /.well-known/acme-challenge/ {" in plain
    assert "listen 443 ssl http2;" in secure
    assert any(line.startswith("server_name ") for line in secure)
    assert "root /var/www/plansite;" in secure
    # A copy with plain listen lines and no ssl_* lines must still serve the site.
    assert not [line for line in secure if "$scheme" in line or "https://" in line]
    for line in secure:
        if "ssl" in line:
            assert line.startswith(("listen ", "ssl_")) and line.count(";") == 1, line


def test_headers_come_from_the_server_level_only_and_always() -> None:
    text = SITE_CONF.read_text("utf-8")
    snippet_path = NGINX / "snippets" / "plansite-headers.conf"
    snippet = snippet_path.read_text("utf-8")
    assert all(line.endswith("always;") for line in directives(snippet_path))
    assert "include snippets/plansite-headers.conf;" in servers()[1]
    # An add_header inside a location would drop every server-level header there.
    for block in re.findall(r"location[^{]*\{([^}]*)\}", text):
        assert "add_header" not in block and "expires" not in block
    assert "location /assets/" not in text and "location ^~ /assets/" not in text
    assert "Cache-Control" in snippet


def test_the_content_security_policy_forbids_scripts_from_anywhere_else() -> None:
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in headers()["Content-Security-Policy"].split(";")
        if part.strip()
    )
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    for directive, sources in policy.items():
        assert "'unsafe-eval'" not in sources, directive
        if directive != "style-src":
            assert "'unsafe-inline'" not in sources, directive
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_other_security_headers() -> None:
    found = headers()
    assert found["X-Content-Type-Options"] == "nosniff"
    assert found["Referrer-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in found["Permissions-Policy"]
    assert found["Cross-Origin-Opener-Policy"] == "same-origin"
    assert found["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" in " ".join(servers()[1])


def test_types_are_added_to_debians_map_not_replacing_it() -> None:
    secure = servers()[1]
    assert not [line for line in secure if line.startswith("types")]
    assert secure.index("include mime.types;") < secure.index(
        "include snippets/plansite-types.conf;"
    )
    types = " ".join(" ".join(directives(NGINX / "snippets" / "plansite-types.conf")).split())
    for kind in ("application/manifest+json webmanifest;", "text/calendar ics;", "text/csv csv;"):
        assert kind in types


def cache_rules() -> list[tuple[re.Pattern[str], str]]:
    text = SITE_CONF.read_text("utf-8")
    block = text[text.index("map $uri $plansite_cache_control {") :]
    block = block[: block.index("\n}")]
    rules = re.findall(r'^\s*"~(.+?)"\s+"(.+?)";', block, re.MULTILINE)
    return [(re.compile(pattern), value) for pattern, value in rules]


def cache_control(uri: str) -> str:
    return next((v for pattern, v in cache_rules() if pattern.search(uri)), "no-cache")


def test_only_fingerprinted_files_are_cached_for_a_year(real_site: Path) -> None:
    uris = {"/" + p.relative_to(real_site).as_posix() for p in real_site.rglob("*") if p.is_file()}
    immutable = {u for u in uris if cache_control(u) == IMMUTABLE}
    assert any(re.search(r"/bundle\.[0-9a-f]{8}\.min\.js$", u) for u in immutable)
    assert any(re.search(r"/main\.[0-9a-f]{8}\.min\.css$", u) for u in immutable)
    assert any("/page-script." in u for u in immutable)
    assert any(u.endswith(".pf_fragment") for u in immutable)
    for uri in (
        "/index.html",
        "/assets/javascripts/plansite.js",
        "/assets/stylesheets/plansite.css",
        "/assets/javascripts/plansite-search.js",
        "/pagefind/pagefind.js",
        "/pagefind/pagefind-entry.json",
        "/pagefind/wasm.unknown.pagefind",
        "/assets/images/favicon.png",
        "/du-lieu/nhiem-vu.json",
    ):
        assert uri in uris and cache_control(uri) == "no-cache", uri
    assert not [u for u in immutable if u.endswith((".html", ".json", ".csv", ".ics", ".xml"))]
