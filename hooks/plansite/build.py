"""Checked dicts → the model, with every cross-file check along the way.

The schema has already vouched for each file's shape; here we check what one
file cannot: references, unique ids, one definition per entity, date order, and
that each domain or addressee tag is named by the block's own words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from .content import build_content
from .errors import KeyPath, Problem, Where, did_you_mean
from .load import Loaded
from .model import (
    Basis,
    Block,
    Contact,
    Correction,
    Document,
    Domain,
    GlossaryEntry,
    Group,
    Licence,
    Notice,
    Organisation,
    Plan,
    Provenance,
    Relation,
    Site,
)
from .tasks import build_task
from .text import contains_phrase


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _document(raw: dict[str, Any], where: Where, plan: str | None = None) -> Document:
    return Document(
        id=raw["id"],
        kind=raw["kind"],
        subject=raw["subject"],
        number=raw.get("number"),
        date=_date(raw.get("date")),
        issuer=raw.get("issuer"),
        signer=raw.get("signer"),
        short_name=raw.get("short_name"),
        plan=plan,
        where=where,
        relations=tuple(
            Relation(r["type"], r["document"], r["quote"], r.get("block"))
            for r in raw.get("relations") or ()
        ),
    )


def _organisation(raw: dict[str, Any], where: Where) -> Organisation:
    return Organisation(
        id=raw["id"],
        name=raw["name"],
        level=raw["level"],
        kind=raw["kind"],
        terms=tuple(raw.get("terms") or ()),
        note=raw.get("note"),
        where=where,
    )


class _Builder:
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


def build_site(files: dict[str, Loaded]) -> tuple[Site | None, list[Problem]]:
    """Build the `Site` from schema-valid files; return it with any problems found."""
    b = _Builder(files)
    site_file = files["site.yml"]
    empty = Loaded("", {})
    docs_file = files.get("documents.yml", empty)
    orgs_file = files.get("organisations.yml", empty)
    for i, raw in enumerate(docs_file.data.get("documents") or ()):
        b.add_document(
            _document(raw, docs_file.where(("documents", i))), ("documents", i), docs_file
        )
    for i, raw in enumerate(orgs_file.data.get("organisations") or ()):
        b.add_organisation(
            _organisation(raw, orgs_file.where(("organisations", i))),
            ("organisations", i),
            orgs_file,
        )
    plan_files = sorted((name, f) for name, f in files.items() if name.startswith("plans/"))
    for _, loaded in plan_files:
        for i, raw in enumerate(loaded.data.get("organisations") or ()):
            b.add_organisation(
                _organisation(raw, loaded.where(("organisations", i))), ("organisations", i), loaded
            )
        for i, raw in enumerate(loaded.data.get("documents") or ()):
            b.add_document(_document(raw, loaded.where(("documents", i))), ("documents", i), loaded)
        raw_doc = {**loaded.data["document"], "id": loaded.data["id"]}
        b.add_document(
            _document(raw_doc, loaded.where(("document",)), plan=raw_doc["id"]),
            ("document",),
            loaded,
        )
    groups = [
        Group(g["id"], g["name"], tuple(g.get("terms") or ()), g.get("note"))
        for g in orgs_file.data.get("groups") or ()
    ]
    domains_file = files.get("domains.yml", empty)
    domains = [
        Domain(d["id"], d["name"], tuple(d["terms"]), d.get("description"))
        for d in domains_file.data.get("domains") or ()
    ]
    _unique(b, domains_file, "domains", [d.id for d in domains], "lĩnh vực")
    addressees: dict[str, tuple[str, ...]] = {o.id: o.terms for o, _, _ in b.organisations.values()}
    for i, group in enumerate(groups):
        if group.id in addressees:
            b.problem(orgs_file, ("groups", i, "id"), f"mã '{group.id}' đã dùng cho một cơ quan.")
        addressees[group.id] = group.terms
    as_of = dt.date.fromisoformat(site_file.data["as_of"])
    terms = {d.id: d.terms for d in domains}
    plans = [_plan(b, loaded, terms, addressees, as_of) for _, loaded in plan_files]
    seen_plans: dict[str, Loaded] = {}
    for plan, (_, loaded) in zip(plans, plan_files, strict=True):
        if plan.id in seen_plans:
            b.problem(
                loaded, ("id",), f"mã kế hoạch '{plan.id}' đã dùng ở {seen_plans[plan.id].file}."
            )
        seen_plans[plan.id] = loaded
    _check_documents(b)
    glossary_file = files.get("glossary.yml", empty)
    glossary = [
        GlossaryEntry(g["term"], g["meaning"], g["source"])
        for g in glossary_file.data.get("terms") or ()
    ]
    site_data = site_file.data
    notices = [
        Notice(n["id"], dt.date.fromisoformat(n["date"]), n["title"], n["text"], n["source"])
        for n in site_data.get("notices") or ()
    ]
    _unique(b, site_file, "notices", [n.id for n in notices], "thông báo")
    if b.problems:
        return None, b.problems
    documents = sorted(
        (d for d, _, _ in b.documents.values()), key=lambda d: (d.date or dt.date.max, d.id)
    )
    site = Site(
        as_of=dt.date.fromisoformat(site_data["as_of"]),
        site_url=(site_data.get("site_url") or "").rstrip("/") or None,
        description=site_data.get("description"),
        menu=tuple(site_data.get("menu") or ()),
        notices=tuple(sorted(notices, key=lambda n: (n.date, n.id), reverse=True)),
        contacts=tuple(
            Contact(c["kind"], c["label"], c["value"], c["source"])
            for c in site_data.get("contacts") or ()
        ),
        plans=tuple(sorted(plans, key=lambda p: p.id)),
        documents=tuple(documents),
        organisations=tuple(
            sorted((o for o, _, _ in b.organisations.values()), key=lambda o: o.id)
        ),
        groups=tuple(sorted(groups, key=lambda g: g.id)),
        domains=tuple(domains),
        glossary=tuple(sorted(glossary, key=lambda g: g.term)),
        sample=site_data.get("sample") == "true",
        licence=_licence(site_data.get("licence")),
    )
    return site, []


def _licence(raw: dict[str, str] | None) -> Licence | None:
    return Licence(raw["name"], raw["source"], raw.get("url")) if raw else None


def _unique(b: _Builder, loaded: Loaded, key: str, ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            b.problem(loaded, (key, i, "id"), f"mã {what} '{item_id}' bị trùng.")
        seen.add(item_id)


def _plan(
    b: _Builder,
    loaded: Loaded,
    domains: dict[str, tuple[str, ...]],
    addressees: dict[str, tuple[str, ...]],
    as_of: dt.date,
) -> Plan:
    data = loaded.data
    stem = loaded.file.rsplit("/", 1)[-1].removesuffix(".yml")
    if data["id"] != stem:
        b.problem(
            loaded,
            ("id",),
            f"mã kế hoạch '{data['id']}' phải trùng tên tệp '{stem}'.",
            f"Hãy đổi tên tệp thành '{data['id']}.yml' hoặc sửa mã thành '{stem}'.",
        )
    content, paths = build_content(loaded, b.problems)
    blocks = {blk.anchor: blk for top in content for blk in top.walk()}
    for anchor, blk in blocks.items():
        path = paths[anchor]
        _check_tags(b, loaded, path, blk, "domains", domains, "lĩnh vực")
        _check_tags(b, loaded, path, blk, "addressees", addressees, "cơ quan hay nhóm đối tượng")
    basis = []
    for i, raw in enumerate(data.get("basis") or ()):
        b.ref(loaded, ("basis", i, "document"), raw["document"], b.documents, "văn bản")
        b.ref(loaded, ("basis", i, "block"), raw["block"], list(blocks), "đoạn văn có mã neo")
        basis.append(Basis(raw["type"], raw["document"], raw["block"]))
    tasks = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("tasks") or ()):
        if raw["id"] in seen:
            b.problem(loaded, ("tasks", i, "id"), f"mã nhiệm vụ '{raw['id']}' bị trùng.")
        seen.add(raw["id"])
        if raw["block"] not in blocks:
            b.ref(loaded, ("tasks", i, "block"), raw["block"], list(blocks), "đoạn văn có mã neo")
            continue
        here: KeyPath = ("tasks", i)
        tasks.append(
            build_task(
                raw,
                here,
                data["id"],
                blocks[raw["block"]],
                as_of,
                {"organisations": b.organisations, "documents": b.documents},
                lambda at, message, hint: b.problem(loaded, at, message, hint),
                lambda at, value, known, what: b.ref(loaded, at, value, known, what),
            )
        )
    doc, _, _ = b.documents.get(data["id"], (None, None, None))
    if doc is None or doc.plan != data["id"]:
        doc = _document(
            {**data["document"], "id": data["id"]}, loaded.where(("document",)), plan=data["id"]
        )
    prov = data["provenance"]
    return Plan(
        id=data["id"],
        short_title=data["short_title"],
        level=data.get("level"),
        document=doc,
        title=data["document"].get("title"),
        summary=data.get("summary"),
        basis=tuple(basis),
        provenance=Provenance(prov["source"], prov["extent"], prov["coverage"]),
        corrections=tuple(
            Correction(dt.date.fromisoformat(c["date"]), c["change"], c["reason"])
            for c in data.get("corrections") or ()
        ),
        content=content,
        tasks=tuple(tasks),
        source_file=loaded.file,
    )


def _check_tags(
    b: _Builder,
    loaded: Loaded,
    path: KeyPath,
    blk: Block,
    key: str,
    known: dict[str, tuple[str, ...]],
    what: str,
) -> None:
    for j, tag in enumerate(getattr(blk, key)):
        tag_path = (*path, key, j)
        if tag not in known:
            b.ref(loaded, tag_path, tag, known, what)
            continue
        terms = known[tag]
        if terms and not any(contains_phrase(blk.words, term) for term in terms):
            b.problem(
                loaded,
                tag_path,
                f"đoạn được gắn '{tag}' nhưng lời văn của chính đoạn "
                f"không nhắc đến ({' / '.join(terms)}).",
                "Chỉ gắn khi chính đoạn văn nêu tên; nếu không, hãy bỏ thẻ này.",
            )


def _check_documents(b: _Builder) -> None:
    for doc, path, loaded in b.documents.values():
        if doc.issuer:
            b.ref(loaded, (*path, "issuer"), doc.issuer, b.organisations, "cơ quan")
        for i, rel in enumerate(doc.relations):
            rel_path = (*path, "relations", i, "document")
            if rel.target not in b.documents:
                b.ref(loaded, rel_path, rel.target, b.documents, "văn bản")
                continue
            _check_order(b, loaded, (*path, "date"), doc, b.documents[rel.target][0])
    for doc, _, loaded in b.documents.values():
        if doc.plan is None:
            continue
        for i, raw in enumerate(loaded.data.get("basis") or ()):
            target = b.documents.get(raw["document"])
            if target:
                _check_order(b, loaded, ("basis", i, "document"), doc, target[0])


def _check_order(
    b: _Builder, loaded: Loaded, path: KeyPath, doc: Document, target: Document
) -> None:
    if doc.date and target.date and doc.date < target.date:
        b.problem(
            loaded,
            path,
            f"ngày ban hành {doc.date:%d/%m/%Y} sớm hơn ngày của văn bản mà "
            f"nó dựa vào ({target.citation}).",
            "Một văn bản không thể căn cứ hay thực hiện văn bản ban hành sau nó; hãy "
            "kiểm tra lại ngày.",
        )
