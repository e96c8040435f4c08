"""Checked dicts → the model, with every cross-file check along the way.

The schema has already vouched for each file's shape; here we check what one
file cannot: references, unique ids, one definition per entity, date order, and
that each domain or addressee tag is named by the block's own words.
"""

from __future__ import annotations

import datetime as dt

from ..data.parse import Loaded
from ..errors import KeyPath, Problem
from . import settings
from .content import build_content
from .naming import Namer, Names, names_of
from .registry import Registry, document, organisation
from .sitewide import Licence
from .tasks import TaskContext, build_task
from .types import (
    Basis,
    Block,
    Closing,
    Correction,
    Document,
    Domain,
    Group,
    Issuing,
    Plan,
    Provenance,
    Site,
    Task,
)

_EMPTY = Loaded("", {})


def build_site(files: dict[str, Loaded]) -> tuple[Site | None, list[Problem]]:
    """Build the `Site` from schema-valid files; return it with any problems found."""
    b = Registry(files)
    plan_files = sorted((name, f) for name, f in files.items() if name.startswith("plans/"))
    _collect_entities(b, files, [loaded for _, loaded in plan_files])
    orgs_file = files.get("organisations.yml", _EMPTY)
    groups = [
        Group(
            g["id"],
            g["name"],
            tuple(g.get("terms") or ()),
            g.get("note"),
            tuple(g.get("exclude") or ()),
        )
        for g in orgs_file.data.get("groups") or ()
    ]
    domains_file = files.get("domains.yml", _EMPTY)
    domains = [
        Domain(d["id"], d["name"], tuple(d["terms"]), d.get("description"))
        for d in domains_file.data.get("domains") or ()
    ]
    _unique(b, domains_file, "domains", [d.id for d in domains], "lĩnh vực")
    addressees = {o.id: names_of(o) for o, _, _ in b.organisations.values()}
    for i, group in enumerate(groups):
        if group.id in addressees:
            b.problem(orgs_file, ("groups", i, "id"), f"mã '{group.id}' đã dùng cho một cơ quan.")
        addressees[group.id] = names_of(group)
    as_of = dt.date.fromisoformat(files["site.yml"].data["as_of"])
    namers = (Namer({d.id: Names(d.terms) for d in domains}), Namer(addressees))
    plans = [_plan(b, loaded, namers, as_of) for _, loaded in plan_files]
    seen_plans: dict[str, Loaded] = {}
    for plan, (_, loaded) in zip(plans, plan_files, strict=True):
        if plan.id in seen_plans:
            b.problem(
                loaded, ("id",), f"mã kế hoạch '{plan.id}' đã dùng ở {seen_plans[plan.id].file}."
            )
        seen_plans[plan.id] = loaded
    _check_documents(b)
    site = _site(b, files, plans, groups, domains)
    return (None, b.problems) if b.problems else (site, [])


def _collect_entities(b: Registry, files: dict[str, Loaded], plan_files: list[Loaded]) -> None:
    """Documents and organisations from the shared files, then from each plan file."""
    docs_file = files.get("documents.yml", _EMPTY)
    orgs_file = files.get("organisations.yml", _EMPTY)
    for i, raw in enumerate(docs_file.data.get("documents") or ()):
        b.add_document(
            document(raw, docs_file.where(("documents", i))), ("documents", i), docs_file
        )
    for i, raw in enumerate(orgs_file.data.get("organisations") or ()):
        b.add_organisation(
            organisation(raw, orgs_file.where(("organisations", i))),
            ("organisations", i),
            orgs_file,
        )
    for loaded in plan_files:
        for i, raw in enumerate(loaded.data.get("organisations") or ()):
            b.add_organisation(
                organisation(raw, loaded.where(("organisations", i))), ("organisations", i), loaded
            )
        for i, raw in enumerate(loaded.data.get("documents") or ()):
            b.add_document(document(raw, loaded.where(("documents", i))), ("documents", i), loaded)
        raw_doc = {**loaded.data["document"], "id": loaded.data["id"]}
        b.add_document(
            document(raw_doc, loaded.where(("document",)), plan=raw_doc["id"]),
            ("document",),
            loaded,
        )


def _site(
    b: Registry,
    files: dict[str, Loaded],
    plans: list[Plan],
    groups: list[Group],
    domains: list[Domain],
) -> Site:
    """The site-wide settings, the glossary and notices, and the entities, in a fixed order."""
    site_file = files["site.yml"]
    site_data = site_file.data
    refs = settings.references(files)
    glossary = settings.glossary(files)
    notices = settings.notices(b, site_file, refs, b.organisations.keys())
    _unique(b, site_file, "notices", [n.id for n in notices], "thông báo")
    documents = sorted(
        (d for d, _, _ in b.documents.values()), key=lambda d: (d.date or dt.date.max, d.id)
    )
    return Site(
        as_of=dt.date.fromisoformat(site_data["as_of"]),
        site_url=(site_data.get("site_url") or "").rstrip("/") or None,
        description=site_data.get("description"),
        short_name=site_data.get("short_name"),
        menu=tuple(site_data.get("menu") or ()),
        notices=tuple(sorted(notices, key=lambda n: (n.date, n.id), reverse=True)),
        contacts=settings.contacts(site_data.get("contacts")),
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
        operator=settings.operator(site_data.get("operator")),
        citizens=settings.citizens(b, site_file, plans),
        references=tuple(sorted(refs.values(), key=lambda r: (r.date, r.id))),
    )


def _licence(raw: dict[str, str] | None) -> Licence | None:
    return Licence(raw["name"], raw["source"], raw.get("url")) if raw else None


def _unique(b: Registry, loaded: Loaded, key: str, ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            b.problem(loaded, (key, i, "id"), f"mã {what} '{item_id}' bị trùng.")
        seen.add(item_id)


def _plan(
    b: Registry,
    loaded: Loaded,
    namers: tuple[Namer, Namer],
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
    content, issuing_content, paths = build_content(loaded, b.problems)
    blocks = {blk.anchor: blk for top in (*issuing_content, *content) for blk in top.walk()}
    issuing = _issuing(b, loaded, issuing_content)
    for anchor, blk in blocks.items():
        path = paths[anchor]
        _check_tags(b, loaded, path, blk, "domains", namers[0], "lĩnh vực")
        _check_tags(b, loaded, path, blk, "addressees", namers[1], "cơ quan hay nhóm đối tượng")
    basis = []
    for i, raw in enumerate(data.get("basis") or ()):
        b.ref(loaded, ("basis", i, "document"), raw["document"], b.documents, "văn bản")
        b.ref(loaded, ("basis", i, "block"), raw["block"], list(blocks), "đoạn văn có mã neo")
        basis.append(Basis(raw["type"], raw["document"], raw["block"]))
    doc, _, _ = b.documents.get(data["id"], (None, None, None))
    if doc is None or doc.plan != data["id"]:
        doc = document(
            {**data["document"], "id": data["id"]}, loaded.where(("document",)), plan=data["id"]
        )
    prov = data["provenance"]
    # A document the plan is issued with ("kèm theo") is not one it was issued after.
    dated = [
        b.documents[x.document][0]
        for x in basis
        if x.document in b.documents and x.type != "ban-hanh"
    ]
    dated = [d for d in dated if d.date]
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
        tasks=_tasks(b, loaded, blocks, as_of),
        source_file=loaded.file,
        issued_after=max(dated, key=lambda d: d.date or dt.date.min) if dated else None,
        issuing=issuing,
        closing=_closing(data.get("closing")),
    )


def _closing(raw: dict[str, list[str]] | None) -> Closing | None:
    if not raw:
        return None
    return Closing(tuple(raw.get("recipients") or ()), tuple(raw.get("signature") or ()))


def _issuing(b: Registry, loaded: Loaded, content: tuple[Block, ...]) -> Issuing | None:
    """The document that issues the plan, checked to exist, with its text."""
    raw = loaded.data.get("issuing")
    if not raw:
        return None
    b.ref(loaded, ("issuing", "document"), raw["document"], b.documents, "văn bản")
    return Issuing(raw["document"], content)


def _tasks(
    b: Registry, loaded: Loaded, blocks: dict[str, Block], as_of: dt.date
) -> tuple[Task, ...]:
    """The plan's tasks; one whose block does not exist is reported and left out."""
    ctx = TaskContext(
        plan_id=loaded.data["id"],
        as_of=as_of,
        organisations=b.organisations,
        documents=b.documents,
        report=lambda at, message, hint: b.problem(loaded, at, message, hint),
        ref=lambda at, value, known, what: b.ref(loaded, at, value, known, what),
    )
    tasks = []
    seen: set[str] = set()
    for i, raw in enumerate(loaded.data.get("tasks") or ()):
        if raw["id"] in seen:
            b.problem(loaded, ("tasks", i, "id"), f"mã nhiệm vụ '{raw['id']}' bị trùng.")
        seen.add(raw["id"])
        if raw["block"] not in blocks:
            b.ref(loaded, ("tasks", i, "block"), raw["block"], list(blocks), "đoạn văn có mã neo")
            continue
        tasks.append(build_task(raw, ("tasks", i), blocks[raw["block"]], ctx))
    return tuple(tasks)


def _check_tags(
    b: Registry,
    loaded: Loaded,
    path: KeyPath,
    blk: Block,
    key: str,
    namer: Namer,
    what: str,
) -> None:
    """Each tag must exist and be named by the block's own words (see `naming`)."""
    named = None
    for j, tag in enumerate(getattr(blk, key)):
        tag_path = (*path, key, j)
        if tag not in namer.known:
            b.ref(loaded, tag_path, tag, namer.known, what)
            continue
        names = namer.known[tag]
        named = namer.named(blk.words) if named is None else named
        if tag not in named:
            b.problem(
                loaded,
                tag_path,
                f"đoạn được gắn '{tag}' nhưng lời văn của chính đoạn "
                f"không nhắc đến ({' / '.join(names.terms)}).",
                "Chỉ gắn khi chính đoạn văn nêu tên; nếu không, hãy bỏ thẻ này.",
            )


def _check_documents(b: Registry) -> None:
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
    b: Registry, loaded: Loaded, path: KeyPath, doc: Document, target: Document
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
