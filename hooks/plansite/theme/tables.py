"""Tables that fit a phone: each wide table's cells carry their column's name.

On a narrow screen the stylesheet shows every row of a table of three columns or
more as a card ("Cơ quan chủ trì: …" on its own line) instead of a strip wider than
the screen. The markup stays a plain table with its header row (explicit ARIA table
roles would restore semantics in older browsers, but HTML forbids them on table
elements); Chromium keeps the table's semantics under the card layout, which the
browser tests check.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
ROW = re.compile(r"<tr\b([^>]*)>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
MIN_COLUMNS = 3


def _label(cell: str) -> str:
    return html.escape(" ".join(html.unescape(TAG.sub("", cell)).split()), quote=True)


def _stack(match: re.Match[str]) -> str:
    inner = match.group(1)
    head, sep, body = inner.partition("</thead>")
    labels = [_label(cell) for cell in HEAD_CELL.findall(head)]
    if not sep or len(labels) < MIN_COLUMNS:
        return match.group(0)

    def row(found: re.Match[str]) -> str:
        cells = iter(labels)
        # The value is wrapped in one box: in the card's grid, a cell's words, links and
        # paragraphs then stay together in the value column instead of each taking a slot.
        marked = CELL.sub(
            lambda c: f'<td data-label="{next(cells, "")}"{c[1]}><div class="o">{c[2]}</div></td>',
            found[2],
        )
        return f"<tr{found[1]}>{marked}</tr>"

    # An attribute, not a class: the theme styles only tables without a class.
    return f"<table data-the>{head}</thead>{ROW.sub(row, body)}</table>"


def stack_wide_tables(page: str) -> str:
    """Mark every table of three or more columns to be shown as cards on a phone."""
    return TABLE.sub(_stack, page)
