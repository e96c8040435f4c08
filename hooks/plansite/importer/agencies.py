"""Split a lead or partner cell of a task table into agencies, and name each in full.

Plans write several agencies in one cell: "Sở Xây dựng, Sở Tài nguyên và Môi trường",
"Các Sở: Tài chính, Xây dựng, Nông nghiệp và PTNT", one per line, or "Sở Kế hoạch và
Đầu tư và các đơn vị liên quan". A comma, "và", a dash, a colon, a semicolon or a line
break separates two agencies only where a new one starts after it: a head word followed
by a name ("Sở Y tế", "UBND tỉnh", "Công an huyện"; not "Sở, ban, ngành"), a title
("Giám đốc Sở Y tế") or a generic phrase ("các đơn vị liên quan"). A semicolon always
separates. Official names that hold a separator are known (`agency_names`) and never cut.

Each piece keeps its `words` exactly as the cell writes them (a substring of the cell in
NFC, as the importer reads every text). Its `name` is the full name: abbreviations
spelled out, a known official name in its official form ("Sở Tài nguyên-Môi trường" →
"Sở Tài nguyên và Môi trường"), tone marks placed as in "Ủy", a title or a note in
parentheses left out. A generic piece ("các sở, ngành", "UBND các huyện") names no one
in particular: it stays words, flagged `generic`, and is never an agency.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..text import slugify
from .agency_names import (
    ABBREVIATIONS,
    COLLECTIVE_HEADS,
    FIELD_HEADS,
    FIELDS,
    GENERIC,
    HEADS,
    KINDS,
    LEVELS,
    NAMES,
    SPELLINGS,
    STANDALONE,
    TITLES,
)


@dataclass(frozen=True)
class Named:
    """One agency (or one generic phrase) of a cell: its words as written and its name."""

    words: str
    name: str
    generic: bool = False


def split_agencies(cell: str) -> list[Named]:
    """The agencies a lead or partner cell names, in the cell's order."""
    text = unicodedata.normalize("NFC", cell)
    key = _tones(text)  # same length as `text`: spans found in `key` cut `text`
    protected = _protected(key)
    pieces: list[Named] = []
    pos = _skip(_GAP, key, 0)
    while pos < len(key):
        title = _TITLE.match(key, pos)
        listed = _list_at(key, title.end() if title else pos)
        if listed:
            end = _read_list(text, key, listed, protected, pieces)
        else:
            end = _piece_end(key, pos, protected)
            _add(pieces, text[pos:end])
        pos = _skip(_GAP, key, max(end, pos + 1))
    return pieces


def begins_with_agency(words: str) -> bool:
    """Whether `words` open with an agency's head word or an abbreviated agency ('Sở …',
    'UBND …', 'Công an …'), as a duty's subject does and a clause like 'Là cơ quan…'
    does not."""
    key = _tones(unicodedata.normalize("NFC", words.strip()))
    title = _TITLE.match(key)
    start = title.end() if title else 0
    return bool(
        _HEAD_AT_START.match(key, start)
        or _STANDALONE.match(key, start)
        or _ABBREVIATION.match(key, start)
    )


def full_name(words: str) -> str:
    """The full name of one agency as a text writes it: 'UBND TP Cần Thơ' → 'Ủy ban nhân
    dân thành phố Cần Thơ'."""
    text = _spelled_out(words)
    return text[:1].upper() + text[1:]


def _spelled_out(words: str) -> str:
    """The full name, its first letter as written."""
    text = " ".join(_PAREN.sub(" ", _tones(unicodedata.normalize("NFC", words))).split())
    title = _TITLE.match(text)
    text = text[title.end() if title else 0 :].strip(" ,;:.")
    text = _official(text)
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group()], text)
    text = re.sub(r"\s*&\s*", " và ", text)
    return re.sub(r"\s+[-–—]\s+", " - ", text)


def agency_id(name: str) -> str:
    """A stable id for an agency, from its full name: 'UBND tỉnh' → 'uy-ban-nhan-dan-tinh'."""
    return slugify(full_name(name))


def same_agency(a: str, b: str) -> bool:
    """Whether two names name the same agency: full names equal, ignoring case, spacing
    and where the tone mark sits ('Uỷ'/'Ủy')."""
    return full_name(a).casefold() == full_name(b).casefold()


# --- Tone marks -------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([^\W\d_])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.groups()
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if (first + base).lower() not in ("oa", "oe", "uy") or len(marks) != 1:
        return match.group()
    if marks[0] not in _TONE_MARKS:
        return match.group()
    return unicodedata.normalize("NFC", first + marks[0]) + base


def _tones(text: str) -> str:
    """`text` (NFC) with 'oà, oè, uỳ' at a word's end written 'òa, òe, ùy', as official
    names are ('Ủy ban', 'Văn hóa'); one character for one, so spans stay valid."""
    return _OLD_TONE.sub(_move_tone, text)


# --- Patterns built from the tables -----------------------------------------------------


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _plain(words: str) -> str:
    """`words` as texts write them: any spacing, '&' or a dash for 'và', any dash for a
    dash, an optional comma."""
    out = []
    for token in re.split(r"(\s+-\s+|,\s*|\s+và\s+|\s+)", words):
        mark = token.strip()
        if not token:
            continue
        if mark == "-":
            out.append(r"\s*[-–—]\s*")
        elif mark == ",":
            out.append(r"(?:\s*,\s*|\s+)")
        elif mark == "và":
            out.append(r"\s*(?:và|&|[-–—])\s*")
        elif not mark:
            out.append(r"\s+")
        else:
            out.append(re.escape(token).replace(r"\-", r"\s*[-–—]\s*"))
    return "".join(out)


_ABBREVIATED: dict[str, list[str]] = {}
for _abbr, _expansion in ABBREVIATIONS.items():
    _ABBREVIATED.setdefault(_expansion.casefold(), []).append(_abbr)


def _flexible(words: str, whole: bool = True) -> str:
    """A pattern for `words` that also accepts the abbreviations of it and of its parts:
    'Nông nghiệp và Phát triển nông thôn' matches 'NN&PTNT' and 'Nông nghiệp và PTNT'."""
    shorter = [abbr for abbr in _ABBREVIATED.get(words.casefold(), []) if whole]
    for expansion in sorted(_ABBREVIATED, key=len, reverse=True):
        if expansion == words.casefold():
            continue
        found = re.search(rf"(?<!\w){re.escape(expansion)}(?!\w)", words, re.IGNORECASE)
        if found:
            inner = (
                _flexible(words[: found.start()], False)
                + _flexible(found.group())
                + _flexible(words[found.end() :], False)
            )
            break
    else:
        inner = _plain(words)
    spelled = [r"\s*&\s*".join(map(re.escape, a.split("&"))) for a in shorter]
    return "(?:" + "|".join([inner, *spelled]) + ")" if spelled else inner


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)


_HEAD_OF_FIELD = "(?P<head>" + "|".join(FIELD_HEADS) + r")\s+"
# Each official name, with its canonical spelling; a field name after "Sở/Bộ/Phòng".
_FIELDS = {**{f: f for f in FIELDS}, **SPELLINGS}
_OFFICIAL = [(_compile(_HEAD_OF_FIELD + _flexible(f)), c) for f, c in _FIELDS.items()] + [
    (_compile(_flexible(n)), n) for n in NAMES
]
_FIELD = [(_compile(_flexible(f)), c) for f, c in _FIELDS.items()]
_ABBREVIATION = re.compile(rf"(?<!\w)(?:{_alternatives(list(ABBREVIATIONS))})(?!\w)")
_GENERIC_PHRASES = [_compile(_plain(g)) for g in GENERIC]
_PAREN = re.compile(r"\([^()]*\)")

_HEAD = re.compile(rf"(?i:{_alternatives(HEADS)})\s+(?P<next>[^\W\d_]+)")
_STANDALONE = re.compile(rf"(?:{_alternatives(STANDALONE)})(?!\w)")
_HEAD_AT_START = re.compile(rf"(?:{_alternatives(HEADS)})(?!\w)")
_TITLE = re.compile(rf"(?:{_alternatives(TITLES)})\s+(?=[^\W\d_])")
_GENERIC_START = re.compile(r"(?:[Cc]ác|[Tt]ất cả|[Tt]oàn thể)(?!\w)")
_SEPARATOR = re.compile(r";|,|:|\n|(?<=\s)(?:và|&|[-–—])(?=\s)")
_AFTER = re.compile(r"\s*(?:[-+•–—*](?=\s)\s*)?")
_GAP = re.compile(r"(?:[\s,;:.&]|(?<!\w)và(?!\w)|[-+•–—*](?=\s))*")
_LIST_COLON = re.compile(
    r"(?:[Cc]ác|[Ll]iên)\s+(?P<head>[Ss]ở|[Bb]ộ|[Pp]hòng|[Bb]an)"
    r"(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)*\s*:\s*"
)
_LIST_BARE = re.compile(r"(?:[Cc]ác|[Ll]iên)\s+(?P<head>Sở|Bộ|Phòng)\s+(?=[^\W\d_])")
_LIST_SEPARATOR = re.compile(r"[^\S\n]*(?:,|(?<=\s)và(?=\s))\s*")
_ITEM_END = re.compile(r";|,|\n|(?<=\s)và(?=\s)")
_LEVELS = _alternatives(LEVELS)
_MANY_LEVELS = re.compile(rf"(?:cấp\s+)?(?:{_LEVELS})(?:(?:\s*[,/-]\s*|\s+và\s+)(?:{_LEVELS}))+")
_COLLECTIVE = re.compile(rf"(?:{_alternatives(COLLECTIVE_HEADS)})\s+(?:các|cấp)(?!\w)", re.I)


# --- Splitting --------------------------------------------------------------------------


def _protected(key: str) -> list[tuple[int, int]]:
    """Spans no separator may cut: official names, generic phrases, parentheses."""
    spans = [(s, e) for s, e, _ in _official_spans(key)]
    spans += [m.span() for p in _GENERIC_PHRASES for m in p.finditer(key)]
    spans += [m.span() for m in _PAREN.finditer(key)]
    return spans


def _skip(pattern: re.Pattern[str], key: str, pos: int) -> int:
    """Where `pattern`, which matches the empty string too, stops matching from `pos`."""
    found = pattern.match(key, pos)
    return found.end() if found else pos


def _starts_generic(key: str, pos: int) -> bool:
    """Whether a generic phrase ('các …', 'đơn vị liên quan') starts at `pos`."""
    return bool(_GENERIC_START.match(key, pos)) or any(p.match(key, pos) for p in _GENERIC_PHRASES)


def _starts_agency(key: str, pos: int, phrases: bool = True) -> bool:
    """Whether an agency, a title, 'các …' or (if `phrases`) a generic phrase starts at
    `pos`."""
    if _TITLE.match(key, pos) or _GENERIC_START.match(key, pos) or _STANDALONE.match(key, pos):
        return True
    if phrases and any(p.match(key, pos) for p in _GENERIC_PHRASES):
        return True
    head = _HEAD.match(key, pos)
    if not head or head.group("next").casefold() in KINDS:
        return False
    return key[pos].isupper() or head.group("next")[0].isupper()


def _piece_end(key: str, start: int, protected: list[tuple[int, int]]) -> int:
    """Where the piece that starts at `start` ends. A generic piece goes on through
    generic phrases ('các sở, ban, ngành, đơn vị liên quan') up to an agency or 'các'."""
    phrases = not _starts_generic(key, start)
    for sep in _SEPARATOR.finditer(key, start):
        if any(s < sep.start() < e for s, e in protected):
            continue
        after = _skip(_AFTER, key, sep.end())
        if sep.group() == ";" or _starts_agency(key, after, phrases):
            return sep.start()
    return len(key)


def _list_at(key: str, pos: int) -> re.Match[str] | None:
    """A distributive list ('Các Sở: Tài chính, Xây dựng', 'các Bộ Công an, Quốc phòng')."""
    listed = _LIST_COLON.match(key, pos)
    if listed:
        return listed
    listed = _LIST_BARE.match(key, pos)
    if listed and key[listed.end()].isupper():  # a name follows: "các Sở Tài chính, …"
        word = re.match(r"[^\W\d_]+", key[listed.end() :])
        return listed if word and word.group().casefold() not in KINDS else None
    return None


def _read_list(
    text: str, key: str, listed: re.Match[str], protected: list[tuple[int, int]], out: list[Named]
) -> int:
    """Add the items of a distributive list, each under the list's head unless it has its
    own ('Các sở, ngành: Tài chính, Công an tỉnh'); return where the list ends."""
    head = listed.group("head").capitalize()
    pos = listed.end()
    while pos < len(key) and not _GENERIC_START.match(key, pos):
        if _starts_agency(key, pos):
            end = _item_end(key, pos, protected)
            _add(out, text[pos:end])
        else:
            field, end = _field_at(key, pos)
            end = end or _item_end(key, pos, protected)
            words = _clean(text[pos:end])
            if words:
                out.append(Named(words, f"{head} {field or full_name(words)}"))
        sep = _LIST_SEPARATOR.match(key, end)
        if not sep:
            return end
        pos = sep.end()
    return pos


def _field_at(key: str, pos: int) -> tuple[str | None, int]:
    """The longest known field name at `pos` that ends an item, and where it ends."""
    best: tuple[str | None, int] = (None, 0)
    for pattern, field in _FIELD:
        found = pattern.match(key, pos)
        if found and found.end() > best[1] and _ends_item(key, found.end()):
            best = (field, found.end())
    return best


def _ends_item(key: str, pos: int) -> bool:
    """Whether an item of a list may end at `pos`: at a separator, or before a dash and a
    new agency ('liên Bộ Lao động - Thương binh và Xã hội - Bộ Tài chính')."""
    if re.match(r"\s*(?:[,;.\n]|và(?=\s)|\Z)", key[pos:]):
        return True
    dash = re.match(r"\s+[-–—]\s+", key[pos:])
    return dash is not None and _starts_agency(key, pos + dash.end())


def _item_end(key: str, start: int, protected: list[tuple[int, int]]) -> int:
    for sep in _ITEM_END.finditer(key, start):
        if not any(s < sep.start() < e for s, e in protected):
            return sep.start()
    return len(key)


def _clean(words: str) -> str:
    return words.strip().lstrip("-+•–—* ").rstrip(" ,;:.").strip()


def _add(out: list[Named], words: str) -> None:
    words = _clean(words)
    if words:
        name = _spelled_out(words)
        generic = _is_generic(name)
        out.append(Named(words, name if generic else name[:1].upper() + name[1:], generic))


# --- What a piece is --------------------------------------------------------------------


def _is_generic(name: str) -> bool:
    """Whether a full name names no one in particular ('các sở, ngành', 'UBND các huyện',
    'Ủy ban nhân dân phường, xã', 'Sở, ban, ngành')."""
    if _GENERIC_START.match(name) or _COLLECTIVE.match(name):
        return True
    if any(p.match(name) for p in _GENERIC_PHRASES):
        return True
    head = _HEAD_AT_START.match(name)
    if head is None:
        return re.search(r"(?<!\w)các(?!\w)", name, re.IGNORECASE) is not None
    rest = name[head.end() :].strip()
    if not rest and _STANDALONE.fullmatch(name):
        return False
    if not rest or rest.startswith(","):
        return True
    return head.group().casefold() == "ủy ban nhân dân" and _MANY_LEVELS.fullmatch(rest) is not None


@lru_cache(maxsize=4096)
def _official_spans(text: str) -> list[tuple[int, int, str]]:
    """Where official names stand in `text`, each with its official spelling: leftmost,
    longest, and where two spellings match the same words, the one written."""
    found: list[tuple[int, int, str]] = []
    for pattern, canonical in _OFFICIAL:
        for m in pattern.finditer(text):
            spelled = canonical
            if m.groupdict().get("head"):
                spelled = f"{m.group('head').capitalize()} {canonical}"
            found.append((m.start(), m.end(), spelled))
    found.sort(key=lambda f: (f[0], -f[1], _spelling(text[f[0] : f[1]]) != _spelling(f[2])))
    chosen: list[tuple[int, int, str]] = []
    for start, end, spelled in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, spelled))
    return chosen


def _spelling(text: str) -> str:
    return re.sub(r"\s*[-–—]\s*", " - ", " ".join(text.split())).casefold()


def _official(text: str) -> str:
    """`text` with each known official name in its official spelling."""
    out, last = [], 0
    for start, end, spelled in _official_spans(text):
        out += [text[last:start], spelled]
        last = end
    return "".join([*out, text[last:]])
