"""The Jinja2 environment of every page: data escaped on output, filters and globals.

Templates never print data raw: every `{{ value }}` passes through `md_inline`
(see `_finalize`), so a `<script>` in YAML reaches the page as words. Template
text and macro output are `Markup` and pass unchanged.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .. import urls
from ..model.progress import Partial, Tally, is_overdue, when
from ..model.types import UNKNOWN, Plan
from ..text import excerpt, html_attr, md_inline, vn_date
from ..vocab import Status
from .charts import status_chart


def _finalize(value: Any) -> Markup:
    # Runs on every `{{ }}` output. Markup is what templates and macros made themselves;
    # anything else is data, and data is shown as words.
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_inline(value))


@pass_context
def _url(context: Context, target: str, anchor: str = "") -> Markup:
    return Markup(urls.relative(context["here"], target, anchor))


def _date(value: dt.date | None) -> str:
    return vn_date(value) if value else UNKNOWN


def _html(value: object) -> Markup:
    """Data inside raw HTML, where Markdown escapes would show as backslashes."""
    return Markup(html_attr(value))


def _cell(value: str) -> Markup:
    """A table cell of the text inside raw HTML: escaped, its own line breaks kept."""
    lines = [html_attr(line) for line in str(value).splitlines() if line.strip()]
    return Markup("<br>".join(lines))


def _after_kind(subject: str) -> str:
    """A subject after its kind, as one sentence: 'Kế hoạch' + 'Triển khai…' → 'triển khai…'.
    An acronym or a name in capitals keeps its case."""
    first = subject.split(" ", 1)[0]
    return subject if first.isupper() and len(first) > 1 else subject[:1].lower() + subject[1:]


def _hashes(level: int) -> Markup:
    return Markup("#" * max(1, min(level, 6)))


def _plan_domains(plan: Plan) -> list[str]:
    """The domains a plan's text names, in the order it first names them."""
    seen: list[str] = []
    for block in plan.blocks():
        seen += [d for d in block.domains if d not in seen]
    return seen


def _plan_tasks(plan: Plan) -> list[tuple[Plan, Any]]:
    return [(plan, t) for t in plan.tasks]


def _raw_url(url: str) -> Markup:
    """A checked http(s) URL as a Markdown link target (brackets and spaces encoded)."""
    safe = html_attr(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return Markup(safe)


def _raw_code(text: str) -> Markup:
    """Our own field names inside backticks: only letters, underscores and dots."""
    assert text.replace("_", "").replace(".", "").isalnum(), text
    return Markup(text)


def _badge(status: Status) -> Markup:
    return Markup('<span class="trang-thai trang-thai--{}">{}</span>').format(
        status.value, status.label
    )


def _chart(counted: Tally, title: str) -> Markup:
    return Markup(status_chart(counted, title))


def _task_count(count: int, partial_text: bool) -> str:
    """'1 nhiệm vụ', or '1 nhiệm vụ trong phần đã số hóa' while the text is partial."""
    return f"{count} nhiệm vụ" + (" trong phần đã số hóa" if partial_text else "")


def _lateness(late: Partial) -> str:
    """How many are overdue, never claiming 'none' for tasks whose deadline is unknown."""
    if late.known:
        return str(late.count)
    if late.count == 0:
        return f"chưa rõ: {late.unknown} nhiệm vụ chưa rõ thời hạn"
    return f"{late.count} quá hạn; {late.unknown} chưa rõ thời hạn"


def _reported(counted: Tally) -> str:
    """Statuses as reported, in words, for a table cell; no zeros, and unreported tasks
    counted as such: '2 đang thực hiện, 1 hoàn thành; 3 chưa có báo cáo'."""
    if counted.total == 0:
        return "Chưa có nhiệm vụ"
    if counted.reported == 0:
        return "Chưa có báo cáo tiến độ"
    parts = [
        f"{c.count} {c.status.label.lower()}"
        for c in counted.counts
        if c.count and c.status is not Status.NO_INFORMATION
    ]
    missing = counted.of(Status.NO_INFORMATION)
    return ", ".join(parts) + (f"; {missing} chưa có báo cáo" if missing else "")


def _at_least(counted: Partial) -> str:
    """A count in a table cell: exact, 'ít nhất N', or 'chưa rõ'."""
    if counted.known:
        return str(counted.count)
    return f"ít nhất {counted.count}" if counted.count else "chưa rõ"


# How many quoted passages a domain or entity page shows before linking to the full list.
QUOTE_PREVIEW = 10


@cache
def environment() -> Environment:
    """The Jinja2 environment shared by pages and markers (compiled once per process: the
    preview generates the site again after every save)."""
    env = Environment(
        loader=PackageLoader(__package__, "templates"),
        finalize=_finalize,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.globals.update(
        url=_url,
        urls=urls,
        UNKNOWN=UNKNOWN,
        hashes=_hashes,
        plan_domains=_plan_domains,
        badge=_badge,
        chart=_chart,
        task_count=_task_count,
        lateness=_lateness,
        reported=_reported,
        at_least=_at_least,
        when=when,
        is_overdue=is_overdue,
        plan_tasks=_plan_tasks,
        Status=Status,
        QUOTE_PREVIEW=QUOTE_PREVIEW,
    )
    env.filters.update(
        html=_html,
        cell=_cell,
        after_kind=_after_kind,
        date=_date,
        excerpt=excerpt,
        raw_url=_raw_url,
        raw_code=_raw_code,
    )
    return env
