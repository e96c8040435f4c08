"""Read the few settings the CLI needs from a project's mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load


@dataclass(frozen=True)
class ProjectConfig:
    """Where a project's files are, and its raw MkDocs settings."""

    file: Path
    raw: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.file.parent

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.raw.get("docs_dir") or "docs")

    @property
    def site_name(self) -> str:
        return str(self.raw.get("site_name") or "")

    @property
    def custom_dir(self) -> Path | None:
        theme = self.raw.get("theme")
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return self.root / str(custom) if custom else None


def read_config(path: Path) -> ProjectConfig:
    """Parse mkdocs.yml the way MkDocs does (with its !ENV and !relative tags)."""
    with path.open("rb") as handle:
        raw = yaml_load(handle) or {}
    return ProjectConfig(path.resolve(), dict(raw))
