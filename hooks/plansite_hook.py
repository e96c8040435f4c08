"""MkDocs hook: a thin adapter from MkDocs events to the plansite package.

All logic lives in `plansite` (installed with `pip install -e .`); this file only
feeds MkDocs. Pages are added with `File.generated`; nothing is written to docs/.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from plansite.errors import PlanDataError
from plansite.project import SiteOutput, generate
from plansite.theme.postprocess import clean_url, epoch, finish_html, finish_site
from plansite.theme.search import ThemeChanged

_output: SiteOutput | None = None
OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


def on_config(config: Any) -> Any:
    global _output
    root = Path(config.config_file_path).parent
    try:
        _output = generate(root, Path(config.docs_dir), config.site_name)
    except PlanDataError as exc:
        raise PluginError(exc.report()) from None
    except ThemeChanged as exc:
        raise PluginError(f"Giao diện Material đã thay đổi: {exc}") from None
    # Reproducible output: dates in MkDocs' own files come from the data, not the clock.
    # A SOURCE_DATE_EPOCH set by whoever runs the build is respected.
    if "SOURCE_DATE_EPOCH" not in os.environ or os.environ.get("PLANSITE_SET_EPOCH"):
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch(_output.site.as_of))
        os.environ["PLANSITE_SET_EPOCH"] = "1"
    config.nav = _output.nav
    config.extra.update(_output.theme_extra)
    offline = config.plugins.get("material/offline")
    if offline and offline.config.enabled:
        # The offline plugin would load its worker shim from a CDN; ship our copy instead.
        config.extra["polyfills"] = [OFFLINE_SHIM]
    if _output.site.site_url and not config.site_url:
        config.site_url = _output.site.site_url + "/"
    return config


def on_files(files: Files, config: Any) -> Files:
    assert _output is not None
    absolute_edit = str(config.edit_uri or "").startswith(("http://", "https://"))
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    hidden = set(_output.not_in_nav)
    for uri, page in _output.generated.items():
        inclusion = InclusionLevel.NOT_IN_NAV if uri in hidden else InclusionLevel.UNDEFINED
        file = File.generated(config, uri, content=page.markdown, inclusion=inclusion)
        if absolute_edit and page.source:
            source = os.path.relpath(root / page.source, docs_dir)
            file.edit_uri = posixpath.normpath(source.replace(os.sep, "/"))
        files.append(file)
    for uri, data in _output.assets.items():
        files.append(File.generated(config, uri, content=data))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    assert _output is not None
    if page.edit_url:
        # ".../docs/../plan_data/x.yml" → ".../plan_data/x.yml"
        page.edit_url = clean_url(page.edit_url)
    return _output.handwritten.get(page.file.src_uri, markdown)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return finish_html(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return finish_html(output) if template_name.endswith(".html") else output


def on_post_build(config: Any) -> None:
    assert _output is not None
    finish_site(Path(config.site_dir), has_site_url=bool(config.site_url))
