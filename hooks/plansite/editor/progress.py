"""What a save through the form may change in a plan file: only new progress updates.

A plan's text is imported verbatim and corrected through `corrections`, so the form
changes nothing in it; the history of a task is append-only, so a save may add
updates at the end of a task's list but never change or remove one already saved.
"""

from __future__ import annotations

from typing import Any

from ..data.parse import Loaded, parse
from ..errors import Problem

CORRECTION = (
    "Lần cập nhật đã lưu là lịch sử, không sửa hay xóa; muốn đính chính, hãy thêm một lần "
    "cập nhật mới ghi rõ điều cần sửa."
)


def _without_updates(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    tasks = [
        {k: v for k, v in task.items() if k != "updates"} if isinstance(task, dict) else task
        for task in data.get("tasks") or []
    ]
    return {**data, "tasks": tasks}


def _tasks(data: Any) -> dict[str, tuple[int, list[Any]]]:
    found: dict[str, tuple[int, list[Any]]] = {}
    for index, task in enumerate(data.get("tasks") or [] if isinstance(data, dict) else []):
        if isinstance(task, dict) and isinstance(task.get("id"), str):
            found[task["id"]] = (index, list(task.get("updates") or []))
    return found


def _history(old: Loaded, new: Loaded) -> list[Problem]:
    problems = []
    after = _tasks(new.data)
    for task_id, (index, updates) in _tasks(old.data).items():
        kept = after.get(task_id, (index, []))[1]
        for k, update in enumerate(updates):
            if k < len(kept) and kept[k] == update:
                continue
            path = ("tasks", index, "updates", k)
            found = "đã bị xóa" if k >= len(kept) else "đã bị sửa"
            problems.append(
                Problem(
                    old.where(path),
                    path,
                    f"lần cập nhật ngày {update.get('date', '?')} của nhiệm vụ '{task_id}' "
                    f"{found}: cần giữ nguyên.",
                    CORRECTION,
                )
            )
            break
    return problems


def check_plan_change(display: str, before: str, after: str) -> list[Problem]:
    """Problems if `after` changes a plan file other than by adding progress updates."""
    old, new = parse(before, display), parse(after, display)
    problems = _history(old, new)
    if _without_updates(old.data) != _without_updates(new.data):
        problems.append(
            Problem(
                old.where(()),
                (),
                "biểu mẫu chỉ thêm được lần cập nhật tiến độ; phần khác của tệp kế hoạch đã "
                "bị thay đổi.",
                "Toàn văn kế hoạch được nhập nguyên văn và chỉ sửa qua 'corrections', bằng tay "
                "trong tệp; hãy tải lại trang biên tập rồi chỉ thêm lần cập nhật.",
            )
        )
    return problems
