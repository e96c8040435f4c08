"""Documents and organisations gathered from every file, each defined once.

The same document or organisation may be defined in a shared file and again inside
a plan file; the two definitions must agree. `Registry` keeps the first and reports
any that differs, along with every problem found while the model is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from ..data.parse import Loaded
from ..errors import KeyPath, Problem, Where, did_you_mean
from .types import Document, Organisation, Relation


def iso_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def document(raw: dict[str, Any], where: Where, plan: str | None = None) -> Document:
    return Document(
        id=raw["id"],
        kind=raw["kind"],
        subject=raw["subject"],
        number=raw.get("number"),
        date=iso_date(raw.get("date")),
        issuer=raw.get("issuer"),
        signer=raw.get("signer"),
        short_name=raw.get("short_name"),
        plan=plan,
        title_verified=raw.get("title_verified") == "true",
        where=where,
        relations=tuple(
            Relation(r["type"], r["document"], r["quote"], r.get("block"))
            for r in raw.get("relations") or ()
        ),
    )


def organisation(raw: dict[str, Any], where: Where) -> Organisation:
    return Organisation(
        id=raw["id"],
        name=raw["name"],
        level=raw.get("level"),
        kind=raw.get("kind"),
        terms=tuple(raw.get("terms") or ()),
        note=raw.get("note"),
        exclude=tuple(raw.get("exclude") or ()),
        where=where,
    )


class Registry:
    """Collects entities from every file and the problems found while doing so."""

    def __init__(self, files: dict[str, Loaded]) -> None:
        self.files = files
        self.problems: list[Problem] = []
        self.documents: dict[str, tuple[Document, KeyPath, Loaded]] = {}
        self.organisations: dict[str, tuple[Organisation, KeyPath, Loaded]] = {}

    def problem(self, loaded: Loaded, path: KeyPath, message: str, hint: str = "") -> None:
        self.problems.append(Problem(loaded.where(path), path, message, hint))

    def _defined_twice(
        self, item: Document | Organisation, path: KeyPath, loaded: Loaded, what: str
    ) -> bool:
        """Whether `item.id` is already known; a conflicting second definition is a problem."""
        known: dict[str, Any] = self.documents if isinstance(item, Document) else self.organisations
        if item.id not in known:
            return False
        other, other_path, other_file = known[item.id]
        fields = _differences(item, other)
        if fields:
            self.problem(
                loaded,
                path,
                f"{what} '{item.id}' đã được định nghĩa ở {other_file.where(other_path)} "
                f"nhưng khác ở: {', '.join(fields)}.",
                f"Hai định nghĩa của cùng một {what} phải giống hệt nhau.",
            )
        return True

    def add_document(self, doc: Document, path: KeyPath, loaded: Loaded) -> None:
        if self._defined_twice(doc, path, loaded, "văn bản"):
            return
        if doc.number and doc.date:
            for other, other_path, other_file in self.documents.values():
                same = (other.kind, other.number, other.date) == (doc.kind, doc.number, doc.date)
                if same:
                    self.problem(
                        loaded,
                        path,
                        f"văn bản '{doc.id}' trùng loại, số và ngày với "
                        f"văn bản '{other.id}' ở {other_file.where(other_path)}.",
                        f"Hãy dùng chung mã '{other.id}'.",
                    )
                    return
        self.documents[doc.id] = (doc, path, loaded)

    def add_organisation(self, org: Organisation, path: KeyPath, loaded: Loaded) -> None:
        if not self._defined_twice(org, path, loaded, "cơ quan"):
            self.organisations[org.id] = (org, path, loaded)

    def ref(
        self,
        loaded: Loaded,
        path: KeyPath,
        value: str,
        known: Collection[str],
        what: str,
    ) -> None:
        if value not in known:
            self.problem(
                loaded, path, f"không có {what} '{value}'.", did_you_mean(value, sorted(known))
            )


def _differences(a: Any, b: Any) -> list[str]:
    skip = {"where", "plan"}
    return [
        name
        for name in a.__dataclass_fields__
        if name not in skip and getattr(a, name) != getattr(b, name)
    ]
