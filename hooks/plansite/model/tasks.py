"""Tasks with who, when, what and how far: built from checked dicts, with their own checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from ..errors import KeyPath
from ..vocab import Frequency, Status
from .types import Block, Deliverable, Evidence, Recurrence, Task, Update

Report = Callable[[KeyPath, str, str], None]
Ref = Callable[[KeyPath, str, Collection[str], str], None]


@dataclass(frozen=True)
class TaskContext:
    """What building one plan's tasks needs to know: its date and the ids it may cite."""

    plan_id: str
    as_of: dt.date
    organisations: Collection[str]
    documents: Collection[str]
    report: Report
    ref: Ref


def _anchor_problem(recurrence: Recurrence) -> str:
    """Why a recurrence anchor does not fit its frequency, or ''."""
    anchor = recurrence.anchor
    if anchor is None:
        return ""
    if recurrence.frequency is Frequency.ONGOING:
        return "việc làm thường xuyên không có mốc ngày; hãy bỏ 'anchor'."
    if recurrence.frequency is Frequency.YEARLY:
        day, _, month = anchor.partition("/")
        try:
            dt.date(2001, int(month or 0), int(day))
        except ValueError:
            return f"mốc hằng năm phải là NGÀY/THÁNG có thật mỗi năm, ví dụ 15/12; gặp '{anchor}'."
        return ""
    if "/" in anchor or not 1 <= int(anchor) <= 31:
        label = recurrence.frequency.label.lower()
        return f"mốc {label} là một ngày trong tháng (1–31); gặp '{anchor}'."
    return ""


def build_task(raw: dict[str, Any], path: KeyPath, block: Block, ctx: TaskContext) -> Task:
    """One task from its checked dict at `path`, reporting what refers to nothing."""
    lead = raw.get("lead")
    support = tuple(raw.get("support") or ())
    if lead:
        ctx.ref((*path, "lead"), lead, ctx.organisations, "cơ quan")
    for j, org in enumerate(support):
        ctx.ref((*path, "support", j), org, ctx.organisations, "cơ quan")
        if org == lead:
            ctx.report(
                (*path, "support", j),
                f"'{org}' đã là cơ quan chủ trì.",
                "Một cơ quan không vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
            )
    deadline = raw.get("deadline")
    return Task(
        id=raw["id"],
        plan=ctx.plan_id,
        block=block,
        lead=lead,
        support=support,
        deadline=dt.date.fromisoformat(deadline) if deadline else None,
        recurrence=_recurrence(raw.get("recurrence"), (*path, "recurrence"), ctx),
        outputs=tuple(
            Deliverable(o["name"], o.get("target"), o.get("unit")) for o in raw.get("outputs") or ()
        ),
        updates=tuple(
            _update(up, (*path, "updates", j), ctx) for j, up in enumerate(raw.get("updates") or ())
        ),
    )


def _recurrence(raw: dict[str, Any] | None, path: KeyPath, ctx: TaskContext) -> Recurrence | None:
    if not raw:
        return None
    recurrence = Recurrence(Frequency(raw["frequency"]), raw.get("anchor"), raw.get("quote"))
    problem = _anchor_problem(recurrence)
    if problem:
        ctx.report((*path, "anchor"), problem, "")
    return recurrence


def _update(raw: dict[str, Any], path: KeyPath, ctx: TaskContext) -> Update:
    day = dt.date.fromisoformat(raw["date"])
    if day > ctx.as_of:
        ctx.report(
            (*path, "date"),
            f"ngày cập nhật {day:%d/%m/%Y} sau ngày dữ liệu as_of ({ctx.as_of:%d/%m/%Y}).",
            "Hãy sửa ngày, hoặc cập nhật as_of trong site.yml.",
        )
    evidence = None
    if raw.get("evidence"):
        ev = raw["evidence"]
        evidence = Evidence(ev.get("document"), ev.get("url"), ev.get("title"))
        if evidence.document:
            ctx.ref((*path, "evidence", "document"), evidence.document, ctx.documents, "văn bản")
    return Update(day, Status(raw["status"]), raw.get("note"), evidence)
