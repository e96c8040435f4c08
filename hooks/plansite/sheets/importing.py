"""Import a returned sheet: all of it or nothing, never the same update twice.

Read the file, load the data, check every filled row; if anything is wrong, raise
once with every problem. Rows already in the data are skipped. The new plan files
are made in memory, the whole data is checked again with them in a temporary copy,
and only then written, each atomically (a temporary file, then a rename).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..data.write import trial_copy, write_atomic
from ..model.site import load_site
from ..model.types import Update
from .append import AppendError, append_updates
from .check import Entry, check_rows
from .layout import FILL
from .read import read_sheet
from .report import SheetError, SheetProblem

DATA_DIR = "plan_data"
UpdateKey = tuple[object, ...]


@dataclass(frozen=True)
class Change:
    """The lines added to one task of one plan file."""

    file: str
    task_id: str
    lines: tuple[str, ...]
    rows: tuple[int, ...]


@dataclass(frozen=True)
class Outcome:
    """What an import adds (or would add), what it skips, and the new file contents."""

    filled: int
    changes: tuple[Change, ...]
    skipped: tuple[int, ...]
    files: dict[Path, bytes]


def update_key(update: Update) -> UpdateKey:
    """What makes two updates the same: date, status, note and evidence (document or link)."""
    ev = update.evidence
    return (
        update.date,
        update.status,
        update.note,
        ev.document if ev else None,
        ev.url if ev else None,
    )


def _fresh(entries: Iterable[Entry]) -> tuple[list[Entry], list[int]]:
    """The entries not yet in the data (nor earlier in the sheet), and the rows skipped."""
    seen = {(e.task.plan, e.task.id, update_key(u)) for e in entries for u in e.task.updates}
    fresh, skipped = [], []
    for entry in entries:
        key = (entry.task.plan, entry.task.id, update_key(entry.update))
        if key in seen:
            skipped.append(entry.row)
        else:
            seen.add(key)
            fresh.append(entry)
    return fresh, skipped


def _new_files(root: Path, entries: list[Entry]) -> tuple[dict[Path, bytes], list[Change]]:
    """Each plan file with its entries appended, and the change to each task."""
    by_file: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        plan_file = f"{DATA_DIR}/plans/{entry.task.plan}.yml"
        by_file[plan_file][entry.task.id].append(entry)
    files: dict[Path, bytes] = {}
    changes: list[Change] = []
    problems: list[SheetProblem] = []
    for display, tasks in sorted(by_file.items()):
        path = root / display
        additions = {task_id: [e.update for e in rows] for task_id, rows in tasks.items()}
        try:
            files[path], added = append_updates(path.read_bytes(), display, additions)
        except AppendError as exc:
            problems.append(
                SheetProblem(
                    0,
                    0,
                    f"không thêm được dòng mới vào {display} mà vẫn giữ nguyên các dòng cũ "
                    f"({exc}).",
                    "Hãy thêm các lần cập nhật này bằng tay, hoặc sửa tệp rồi nhập lại.",
                )
            )
            continue
        for task_id, rows in tasks.items():
            lines = tuple(added[task_id])
            changes.append(Change(display, task_id, lines, tuple(e.row for e in rows)))
    if problems:
        raise SheetError(problems)
    return files, changes


def _check_with(root: Path, files: dict[Path, bytes]) -> None:
    """Load the whole data again with the new files, in a temporary copy; raise if wrong."""
    changed = {path.relative_to(root).as_posix(): data for path, data in files.items()}
    with trial_copy(root, [DATA_DIR], changed) as copy:
        load_site(copy / DATA_DIR, copy)


def prepare_import(root: Path, sheet_file: Path) -> Outcome:
    """Everything an import of `sheet_file` into the project at `root` would write.

    Raises `SheetError` (the file or its rows) or `PlanDataError` (the data itself).
    """
    sheet = read_sheet(sheet_file)
    site = load_site(root / DATA_DIR, root)
    entries, problems = check_rows(site, sheet)
    if problems:
        raise SheetError(problems)
    fresh, skipped = _fresh(entries)
    files, changes = _new_files(root, fresh)
    if files:
        _check_with(root, files)
    return Outcome(len(sheet.rows), tuple(changes), tuple(skipped), files)


def _rows(rows: Iterable[int]) -> str:
    return ", ".join(str(r) for r in rows)


def describe(outcome: Outcome, *, dry_run: bool) -> str:
    """What the import did (or, with `dry_run`, would do), in Vietnamese."""
    fill = ", ".join(FILL)
    if not outcome.filled:
        return (
            f"Bảng tính không có dòng nào được điền (các cột {fill} đều trống); "
            "không có gì để thêm."
        )
    count = sum(len(c.rows) for c in outcome.changes)
    skipped = len(outcome.skipped)
    if not count:
        return (
            f"Không có gì mới để thêm: cả {skipped} dòng đã điền (dòng {_rows(outcome.skipped)}) "
            "đều đã có trong dữ liệu, có lẽ bảng này đã được nhập trước đây. Không ghi gì."
        )
    lines = []
    files = len({c.file for c in outcome.changes})
    if dry_run:
        lines.append(f"Chạy thử (--dry-run), chưa ghi gì. Sẽ thêm {count} lần cập nhật:")
        for change in outcome.changes:
            lines.append(f"{change.file}, nhiệm vụ {change.task_id} (dòng {_rows(change.rows)}):")
            lines.extend(change.lines)
    else:
        lines.append(f"Đã thêm {count} lần cập nhật vào {files} tệp kế hoạch:")
        lines.extend(
            f"  {c.file}: nhiệm vụ {c.task_id} (dòng {_rows(c.rows)}, {len(c.lines)} dòng YAML)"
            for c in outcome.changes
        )
        lines.append("Hãy xem lại bằng 'git diff plan_data/' trước khi công bố.")
    if skipped:
        lines.append(f"Bỏ qua {skipped} dòng đã có trong dữ liệu (dòng {_rows(outcome.skipped)}).")
    return "\n".join(lines)


def apply(outcome: Outcome) -> None:
    """Write every new plan file; all are made before any is written."""
    for path, data in outcome.files.items():
        write_atomic(path, data)
