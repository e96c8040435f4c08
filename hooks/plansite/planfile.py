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

from .importer import Imported, anchors, references, tag
from .load import load_file
from .pipeline import data_files
from .text import fold, slugify

MAKER = re.compile(r"^(?P<name>.+?) xây dựng [Kk]ế hoạch")


class Known:
    """Entities already defined in a project's shared files (read, never written)."""

    def __init__(self, data_dir: Path | None) -> None:
        self.documents: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self.domains: dict[str, list[str]] = {}
        self.addressees: dict[str, list[str]] = {}
        if data_dir is None or not data_dir.is_dir():
            return
        for path in data_files(data_dir):
            if path.parent != data_dir:
                continue
            data = load_file(path, path.name).data or {}
            for doc in data.get("documents") or []:
                self.documents[doc["id"]] = doc
            for org in data.get("organisations") or []:
                self.organisations[org["id"]] = org
                self.addressees[org["id"]] = org.get("terms") or [org["name"]]
            for group in data.get("groups") or []:
                self.addressees[group["id"]] = group.get("terms") or [group["name"]]
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


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def assemble(imported: Imported, plan_id: str, source: str, known: Known) -> dict[str, Any]:
    """The plan file's data, in the order a communicator reads it."""
    data = imported.data
    doc = dict(data["document"])
    documents: dict[str, dict[str, Any]] = {}
    organisations: dict[str, dict[str, Any]] = {}

    def use_org(org_id: str | None) -> str | None:
        if org_id:
            organisations[org_id] = known.organisations[org_id]
        return org_id

    def use_doc(doc_id: str) -> None:
        if doc_id in known.documents and doc_id not in documents:
            documents[doc_id] = known.documents[doc_id]
            use_org(known.documents[doc_id].get("issuer"))
            for rel in known.documents[doc_id].get("relations") or []:
                use_doc(rel["document"])

    issuer_name = " ".join(data.get("issuer_lines", [])[-2:]) or None
    maker = next(
        (MAKER.match(b.get("text", "")) for b in data["content"] if MAKER.match(b.get("text", ""))),
        None,
    )
    if not issuer_name and maker:
        issuer_name = maker["name"]
    issuer = use_org(known.organisation_named(issuer_name)) if issuer_name else None
    if issuer_name and not issuer:
        imported.warnings.append(
            f"không nhận ra cơ quan ban hành '{issuer_name}' trong "
            "organisations.yml; hãy thêm cơ quan rồi ghi 'issuer'."
        )
    basis = []
    content_anchors = dict((id(block), a) for a, block in anchors(data["content"]))
    for block in data["content"]:
        text = block.get("text", "")
        ref = references(text) if text.startswith(("Căn cứ", "Thực hiện")) else None
        if ref is None:
            continue
        doc_id = known.same_document(ref)
        if doc_id:
            use_doc(doc_id)
        else:
            doc_id = ref["id"]
            entry = {k: ref[k] for k in ("kind", "number", "date", "subject") if ref.get(k)}
            org = use_org(known.organisation_named(ref["issuer_name"]))
            documents[doc_id] = {
                "id": doc_id,
                **entry,
                **({"issuer": org} if org else {}),
                **({"short_name": ref["short_name"]} if "short_name" in ref else {}),
            }
        basis.append(
            {
                "type": "can-cu" if text.startswith("Căn cứ") else "thuc-hien",
                "document": doc_id,
                "block": content_anchors[id(block)],
            }
        )
    tag(data["content"], known.domains, known.addressees)
    kind = doc.get("kind", "Văn bản")
    title = (
        f"{kind} số {doc['number']}"
        if doc.get("number")
        else f"{kind}: {_short(doc.get('subject', plan_id))}"
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
    complete = bool(data.get("closing", {}).get("signature"))
    out: dict[str, Any] = {"id": plan_id, "short_title": title}
    level = known.organisations.get(issuer or "", {}).get("level")
    if level in ("tinh", "thanh-pho", "phuong-xa"):
        out["level"] = level
    out["document"] = plan_doc
    if basis:
        out["basis"] = basis
    out["provenance"] = {
        "source": f"Nhập tự động từ tệp {source} bằng scripts/import_plan.py; "
        "người biên tập cần soát lại với bản gốc.",
        "extent": "toan-van" if complete else "mot-phan",
        "coverage": "Toàn bộ văn bản nguồn, đến khối chữ ký."
        if complete
        else "Văn bản nguồn không có khối chữ ký ở cuối; có thể chưa đầy đủ.",
    }
    out["corrections"] = []
    out["content"] = data["content"]
    out["tasks"] = _tasks(data["content"])
    for key in ("closing", "unclassified"):
        if data.get(key):
            out[key] = data[key]
    if documents:
        out["documents"] = [documents[k] for k in sorted(documents)]
    if organisations:
        out["organisations"] = [organisations[k] for k in sorted(organisations)]
    return out


def _tasks(content: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One task per numbered item of section II, with an id from its words."""
    section = next((b for b in content if b.get("number") == "II."), None)
    if section is None:
        return []
    found = dict((id(b), a) for a, b in anchors(content))
    tasks, seen = [], set()
    for item in section.get("children", []):
        if not (item.get("number") or "").rstrip(".").isdigit():
            continue
        words = (item.get("heading") or item.get("text") or "").split()
        base = slugify(" ".join(words[:5])) or "nhiem-vu"
        task_id, n = base, 2
        while task_id in seen:
            task_id, n = f"{base}-{n}", n + 1
        seen.add(task_id)
        tasks.append({"id": task_id, "block": found[id(item)]})
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
