"""Duties assigned in sentences, as tasks that carry the words they came from.

"TỔ CHỨC THỰC HIỆN" assigns work in words: "Giao Phòng Tài nguyên và Môi trường chủ
trì, phối hợp với … tham mưu …", "5. Sở Thông tin và Truyền thông chủ trì, phối hợp với
Báo … tổ chức tuyên truyền …", or an item headed by an agency whose duties follow ("1.
Phòng Y tế: - …; - …"). Each becomes a task on the passage, with the quoted sentence as
its evidence: the lead is the document's word, not the importer's guess. A sentence
whose lead names no agency makes no task.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .agencies import begins_with_agency, split_agencies

# The sentence's lead: from its start (or "Giao") to "chủ trì"; partners after "phối
# hợp với" up to the first verb of the duty or the end of the clause.
DUTY_VERBS = (
    "tham mưu|tổ chức|triển khai|thực hiện|xây dựng|hướng dẫn|theo dõi|kiểm tra|rà soát|"
    "đề xuất|tuyên truyền|chỉ đạo|đôn đốc|tăng cường|quản lý|phổ biến|vận động|báo cáo|"
    "trình|lập|ban hành|giải quyết|xử lý|đẩy mạnh|nghiên cứu|bố trí|cân đối|thẩm định"
)
LEADS = re.compile(
    r"(?:^|(?<=[.;:]\s))(?:[Gg]iao\s+)?(?P<lead>[^.;:]{3,200}?)\s+chủ trì"
    r"(?:\s*,?\s*phối hợp(?:\s+với)?\s+(?P<support>[^.;]+?))?"
    rf"(?=\s+(?:{DUTY_VERBS})\b|[.;]|$)"
)
SENTENCE_END = re.compile(r"(?<=[.;])\s+")
HEADED = re.compile(r"^(?P<name>[^:]{3,150}):\s*(?P<rest>.*)$")
SECTION = re.compile(r"TỔ CHỨC THỰC HIỆN", re.IGNORECASE)


@dataclass(frozen=True)
class Duty:
    """A duty the text assigns: the passage, who leads and supports (as written), and the
    words that say so."""

    anchor: str
    lead: str
    support: str
    quote: str


def _agencies(words: str) -> bool:
    """Whether `words` name an agency first: a duty's subject, not a clause before it."""
    return begins_with_agency(words) and any(not n.generic for n in split_agencies(words))


def sentence_duties(anchor: str, text: str) -> Iterator[Duty]:
    """Every "X chủ trì[, phối hợp với Y] …" clause of one passage whose X is an agency."""
    for sentence in SENTENCE_END.split(text):
        for match in LEADS.finditer(sentence):
            lead = match["lead"].strip(" ,-–")
            if _agencies(lead):
                yield Duty(anchor, lead, (match["support"] or "").strip(" ,"), sentence.strip())


def headed_duty(anchor: str, block: dict[str, Any]) -> Duty | None:
    """An item headed by an agency ("Phòng Y tế:"), its duties below or after the colon."""
    words = (block.get("heading") or block.get("text") or "").strip()
    match = HEADED.match(words)
    if match is None and block.get("children"):
        match = re.match(r"^(?P<name>.+?)\s*$", words)
    if match is None or "chủ trì" in words:
        return None
    name = match["name"].strip()
    if not _agencies(name):
        return None
    named = split_agencies(name)
    joined = "".join(n.words for n in named)
    if not named or any(n.generic for n in named) or _bare(joined) != _bare(name):
        return None  # the heading says more than who: not a list of duties by agency
    return Duty(anchor, name, "", words)


def find_duties(found: list[tuple[str, dict[str, Any]]]) -> list[Duty]:
    """Duties in every passage; agency-headed items only under "TỔ CHỨC THỰC HIỆN". Under
    an agency-headed item, a sentence giving that same agency the lead adds nothing."""
    duties: list[Duty] = []
    under_section: set[int] = set()
    heads: dict[int, str] = {}
    for _, block in found:
        if SECTION.search(block.get("heading") or ""):
            under_section |= {id(child) for child in _walk(block)}
    for anchor, block in found:
        headed = headed_duty(anchor, block) if id(block) in under_section else None
        if headed is not None:
            duties.append(headed)
            heads |= {id(child): _bare(headed.lead) for child in _walk(block)}
            continue
        duties += [
            duty
            for duty in sentence_duties(anchor, block.get("text") or "")
            if _bare(duty.lead) != heads.get(id(block))
        ]
    return duties


def _bare(words: str) -> str:
    return re.sub(r"[\s,;–-]+|\bvà\b", "", words)


def _walk(block: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for child in block.get("children") or ():
        yield child
        yield from _walk(child)
