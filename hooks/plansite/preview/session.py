"""The preview's state across rebuilds of one `mkdocs serve`: is it serving, what went wrong.

A production build (`mkdocs build`) is untouched: `failed` answers False and the hook
stops the build as before. While serving, a failure becomes an error page in place of
the site, MkDocs' own warnings become a panel on every page, and strict mode is off so
that the server never appears stuck on an old page.
"""

from __future__ import annotations

import logging
import tempfile
import traceback
from pathlib import Path
from typing import Any, ClassVar

from ..errors import PlanDataError, Problem
from . import incremental
from .page import TITLE, error_html, error_markdown, warnings_panel
from .warnings import WarningLog

LOG_FILE = Path(tempfile.gettempdir()) / "plansite-xem-truoc.log"
ARTICLE = '<article class="md-content__inner md-typeset">'
log = logging.getLogger("mkdocs.plugins.plansite")


class _State:
    serving: ClassVar[bool] = False
    problems: ClassVar[list[Problem]] = []
    crash_log: ClassVar[str | None] = None
    warnings: ClassVar[WarningLog] = WarningLog()


def start(serving: bool) -> None:
    """Called once when MkDocs starts; collects MkDocs' warnings while serving."""
    _State.serving = serving
    mkdocs_log = logging.getLogger("mkdocs")
    if serving and _State.warnings not in mkdocs_log.handlers:
        mkdocs_log.addHandler(_State.warnings)


def failed(exc: Exception) -> bool:
    """Record why the site could not be generated; True when the preview will show it."""
    _State.problems, _State.crash_log = [], None
    _State.warnings.messages.clear()
    if not _State.serving:
        return False
    _uncount()  # before logging: the error is shown in the browser, not counted as fatal
    if isinstance(exc, PlanDataError):
        _State.problems = list(exc.problems)
        log.error(exc.report())
    else:
        LOG_FILE.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        _State.crash_log = str(LOG_FILE)
        log.error(f"Lỗi trong mã của trang; chi tiết trong {LOG_FILE}", exc_info=exc)
    return True


def error_config(config: Any) -> Any:
    """The MkDocs settings of an error build: one page, shown at every address."""
    config.nav = [{TITLE: "index.md"}]
    strict_off(config)
    incremental.invalidate()
    config.extra["plansite_preview_error"] = error_html(_State.problems, _State.crash_log)
    return config


def strict_off(config: Any) -> None:
    """While serving, warnings are shown on the pages instead of stopping the build.

    Strict mode counts warnings with a handler MkDocs adds before any hook runs; for a
    plain `mkdocs serve` with `strict: true`, that counter is taken off again here.
    """
    _State.warnings.messages.clear()
    if _State.serving:
        config.strict = False
        _uncount()


def _uncount() -> None:
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):
        if type(handler).__name__ == "CountHandler":
            mkdocs_log.removeHandler(handler)


def page() -> str:
    """The error page's Markdown."""
    return error_markdown(_State.problems, _State.crash_log)


def show_warnings(site_dir: Path, docs_dir: Path) -> None:
    """Put MkDocs' warnings of this build at the top of every page of the preview."""
    if not (_State.serving and _State.warnings.messages):
        return
    panel = warnings_panel(_State.warnings.problems(docs_dir))
    incremental.invalidate()  # pages carrying the panel must be built again once it is gone
    for path in site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        if ARTICLE in html:
            path.write_text(html.replace(ARTICLE, ARTICLE + panel, 1), "utf-8")
