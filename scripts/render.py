"""Write the whole site as plain Markdown plus a mkdocs.yml, for builds without the hook.

Usage: python scripts/render.py --out DIR [--config mkdocs.yml]

DIR/docs holds the hand-written pages (markers expanded) and the generated
pages; DIR/mkdocs.yml is the project's config with the nav written out and the
hook removed. `mkdocs build -f DIR/mkdocs.yml` then builds the same pages with
plain MkDocs + Material, or with any generator that reads mkdocs.yml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plansite.cli import load_project
from plansite.cli.tree import write_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Xuất trang thành các tệp Markdown.")
    parser.add_argument("--out", required=True, type=Path, help="thư mục đích")
    parser.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    args = parser.parse_args(argv)
    loaded = load_project(args.config)
    if loaded is None:
        return 1
    config, output = loaded
    written = write_tree(config, output, args.out)
    print(f"Đã ghi {written} tệp vào {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
