"""Shared plumbing of the command-line front ends in scripts/."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import PlanDataError
from ..project import SiteOutput, generate
from .config import ProjectConfig, read_config


def load_project(config_file: str) -> tuple[ProjectConfig, SiteOutput] | None:
    """Read mkdocs.yml and generate every page; on bad data print the report and return None."""
    config = read_config(Path(config_file))
    try:
        return config, generate(config.root, config.docs_dir, config.site_name)
    except PlanDataError as exc:
        print(exc.report(), file=sys.stderr)
        return None
