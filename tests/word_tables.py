"""Word files made from the real documents' text, shaped as Word files of such documents are.

A real `.docx` of an administrative document keeps its header and its closing (recipients
beside the signature) in borderless two-column tables, and its appendix in a table whose
header row is marked to repeat on every page, whose group rows are one cell merged across
the table, and whose lead cells are merged down the rows they share. The text fixtures
(tests/fixtures/import/real/) flatten all of these to "a | b" lines; this builder puts
them back, so that the same document can be imported from both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

GROUP = re.compile(r"^(?:[IVXLC]+|[A-Z])$")
SIGNER = re.compile(r"^(?P<titles>.*?[A-ZĐ\W]{2,})\s+(?P<name>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s?){2,})$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(" | ")]


def _layout(document: Any, rows: list[list[str]]) -> None:
    """A borderless two-column table; each cell's parts as paragraphs of their own."""
    table = document.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            parts = _parts(text)
            cell.text = parts[0]
            for part in parts[1:]:
                cell.add_paragraph(part)


def _parts(text: str) -> list[str]:
    """'Nơi nhận: - A; - B' → lines; 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tên Người' → titles, name."""
    if text.startswith("Nơi nhận:"):
        return ["Nơi nhận:"] + [f"- {p.strip()}" for p in text[9:].split(" - ") if p.strip(" -")]
    signer = SIGNER.match(text)
    if signer:
        return [signer["titles"], signer["name"]]
    return [text]


def _task_table(document: Any, lines: list[str]) -> None:
    from docx.oxml import OxmlElement

    header = _cells(lines[0])
    width = len(header)
    body = [_cells(line) for line in lines[1:]]
    # A text row that lost its merged number cell starts one column to the right.
    body = [["", *cells] if len(cells) < width and len(cells[0]) > 15 else cells for cells in body]
    # A row of column numbers under the header, and the header again after the first
    # group, as tables converted from print often carry.
    rows = [header, [f"({i + 1})" for i in range(width)]]
    rows += [*body[:1], header, *body[1:]]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    above: dict[int, Any] = {}
    for row, cells in zip(table.rows, rows, strict=True):
        if len(cells) == 2 and GROUP.match(cells[0]) and width > 2:
            row.cells[0].text = cells[0]
            merged = row.cells[1].merge(row.cells[width - 1])
            merged.text = cells[1]
            above.clear()
            continue
        for index, text in enumerate(cells[:width]):
            cell = row.cells[index]
            origin = above.get(index)
            if index == 2 and origin is not None and origin.text == text and text:
                origin.merge(cell)  # a lead cell shared with the row above: merged down
                continue
            for n, part in enumerate(text.split("\n")):
                (cell.paragraphs[0] if n == 0 else cell.add_paragraph()).text = part
            above[index] = cell


def word_file(source: Path, target: Path) -> None:
    """`source` (a real document as flattened text) as a Word file at `target`."""
    import docx

    document = docx.Document()
    lines = source.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        group = [line]
        while index + len(group) < len(lines) and " | " in lines[index + len(group)]:
            group.append(lines[index + len(group)])
        if " | " in line and len(_cells(line)) == 2 and all(len(_cells(g)) == 2 for g in group):
            _layout(document, [_cells(g) for g in group])
        elif " | " in line:
            _task_table(document, group)
        else:
            document.add_paragraph(line)
            group = [line]
        index += len(group)
    document.save(str(target))


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{note}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def add_footnote(path: Path, after: str, note: str) -> None:
    """Give the Word file at `path` a footnote, referenced right after the words `after`
    (python-docx writes no footnotes: the part, its relationship and type are added here)."""
    import zipfile
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    reference = '</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>'
    assert escape(after) in body
    parts["word/document.xml"] = body.replace(escape(after), escape(after) + reference, 1).encode()
    parts["word/footnotes.xml"] = FOOTNOTES.format(note=escape(note)).encode()
    _insert(
        parts,
        "word/_rels/document.xml.rels",
        "</Relationships>",
        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
    )
    _insert(
        parts,
        "[Content_Types].xml",
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _insert(parts: dict[str, bytes], name: str, closing: str, element: str) -> None:
    """Put `element` before the `closing` tag of the XML part `name`."""
    text = parts[name].decode("utf-8")
    parts[name] = text.replace(closing, element + closing).encode()
