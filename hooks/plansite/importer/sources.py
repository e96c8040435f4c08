"""Read a plan document (.txt or .docx) into numbered paragraphs, losing no word.

Text files may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1258,
which is converted exactly. TCVN3 and VNI are refused, naming the encoding: their
capital letters cannot be recovered reliably, and a wrong letter in a government text
is worse than no import. Word files are read with python-docx, automatic numbering
included (Word's letters have no "đ", so they are mapped to the Vietnamese sequence).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.legacy import detect_legacy

VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


class SourceError(Exception):
    """The source cannot be read; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the source, with its line (or paragraph) number there."""

    text: str
    line: int
    number: str | None = None  # set when Word's automatic numbering supplied it


@dataclass(frozen=True)
class SourceRow:
    """One row of a table: a cell per column of the grid (a merged cell's words in its
    first column, "" in the others it covers), each cell's span, and whether Word marks
    the row as a header repeated on every page."""

    cells: tuple[str, ...]
    spans: tuple[int, ...]
    header: bool = False


@dataclass(frozen=True)
class SourceTable:
    """A table of the source, at its place among the paragraphs."""

    rows: tuple[SourceRow, ...]
    line: int

    @property
    def width(self) -> int:
        return max((len(row.cells) for row in self.rows), default=0)


Item = Paragraph | SourceTable


def read_source(path: Path) -> tuple[list[Item], str]:
    """The source's paragraphs and a short description of how it was read."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return _read_text(path.read_bytes())
    if suffix == ".docx":
        return _read_docx(path), "Word (.docx)"
    raise SourceError(
        f"không đọc được loại tệp '{path.suffix or '(không có đuôi)'}'. "
        "Hãy dùng tệp văn bản .txt hoặc tệp Word .docx."
    )


def _decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise SourceError("tệp trống.")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 (có BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    if b"\x00" in data:
        raise SourceError("đây là tệp nhị phân, không phải văn bản.")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    legacy = detect_legacy(data)
    if legacy == "Windows-1258":
        return data.decode("cp1258"), "Windows-1258 (đã chuyển sang UTF-8)"
    if legacy:
        raise SourceError(
            f"tệp được lưu bằng bảng mã {legacy}. Bảng mã này không chuyển tự "
            "động được chính xác; hãy mở bằng Unikey Toolkit, chuyển sang "
            "Unicode rồi lưu lại dạng UTF-8."
        )
    raise SourceError("tệp không ở bảng mã UTF-8 và không nhận ra bảng mã tiếng Việt nào.")


def _read_text(data: bytes) -> tuple[list[Item], str]:
    text, how = _decode(data)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = [
        Paragraph(" ".join(line.split()) if "\t" not in line else line.strip(), number)
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    return text_tables(paragraphs), how


# A table copied from a web page or a PDF: cells flattened with " | " or tabs.
CELL_SEPARATOR = re.compile(r"\s+\|\s+|\s*\t\s*")


def _split_cells(text: str) -> list[str]:
    return [" ".join(cell.split()) for cell in CELL_SEPARATOR.split(text.strip(" |"))]


def text_tables(paragraphs: list[Paragraph]) -> list[Item]:
    """Lines of three cells or more start a table; it goes on while lines have two or more
    (a group row, "I | Công tác tuyên truyền", may have fewer cells than the header).
    Two-cell lines outside a table stay lines: they are the header and signature blocks
    flattened to "left | right"."""
    items: list[Item] = []
    rows: list[SourceRow] = []
    start = 0
    for para in paragraphs:
        cells = _split_cells(para.text)
        if len(cells) >= 3 or (rows and len(cells) >= 2):
            start = start if rows else para.line
            rows.append(SourceRow(tuple(cells), (1,) * len(cells)))
            continue
        if rows:
            items.append(SourceTable(tuple(rows), start))
            rows = []
        items.append(Paragraph(" ".join(para.text.split()), para.line, para.number))
    if rows:
        items.append(SourceTable(tuple(rows), start))
    return items


def roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        while value >= amount:
            out += letters
            value -= amount
    return out


def _format(fmt: str, value: int) -> str:
    if fmt == "upperRoman":
        return roman(value)
    if fmt == "lowerRoman":
        return roman(value).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = VIETNAMESE_LETTERS[(value - 1) % len(VIETNAMESE_LETTERS)]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


def _levels(document: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(numId, ilvl) → (numFmt, lvlText) from the document's numbering part."""
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            levels[int(lvl.get(qn("w:ilvl")))] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "%1.",
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    found = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        for ilvl, spec in abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}).items():
            found[(num.get(qn("w:numId")), ilvl)] = spec
    return found


def _read_docx(path: Path) -> list[Item]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
    except ImportError as exc:  # pragma: no cover - python-docx is in requirements.lock
        raise SourceError("cần gói python-docx để đọc tệp Word.") from exc
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise SourceError("tệp .docx bị hỏng hoặc không phải tệp Word.") from exc
    levels = _levels(document)
    notes = _footnotes(document)
    counters: dict[tuple[str, int], int] = {}
    items: list[Item] = []
    index = 0
    for index, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Table):
            items.append(_table(block, index))
            continue
        words = _marked_text(block._p) if notes else block.text
        text = unicodedata.normalize("NFC", " ".join(words.split()))
        number = _number(block, levels, counters)
        if text:
            items.append(Paragraph(text, index, number))
    # Footnotes, as a text copy shows them: "[1] …" after the document, in their order.
    for offset, (note_id, words) in enumerate(notes.items(), start=1):
        items.append(Paragraph(f"[{note_id}] {words}", index + offset))
    return items


def _footnotes(document: Any) -> dict[str, str]:
    """The document's footnotes by id ("1", "2"…), each as one line of words."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    for rel in document.part.rels.values():
        if rel.reltype != RELATIONSHIP_TYPE.FOOTNOTES:
            continue
        notes = {}
        for note in parse_xml(rel.target_part.blob).findall(qn("w:footnote")):
            note_id = note.get(qn("w:id"))
            if note_id is None or int(note_id) < 1:
                continue  # the separator lines Word keeps as notes -1 and 0
            words = " ".join(_marked_text(p) for p in note.iter(qn("w:p")))
            notes[note_id] = unicodedata.normalize("NFC", " ".join(words.split()))
        return notes
    return {}


def _marked_text(p: Any) -> str:
    """A paragraph's words with each footnote reference as "[1]", where the note is."""
    from docx.oxml.ns import qn

    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:footnoteReference"):
            parts.append(f"[{node.get(qn('w:id'))}]")
        else:
            parts.append(" ")
    return "".join(parts)


def _number(
    paragraph: Any,
    levels: dict[tuple[str, int], tuple[str, str]],
    counters: dict[tuple[str, int], int],
) -> str | None:
    """The number Word's automatic numbering gives this paragraph, if any."""
    p_pr = paragraph._p.pPr
    num_pr: Any = p_pr.numPr if p_pr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    num_id = str(num_pr.numId.val)
    ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
    for key in [k for k in counters if k[0] == num_id and k[1] > ilvl]:
        del counters[key]  # a higher level restarts the levels below it
    counters[(num_id, ilvl)] = counters.get((num_id, ilvl), 0) + 1
    fmt, pattern = levels.get((num_id, ilvl), ("decimal", "%1."))
    if fmt == "bullet":
        return "-"
    return pattern.replace(f"%{ilvl + 1}", _format(fmt, counters[(num_id, ilvl)]))


def _cell_text(tc: Any) -> str:
    """A cell's words, one line per paragraph of the cell."""
    from docx.oxml.ns import qn

    lines = []
    for p in tc.iter(qn("w:p")):
        words = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if words.strip():
            lines.append(unicodedata.normalize("NFC", " ".join(words.split())))
    return "\n".join(lines)


def _table(table: Any, line: int) -> SourceTable:
    from docx.oxml.ns import qn

    rows = []
    for tr in table._tbl.tr_lst:
        cells: list[str] = []
        spans: list[int] = []
        for tc in tr.tc_lst:
            root = tc
            while root.vMerge == "continue" and root._tc_above is not None:
                root = root._tc_above  # a cell merged across rows: the words of its first row
            cells += [_cell_text(root)] + [""] * (tc.grid_span - 1)
            spans += [tc.grid_span] + [0] * (tc.grid_span - 1)
        tr_pr = tr.trPr
        header = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        rows.append(SourceRow(tuple(cells), tuple(spans), header))
    return SourceTable(tuple(rows), line)
