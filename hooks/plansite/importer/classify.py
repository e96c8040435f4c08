"""Turn the paragraphs of a Vietnamese administrative document into plan data.

It follows the layout of Nghị định 30/2020/NĐ-CP: header (issuing body, number,
place and date), title and subject, legal bases ("Căn cứ…", "Thực hiện…"), the body
(I., 1., a), bullets), recipients ("Nơi nhận") and the signature block. Nothing is
guessed: what the source lacks stays unknown, and what cannot be classified is kept
verbatim in `unclassified`, with a warning naming its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.content import Numbering
from ..model.naming import Namer, Names
from ..text import slugify
from .sources import Paragraph

KINDS = (
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "NGHỊ QUYẾT",
    "THÔNG BÁO",
    "BÁO CÁO",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "CÔNG VĂN",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
)
MOTTO = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc",
)
NUMBER = re.compile(r"^Số\s*:\s*(\S*?)\s*$")
PLACE_DATE = re.compile(r"^(.+?),\s*ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\d{4})\.?$")
ROMAN = re.compile(r"^([IVXLC]+\.)\s+(.+)$")
ARABIC = re.compile(r"^(\d+\.)\s+(.+)$")
LETTER = re.compile(r"^([a-zđ]\))\s+(.+)$")
BULLET = re.compile(r"^([-+–•])\s+(.+)$")
BASIS = re.compile(r"^(Căn cứ|Thực hiện)\s")
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*(.*)$")
SIGNATURE = re.compile(r"^(TM|KT|TL|TUQ)\.\s")
REFERENCE = re.compile(
    r"(?P<kind>Chỉ thị|Kế hoạch|Quyết định|Nghị quyết|Nghị định|Thông tư|Luật|Công văn|"
    r"Hướng dẫn|Chương trình) số (?P<number>[\w./-]+) ngày (?P<d>\d{1,2})/(?P<m>\d{1,2})/"
    r"(?P<y>\d{4}) của (?P<issuer>.+?) (?:về việc|về|V/v) (?P<subject>.+?)"
    r"(?: \(sau đây viết tắt là (?P<short>[^)]+)\))?[;.]?$"
)
ENDS = (".", ";", ":", "!", "?", ")", '"', "”")
KIND_IDS = {"can-cu": "Căn cứ", "thuc-hien": "Thực hiện"}


@dataclass
class Imported:
    """What was recognised, with the count of source paragraphs in each part."""

    data: dict[str, Any]
    parts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


def join_page_breaks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Join a paragraph cut by a page break: no final punctuation, next starts lower case."""
    joined: list[Paragraph] = []
    for para in paragraphs:
        if (
            joined
            and para.number is None
            and para.text[:1].islower()
            and not joined[-1].text.endswith(ENDS)
            and not LETTER.match(para.text)
            and not joined[-1].text.isupper()
        ):
            last = joined[-1]
            joined[-1] = Paragraph(f"{last.text} {para.text}", last.line, last.number)
        else:
            joined.append(para)
    return joined


def _date(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


class _Tree:
    """The body as nested blocks, kept in source order."""

    def __init__(self) -> None:
        self.top: list[dict[str, Any]] = []
        self.stack: list[tuple[int, dict[str, Any]]] = []

    def add(self, level: int, block: dict[str, Any]) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        siblings = self.stack[-1][1].setdefault("children", []) if self.stack else self.top
        siblings.append(block)
        self.stack.append((level, block))

    def attach(self, block: dict[str, Any]) -> None:
        """A bullet or plain paragraph belongs to the innermost numbered block."""
        numbered = [entry for entry in self.stack if entry[0] < 3]
        if numbered:
            level, parent = numbered[-1]
            while self.stack and self.stack[-1][0] > level:
                self.stack.pop()
            parent.setdefault("children", []).append(block)
        else:
            self.top.append(block)


def _split_number(para: Paragraph) -> tuple[int, str, str] | None:
    """(level, number, rest) for a numbered paragraph, from Word's numbering or the text."""
    for level, pattern in ((0, ROMAN), (1, ARABIC), (2, LETTER), (3, BULLET)):
        if para.number:
            if pattern.match(f"{para.number} x"):
                return level, para.number, para.text
            continue
        match = pattern.match(para.text)
        if match:
            return level, match.group(1), match.group(2)
    return None


def classify(paragraphs: list[Paragraph]) -> Imported:
    """Sort every paragraph into a part of the plan; nothing is dropped."""
    classifier = _Classifier()
    for para in join_page_breaks(paragraphs):
        classifier.feed(para)
    return classifier.finish()


class _Classifier:
    """Reads paragraphs in order, moving from the header through the body to the signature."""

    def __init__(self) -> None:
        self.out = Imported({"document": {}, "content": [], "basis_text": []})
        self.doc: dict[str, Any] = self.out.data["document"]
        self.tree = _Tree()
        self.issuer_lines: list[str] = []
        self.recipients: list[str] = []
        self.signature: list[str] = []
        self.state = "header"

    def feed(self, para: Paragraph) -> None:
        text = para.text
        if self.state in ("header", "title") and text in MOTTO:
            self.out.parts["đầu văn bản"] += 1
        elif self.state == "header":
            self._header(para)
        elif self.state == "title":
            self.doc["subject"] = text
            self.state = "preamble"
            self.out.parts["tên văn bản"] += 1
        elif not self._closing(text):
            self._body(para)

    def _header(self, para: Paragraph) -> None:
        text, doc, parts = para.text, self.doc, self.out.parts
        number, place = NUMBER.match(text), PLACE_DATE.match(text)
        if number:
            value = number.group(1)
            if value and not value.startswith("/"):
                doc["number"] = value
            parts["đầu văn bản"] += 1
        elif place:
            doc["place"] = place.group(1)
            day = _date(place.group(2), place.group(3), place.group(4))
            if day:
                doc["date"] = day
            parts["đầu văn bản"] += 1
        elif text.upper() in KINDS and text.isupper():
            doc["title"], doc["kind"] = text, text.capitalize()
            self.state = "title"
            parts["tên văn bản"] += 1
        elif text.isupper():
            self.issuer_lines.append(text)
            parts["đầu văn bản"] += 1
        else:
            _unclassified(self.out, para)

    def _closing(self, text: str) -> bool:
        """Take a line of the recipients or the signature block; False if it is neither."""
        recip, sign = RECIPIENTS.match(text), SIGNATURE.match(text)
        if recip and self.state != "signature":
            self.state = "recipients"
            if recip.group(1):
                self.recipients.append(recip.group(1))
            self.out.parts["nơi nhận"] += 1
        elif sign or self.state == "signature":
            self.state = "signature"
            self.signature.append(text)
            self.out.parts["chữ ký"] += 1
        elif self.state == "recipients":
            self.recipients.append(text)
            self.out.parts["nơi nhận"] += 1
        else:
            return False
        return True

    def _body(self, para: Paragraph) -> None:
        text, tree, out = para.text, self.tree, self.out
        numbered = _split_number(para)
        if numbered is None:
            tree.attach({"text": text}) if tree.stack else tree.top.append({"text": text})
            if self.state == "preamble" and BASIS.match(text):
                out.data["basis_text"].append((len(tree.top), text))
                out.parts["căn cứ"] += 1
            else:
                out.parts["phần mở đầu" if self.state == "preamble" else "nội dung"] += 1
            return
        self.state = "body"
        level, mark, rest = numbered
        if level == 3:
            tree.attach({"number": mark, "text": rest})
        elif level == 0 or not rest.endswith(ENDS):
            tree.add(level, {"number": mark, "heading": rest})
        else:
            tree.add(level, {"number": mark, "text": rest})
        out.parts["nội dung"] += 1

    def finish(self) -> Imported:
        out, doc = self.out, self.doc
        out.data["content"] = self.tree.top
        if self.issuer_lines:
            out.data["issuer_lines"] = self.issuer_lines
        if self.recipients or self.signature:
            out.data["closing"] = {
                k: v
                for k, v in (("recipients", self.recipients), ("signature", self.signature))
                if v
            }
            if len(self.signature) >= 2 and not self.signature[-1].isupper():
                doc["signer"] = self.signature[-1]
        if "kind" not in doc:
            out.warnings.append(
                "không tìm thấy tên loại văn bản (ví dụ KẾ HOẠCH) ở đầu tệp: "
                "tệp có vẻ không phải một văn bản hành chính."
            )
        return out


def _unclassified(out: Imported, para: Paragraph) -> None:
    out.data.setdefault("unclassified", []).append({"line": str(para.line), "text": para.text})
    out.parts["chưa phân loại"] += 1
    out.warnings.append(
        f"dòng {para.line}: chưa phân loại được, đã giữ nguyên văn trong 'unclassified' để xem lại."
    )


def references(text: str) -> dict[str, str] | None:
    """The document a "Căn cứ…"/"Thực hiện…" paragraph cites, parsed, or None."""
    match = REFERENCE.search(text)
    if not match:
        return None
    found = {
        "kind": match["kind"],
        "number": match["number"],
        "date": _date(match["d"], match["m"], match["y"]) or "",
        "issuer_name": match["issuer"],
        "subject": match["subject"],
    }
    if match["short"]:
        found["short_name"] = match["short"]
    found["id"] = slugify(f"{match['kind']} {match['number']} {match['y']}")
    return found


def tag(blocks: list[dict[str, Any]], domains: dict[str, list[str]]) -> None:
    """Tag each block with the domains its own words name (`model.naming`, as the site does).

    Addressees are not tagged: they say whom a passage asks to act, which an editor
    decides. Who a passage merely names, the site finds by itself.
    """
    namer = Namer({ident: Names(tuple(terms)) for ident, terms in domains.items()})
    for block in blocks:
        words = " ".join(block.get(k, "") for k in ("heading", "text"))
        found = namer.named(words)
        if found:
            block["domains"] = found
        tag(block.get("children", []), domains)
        # Keep the order a reader expects: number, words, tags, then the parts below.
        keys: tuple[str, ...] = ("number", "heading", "text", "domains", "addressees", "children")
        ordered: dict[str, Any] = {k: block[k] for k in keys if k in block}
        block.clear()
        block.update(ordered)


def anchors(blocks: list[dict[str, Any]], parent: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Block anchors as the site derives them (`model.content.Numbering`), in source order."""
    found = []
    numbering = Numbering()
    for block in blocks:
        part, _ = numbering.next(block.get("number"))
        anchor = f"{parent}-{part}" if parent else part
        found.append((anchor, block))
        found += anchors(block.get("children", []), anchor)
    return found
