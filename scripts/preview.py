"""Preview the site while editing, with live reload always on (also on Windows, without bash).

Usage: python scripts/preview.py [-f mkdocs.yml] [-a 127.0.0.1:8000] [other `mkdocs serve` options]

The browser page reloads by itself after each save. When the data or a page is wrong,
it turns into a Vietnamese error page listing every problem (file:line:column, key,
what is wrong, how to fix it) and comes back by itself once the file is fixed.
"""

from __future__ import annotations

import os
import sys

from mkdocs.__main__ import cli


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Live reload is off by default with some click versions (mkdocs issue 4055): ask for it.
    # Not strict: problems are shown in the browser instead of stopping the preview.
    # Dirty: after an edit only the pages that changed are built again (`--clean` undoes it).
    options = ["serve", "--livereload", "--no-strict", "--dirty"]
    cli.main(args=[*options, *args], prog_name="mkdocs")


if __name__ == "__main__":
    main()
