"""Charts drawn at build time as inline SVG: no chart library runs in the browser.

Every chart is followed on the page by a table of the same numbers, which is
what screen readers and copy-paste use; the SVG is a picture of that table.
"""

from __future__ import annotations

from ..model.progress import Tally
from ..text import html_attr
from ..vocab import Status

# Fill colours per status; labels are drawn in dark text beside the bars, not on them.
COLOURS = {
    Status.NO_INFORMATION: "#9e9e9e",
    Status.NOT_STARTED: "#c62828",
    Status.IN_PROGRESS: "#ef6c00",
    Status.PAUSED: "#6a1b9a",
    Status.DONE: "#2e7d32",
}
OVERDUE_COLOUR = "#b71c1c"
UNKNOWN_COLOUR = "#757575"
# Each row: the label on a line of its own, the bar and its count below it. The picture is
# as wide as a phone's column (360 px), so it is drawn at its own size there and text stays
# at FONT px instead of being scaled down with a wide picture.
WIDTH, BAR, FONT, ROW = 360, 290, 15, 48


def status_chart(tally: Tally, title: str) -> str:
    """A horizontal bar chart of task statuses, as one line of HTML for a Markdown page."""
    # Only statuses some task is in: a bar of zero would read as a fact about reports.
    rows = [(COLOURS[c.status], c.status.label, c.count) for c in tally.counts if c.count]
    # Lateness is drawn only where it can be known: for tasks that have a deadline.
    if tally.total > tally.without_deadline:
        rows.append((OVERDUE_COLOUR, "Trong đó quá hạn", tally.overdue.count))
    if tally.overdue.unknown:
        rows.append((UNKNOWN_COLOUR, "Trong đó chưa rõ thời hạn", tally.overdue.unknown))
    biggest = max([count for _, _, count in rows] + [1])
    height = ROW * len(rows) + 4
    summary = "; ".join(f"{name}: {count}" for _, name, count in rows)
    parts = [
        f'<svg class="bieu-do" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" '
        f'aria-label="{html_attr(title)}. {html_attr(summary)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (colour, name, count) in enumerate(rows):
        y = i * ROW
        width = max(2, round(BAR * count / biggest)) if count else 0
        parts.append(
            f'<text x="0" y="{y + FONT + 1}" font-size="{FONT}" fill="#212121">'
            f"{html_attr(name)}</text>"
            f'<rect x="0" y="{y + 22}" width="{width}" height="18" fill="{colour}"/>'
            f'<text x="{width + 6}" y="{y + 37}" font-size="{FONT}" '
            f'fill="#212121">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
