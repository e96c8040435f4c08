"""Site-wide settings: notices and the outside references they cite, the glossary, who
runs the site, and the citizens' summary; each checked against what it refers to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from ..data.parse import Loaded
from .registry import Registry
from .sitewide import Citation, Contact, Notice, Operator, Reference
from .types import Block, CitizenSummary, GlossaryEntry, Plan

EMPTY = Loaded("", {})


def references(files: dict[str, Loaded]) -> dict[str, Reference]:
    """The outside documents of references.yml, by id."""
    found = {}
    for r in files.get("references.yml", EMPTY).data.get("references") or ():
        found[r["id"]] = Reference(
            id=r["id"],
            kind=r["kind"],
            number=r.get("number"),
            title=r["title"],
            issuer=r["issuer"],
            date=dt.date.fromisoformat(r["date"]),
            effective=dt.date.fromisoformat(r["effective"]) if r.get("effective") else None,
            checked=r["checked"],
        )
    return found


def notices(
    b: Registry, site_file: Loaded, refs: dict[str, Reference], org_ids: Collection[str]
) -> list[Notice]:
    """The notices of site.yml; each citation must name a reference of references.yml, and
    each organisation a notice concerns one of organisations.yml."""
    found = []
    for i, n in enumerate(site_file.data.get("notices") or ()):
        for j, org_id in enumerate(n.get("organisations") or ()):
            b.ref(
                site_file,
                ("notices", i, "organisations", j),
                org_id,
                org_ids,
                "cơ quan trong organisations.yml",
            )
        citations = []
        for j, c in enumerate(n.get("citations") or ()):
            if c["reference"] not in refs:
                path = ("notices", i, "citations", j, "reference")
                b.ref(site_file, path, c["reference"], refs, "văn bản trong references.yml")
                continue
            citations.append(Citation(refs[c["reference"]], c.get("article"), c.get("says")))
        found.append(
            Notice(
                n["id"],
                dt.date.fromisoformat(n["date"]),
                n["title"],
                n["text"],
                n.get("source"),
                tuple(citations),
                tuple(n.get("organisations") or ()),
            )
        )
    return found


def glossary(files: dict[str, Loaded]) -> list[GlossaryEntry]:
    return [
        GlossaryEntry(g["term"], g["meaning"], g["source"], g.get("basis", "nguon-ngoai"))
        for g in files.get("glossary.yml", EMPTY).data.get("terms") or ()
    ]


def contacts(raw: list[dict[str, str]] | None) -> tuple[Contact, ...]:
    return tuple(Contact(c["kind"], c["label"], c["value"], c["source"]) for c in raw or ())


def operator(raw: dict[str, Any] | None) -> Operator | None:
    if not raw:
        return None
    return Operator(raw["name"], contacts(raw.get("contacts")), raw["source"])


def citizens(b: Registry, site_file: Loaded, plans: list[Plan]) -> CitizenSummary | None:
    """The citizens' summary; every passage it rests on must exist."""
    raw = site_file.data.get("citizens")
    if not raw:
        return None
    by_id = {p.id: p for p in plans}
    passages: list[tuple[Plan, Block]] = []
    for i, ref in enumerate(raw["passages"]):
        path = ("citizens", "passages", i)
        plan = by_id.get(ref["plan"])
        if plan is None:
            b.ref(site_file, (*path, "plan"), ref["plan"], by_id, "kế hoạch")
            continue
        blocks = {blk.anchor: blk for blk in plan.passages()}
        if ref["block"] not in blocks:
            b.ref(site_file, (*path, "block"), ref["block"], blocks, "đoạn văn có mã neo")
            continue
        passages.append((plan, blocks[ref["block"]]))
    return CitizenSummary(raw["text"], tuple(passages), raw.get("guide"), raw.get("participation"))
