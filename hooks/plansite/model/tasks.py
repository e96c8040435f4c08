"""Tasks with who, when, what and how far: built from checked dicts, with their own checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from ..errors import KeyPath
from ..text import vn_date
from ..vocab import Frequency, Status
from .periods import Period, parse_due
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
    raw_lead = raw.get("lead")
    # One lead, or several co-leads ("Sở Xây dựng, Sở Tài nguyên và Môi trường").
    several = isinstance(raw_lead, list)
    leads: tuple[str, ...] = tuple(raw_lead or ()) if several else ((raw_lead,) if raw_lead else ())
    support = tuple(raw.get("support") or ())
    for i, org in enumerate(leads):
        ctx.ref(
            (*path, "lead", i) if several else (*path, "lead"), org, ctx.organisations, "cơ quan"
        )
    for j, org in enumerate(support):
        ctx.ref((*path, "support", j), org, ctx.organisations, "cơ quan")
        if org in leads:
            ctx.report(
                (*path, "support", j),
                f"'{org}' đã là cơ quan chủ trì.",
                "Một cơ quan không vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
            )
    deadline, period, rhythm = _due(raw, path, ctx)
    recurrence = _recurrence(raw.get("recurrence"), (*path, "recurrence"), ctx)
    return Task(
        id=raw["id"],
        plan=ctx.plan_id,
        block=block,
        leads=leads,
        support=support,
        quote=raw.get("quote"),
        deadline=deadline,
        due_text=raw.get("due"),
        due_period=period,
        # 'Hằng quý' as a due is the task's rhythm, unless the data gives one of its own.
        recurrence=recurrence or (Recurrence(rhythm) if rhythm else None),
        outputs=tuple(
            Deliverable(o["name"], o.get("target"), o.get("unit")) for o in raw.get("outputs") or ()
        ),
        updates=tuple(
            _update(up, (*path, "updates", j), ctx) for j, up in enumerate(raw.get("updates") or ())
        ),
    )


def _due(
    raw: dict[str, Any], path: KeyPath, ctx: TaskContext
) -> tuple[dt.date | None, Period | None, Frequency | None]:
    """(the day lateness is judged by, the period the `due` words give, or their rhythm).

    A `deadline` day is kept as given; without one, the day is the end of the `due`
    period. Words that are not a known shape leave the day unknown: that is no error.
    """
    day = dt.date.fromisoformat(raw["deadline"]) if raw.get("deadline") else None
    due = parse_due(raw["due"]) if raw.get("due") else None
    period = due if isinstance(due, Period) else None
    if period and day and period.end != day:
        ctx.report(
            (*path, "due"),
            f"thời hạn '{raw['due']}' kết thúc ngày {vn_date(period.end)}, "
            f"nhưng 'deadline' là ngày {vn_date(day)}.",
            "Hai khóa phải chỉ cùng một ngày: hãy sửa một trong hai, hoặc bỏ 'deadline'.",
        )
    return (
        day or (period.end if period else None),
        period,
        due if isinstance(due, Frequency) else None,
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
