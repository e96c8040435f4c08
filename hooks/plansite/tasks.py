"""Tasks with who, when, what and how far: built from checked dicts, with their own checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from .errors import KeyPath
from .model import Block, Evidence, Output, Recurrence, Task, Update

Report = Callable[[KeyPath, str, str], None]
Ref = Callable[[KeyPath, str, Collection[str], str], None]


def _anchor_problem(recurrence: Recurrence) -> str:
    """Why a recurrence anchor does not fit its frequency, or ''."""
    anchor = recurrence.anchor
    if anchor is None:
        return ""
    if recurrence.frequency == "thuong-xuyen":
        return "việc làm thường xuyên không có mốc ngày; hãy bỏ 'anchor'."
    if recurrence.frequency == "hang-nam":
        day, _, month = anchor.partition("/")
        try:
            dt.date(2001, int(month or 0), int(day))
        except ValueError:
            return f"mốc hằng năm phải là NGÀY/THÁNG có thật mỗi năm, ví dụ 15/12; gặp '{anchor}'."
        return ""
    if "/" in anchor or not 1 <= int(anchor) <= 31:
        return f"mốc {recurrence.name.lower()} là một ngày trong tháng (1–31); gặp '{anchor}'."
    return ""


def build_task(
    raw: dict[str, Any],
    path: KeyPath,
    plan_id: str,
    block: Block,
    as_of: dt.date,
    known: dict[str, Collection[str]],
    report: Report,
    ref: Ref,
) -> Task:
    """One task; `known` holds the ids of organisations and documents for references."""
    lead = raw.get("lead")
    support = tuple(raw.get("support") or ())
    if lead:
        ref((*path, "lead"), lead, known["organisations"], "cơ quan")
    for j, org in enumerate(support):
        ref((*path, "support", j), org, known["organisations"], "cơ quan")
        if org == lead:
            report(
                (*path, "support", j),
                f"'{org}' đã là cơ quan chủ trì.",
                "Một cơ quan không vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
            )
    recurrence = None
    if raw.get("recurrence"):
        rec = raw["recurrence"]
        recurrence = Recurrence(rec["frequency"], rec.get("anchor"), rec.get("quote"))
        problem = _anchor_problem(recurrence)
        if problem:
            report((*path, "recurrence", "anchor"), problem, "")
    updates = []
    for j, up in enumerate(raw.get("updates") or ()):
        day = dt.date.fromisoformat(up["date"])
        if day > as_of:
            report(
                (*path, "updates", j, "date"),
                f"ngày cập nhật {day:%d/%m/%Y} sau ngày dữ liệu as_of ({as_of:%d/%m/%Y}).",
                "Hãy sửa ngày, hoặc cập nhật as_of trong site.yml.",
            )
        evidence = None
        if up.get("evidence"):
            ev = up["evidence"]
            evidence = Evidence(ev.get("document"), ev.get("url"), ev.get("title"))
            if evidence.document:
                ref(
                    (*path, "updates", j, "evidence", "document"),
                    evidence.document,
                    known["documents"],
                    "văn bản",
                )
        updates.append(Update(day, up["status"], up.get("note"), evidence))
    deadline = raw.get("deadline")
    return Task(
        id=raw["id"],
        plan=plan_id,
        block=block,
        lead=lead,
        support=support,
        deadline=dt.date.fromisoformat(deadline) if deadline else None,
        recurrence=recurrence,
        outputs=tuple(
            Output(o["name"], o.get("target"), o.get("unit")) for o in raw.get("outputs") or ()
        ),
        updates=tuple(updates),
    )
