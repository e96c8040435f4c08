"""What the build does to every written page and to the finished site for the web server.

Each page gets the theme fixes (`postprocess.finish_html`) and loses its inline scripts to
files (`scripts`); once the site is written, the scripts' files are written, then brotli
and gzip copies of every text file (`compress`) unless the build is the preview or the
`file://` copy, which no web server serves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.types import Site
from .compress import CompressReport, precompress
from .offline import write_worker
from .postprocess import finish_html
from .scripts import InlineScripts, page_root, template_root

log = logging.getLogger("mkdocs.plugins.plansite")


@dataclass
class Publication:
    for_server: bool = False
    """Built for a web server: not the preview, not the `file://` copy."""
    scripts: InlineScripts = field(default_factory=InlineScripts)
    worker: bool = True

    def configure(self, config: Any) -> None:
        """Settle what the build leaves for the server, from mkdocs.yml (`config`).

        `plansite_offline: true` is the `file://` copy: no directory URLs, no server.
        `plansite_worker: false` turns the service worker off (and removes it from
        browsers that have it).
        """
        if config.extra.get("plansite_offline"):
            config.use_directory_urls = self.for_server = False
        self.worker = config.extra.get("plansite_worker", True) is not False
        saved = config.extra.get("plansite_saved")
        if isinstance(saved, dict):
            saved["worker"] = self.for_server and self.worker

    def page(self, html: str, url: str) -> str:
        """A page as written: theme fixes, scripts moved out (`url` is the page's)."""
        return self.scripts.move(finish_html(html), page_root(url))

    def template(self, html: str, name: str, config: Any) -> str:
        """A theme template such as 404.html, whose root MkDocs chose as for `config`."""
        if not name.endswith(".html"):
            return html
        root = template_root(name, config.site_url, config.use_directory_urls)
        return self.scripts.move(finish_html(html), root)

    def write_scripts(self, site_dir: Path) -> None:
        self.scripts.write(site_dir)

    def finish(self, site_dir: Path, site: Site) -> CompressReport | None:
        """For a web server: write the service worker, then the compressed copies."""
        if not self.for_server:
            return None
        write_worker(site_dir, site, enabled=self.worker)
        done = precompress(site_dir)
        log.info(f"Nén sẵn (br, gz): {done.files} tệp, {done.seconds:.2f} giây")
        return done
