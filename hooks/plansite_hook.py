"""MkDocs hook: a thin adapter from MkDocs events to the plansite package.

All logic lives in `plansite` (installed with `pip install -e .`); this file only
feeds MkDocs. Pages are added with `File.generated`; nothing is written to docs/.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from plansite.errors import PlanDataError
from plansite.preview import incremental, session
from plansite.project import SiteOutput, generate
from plansite.theme.indexer import SearchIndexer, SearchIndexError
from plansite.theme.postprocess import clean_url, finish_site, pin_epoch
from plansite.theme.publish import Publication

_output: SiteOutput | None = None
_search: SearchIndexer | None = None
_publish = Publication()  # inline scripts to files; .br/.gz copies for the web server
log = logging.getLogger("mkdocs.plugins.plansite")


def on_startup(command: str, dirty: bool) -> None:
    _publish.for_server = command != "serve"
    session.start(serving=command == "serve")
    incremental.start(dirty=dirty and command == "serve")


def on_config(config: Any) -> Any:
    global _output, _search
    root = Path(config.config_file_path).parent
    try:
        _output = generate(root, Path(config.docs_dir), config.site_name)
    except Exception as exc:  # the preview shows it in the browser; a build stops here
        _output = None
        if not session.failed(exc):
            raise PluginError(exc.report()) if isinstance(exc, PlanDataError) else exc from None
        return session.error_config(config)
    session.strict_off(config)
    pin_epoch(_output.site.as_of)  # MkDocs' own dates from the data, not the clock
    config.nav = _output.nav
    config.extra.update(_output.theme_extra)
    if "material/search" in config.plugins:
        raise PluginError("Hãy đặt 'plugins: []' trong mkdocs.yml: tìm kiếm do plansite đảm nhận.")
    offline = bool(config.extra.get("plansite_offline"))  # OFFLINE=true: a USB copy (file://)
    _publish.configure(config)  # no server (nor worker) for the preview and the file:// copy
    _search = SearchIndexer.for_site(_output.site, offline=offline)
    if _output.site.site_url and not config.site_url:
        config.site_url = _output.site.site_url + "/"
    incremental.begin(config)
    return config


def on_files(files: Files, config: Any) -> Files:
    if _output is None:  # the preview's error page in place of every page
        kept = [f for f in files if not f.is_documentation_page()]
        files = Files([*kept, File.generated(config, "index.md", content=session.page())])
        incremental.remove_stale(files, Path(config.site_dir))
        return files
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
    pages = {uri: page.markdown for uri, page in _output.generated.items()}
    incremental.mark(files, pages | _output.handwritten | _output.assets)
    incremental.remove_stale(files, Path(config.site_dir))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if _output is None:
        return markdown
    if page.edit_url:
        # ".../docs/../plan_data/x.yml" → ".../plan_data/x.yml"
        page.edit_url = clean_url(page.edit_url)
    return _output.handwritten.get(page.file.src_uri, markdown)


def on_post_page(output: str, page: Any, config: Any) -> str:
    html = _publish.page(output, page.url)
    if _output is not None and _search is not None:
        _search.add_page(html, page.url, page.file.dest_uri, page.title or "", page.meta)
    return html


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return _publish.template(output, template_name, config)


def on_post_build(config: Any) -> None:
    session.show_warnings(Path(config.site_dir), Path(config.docs_dir))
    _publish.write_scripts(Path(config.site_dir))
    if _output is None or _search is None or incremental.is_incremental():
        return  # in a fast preview the search index stays as the first build wrote it
    finish_site(Path(config.site_dir), has_site_url=bool(config.site_url))
    try:
        report = _search.finish(Path(config.site_dir))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    log.info(f"Chỉ mục tìm kiếm: {report.pages} trang, {report.seconds:.2f} giây ({report.kind})")
    _publish.finish(Path(config.site_dir), _output.site)
