"""Decap form fields generated from the JSON Schema, the one description of the data.

Labels are the schema's Vietnamese `title`s and hints its `description`s; an `enum`
becomes a select list (option labels from the description's "value: label" pairs),
a `date` a date field that stores `YYYY-MM-DD`, `text` a text area; `required` comes
from the schema. A property that no widget can hold (a value that may be one id or a
list of ids) is left out of the form, and the backend keeps it as it is.
"""

from __future__ import annotations

import re
from typing import Any

from ..data.schema import schema

Field = dict[str, Any]
_PAIR = re.compile(r"([a-z0-9-]+): ([^;.]+)")
_SUMMARY_KEYS = ("name", "term", "title", "label", "date", "id")  # the first a person reads


class MissingTitle(Exception):
    """A property shown in the form has no Vietnamese title in the schema."""


def definitions() -> dict[str, Any]:
    defs: dict[str, Any] = schema()["$defs"]
    return defs


def resolve(node: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """`node` with its `$ref`s merged in (the referring node's keys win), and their names."""
    names: set[str] = set()
    while "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        names.add(name)
        node = {**definitions()[name], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, names


def _options(node: dict[str, Any]) -> list[Any]:
    labels = dict(_PAIR.findall(str(node.get("description", ""))))
    values = [str(v) for v in node["enum"]]
    if all(v in labels for v in values):
        return [{"label": labels[v].strip().capitalize(), "value": v} for v in values]
    return values


def _summary(properties: dict[str, Any]) -> str | None:
    key = next((k for k in _SUMMARY_KEYS if k in properties), None)
    return f"{{{{fields.{key}}}}}" if key else None


def object_fields(node: dict[str, Any], where: str, present: bool = True) -> list[Field]:
    """The fields of an object schema, in the schema's order.

    Decap checks a required field even inside an optional object that is left empty, so
    there (`present` False) the fields are optional in the form; the backend's schema
    check still asks for them once the object is filled in.
    """
    node, _ = resolve(node)
    required = set(node.get("required", ())) if present else set()
    found = []
    for name, child in node.get("properties", {}).items():
        made = field(name, child, name in required, f"{where}.{name}")
        if made is not None:
            found.append(made)
    return found


def _list(out: Field, node: dict[str, Any], where: str) -> Field | None:
    items, names = resolve(node.get("items", {}))
    if items.get("type") == "object":
        out["fields"] = object_fields(items, f"{where}[]")
        if items.get("title"):
            out["label_singular"] = items["title"]
        summary = _summary(items.get("properties", {}))
        if summary:
            out["summary"] = summary
        return out
    if items.get("type") == "string" and "enum" not in items:
        widget = "text" if "text" in names else "string"
        out["field"] = {"label": out["label"], "name": "item", "widget": widget}
        if items.get("description"):
            out["field"]["hint"] = items["description"]
        return out
    return None


def field(name: str, node: dict[str, Any], required: bool, where: str) -> Field | None:
    """The Decap field for property `name`, or None when no widget can hold it."""
    node, names = resolve(node)
    title = node.get("title")
    if not title:
        raise MissingTitle(where)
    out: Field = {"label": title, "name": name, "required": required}
    if node.get("description"):
        out["hint"] = node["description"]
    if "enum" in node:
        return {**out, "widget": "select", "options": _options(node)}
    if "date" in names:
        return {
            **out,
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    kind = node.get("type")
    if kind == "object":
        return {**out, "widget": "object", "fields": object_fields(node, where, required)}
    if kind == "array":
        return _list({**out, "widget": "list"}, node, where)
    if kind == "string":
        return {**out, "widget": "text" if "text" in names else "string"}
    return None


def file_fields(kind: str) -> list[Field]:
    """The fields of one kind of data file (`siteFile`, `glossaryFile`, …)."""
    return object_fields(definitions()[kind], kind)
