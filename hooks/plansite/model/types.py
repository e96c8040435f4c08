"""The plan data as frozen dataclasses. Later stages never see a raw dict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import Where
from ..text import excerpt, vn_date
from ..vocab import ColumnRole, Frequency, Status
from .labels import GLOSSARY_BASIS, KIND_NAMES, LEVEL_NAMES, NOT_SET, RELATION_NAMES
from .periods import Period, due_words
from .sitewide import Contact, Licence, Notice, Operator, Reference

UNKNOWN = "chưa có trong bản số hóa"
TITLE_ANCHOR = "trich-yeu"


@dataclass(frozen=True)
class Relation:
    """A relation one document states to another, with the words that state it."""

    type: str
    target: str
    quote: str
    block: str | None = None

    @property
    def label(self) -> str:
        return RELATION_NAMES[self.type]


@dataclass(frozen=True)
class Document:
    """A legal or administrative document (văn bản)."""

    id: str
    kind: str
    subject: str
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    signer: str | None = None
    short_name: str | None = None
    relations: tuple[Relation, ...] = ()
    plan: str | None = None
    title_verified: bool = False
    where: Where = field(default=Where(""), compare=False)

    @property
    def citation(self) -> str:
        """'Kế hoạch số 04/KH-UBND ngày 17/01/2023', or what is known of it."""
        parts = [self.kind]
        if self.number:
            parts.append(f"số {self.number}")
        if self.date:
            parts.append(f"ngày {vn_date(self.date)}")
        return " ".join(parts)

    @property
    def label(self) -> str:
        """How pages name the document: its citation, or, with neither number nor date, its
        kind and subject ('Kế hoạch triển khai thực hiện…'), never a bare 'Kế hoạch'."""
        if self.number or self.date:
            return self.citation
        return excerpt(f"{self.kind} {self.subject[:1].lower()}{self.subject[1:]}", 90)


@dataclass(frozen=True)
class Organisation:
    """A body the text names, at one level and of one kind."""

    id: str
    name: str
    level: str | None
    kind: str | None
    terms: tuple[str, ...] = ()
    note: str | None = None
    exclude: tuple[str, ...] = ()
    where: Where = field(default=Where(""), compare=False)

    @property
    def level_name(self) -> str:
        """The level in words; an agency imported from a table has none until set."""
        return LEVEL_NAMES[self.level] if self.level else NOT_SET

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind] if self.kind else NOT_SET


@dataclass(frozen=True)
class Group:
    """A group of people the text addresses: households, individuals…"""

    id: str
    name: str
    terms: tuple[str, ...] = ()
    note: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Domain:
    """A field of work the plan covers, e.g. food safety."""

    id: str
    name: str
    terms: tuple[str, ...]
    description: str | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str
    source: str
    basis: str = "nguon-ngoai"

    @property
    def basis_name(self) -> str:
        return GLOSSARY_BASIS[self.basis]


@dataclass(frozen=True)
class TableColumn:
    """A column of a table in the text: its header as written and what it holds."""

    header: str
    role: ColumnRole


@dataclass(frozen=True)
class Block:
    """One numbered part of the text: a section, item, point, bullet or paragraph; or a
    table (`columns`, its rows as children) or one row of a table (`cells`)."""

    anchor: str
    label: str
    number: str | None
    heading: str | None
    text: str | None
    domains: tuple[str, ...]
    addressees: tuple[str, ...]
    children: tuple[Block, ...]
    depth: int
    columns: tuple[TableColumn, ...] = ()
    cells: tuple[str, ...] = ()

    def walk(self) -> Iterator[Block]:
        """This block and all blocks under it, in source order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def words(self) -> str:
        """The block's own words: its heading and text; a row's, every cell."""
        if self.cells:
            return " | ".join(cell for cell in self.cells if cell)
        return " ".join(part for part in (self.heading, self.text) if part)

    @property
    def is_section_row(self) -> bool:
        """A row that names a group of rows (a merged cell across the table)."""
        return bool(self.cells) and bool(self.children)


@dataclass(frozen=True)
class Basis:
    type: str
    document: str
    block: str

    @property
    def label(self) -> str:
        return RELATION_NAMES[self.type]


@dataclass(frozen=True)
class Correction:
    date: dt.date
    change: str
    reason: str


@dataclass(frozen=True)
class Provenance:
    source: str
    extent: str
    coverage: str

    @property
    def partial(self) -> bool:
        return self.extent != "toan-van"


@dataclass(frozen=True)
class Evidence:
    document: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Update:
    """One dated progress report; history is kept, never overwritten."""

    date: dt.date
    status: Status
    note: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Recurrence:
    """A reporting rhythm; dates exist only when the text gives an anchor."""

    frequency: Frequency
    anchor: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class Deliverable:
    """Something a task is to produce, with its target where the text gives one."""

    name: str
    target: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Task:
    id: str
    plan: str
    block: Block
    leads: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    quote: str | None = None
    """The document's own words assigning the task, when a sentence assigns it."""
    deadline: dt.date | None = None
    """The day lateness is judged by: the `deadline` given, or the end of the `due` period."""
    recurrence: Recurrence | None = None
    outputs: tuple[Deliverable, ...] = ()
    updates: tuple[Update, ...] = ()
    due_text: str | None = None
    """The due as the plan writes it ('Quý II/2023'), kept word for word."""
    due_period: Period | None = None
    """The days `due_text` covers; None when its words are not a known shape."""

    @property
    def lead(self) -> str | None:
        """The (first) lead; `leads` holds every co-lead."""
        return self.leads[0] if self.leads else None

    @property
    def title(self) -> str:
        return self.block.heading or self.block.text or self.id

    @property
    def due_words(self) -> str | None:
        """The due in words: as written with its last day, or the deadline day; None if neither."""
        if self.due_text is not None:
            return due_words(self.due_text, self.deadline)
        return vn_date(self.deadline) if self.deadline else None

    @property
    def latest(self) -> Update | None:
        """The current state: the latest update (the last one listed on the same day)."""
        if not self.updates:
            return None
        return max(enumerate(self.updates), key=lambda pair: (pair[1].date, pair[0]))[1]

    @property
    def status(self) -> Status:
        latest = self.latest
        return latest.status if latest else Status.NO_INFORMATION


@dataclass(frozen=True)
class Plan:
    id: str
    short_title: str
    level: str | None
    document: Document
    title: str | None
    summary: str | None
    basis: tuple[Basis, ...]
    provenance: Provenance
    corrections: tuple[Correction, ...]
    content: tuple[Block, ...]
    tasks: tuple[Task, ...]
    source_file: str
    issued_after: Document | None = None
    issuing: Issuing | None = None
    """The document the plan is issued with ("Kèm theo Quyết định số …") and its text."""
    closing: Closing | None = None
    """When the plan's own date is unknown: the latest-dated document it rests on."""

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level] if self.level else "Chưa rõ cấp"

    def blocks(self) -> Iterator[Block]:
        """Every block of the text in source order: the issuing document's first, when the
        plan is issued with one, then the plan's own."""
        for block in (*(self.issuing.content if self.issuing else ()), *self.content):
            yield from block.walk()

    def block(self, anchor: str) -> Block:
        return next(b for b in self.blocks() if b.anchor == anchor)

    @cached_property
    def title_block(self) -> Block:
        """The plan's subject (trích yếu) as a passage that can be quoted and linked to."""
        return Block(
            anchor=TITLE_ANCHOR,
            label="Trích yếu (tên kế hoạch)",
            number=None,
            heading=None,
            text=self.document.subject,
            domains=(),
            addressees=(),
            children=(),
            depth=0,
        )

    def passages(self) -> Iterator[Block]:
        """The subject, then every block of the text, in source order."""
        yield self.title_block
        yield from self.blocks()


@dataclass(frozen=True)
class Closing:
    """The end of a document, word for word: "Nơi nhận" and the signature block's lines."""

    recipients: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issuing:
    """The document that issues a plan (a decision 'ban hành kèm theo'), with its words."""

    document: str
    content: tuple[Block, ...]


@dataclass(frozen=True)
class CitizenSummary:
    """The short, unofficial answer citizens see first, with the passages it rests on."""

    text: str
    passages: tuple[tuple[Plan, Block], ...]
    guide: str | None
    participation: str | None = None


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs, already checked."""

    as_of: dt.date
    site_url: str | None
    description: str | None
    menu: tuple[str, ...]
    notices: tuple[Notice, ...]
    contacts: tuple[Contact, ...]
    plans: tuple[Plan, ...]
    documents: tuple[Document, ...]
    organisations: tuple[Organisation, ...]
    groups: tuple[Group, ...]
    domains: tuple[Domain, ...]
    glossary: tuple[GlossaryEntry, ...]
    sample: bool = False
    licence: Licence | None = None
    operator: Operator | None = None
    citizens: CitizenSummary | None = None
    references: tuple[Reference, ...] = ()
    short_name: str | None = None

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == org_id), None)

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def plan(self, plan_id: str) -> Plan:
        return next(p for p in self.plans if p.id == plan_id)
