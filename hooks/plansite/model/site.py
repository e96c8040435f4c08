"""From a `plan_data/` folder to a checked `Site`: the data stage, then the model stage."""

from __future__ import annotations

from pathlib import Path

from ..data.files import read_files
from ..errors import PlanDataError
from .build import build_site
from .types import Site


def load_site(data_dir: Path, root: Path | None = None) -> Site:
    """Read, check and model every file in `data_dir`; raise one `PlanDataError` if any fail.

    `root` is the folder that paths in messages are relative to (the project).
    """
    loaded, problems = read_files(data_dir, root or data_dir.parent)
    if problems:
        raise PlanDataError(problems)
    site, found = build_site(loaded)
    if site is None:
        raise PlanDataError(found)
    return site
