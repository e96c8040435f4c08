"""Progress reports through a spreadsheet (.xlsx): export a sheet to fill, import it back.

Usage:
  python scripts/progress_sheet.py export PLAN_ID -o FILE.xlsx [--config mkdocs.yml]
  python scripts/progress_sheet.py export --org ORG_ID -o FILE.xlsx [--config mkdocs.yml]
  python scripts/progress_sheet.py import FILE.xlsx [--config mkdocs.yml] [--dry-run]

Export writes the same bytes for the same data. Import appends one dated update per
filled row to the plan files, all or nothing, and never the same update twice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plansite.cli.config import read_config
from plansite.data.write import write_atomic
from plansite.errors import PlanDataError
from plansite.model.site import load_site
from plansite.sheets.export import export_bytes
from plansite.sheets.importing import apply, describe, prepare_import
from plansite.sheets.layout import ScopeError, org_scope, plan_scope
from plansite.sheets.report import SheetError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Báo cáo tiến độ bằng bảng tính (.xlsx): xuất bảng để điền, nhập bảng đã điền."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="xuất bảng báo cáo tiến độ")
    export.add_argument("plan", nargs="?", help="mã kế hoạch, ví dụ ke-hoach-moi")
    export.add_argument("--org", help="mã cơ quan: các nhiệm vụ cơ quan chủ trì hay phối hợp")
    export.add_argument("-o", "--output", type=Path, required=True, help="tệp .xlsx sẽ ghi")
    export.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    load = commands.add_parser("import", help="nhập bảng báo cáo tiến độ đã điền")
    load.add_argument("sheet", type=Path, help="tệp .xlsx đã điền")
    load.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    load.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ thêm, không ghi")
    return parser


def _export(args: argparse.Namespace, root: Path) -> int:
    if (args.plan is None) == (args.org is None):
        print("Không xuất được: hãy ghi một mã kế hoạch, hoặc --org MÃ_CƠ_QUAN.", file=sys.stderr)
        return 2
    out: Path = args.output
    if out.suffix.lower() != ".xlsx":
        print(f"Không xuất được: tệp đích '{out.name}' phải có đuôi .xlsx.", file=sys.stderr)
        return 1
    site = load_site(root / "plan_data", root)
    try:
        scope = org_scope(site, args.org) if args.org else plan_scope(site, args.plan)
    except ScopeError as exc:
        print(f"Không xuất được: {exc}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, export_bytes(site, scope))
    print(f"Đã ghi {out}: {len(scope.rows)} nhiệm vụ, dữ liệu đến ngày {site.as_of:%d/%m/%Y}.")
    return 0


def _import(args: argparse.Namespace, root: Path) -> int:
    try:
        outcome = prepare_import(root, args.sheet)
    except SheetError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if not args.dry_run:
        apply(outcome)
    print(describe(outcome, dry_run=args.dry_run))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config = Path(args.config)
    if not config.is_file():
        print(f"Không thấy tệp cấu hình {config}.", file=sys.stderr)
        return 1
    root = read_config(config).root
    try:
        return _export(args, root) if args.command == "export" else _import(args, root)
    except PlanDataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Không ghi được tệp {exc.filename or ''}: {exc.strerror or exc}.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
