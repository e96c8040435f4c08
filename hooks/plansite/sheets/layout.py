"""What a progress sheet holds: its sheets, columns, and the locked values of each task.

Export writes these values and import compares against them, so the two can
never disagree about what a row of the sheet says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..errors import did_you_mean
from ..model.types import Site, Task
from ..vocab import Status

SHEET = "Báo cáo tiến độ"
HELP_SHEET = "Hướng dẫn"
HEADER_ROW = 4
MAX_HEADER_ROW = 10
UNKNOWN = "Chưa có thông tin"
NO_NUMBER = "(không đánh số)"

TASK_ID = "Mã nhiệm vụ"
PLAN_ID = "Mã kế hoạch"
NUMBER = "Số thứ tự"
TITLE = "Nhiệm vụ"
LEAD = "Cơ quan chủ trì"
DEADLINE = "Thời hạn"
CURRENT = "Tình trạng hiện tại"
CURRENT_DATE = "Ngày cập nhật gần nhất"
ROLE = "Vai trò của cơ quan"
DATE = "Ngày cập nhật"
STATUS = "Tình trạng"
NOTE = "Ghi chú"
EVIDENCE = "Minh chứng"
# Not a column: the target of a link in the evidence cell, when the cell's text is its title.
EVIDENCE_LINK = "Minh chứng: liên kết"

LOCKED = (TASK_ID, PLAN_ID, NUMBER, TITLE, LEAD, DEADLINE, CURRENT, CURRENT_DATE)
FILL = (DATE, STATUS, NOTE, EVIDENCE)
# Locked columns that must read exactly what the export would write for the task now.
COMPARED = (NUMBER, TITLE)
DATE_FORMAT = "dd/mm/yyyy"
LEADS, SUPPORTS = "Chủ trì", "Phối hợp"

# What each status a reporter may choose means, in the words of the instructions sheet.
STATUS_MEANINGS = {
    Status.NOT_STARTED: "chưa bắt đầu làm.",
    Status.IN_PROGRESS: "đã bắt đầu làm, chưa xong.",
    Status.PAUSED: "đã bắt đầu nhưng đang dừng lại; ghi lý do ở cột Ghi chú.",
    Status.DONE: "đã làm xong; nên ghi văn bản hoặc đường dẫn ở cột Minh chứng.",
}


def reportable() -> tuple[Status, ...]:
    """The statuses one may report: all but 'Chưa có thông tin', in the vocabulary's order."""
    return tuple(s for s in Status if s is not Status.NO_INFORMATION)


def day_text(day: dt.date | None) -> str:
    """A date as the sheet shows it (dd/mm/yyyy), or 'Chưa có thông tin'."""
    return f"{day:%d/%m/%Y}" if day else UNKNOWN


@dataclass(frozen=True)
class Row:
    """One task of the sheet, with the agency's role in it when the sheet is an agency's."""

    task: Task
    role: str | None = None


@dataclass(frozen=True)
class Scope:
    """What one workbook covers: its title line and its task rows, in order."""

    title: str
    rows: tuple[Row, ...]
    by_org: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        locked = (*LOCKED, ROLE) if self.by_org else LOCKED
        return (*locked, *FILL)


class ScopeError(Exception):
    """A plan or agency that cannot be exported, with the Vietnamese reason."""


def plan_scope(site: Site, plan_id: str) -> Scope:
    """Every task of one plan, in the plan's order."""
    ids = [p.id for p in site.plans]
    if plan_id not in ids:
        hint = did_you_mean(plan_id, ids)
        raise ScopeError(f"không có kế hoạch '{plan_id}'.{' ' + hint if hint else ''}")
    plan = site.plan(plan_id)
    if not plan.tasks:
        raise ScopeError(f"kế hoạch '{plan_id}' chưa có nhiệm vụ nào trong dữ liệu (tasks).")
    return Scope(f"Báo cáo tiến độ: {plan.short_title}", tuple(Row(t) for t in plan.tasks))


def org_scope(site: Site, org_id: str) -> Scope:
    """The tasks an agency leads or supports, across every plan (plans by id)."""
    org = site.organisation(org_id)
    if org is None:
        hint = did_you_mean(org_id, [o.id for o in site.organisations])
        raise ScopeError(f"không có cơ quan '{org_id}'.{' ' + hint if hint else ''}")
    rows = [
        Row(task, LEADS if org_id in task.leads else SUPPORTS)
        for plan in site.plans
        for task in plan.tasks
        if org_id in task.leads or org_id in task.support
    ]
    if not rows:
        raise ScopeError(f"cơ quan '{org_id}' không chủ trì hay phối hợp nhiệm vụ nào.")
    return Scope(f"Báo cáo tiến độ của {org.name}", tuple(rows), by_org=True)


def locked_values(site: Site, row: Row) -> dict[str, str]:
    """The locked columns of one task's row, exactly as the export writes them."""
    task = row.task
    leads = [site.organisation(org) for org in task.leads]
    latest = task.latest
    values = {
        TASK_ID: task.id,
        PLAN_ID: task.plan,
        NUMBER: task.block.number or NO_NUMBER,
        TITLE: task.title,
        LEAD: "; ".join(org.name for org in leads if org) or UNKNOWN,
        DEADLINE: day_text(task.deadline),
        CURRENT: task.status.label,
        CURRENT_DATE: day_text(latest.date if latest else None),
    }
    if row.role is not None:
        values[ROLE] = row.role
    return {name: cell_text(value) for name, value in values.items()}


def cell_text(value: str) -> str:
    """`value` as a cell can hold it: without the control characters a workbook refuses."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)
