"""Assemble an imported document into one self-contained plan file, and write it as YAML.

Documents and organisations the plan cites are defined inline: copied exactly from the
shared files when already known there (so the two definitions agree), otherwise made
from what the text itself says. The shared files are never edited.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..data.files import data_files
from ..data.parse import load_file
from ..model.content import ISSUING_ANCHOR
from ..text import excerpt, fold, slugify
from .agencies import agency_id
from .capitals import from_capitals
from .classify import Imported
from .duties import find_duties
from .passages import anchors, references, tag
from .rowtasks import Agencies, RowTasks, task_id

KEM_THEO = re.compile(r"^\((?:Ban hành )?[Kk]èm theo ")
_ROMAN_NUMBER = re.compile(r"^[IVX]+\.$")
MAKER = re.compile(r"^(?P<name>.+?) xây dựng [Kk]ế hoạch")


class Known:
    """Entities already defined in a project's shared files (read, never written)."""

    def __init__(self, data_dir: Path | None) -> None:
        self.documents: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self.domains: dict[str, list[str]] = {}
        if data_dir is None or not data_dir.is_dir():
            return
        for path in data_files(data_dir):
            data = load_file(path, path.name).data or {}
            if path.parent != data_dir:  # a plan file: what it defines besides itself
                data = {k: data.get(k) or [] for k in ("organisations", "documents")}
            for doc in data.get("documents") or []:
                self.documents[doc["id"]] = doc
            for org in data.get("organisations") or []:
                self.organisations[org["id"]] = org
            for domain in data.get("domains") or []:
                self.domains[domain["id"]] = domain["terms"]

    def organisation_named(self, name: str) -> str | None:
        wanted = fold(name)
        for org_id, org in self.organisations.items():
            if fold(org["name"]) == wanted or any(fold(t) == wanted for t in org.get("terms", [])):
                return org_id
        return None

    def same_document(self, ref: dict[str, str]) -> str | None:
        for doc_id, doc in self.documents.items():
            if (doc.get("kind"), doc.get("number"), doc.get("date")) == (
                ref["kind"],
                ref["number"],
                ref["date"],
            ):
                return doc_id
        return None


class _Cited:
    """The documents and organisations a plan file must define inline, gathered as used."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.documents: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}

    def org(self, org_id: str | None) -> str | None:
        if org_id:
            self.organisations[org_id] = self.known.organisations[org_id]
        return org_id

    def doc(self, doc_id: str) -> None:
        known = self.known.documents
        if doc_id in known and doc_id not in self.documents:
            self.documents[doc_id] = known[doc_id]
            self.org(known[doc_id].get("issuer"))
            for rel in known[doc_id].get("relations") or []:
                self.doc(rel["document"])


def assemble(
    imported: Imported, plan_id: str, source: str, known: Known
) -> tuple[dict[str, Any], RowTasks]:
    """The plan file's data, in the order a communicator reads it, and the tasks made
    from table rows (with their agencies and periods, for the importer's summary)."""
    data = imported.data
    cited = _Cited(known)
    issuing = data.get("issuing_content") or []
    seen: set[str] = set()
    found = anchors(issuing, ISSUING_ANCHOR, seen) + anchors(data["content"], "", seen)
    issuer = _issuer(imported, cited)
    basis = _basis([*issuing, *data["content"]], dict((id(b), a) for a, b in found), cited)
    tag([*issuing, *data["content"]], known.domains)
    plan_doc, title = _plan_document(data["document"], plan_id, issuer)
    issuing_doc = None
    if data.get("attached"):
        issuing_doc, plan_doc, title = _attached(data, plan_doc, plan_id)
        cited.documents[issuing_doc["id"]] = issuing_doc
        # "(Kèm theo Quyết định số …)" under the plan's title: the words that say so.
        own = [(a, b) for a, b in found if not a.startswith(ISSUING_ANCHOR)]
        if own and KEM_THEO.match(own[0][1].get("text", "")):
            basis.append({"type": "ban-hanh", "document": issuing_doc["id"], "block": own[0][0]})
    out: dict[str, Any] = {"id": plan_id, "short_title": title}
    level = known.organisations.get(issuer or "", {}).get("level")
    if level in ("tinh", "thanh-pho", "phuong-xa"):
        out["level"] = level
    out["document"] = plan_doc
    if basis:
        out["basis"] = basis
    out["provenance"] = _provenance(source, complete=bool(data.get("closing", {}).get("signature")))
    out["corrections"] = []
    out["content"] = data["content"]
    if issuing_doc:
        out["issuing"] = {"document": issuing_doc["id"], "content": issuing}
    out["tasks"] = _tasks(data["content"], found)
    rows = RowTasks(Agencies(known.organisations))
    seen = {task["id"] for task in out["tasks"]}
    for table in imported.tables:
        for row in table.tasks:
            rows.add(row, seen)
    out["tasks"] += rows.tasks
    for duty in find_duties([(a, b) for a, b in found if not a.startswith(ISSUING_ANCHOR)]):
        if duty.anchor not in {task["block"] for task in out["tasks"]}:
            rows.add_duty(duty, seen)
    out["tasks"] += rows.duties
    imported.warnings += rows.warnings
    for org_id in rows.agencies.reused:
        cited.org(org_id)
    for key in ("closing", "unclassified"):
        if data.get(key):
            out[key] = data[key]
    if cited.documents:
        out["documents"] = [cited.documents[k] for k in sorted(cited.documents)]
    organisations = {**cited.organisations, **rows.agencies.new}
    if organisations:
        out["organisations"] = [organisations[k] for k in sorted(organisations)]
    return out, rows


def _issuer(imported: Imported, cited: _Cited) -> str | None:
    """The issuing body's id, from the header lines or "X xây dựng Kế hoạch…"; else a warning."""
    data = imported.data
    issuer_name = " ".join(data.get("issuer_lines", [])[-2:]) or None
    maker = next(
        (MAKER.match(b.get("text", "")) for b in data["content"] if MAKER.match(b.get("text", ""))),
        None,
    )
    if not issuer_name and maker:
        issuer_name = maker["name"]
    issuer = cited.org(cited.known.organisation_named(issuer_name)) if issuer_name else None
    if issuer_name and not issuer:
        # The document names its issuer: made here, in the case running text writes it.
        name = from_capitals(issuer_name) if issuer_name.isupper() else issuer_name
        issuer = agency_id(name)
        cited.organisations[issuer] = {"id": issuer, "name": name, "terms": [name]}
        imported.warnings.append(
            f"cơ quan ban hành '{issuer_name}' chưa có trong dữ liệu: đã định nghĩa "
            f"'{name}' ({issuer}) trong tệp kế hoạch, cấp và khối để trống; hãy soát lại."
        )
    return issuer


def _basis(
    content: list[dict[str, Any]], anchor_of: dict[int, str], cited: _Cited
) -> list[dict[str, str]]:
    """One basis entry per "Căn cứ…"/"Thực hiện…" paragraph that names a document."""
    basis = []
    for block in content:
        text = block.get("text", "")
        ref = references(text) if text.startswith(("Căn cứ", "Thực hiện")) else None
        if ref is None:
            continue
        doc_id = cited.known.same_document(ref)
        if doc_id:
            cited.doc(doc_id)
        else:
            doc_id = ref["id"]
            entry = {k: ref[k] for k in ("kind", "number", "date", "subject") if ref.get(k)}
            org = cited.org(cited.known.organisation_named(ref["issuer_name"]))
            cited.documents[doc_id] = {
                "id": doc_id,
                **entry,
                **({"issuer": org} if org else {}),
                **({"short_name": ref["short_name"]} if "short_name" in ref else {}),
            }
        basis.append(
            {
                "type": "can-cu" if text.startswith("Căn cứ") else "thuc-hien",
                "document": doc_id,
                "block": anchor_of[id(block)],
            }
        )
    return basis


def _plan_document(
    doc: dict[str, Any], plan_id: str, issuer: str | None
) -> tuple[dict[str, Any], str]:
    """The plan's own `document:` entry and its short title."""
    kind = doc.get("kind", "Văn bản")
    title = (
        f"{kind} số {doc['number']}"
        if doc.get("number")
        else f"{kind}: {excerpt(doc.get('subject', plan_id), 90)}"
    )
    plan_doc = {
        k: doc[k]
        for k in ("kind", "number", "date", "place", "title", "subject", "signer")
        if doc.get(k)
    }
    plan_doc.setdefault("subject", doc.get("subject") or title)
    plan_doc.setdefault("kind", kind)
    if issuer:
        plan_doc["issuer"] = issuer
    return plan_doc, title


def _attached(
    data: dict[str, Any], decision: dict[str, Any], plan_id: str
) -> tuple[dict[str, Any], dict[str, Any], str]:
    """A decision that issues a plan ("Kèm theo Quyết định số …"): the decision as a
    document of its own, and the plan's entry, which has no number or date of its own."""
    year = (decision.get("date") or "")[:4]
    decision_id = slugify(f"{decision['kind']} {decision.get('number', plan_id)} {year}")
    keep = ("kind", "number", "date", "issuer", "signer", "subject")
    issuing = {"id": decision_id, **{k: decision[k] for k in keep if decision.get(k)}}
    title_line, subject = data["attached"]["title"], data["attached"]["subject"]
    kind = title_line.capitalize()  # "KẾ HOẠCH" → "Kế hoạch"
    plan_doc = {"kind": kind, "title": title_line, "subject": subject}
    if decision.get("issuer"):
        plan_doc["issuer"] = decision["issuer"]
    return issuing, plan_doc, f"{kind}: {excerpt(subject, 90)}"


def _provenance(source: str, *, complete: bool) -> dict[str, str]:
    return {
        "source": f"Nhập tự động từ tệp {source}; người biên tập cần soát lại với bản gốc.",
        "extent": "toan-van" if complete else "mot-phan",
        "coverage": "Toàn bộ văn bản nguồn, đến khối chữ ký."
        if complete
        else "Văn bản nguồn không có khối chữ ký ở cuối; có thể chưa đầy đủ.",
    }


def _tasks(
    content: list[dict[str, Any]], found_anchors: list[tuple[str, dict[str, Any]]]
) -> list[dict[str, str]]:
    """One task per numbered item of the section of tasks ("II. NHIỆM VỤ…"), with an id
    from its words. A section of aims ("II. MỤC TIÊU") gives none."""
    section = next(
        (
            b
            for b in content
            if _ROMAN_NUMBER.match(b.get("number") or "")
            and "NHIỆM VỤ" in (b.get("heading") or "").upper()
        ),
        None,
    )
    if section is None:
        return []
    found = dict((id(b), a) for a, b in found_anchors)
    tasks: list[dict[str, str]] = []
    seen: set[str] = set()
    for item in section.get("children", []):
        if not (item.get("number") or "").rstrip(".").isdigit():
            continue
        words = item.get("heading") or item.get("text") or ""
        tasks.append({"id": task_id(words, seen, words=5), "block": found[id(item)]})
    return tasks


def to_yaml(value: Any, indent: int = 0) -> str:
    """YAML with every scalar double-quoted (a JSON string is a valid YAML scalar)."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {to_yaml(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        lines = []
        for item in value:
            body = to_yaml(item, indent + 2)
            lines.append(
                f"{pad}- {body.lstrip()}"
                if isinstance(item, (dict, list)) and item
                else f"{pad}- {to_yaml(item)}"
            )
        return "\n".join(lines)
    if value is None:
        return '""'
    text = str(value)
    if re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", text):
        return text
    return json.dumps(text, ensure_ascii=False)
