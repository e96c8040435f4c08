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

from .compress import CompressReport, precompress
from .postprocess import finish_html
from .scripts import InlineScripts, page_root, template_root

log = logging.getLogger("mkdocs.plugins.plansite")


@dataclass
class Publication:
    compress: bool = False
    scripts: InlineScripts = field(default_factory=InlineScripts)

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

    def precompress(self, site_dir: Path) -> CompressReport | None:
        if not self.compress:
            return None
        done = precompress(site_dir)
        log.info(f"Nén sẵn (br, gz): {done.files} tệp, {done.seconds:.2f} giây")
        return done
