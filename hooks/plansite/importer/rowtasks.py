"""Tasks from the rows of a task table: who leads, who supports, by when, with what product.

A lead or partner cell may name several agencies, abbreviated or in a distributive list
("Các Sở: Tài chính, Xây dựng"); each becomes an organisation, reused when the project
or this import already has it, made once otherwise. Generic phrases ("các đơn vị liên
quan") stay words, in the row's cells. A deadline keeps its words; what `parse_due`
cannot read is said in a warning naming the cell, and no day is invented.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.periods import parse_due
from ..text import fold, slugify
from ..vocab import ColumnRole
from .agencies import agency_id, split_agencies
from .duties import Duty
from .tables import TaskRow

# A cell copied from a web page loses its line breaks: "Sở Tài chính Các sở, ngành". A new
# line starts where a capitalised head word follows a word directly. Heads that also stand
# inside names ("Văn phòng Ủy ban nhân dân tỉnh") are left out.
LOST_LINE = re.compile(
    r"(?<=[^\s,;:(])\s+(?=(?:Các|Sở|Bộ|Công an|Trung tâm|Viện|Đài|Báo|Thanh tra|Kho bạc)\s)"
)


@dataclass
class Agencies:
    """Agencies named in cells, as organisation ids: known ones reused, new ones made once."""

    known: dict[str, dict[str, Any]]
    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    reused: set[str] = field(default_factory=set)

    def _find(self, *names: str) -> str | None:
        wanted = {fold(n) for n in names}
        for pool in (self.known, self.new):
            for org_id, org in pool.items():
                forms = {fold(org["name"]), *(fold(t) for t in org.get("terms", []))}
                if forms & wanted:
                    return org_id
        return None

    def resolve(self, cell: str) -> list[str]:
        """The ids of the agencies `cell` names, in its order; generic phrases give none."""
        ids: list[str] = []
        for named in split_agencies(LOST_LINE.sub("\n", cell)):
            if named.generic:
                continue
            org_id = self._find(named.name, named.words)
            if org_id is None:
                org_id = agency_id(named.name)
                self.new[org_id] = {"id": org_id, "name": named.name, "terms": [named.name]}
            elif org_id in self.known:
                self.reused.add(org_id)
            terms = self.new[org_id]["terms"] if org_id in self.new else None
            if terms is not None and named.words not in terms:
                terms.append(named.words)  # how this document writes it: pages find it so
            if org_id not in ids:
                ids.append(org_id)
        return ids


@dataclass
class RowTasks:
    """Tasks made from task rows, with what a reviewer needs to know about them."""

    agencies: Agencies
    tasks: list[dict[str, Any]] = field(default_factory=list)
    duties: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    periods: Counter[str] = field(default_factory=Counter)

    def add(self, row: TaskRow, seen: set[str]) -> None:
        cells = row.cells
        task: dict[str, Any] = {"id": task_id(cells[ColumnRole.TASK], seen), "block": row.anchor}
        leads = self.agencies.resolve(cells.get(ColumnRole.LEAD, ""))
        support = [
            org
            for org in self.agencies.resolve(cells.get(ColumnRole.SUPPORT, ""))
            if org not in leads
        ]
        if leads:
            task["lead"] = leads[0] if len(leads) == 1 else leads
        if support:
            task["support"] = support
        due = " ".join(cells.get(ColumnRole.DUE, "").split())
        if due:
            task["due"] = due
            self._period(due, row)
        product = " ".join(cells.get(ColumnRole.PRODUCT, "").split())
        if product:
            task["outputs"] = [{"name": product}]
        self.tasks.append(task)

    def add_duty(self, duty: Duty, seen: set[str]) -> None:
        """A task a sentence assigns, with the sentence as its evidence."""
        leads = self.agencies.resolve(duty.lead)
        if not leads:
            return
        support = [org for org in self.agencies.resolve(duty.support) if org not in leads]
        task: dict[str, Any] = {"id": task_id(duty.lead, seen, words=12)}
        task["block"] = duty.anchor
        task["lead"] = leads[0] if len(leads) == 1 else leads
        if support:
            task["support"] = support
        task["quote"] = duty.quote
        self.duties.append(task)

    def _period(self, due: str, row: TaskRow) -> None:
        if parse_due(due) is None:
            self.periods["chưa nhận ra"] += 1
            self.warnings.append(
                f"{row.place}, cột thời hạn: chưa nhận ra thời hạn '{due}'; đã giữ nguyên lời, "
                "ngày kết thúc được ghi là chưa xác định."
            )
        else:
            self.periods["nhận ra"] += 1


def task_id(text: str, seen: set[str], words: int = 6) -> str:
    """An id from the first `words` words of `text`, made unique among `seen` ("-2", "-3")."""
    base = slugify(" ".join(text.split()[:words])) or "nhiem-vu"
    found, n = base, 2
    while found in seen:
        found, n = f"{base}-{n}", n + 1
    seen.add(found)
    return found
