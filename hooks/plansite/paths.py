"""How file paths are shown to communicators: relative to the project when possible."""

from __future__ import annotations

from pathlib import Path


def display(path: Path, root: Path) -> str:
    """`path` as messages show it: relative to `root` (the project), else as given."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
