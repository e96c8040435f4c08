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

from .sources import Item, Paragraph, SourceTable
from .tables import ImportedTable, read_table

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


@dataclass
class Imported:
    """What was recognised, with the count of source paragraphs in each part."""

    data: dict[str, Any]
    parts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    tables: list[ImportedTable] = field(default_factory=list)


def join_page_breaks(paragraphs: list[Item]) -> list[Item]:
    """Join a paragraph cut by a page break: no final punctuation, next starts lower case."""
    joined: list[Item] = []
    for para in paragraphs:
        last_item = joined[-1] if joined else None
        if (
            isinstance(para, Paragraph)
            and isinstance(last_item, Paragraph)
            and para.number is None
            and para.text[:1].islower()
            and not last_item.text.endswith(ENDS)
            and not LETTER.match(para.text)
            and not last_item.text.isupper()
            and " | " not in para.text + last_item.text
        ):
            text = f"{last_item.text} {para.text}"
            joined[-1] = Paragraph(text, last_item.line, last_item.number)
        else:
            joined.append(para)
    return joined


def parse_date(day: str, month: str, year: str) -> str | None:
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


def classify(items: list[Item]) -> Imported:
    """Sort every paragraph and table into a part of the plan; nothing is dropped."""
    classifier = _Classifier()
    for item in join_page_breaks(items):
        if isinstance(item, SourceTable):
            classifier.table(item)
        else:
            classifier.feed(item)
    return classifier.finish()


# A rule ("-------", "___") drawn under a header's lines.
RULE = re.compile(r"(?:^|\s)[-_–—=*]{3,}(?=\s|$)")


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
        self.tables = 0
        self.imported_tables: list[ImportedTable] = []
        self.attached: dict[str, Any] = {}

    def table(self, source: SourceTable) -> None:
        """A two-column layout table (header, or recipients beside the signature) is read
        column by column, as its lines; any other table goes into the text, cell for cell."""
        if source.width <= 2 and self._layout(source):
            for column in range(source.width):
                for row in source.rows:
                    cell = row.cells[column] if column < len(row.cells) else ""
                    for line in cell.splitlines():
                        if line.strip():
                            self.feed(Paragraph(line.strip(), source.line))
            return
        self.tables += 1
        appendix = self.state == "closed" or any(
            (b.get("heading") or "").upper().startswith("PHỤ LỤC") for b in self.tree.top[-2:]
        )
        label = f"{'Phụ lục, ' if appendix else ''}bảng {self.tables}"
        imported = read_table(source, f"bang-{self.tables}", label[0].upper() + label[1:])
        self.imported_tables.append(imported)
        self.out.problems += imported.problems
        self.tree.attach(imported.block) if self.tree.stack else self.tree.top.append(
            imported.block
        )
        self.out.parts["bảng"] += 1

    def _layout(self, source: SourceTable) -> bool:
        if self.state in ("header", "title"):
            return True
        words = [line for row in source.rows for cell in row.cells for line in cell.splitlines()]
        return any(RECIPIENTS.match(w) or SIGNATURE.match(w) for w in words)

    def feed(self, para: Paragraph) -> None:
        text = para.text
        if self.state == "attached-title":
            self.attached["subject"] = text
            self.state = "body"
            self.out.parts["văn bản kèm theo"] += 1
            return
        if " | " in text and text.count(" | ") == 1 and self._flattened(para):
            return
        if self.state in ("header", "title"):
            # A header cell copied as one line keeps its rule: "THỦ TƯỚNG CHÍNH PHỦ -------".
            text = RULE.sub(" ", text).strip()
            para = Paragraph(text, para.line, para.number)
        if self.state in ("header", "title") and (not text or text.startswith(MOTTO)):
            self.out.parts["đầu văn bản"] += 1
        elif self.state == "header":
            self._header(para)
        elif self.state == "title":
            self.doc["subject"] = text
            self.state = "preamble"
            self.out.parts["tên văn bản"] += 1
        elif not self._closing(text):
            self._body(para)

    def _flattened(self, para: Paragraph) -> bool:
        """A header or signature table copied as text: "left | right" on one line. The
        header's halves are read in turn; at the end, the left is "Nơi nhận", the right
        the signature. False when the line is neither."""
        left, right = (half.strip() for half in para.text.split(" | "))
        closing = self.state in ("recipients", "signature") or any(
            RECIPIENTS.match(h) or SIGNATURE.match(h) for h in (left, right)
        )
        if self.state in ("header", "title"):
            for half in (left, right):
                if half:
                    self.feed(Paragraph(half, para.line))
            return True
        if not closing:
            return False
        if left:
            recip = RECIPIENTS.match(left)
            words = recip.group(1) if recip else left
            if words:
                self.recipients.append(words)
            self.out.parts["nơi nhận"] += 1
        if right:
            self.signature.append(right)
            self.out.parts["chữ ký"] += 1
        self.state = "signature" if self.signature else "recipients"
        return True

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
            day = parse_date(place.group(2), place.group(3), place.group(4))
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
        """Take a line of the recipients or the signature block; False if it is neither.

        Recipients are bullets; the signature ends with the signer's name. What follows
        either is no longer the closing: an attached document, read as text."""
        recip, sign = RECIPIENTS.match(text), SIGNATURE.match(text)
        if self.state == "closed":
            return False
        if recip and self.state != "signature":
            self.state = "recipients"
            if recip.group(1):
                self.recipients.append(recip.group(1))
            self.out.parts["nơi nhận"] += 1
        elif sign or (self.state == "signature" and not self._signed()):
            self.state = "signature"
            self.signature.append(text)
            self.out.parts["chữ ký"] += 1
        elif self.state == "recipients" and text[:1] in "-+–•":
            self.recipients.append(text)
            self.out.parts["nơi nhận"] += 1
        elif self.state in ("recipients", "signature"):
            self.state = "closed"
            return False
        else:
            return False
        return True

    def _signed(self) -> bool:
        """Whether the signature block already ends with a name (not a title, not "(Đã ký)")."""
        last = self.signature[-1] if self.signature else ""
        return bool(last) and not last.isupper() and not last.startswith("(")

    def _body(self, para: Paragraph) -> None:
        text, tree, out = para.text, self.tree, self.out
        numbered = _split_number(para)
        if numbered is None and self.state == "closed" and not self.attached and _attached(text):
            # "KẾ HOẠCH" after the signature: the document issued with this one begins.
            self.attached = {"title": text, "start": len(tree.top)}
            self.state = "attached-title"
            out.parts["văn bản kèm theo"] += 1
            return
        if numbered is None and self.state in ("body", "closed") and _title_line(text):
            # "PHỤ LỤC", "CHƯƠNG TRÌNH HÀNH ĐỘNG": an unnumbered title starts a new part;
            # the title lines right under "PHỤ LỤC" are its name.
            last = tree.top[-1] if tree.top else {}
            if set(last) == {"heading"} and last["heading"].upper().startswith("PHỤ LỤC"):
                last["text"] = text
            else:
                tree.add(0, {"heading": text})
            out.parts["nội dung"] += 1
            return
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
        out.tables = self.imported_tables
        if self.attached.get("subject"):
            # The plan is the attached document; what came before is the one issuing it.
            start = self.attached["start"]
            out.data["issuing_content"] = self.tree.top[:start]
            out.data["content"] = self.tree.top[start:]
            out.data["attached"] = {k: self.attached[k] for k in ("title", "subject")}
        if self.issuer_lines:
            out.data["issuer_lines"] = self.issuer_lines
        if self.recipients or self.signature:
            out.data["closing"] = {
                k: v
                for k, v in (("recipients", self.recipients), ("signature", self.signature))
                if v
            }
            signer = _signer(self.signature)
            if signer:
                doc["signer"] = signer
        if "kind" not in doc:
            out.warnings.append(
                "không tìm thấy tên loại văn bản (ví dụ KẾ HOẠCH) ở đầu tệp: "
                "tệp có vẻ không phải một văn bản hành chính."
            )
        return out


def _signer(signature: list[str]) -> str | None:
    """The signer's name: the words in title case that end the signature block, on a line
    of their own or after the titles ("KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà")."""
    lines = [line for line in signature if not line.startswith("(")]
    words = lines[-1].split() if lines else []
    name: list[str] = []
    while words and words[-1][:1].isupper() and (len(words[-1]) == 1 or not words[-1].isupper()):
        name.insert(0, words.pop())
    return " ".join(name) if len(name) >= 2 else None


# Documents that a decision issues "kèm theo": their title after the decision's signature.
ATTACHABLE = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "QUY CHẾ", "QUY ĐỊNH")


def _attached(text: str) -> bool:
    return text.isupper() and any(text == k or text.startswith(f"{k} ") for k in ATTACHABLE)


def _title_line(text: str) -> bool:
    """A line in capitals that is a title, not an abbreviation or a number."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 6 and text.isupper()


def _unclassified(out: Imported, para: Paragraph) -> None:
    out.data.setdefault("unclassified", []).append({"line": str(para.line), "text": para.text})
    out.parts["chưa phân loại"] += 1
    out.warnings.append(
        f"dòng {para.line}: chưa phân loại được, đã giữ nguyên văn trong 'unclassified' để xem lại."
    )
