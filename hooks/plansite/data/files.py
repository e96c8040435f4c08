"""Find and read every file of a `plan_data/` folder: each one decoded, parsed and schema-checked.

This is the whole of the data stage for a project: what comes out is one `Loaded`
per file whose shape is right, plus every problem found along the way.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import PlanDataError, Problem, Where, did_you_mean
from ..paths import display
from .decode import decode
from .parse import Loaded, parse
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
        item, found = _read_checked(path, display(path, root), kind)
        problems.extend(found)
        if item is not None and not found:
            loaded[name] = item
    return loaded, problems


# The preview rebuilds after every save, usually with one file changed: a file whose bytes
# are the same as last time is not parsed and checked again. Keyed by path, display name
# and kind; the bytes are compared in full, so a stale entry can never be used.
_CACHE: dict[tuple[Path, str, str], tuple[bytes, Loaded | None, list[Problem]]] = {}


def _read_checked(path: Path, shown: str, kind: str) -> tuple[Loaded | None, list[Problem]]:
    data = path.read_bytes()
    key = (path, shown, kind)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == data:
        return cached[1], list(cached[2])
    item: Loaded | None = None
    try:
        item = parse(decode(data, shown), shown)
    except PlanDataError as exc:
        found = list(exc.problems)
    else:
        found = check(item, kind)
    _CACHE[key] = (data, item, found)
    return item, list(found)
