"""Import a plan document (.txt or .docx) into a plan data file for review.

Usage: python scripts/import_plan.py SOURCE -o plan_data/plans/<plan-id>.yml [--force]

The file is written only when it passes the same schema the site uses, atomically
(a temporary file, then a rename), and never over an existing file without --force.
Shared files (documents.yml, organisations.yml…) are read for known entities, never edited.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from plansite.data.parse import parse
from plansite.data.schema import PLAN_KIND, check
from plansite.errors import PlanDataError
from plansite.importer.classify import classify
from plansite.importer.planfile import Known, assemble, to_yaml
from plansite.importer.sources import SourceError, read_source
from plansite.text import slugify


def fail(message: str) -> int:
    print(f"Không nhập được: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nhập văn bản kế hoạch (.txt, .docx) thành YAML.")
    parser.add_argument("source", type=Path, help="tệp nguồn .txt hoặc .docx")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="tệp kế hoạch sẽ ghi, ví dụ plan_data/plans/ke-hoach-moi.yml",
    )
    parser.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    args = parser.parse_args(argv)
    out: Path = args.output
    if out.suffix != ".yml" or slugify(out.stem) != out.stem:
        return fail(
            f"tên tệp đích '{out.name}' phải là <mã-kế-hoạch>.yml, mã gồm chữ thường "
            "không dấu, số và dấu gạch ngang."
        )
    if out.exists() and not args.force:
        return fail(f"{out} đã có. Thêm --force nếu muốn ghi đè.")
    if not args.source.is_file():
        return fail(f"không thấy tệp {args.source}.")
    try:
        paragraphs, how = read_source(args.source)
    except SourceError as exc:
        return fail(str(exc))
    imported = classify(paragraphs)
    if "kind" not in imported.data["document"] or not imported.data["content"]:
        return fail(
            f"{args.source.name} không có dạng một văn bản kế hoạch (không thấy tên "
            "loại văn bản như KẾ HOẠCH và phần nội dung)."
        )
    data_dir = out.resolve().parent.parent if out.resolve().parent.name == "plans" else None
    plan = assemble(imported, out.stem, args.source.name, Known(data_dir))
    text = "# Nhập tự động bởi scripts/import_plan.py: hãy soát lại với bản gốc.\n"
    text += to_yaml(plan) + "\n"
    problems = check(parse(text, str(out)), PLAN_KIND)
    if problems:
        return fail("tệp tạo ra không khớp lược đồ:\n" + PlanDataError(problems).report())
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, out)
    for warning in imported.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    print(f"Đã đọc {args.source.name} ({how}): {len(paragraphs)} đoạn nguồn.")
    for part, count in imported.parts.most_common():
        print(f"  {part}: {count}")
    print(f"Đã ghi {out}: {len(plan['tasks'])} nhiệm vụ, {len(plan.get('basis', []))} căn cứ.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
