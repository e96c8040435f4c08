"""Readable offline after the first visit: the web app manifest and the service worker.

The worker (`assets/plansite-sw.js`, on Workbox's routing and NetworkFirst strategy) is
written at the end of a build for a web server, as `sw.js` at the site's root, with this
build's settings: a version that is a hash of every file of the site, so that any change
gives a new worker whose install drops the old caches; and the pages saved at install
(`urls.saved_offline`) with the files that those pages load, read from their built HTML.

No worker in the preview (it would cache pages being edited) nor in the `file://` copy
(browsers run none there). With `plansite_worker: false` in mkdocs.yml, sw.js becomes a
worker that deletes the saved copies and unregisters itself, and pages stop registering.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .. import urls
from ..model.types import Site

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
SCRIPT = "assets/javascripts/plansite-offline.js"
ICON = "assets/images/plansite-icon.svg"
WORKBOX = "assets/workbox/"
WORKBOX_FILES = ("workbox-core.prod.js", "workbox-routing.prod.js", "workbox-strategies.prod.js")
THEME_COLOR = "#1b5e20"  # the theme's primary colour (overrides/assets/stylesheets/plansite.css)
SETTINGS_SLOT = "/* settings */ null"
# What a page loads from its own site: stylesheets, icons, scripts, images.
LOADED = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)"', re.IGNORECASE)
COMPRESSED = (".br", ".gz")

_folder = resources.files(__package__).joinpath("assets")


def assets(site: Site, site_name: str) -> dict[str, bytes]:
    """The manifest, its icon, the page's script and Workbox's files, by site path."""
    out = {
        MANIFEST: manifest(site, site_name).encode(),
        ICON: _folder.joinpath("plansite-icon.svg").read_bytes(),
        SCRIPT: _folder.joinpath("plansite-offline.js").read_bytes(),
    }
    for name in WORKBOX_FILES:
        out[WORKBOX + name] = _folder.joinpath("workbox", name).read_bytes()
    return out


def manifest(site: Site, site_name: str) -> str:
    """The web app manifest, in Vietnamese; paths are relative to the manifest itself."""
    fields: dict[str, object] = {"name": site_name, "lang": "vi", "dir": "ltr"}
    if site.short_name:
        fields["short_name"] = site.short_name
    if site.description:
        fields["description"] = site.description
    fields |= {
        "start_url": "./",
        "scope": "./",
        "display": "minimal-ui",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }
    return json.dumps(fields, ensure_ascii=False, indent=2) + "\n"


def loaded_by(html: str, address: str) -> list[str]:
    """The site's own files that a page at `address` loads, relative to the site's root."""
    found = []
    for target in LOADED.findall(html):
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.IGNORECASE):
            continue  # another site, data: or the like
        if target.endswith(("/", ".html", ".")):
            continue  # a page (the theme's rel="prev"/"next"), not a file the page needs
        path = posixpath.normpath(posixpath.join(posixpath.dirname(address), target))
        if not path.startswith(".."):
            found.append(path)
    return found


def precache(site_dir: Path, src_uris: Iterable[str]) -> list[str]:
    """The saved pages' addresses, then the files they load, each once, in a fixed order."""
    pages, files = [], []
    for uri in src_uris:
        address = urls.address(uri)  # '' for the home page
        target = site_dir / address / "index.html"
        if not target.is_file():
            continue  # a guide named in site.yml but not written: nothing to save
        pages.append(address or "./")
        files += loaded_by(target.read_text(encoding="utf-8"), address)
    files += [MANIFEST, ICON]
    return pages + sorted(set(files) - set(pages))


def version(site_dir: Path) -> str:
    """A hash of every file of the built site (names and bytes), sw.js and copies aside."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and name != WORKER and not name.endswith(COMPRESSED):
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def write_worker(site_dir: Path, site: Site, *, enabled: bool) -> None:
    """Write sw.js: the worker with this build's settings, or the one that removes it."""
    if not enabled:
        worker = _folder.joinpath("plansite-sw-remove.js").read_text(encoding="utf-8")
    else:
        settings = {
            "version": version(site_dir),
            "precache": precache(site_dir, urls.saved_offline(site)),
            "offline": urls.address(urls.OFFLINE),
            "workbox": WORKBOX,
        }
        template = _folder.joinpath("plansite-sw.js").read_text(encoding="utf-8")
        worker = template.replace(SETTINGS_SLOT, json.dumps(settings, ensure_ascii=False), 1)
    (site_dir / WORKER).write_text(worker, encoding="utf-8", newline="\n")


def theme_extra(enabled: bool) -> dict[str, object]:
    """What overrides/main.html needs: whether pages register the worker, and the paths."""
    return {"worker": enabled, "script": SCRIPT, "manifest": MANIFEST, "theme_color": THEME_COLOR}
