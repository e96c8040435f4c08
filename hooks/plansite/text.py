"""Text helpers: folding Vietnamese for matching, ids, and escaping data for output.

Data is text: whatever a YAML value says, it must reach the page as words,
never as Markdown syntax or HTML. Every value goes through `md_inline` (or
`html_attr` for attributes) on its way into a page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from functools import lru_cache

# Characters Python-Markdown (with the tables extension) lets us backslash-escape.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()!|])")
_BLOCK_START = re.compile(r"^([-+#>]|\d+(?=\.))")


def fold(text: str) -> str:
    """Lower-case, drop tone and vowel marks, đ→d: 'Môi Trường' → 'moi truong'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str) -> str:
    """A URL-safe id: 'Ủy ban nhân dân tỉnh' → 'uy-ban-nhan-dan-tinh'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:80].strip("-")


def whole_words(phrase: str) -> re.Pattern[str]:
    """A pattern matching lower-cased `phrase` only as whole words."""
    return re.compile(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)")


def excerpt(text: str, limit: int = 160) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with '…')."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0] + "…"


def md_inline(value: object) -> str:
    """Escape data so that Markdown shows it as plain words on one line.

    HTML metacharacters become entities (so `<script>` is shown, never run) and
    Markdown punctuation is backslash-escaped (so `[x](javascript:…)` is not a
    link and `*` is not emphasis). Line breaks become spaces.
    """
    return _md_inline(str(value))


@lru_cache(maxsize=1 << 16)
def _md_inline(value: str) -> str:
    # Pages repeat the same names and titles thousands of times: escape each once.
    text = html.escape(" ".join(value.split()), quote=True)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A value may start a line: keep it from opening a list, heading or setext underline.
    text = _BLOCK_START.sub(
        lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text, count=1
    )
    return text.replace("=", "&#61;")


def html_attr(value: object) -> str:
    """Escape data for an HTML attribute or any place printed without escaping."""
    return html.escape(" ".join(str(value).split()), quote=True)


def vn_date(day: dt.date) -> str:
    """A date as Vietnamese administrative texts write it: 01/7/2025, 17/01/2023, 19/10/2022.

    Two-digit days, and a leading zero for January and February only, as the dates in
    the plans themselves are written.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def ordinal(n: int) -> str:
    """'thứ nhất', 'thứ hai', … 'thứ mười', then 'thứ 11': as administrative texts count."""
    return f"thứ {_ORDINALS[n - 1]}" if 1 <= n <= len(_ORDINALS) else f"thứ {n}"
