"""Site-wide settings that stand apart from the plans: notices and the outside references
they cite, contacts, the licence, and who runs the site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..text import vn_date


@dataclass(frozen=True)
class Reference:
    """A law or other document from outside the plans, as checked by an editor."""

    id: str
    kind: str
    number: str | None
    title: str
    issuer: str
    date: dt.date
    effective: dt.date | None
    checked: str

    @property
    def name(self) -> str:
        """'Luật Tố cáo số 25/2018/QH14'; other kinds put the number before their subject:
        'Nghị quyết số 202/2025/QH15 về việc …'; with no number: 'Hiến pháp nước … năm 2013'."""
        if self.number is None:
            return f"{self.kind} {self.title}"
        if self.kind == "Luật":
            return f"{self.kind} {self.title} số {self.number}"
        return f"{self.kind} số {self.number} {self.title}"

    @property
    def citation(self) -> str:
        """The name with date and issuer: 'Luật Tố cáo số 25/2018/QH14 ngày 12/6/2018 của
        Quốc hội'; 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc …'."""
        dated = f"ngày {vn_date(self.date)} của {self.issuer}"
        if self.kind == "Luật" or self.number is None:
            return f"{self.name} {dated}"
        return f"{self.kind} số {self.number} {dated} {self.title}"


@dataclass(frozen=True)
class Citation:
    """One provision of a reference that a statement rests on."""

    reference: Reference
    article: str | None = None
    says: str | None = None


@dataclass(frozen=True)
class Notice:
    id: str
    date: dt.date
    title: str
    text: str
    source: str | None = None
    citations: tuple[Citation, ...] = ()
    # The organisations the change concerns: their pages carry a line that links here.
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    kind: str
    label: str
    value: str
    source: str


@dataclass(frozen=True)
class Licence:
    name: str
    source: str
    url: str | None = None


@dataclass(frozen=True)
class Operator:
    """Who runs the site, and how to reach them (about the site, not about the plan)."""

    name: str
    contacts: tuple[Contact, ...]
    source: str
