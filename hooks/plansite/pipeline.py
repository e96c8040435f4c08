"""load → validate → model: one call from a `plan_data/` folder to a checked `Site`."""

from __future__ import annotations

from pathlib import Path

from .build import build_site
from .errors import PlanDataError, Problem, Where, did_you_mean
from .load import Loaded, load_file
from .model import Site
from .schema import FILE_KINDS, PLAN_KIND, check


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file under `data_dir`, in a fixed order."""
    found = [*data_dir.rglob("*.yml"), *data_dir.rglob("*.yaml")]
    return sorted(found, key=lambda p: p.relative_to(data_dir).as_posix())


def load_site(data_dir: Path, root: Path | None = None) -> Site:
    """Read, check and model every file in `data_dir`; raise one `PlanDataError` if any fail.

    `root` is the folder that paths in messages are relative to (the project).
    """
    root = root or data_dir.parent
    problems: list[Problem] = []
    loaded: dict[str, Loaded] = {}
    if not (data_dir / "site.yml").is_file():
        problems.append(
            Problem(
                Where(_display(data_dir / "site.yml", root)),
                (),
                "thiếu tệp cài đặt trang site.yml (cần ít nhất khóa 'as_of').",
            )
        )
    for path in data_files(data_dir):
        name = path.relative_to(data_dir).as_posix()
        display = _display(path, root)
        kind = FILE_KINDS.get(name) or (
            PLAN_KIND if name.startswith("plans/") and name.count("/") == 1 else None
        )
        if kind is None or path.suffix != ".yml":
            known = [*FILE_KINDS, "plans/<mã-kế-hoạch>.yml"]
            problems.append(
                Problem(
                    Where(display),
                    (),
                    "tệp này không thuộc dữ liệu kế hoạch "
                    f"(các tệp được dùng: {', '.join(known)}).",
                    did_you_mean(name, list(FILE_KINDS)),
                )
            )
            continue
        try:
            item = load_file(path, display)
        except PlanDataError as exc:
            problems.extend(exc.problems)
            continue
        found = check(item, kind)
        problems.extend(found)
        if not found:
            loaded[name] = item
    if problems:
        raise PlanDataError(problems)
    site, found = build_site(loaded)
    if site is None:
        raise PlanDataError(found)
    return site
