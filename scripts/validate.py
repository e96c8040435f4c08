"""Check plan_data/ and the markers in docs/ without building; exit 0 if all is well, else 1.

Usage: python scripts/validate.py [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import sys

from plansite.cli import load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu kế hoạch (plan_data/).")
    parser.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    args = parser.parse_args(argv)
    loaded = load_project(args.config)
    if loaded is None:
        return 1
    _, output = loaded
    site = output.site
    tasks = sum(len(p.tasks) for p in site.plans)
    print(
        f"Dữ liệu hợp lệ: {len(site.plans)} kế hoạch, {tasks} nhiệm vụ, "
        f"{len(site.documents)} văn bản, {len(site.organisations)} cơ quan; "
        f"{len(output.generated)} trang được tạo."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
