"""Find and read every file of a `plan_data/` folder: each one decoded, parsed and schema-checked.

This is the whole of the data stage for a project: what comes out is one `Loaded`
per file whose shape is right, plus every problem found along the way.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import PlanDataError, Problem, Where, did_you_mean
from ..paths import display
from .parse import Loaded, load_file
from .schema import FILE_KINDS, PLAN_KIND, check


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file under `data_dir`, in a fixed order."""
    found = [*data_dir.rglob("*.yml"), *data_dir.rglob("*.yaml")]
    return sorted(found, key=lambda p: p.relative_to(data_dir).as_posix())


def kind_of(name: str) -> str | None:
    """Which part of the schema a file (by its path inside plan_data/) must match, if any."""
    if name in FILE_KINDS:
        return FILE_KINDS[name]
    if name.startswith("plans/") and name.count("/") == 1 and name.endswith(".yml"):
        return PLAN_KIND
    return None


def read_files(data_dir: Path, root: Path) -> tuple[dict[str, Loaded], list[Problem]]:
    """Every well-shaped file of `data_dir` by its name there, and the problems of the rest.

    `root` is the folder that paths in messages are relative to (the project).
    """
    problems: list[Problem] = []
    loaded: dict[str, Loaded] = {}
    if not (data_dir / "site.yml").is_file():
        problems.append(
            Problem(
                Where(display(data_dir / "site.yml", root)),
                (),
                "thiếu tệp cài đặt trang site.yml (cần ít nhất khóa 'as_of').",
            )
        )
    for path in data_files(data_dir):
        name = path.relative_to(data_dir).as_posix()
        kind = kind_of(name)
        if kind is None:
            known = [*FILE_KINDS, "plans/<mã-kế-hoạch>.yml"]
            problems.append(
                Problem(
                    Where(display(path, root)),
                    (),
                    "tệp này không thuộc dữ liệu kế hoạch "
                    f"(các tệp được dùng: {', '.join(known)}).",
                    did_you_mean(name, list(FILE_KINDS)),
                )
            )
            continue
        try:
            item = load_file(path, display(path, root))
        except PlanDataError as exc:
            problems.extend(exc.problems)
            continue
        found = check(item, kind)
        problems.extend(found)
        if not found:
            loaded[name] = item
    return loaded, problems
