"""Deadlines as plans write them: 'Quý II/2023', '6 tháng đầu năm 2024', '2022-2030'…

Plans rarely give a due as one day. `parse_due` reads the usual shapes into a `Period`
(its first and last day) or a `Frequency` ('Hằng năm'), and anything else into None:
it never invents a day. The knowledge is in the tables below; the code only applies them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..text import vn_date
from ..vocab import Frequency, Precision

UNKNOWN_END = "chưa xác định được ngày kết thúc"


@dataclass(frozen=True)
class Period:
    """The days a due covers; `start` is None for 'before a day' (no first day given)."""

    start: dt.date | None
    end: dt.date
    precision: Precision

    @property
    def names_day(self) -> bool:
        """Whether the words themselves give the last day ('trước ngày 30/6/2023')."""
        return self.precision in (Precision.DAY, Precision.BEFORE_DAY)


FREQUENCIES = {
    "hằng năm": Frequency.YEARLY,
    "hàng năm": Frequency.YEARLY,
    "hằng quý": Frequency.QUARTERLY,
    "hàng quý": Frequency.QUARTERLY,
    "hằng tháng": Frequency.MONTHLY,
    "hàng tháng": Frequency.MONTHLY,
    "thường xuyên": Frequency.ONGOING,
}

# Parts of a year by the word that names them: (first month, last month).
QUARTERS = {"i": (1, 3), "ii": (4, 6), "iii": (7, 9), "iv": (10, 12)}
QUARTERS |= {str(n): months for n, months in enumerate(QUARTERS.values(), 1)}
HALVES = {"đầu": (1, 6), "cuối": (7, 12)}
PARTS = QUARTERS | HALVES

# Words that make a day the latest day ("chậm nhất ngày 15/12/2023").
BEFORE = ("trước", "chậm nhất", "hoàn thành trước", "hoàn thành chậm nhất", "không quá")

# Patterns over the normalised words (lower case, one space, no space around / and -).
_DAY = r"(?P<day>\d{1,2})(?:/| tháng )(?P<month>\d{1,2})(?:/| năm )(?P<year>\d{4})"
_OF_YEAR = r"(?:/| năm )(?P<year>\d{4})"
_YEARS = r"(?P<first>\d{4})(?:-| đến (?:năm )?)(?P<last>\d{4})"
_BEFORE = "|".join(re.escape(words) for words in BEFORE)
RULES = tuple(
    (precision, re.compile(pattern))
    for precision, pattern in (
        (Precision.YEAR, r"(?:trong )?(?:năm )?(?P<year>\d{4})"),
        (Precision.QUARTER, rf"(?:quý|quí|qúy) (?P<part>[ivx]+|\d){_OF_YEAR}"),
        (Precision.HALF_YEAR, r"(?:6|sáu) tháng (?P<part>đầu|cuối) năm (?P<year>\d{4})"),
        (Precision.MONTH, rf"tháng (?P<month>\d{{1,2}}){_OF_YEAR}"),
        (Precision.YEARS, rf"(?:trong |giai đoạn |từ )?(?:năm )?{_YEARS}"),
        (Precision.BEFORE_DAY, rf"(?:{_BEFORE})(?: ngày)? {_DAY}"),
        (Precision.DAY, rf"(?:ngày )?{_DAY}"),
    )
)
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_AROUND = re.compile(r" ?([/-]) ?")


def _normal(text: str) -> str:
    words = _DASHES.sub("-", unicodedata.normalize("NFC", text).lower())
    return _AROUND.sub(r"\1", " ".join(words.split())).strip(" .;,")


@lru_cache(maxsize=4096)
def parse_due(text: str) -> Period | Frequency | None:
    """The period or rhythm the words give, or None when they are not a known shape."""
    words = _normal(text)
    if words in FREQUENCIES:
        return FREQUENCIES[words]
    for precision, pattern in RULES:
        match = pattern.fullmatch(words)
        if match:
            try:
                return _period(precision, match.groupdict())
            except ValueError:  # no such day, month or part of a year
                return None
    return None


def _period(precision: Precision, found: dict[str, str | None]) -> Period:
    def number(name: str) -> int:
        return int(found[name] or "")

    if precision is Precision.YEARS:
        first, last = number("first"), number("last")
        if last < first:
            raise ValueError(f"{last} < {first}")
        return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), precision)
    if "day" in found:
        day = dt.date(number("year"), number("month"), number("day"))
        return Period(None if precision is Precision.BEFORE_DAY else day, day, precision)
    year, part = number("year"), found.get("part")
    if part is not None:
        if part not in PARTS:
            raise ValueError(part)
        first, last = PARTS[part]
    elif "month" in found:
        first = last = number("month")
    else:
        first, last = 1, 12
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return Period(dt.date(year, first, 1), end, precision)


def due_words(text: str, end: dt.date | None) -> str:
    """The due as written, with its last day in plain words where the words do not say it.

    'Quý II/2023 (đến hết ngày 30/6/2023)', 'trước ngày 30/6/2023', 'Hằng năm', or, with
    no known last day, 'Cuối năm 2023 (chưa xác định được ngày kết thúc)'.
    """
    due = parse_due(text)
    if end is None:
        return text if isinstance(due, Frequency) else f"{text} ({UNKNOWN_END})"
    if isinstance(due, Period) and due.names_day and due.end == end:
        return text
    return f"{text} (đến hết ngày {vn_date(end)})"
