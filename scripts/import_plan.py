"""Import a plan document (.txt or .docx) into a plan data file for review.

Usage: python scripts/import_plan.py SOURCE -o plan_data/plans/<plan-id>.yml [--force] [--dry-run]

The file is written only when it passes the same schema the site uses, atomically
(a temporary file, then a rename), and never over an existing file without --force.
Shared files (documents.yml, organisations.yml…) and other plans are read for known
entities, never edited; agencies first named here are defined in the new plan file.
Tables (an appendix of tasks) are kept cell for cell, and each task row becomes a task.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from plansite.data.parse import parse
from plansite.data.schema import PLAN_KIND, check
from plansite.errors import PlanDataError
from plansite.importer.classify import classify
from plansite.importer.planfile import Known, assemble, to_yaml
from plansite.importer.rowtasks import RowTasks
from plansite.importer.sources import SourceError, SourceTable, read_source
from plansite.text import excerpt, slugify


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
    parser.add_argument(
        "--dry-run", action="store_true", help="chỉ đọc và báo kết quả, không ghi tệp nào"
    )
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
    if imported.problems:
        return fail("bảng trong văn bản có lỗi:\n" + "\n".join(imported.problems))
    if "kind" not in imported.data["document"] or not imported.data["content"]:
        return fail(
            f"{args.source.name} không có dạng một văn bản kế hoạch (không thấy tên "
            "loại văn bản như KẾ HOẠCH và phần nội dung)."
        )
    data_dir = out.resolve().parent.parent if out.resolve().parent.name == "plans" else None
    plan, rows = assemble(imported, out.stem, args.source.name, Known(data_dir))
    text = "# Nhập tự động bởi scripts/import_plan.py: hãy soát lại với bản gốc.\n"
    text += to_yaml(plan) + "\n"
    problems = check(parse(text, str(out)), PLAN_KIND)
    if problems:
        return fail("tệp tạo ra không khớp lược đồ:\n" + PlanDataError(problems).report())
    if not args.dry_run:
        write(out, text)
    for warning in imported.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    tables = sum(isinstance(item, SourceTable) for item in paragraphs)
    print(f"Đã đọc {args.source.name} ({how}): {len(paragraphs) - tables} đoạn, {tables} bảng.")
    for part, count in imported.parts.most_common():
        print(f"  {part}: {count}")
    print(summary(plan, rows))
    print("Chạy thử: chưa ghi tệp nào." if args.dry_run else f"Đã ghi {out}.")
    return 0


def write(out: Path, text: str) -> None:
    """Write atomically: a temporary file beside the target, then a rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, out)


def summary(plan: dict[str, Any], rows: RowTasks) -> str:
    """What a reviewer should check: tasks by where they came from (the ones assigned in
    sentences listed one by one), agencies new and reused, deadlines read and not."""
    agencies, total = rows.agencies, len(plan["tasks"])
    from_rows, from_sentences = len(rows.tasks), len(rows.duties)
    lines = [
        f"Nhiệm vụ: {total}: {from_rows} từ dòng của bảng, {from_sentences} từ câu giao việc, "
        f"{total - from_rows - from_sentences} theo mục nhiệm vụ của văn bản.",
    ]
    if rows.duties:
        lines.append("Nhiệm vụ từ câu giao việc, cần soát lại từng câu:")
        lines += [f"  {t['block']}: {excerpt(t['quote'], 110)}" for t in rows.duties]
    lines.append(f"Căn cứ: {len(plan.get('basis', []))}.")
    lines.append(f"Cơ quan: {len(agencies.new)} mới, {len(agencies.reused)} đã có.")
    lines += [f"  mới: {org['name']} ({org_id})" for org_id, org in sorted(agencies.new.items())]
    lines.append(
        f"Thời hạn: {rows.periods['nhận ra']} nhận ra, {rows.periods['chưa nhận ra']} "
        "chưa nhận ra (giữ nguyên lời, ngày kết thúc chưa xác định)."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
