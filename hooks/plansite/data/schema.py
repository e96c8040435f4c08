"""Check each data file against the one published JSON Schema, in Vietnamese.

`jsonschema` does the checking; this module only chooses the right part of the
schema for each file and turns each error into a located `Problem`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from ..errors import KeyPath, Problem, did_you_mean, quote
from ..text import slugify
from .parse import Loaded

SCHEMA_FILE = "plan-data.schema.json"

# Which part of the schema each file of plan_data/ must match.
FILE_KINDS = {
    "site.yml": "siteFile",
    "documents.yml": "documentsFile",
    "organisations.yml": "organisationsFile",
    "domains.yml": "domainsFile",
    "glossary.yml": "glossaryFile",
    "references.yml": "referencesFile",
}
PLAN_KIND = "planFile"

_TYPE_NAMES = {
    "string": "một đoạn chữ",
    "array": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "object": "một bảng khóa–giá trị (các dòng 'khóa: giá trị')",
}
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def schema_bytes(name: str = SCHEMA_FILE) -> bytes:
    """One published schema file (the full schema, or a per-file wrapper) as stored."""
    return resources.files(__package__).joinpath("schema", name).read_bytes()


def schema_text() -> str:
    """The schema as published (for editors, data users and the site)."""
    return schema_bytes().decode("utf-8")


@cache
def schema() -> dict[str, Any]:
    """The parsed schema."""
    parsed: dict[str, Any] = json.loads(schema_text())
    return parsed


@cache
def _validator(kind: str) -> Draft202012Validator:
    root = {k: v for k, v in schema().items() if k != "oneOf"}
    root["$ref"] = f"#/$defs/{kind}"
    return Draft202012Validator(root, format_checker=FormatChecker())


def check(loaded: Loaded, kind: str) -> list[Problem]:
    """Every schema problem of one loaded file, located and in Vietnamese."""
    problems: dict[KeyPath, list[Problem]] = {}
    # When a value fails several rules, the most helpful message comes first: a wrongly
    # written date is better explained by its shape ("pattern") than as "not a real date".
    rank = {"pattern": 0, "format": 2}
    errors = sorted(
        _validator(kind).iter_errors(loaded.data),
        key=lambda e: (list(map(str, e.path)), rank.get(str(e.validator), 1)),
    )
    for error in errors:
        for problem in _explain(error, loaded):
            problems.setdefault(problem.path, []).append(problem)
    # One message per value is enough: a malformed date need not also be "not a real date".
    return [found[0] for found in problems.values()]


def _explain(error: ValidationError, loaded: Loaded) -> list[Problem]:
    path: KeyPath = tuple(error.absolute_path)
    where = loaded.where(path)
    sub = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance
    expected: Any = error.validator_value
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(sub.get("properties", {}))
        out = []
        for key in sorted(set(value) - set(allowed)):
            hint = did_you_mean(key, allowed) or f"Các khóa được dùng ở đây: {', '.join(allowed)}."
            out.append(
                Problem(
                    loaded.where((*path, key), key=True),
                    (*path, key),
                    f"khóa '{key}' không có trong lược đồ.",
                    hint,
                )
            )
        return out
    if kind == "required":
        missing = str(expected)
        missing = next((k for k in expected if k not in value), missing)
        title = sub.get("properties", {}).get(missing, {}).get("title", "")
        label = f" ({title})" if title else ""
        return [Problem(where, path, f"thiếu khóa bắt buộc '{missing}'{label}.")]
    if kind == "type":
        expected = _TYPE_NAMES.get(str(expected), str(expected))
        if value is None:
            return [Problem(where, path, f"thiếu giá trị; cần {expected}.")]
        return [Problem(where, path, f"cần {expected}, nhưng gặp {quote(value)}.")]
    if kind == "enum":
        options = [str(o) for o in expected]
        return [
            Problem(
                where,
                path,
                f"giá trị phải là một trong: {', '.join(options)}; gặp {quote(value)}.",
                did_you_mean(value, options) if isinstance(value, str) else "",
            )
        ]
    if kind in ("pattern", "format"):
        return [_pattern_problem(where, path, sub, value, kind)]
    if kind == "minLength":
        return [Problem(where, path, "không được để trống.")]
    if kind == "maxLength":
        return [Problem(where, path, f"quá dài ({len(value)} ký tự; tối đa {expected}).")]
    if kind == "minItems":
        return [Problem(where, path, f"danh sách cần ít nhất {expected} mục.")]
    if kind == "uniqueItems":
        return [Problem(where, path, "danh sách có mục trùng nhau; hãy xóa mục lặp.")]
    return [Problem(where, path, f"giá trị không hợp lệ ({error.message}).")]


def _pattern_problem(
    where: Any, path: KeyPath, sub: dict[str, Any], value: Any, kind: str
) -> Problem:
    if sub.get("format") == "date":
        match = _DMY.match(str(value))
        if match:
            day, month, year = match.groups()
            hint = f"Có phải ý bạn là '{year}-{int(month):02d}-{int(day):02d}'?"
            return Problem(
                where,
                path,
                f"ngày phải viết dạng NĂM-THÁNG-NGÀY (ví dụ 2023-01-17); gặp {quote(value)}.",
                hint,
            )
        if kind == "format":
            return Problem(
                where,
                path,
                f"ngày không có thật: {quote(value)}.",
                "Hãy kiểm tra lại ngày và tháng.",
            )
        return Problem(
            where,
            path,
            f"ngày phải viết dạng NĂM-THÁNG-NGÀY (ví dụ 2023-01-17); gặp {quote(value)}.",
        )
    if sub.get("pattern") == schema()["$defs"]["id"]["pattern"]:
        suggestion = slugify(str(value))
        return Problem(
            where,
            path,
            "mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang "
            "(ví dụ 'ubnd-tinh'), vì mã được dùng làm đường dẫn trang; "
            f"gặp {quote(value)}.",
            f"Có phải ý bạn là '{suggestion}'?" if suggestion else "",
        )
    if sub.get("pattern") == schema()["$defs"]["url"]["pattern"]:
        return Problem(
            where,
            path,
            "địa chỉ web phải bắt đầu bằng http:// hoặc https:// và "
            f"không có dấu cách; gặp {quote(value)}.",
        )
    return Problem(
        where,
        path,
        f"giá trị {quote(value)} không đúng dạng. {sub.get('description', '')}".rstrip(),
    )
