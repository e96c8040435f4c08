"""Check the filled rows of a returned sheet against the data; every problem, by cell.

A row becomes an `Entry` (one dated update for one task) only when every one of its
cells is right: the task exists in its plan, the locked columns read what the export
would write now, the date is real and within the plan's time, the status is one of
the list, and the evidence is a known document or a web link.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import did_you_mean, quote
from ..model.types import Document, Evidence, Plan, Site, Task, Update
from ..text import fold
from ..vocab import Status
from .layout import (
    COMPARED,
    DATE,
    EVIDENCE,
    EVIDENCE_LINK,
    NOTE,
    PLAN_ID,
    STATUS,
    TASK_ID,
    Row,
    day_text,
    locked_values,
    reportable,
)
from .read import Sheet, SheetRow
from .report import SheetProblem

LOCKED_HINT = (
    "Không sửa các cột màu xám: hãy trả lại nội dung cũ, hoặc xuất bảng mới "
    "(scripts/progress_sheet.py export)."
)
DATE_EXPECTED = "NGÀY/THÁNG/NĂM, ví dụ 15/12/2026"
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
MAX_URL = 500
MAX_NOTE = 20000
MAX_TITLE = 300


@dataclass(frozen=True)
class Entry:
    """One filled row, checked: the update to add to one task."""

    row: int
    task: Task
    update: Update


@dataclass
class _Cells:
    """One filled row and where to report its problems."""

    row: SheetRow
    columns: dict[str, int]
    problems: list[SheetProblem]

    def get(self, header: str) -> object:
        return self.row.values.get(header)

    def text(self, header: str) -> str | None:
        return as_text(self.get(header))

    def fail(self, header: str, message: str, hint: str = "") -> None:
        self.problems.append(SheetProblem(self.row.number, self.columns[header], message, hint))


def as_text(value: object) -> str | None:
    """A cell's value as the text it shows: 3.0 → '3', a date → 15/12/2026."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value).strip() or None


def parse_day(value: object) -> dt.date | str:
    """A cell's date (a real date, or text like 15/12/2026), else why it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value) or ""
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        return f"ngày cập nhật không đúng dạng: cần {DATE_EXPECTED}; gặp {quote(text)}."
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            why = f"không có tháng {month}"
        else:
            why = f"tháng {month}/{year} chỉ có {calendar.monthrange(year, month)[1]} ngày"
        return f"ngày {quote(text)} không có thật ({why}); cần {DATE_EXPECTED}."


def _task(site: Site, cells: _Cells) -> Task | None:
    """The row's task, found by plan id and task id; its locked columns compared."""
    plans = {p.id: p for p in site.plans}
    plan_id, task_id = cells.text(PLAN_ID), cells.text(TASK_ID)
    for header, value in ((PLAN_ID, plan_id), (TASK_ID, task_id)):
        if value is None:
            cells.fail(header, f"thiếu {header.lower()} ở dòng đã điền.", LOCKED_HINT)
    if plan_id is None or task_id is None:
        return None
    if plan_id not in plans:
        what = f"không có kế hoạch {quote(plan_id)} trong dữ liệu."
        cells.fail(PLAN_ID, what, did_you_mean(plan_id, list(plans)) or LOCKED_HINT)
        return None
    tasks = {t.id: t for t in plans[plan_id].tasks}
    if task_id not in tasks:
        elsewhere = [p.id for p in site.plans for t in p.tasks if t.id == task_id]
        hint = did_you_mean(task_id, list(tasks)) or (
            f"Mã này thuộc kế hoạch '{elsewhere[0]}'." if elsewhere else LOCKED_HINT
        )
        cells.fail(TASK_ID, f"kế hoạch '{plan_id}' không có nhiệm vụ {quote(task_id)}.", hint)
        return None
    task = tasks[task_id]
    expected = locked_values(site, Row(task))
    for header in COMPARED:
        found = cells.text(header)
        if " ".join((found or "").split()) != " ".join(expected[header].split()):
            cells.fail(
                header,
                f"cột '{header}' đã bị sửa: cần {quote(expected[header])}, gặp {quote(found)}.",
                LOCKED_HINT,
            )
    return task


def _latest_basis(site: Site, plan: Plan) -> Document | None:
    """The latest-dated document the plan rests on (its basis), if any has a date."""
    dated = [d for d in (site.document(b.document) for b in plan.basis) if d.date]
    return max(dated, key=lambda d: (d.date, d.id)) if dated else None


def _day(site: Site, cells: _Cells, task: Task | None) -> dt.date | None:
    value = cells.get(DATE)
    if value is None:
        cells.fail(DATE, f"thiếu ngày cập nhật: dòng đã điền cần ngày, dạng {DATE_EXPECTED}.")
        return None
    day = parse_day(value)
    if isinstance(day, str):
        cells.fail(DATE, day, "Hãy kiểm tra lại ngày.")
        return None
    if day > site.as_of:
        cells.fail(
            DATE,
            f"ngày cập nhật {day_text(day)} sau ngày dữ liệu {day_text(site.as_of)} "
            "(as_of trong plan_data/site.yml).",
            "Hãy kiểm tra lại ngày; nếu ngày đúng, hãy cập nhật as_of trong site.yml rồi nhập lại.",
        )
        return None
    basis = _latest_basis(site, site.plan(task.plan)) if task else None
    if task and basis and basis.date and day < basis.date:
        cells.fail(
            DATE,
            f"ngày cập nhật {day_text(day)} trước ngày của văn bản mà kế hoạch "
            f"'{task.plan}' căn cứ ({basis.citation}).",
            "Tiến độ không thể có trước văn bản đó; hãy kiểm tra lại ngày, nhất là năm.",
        )
        return None
    return day


def _status(cells: _Cells) -> Status | None:
    labels = [s.label for s in reportable()]
    listed = ", ".join(f"'{label}'" for label in labels)
    text = " ".join((cells.text(STATUS) or "").split())
    if not text:
        cells.fail(STATUS, f"thiếu tình trạng: dòng đã điền cần một trong {listed}.")
        return None
    found = next((s for s in Status if fold(text) in (fold(s.label), s.value)), None)
    if found is Status.NO_INFORMATION:
        cells.fail(
            STATUS,
            f"{quote(text)} không phải một tình trạng để báo cáo: cần một trong {listed}.",
            "Nếu chưa bắt đầu làm, hãy chọn 'Chưa triển khai'; nếu chưa có gì mới, để trống "
            "cả dòng.",
        )
        return None
    if found is None:
        cells.fail(
            STATUS,
            f"tình trạng {quote(text)} không có trong danh sách: cần một trong {listed}.",
            did_you_mean(text, labels) or "Hãy chọn trong danh sách thả xuống của ô.",
        )
    return found


def _unprintable(ch: str) -> bool:
    code = ord(ch)
    if ch in "\t\n":
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or code in (0xFEFF, 0xFFFE, 0xFFFF)


def _note(cells: _Cells) -> str | None:
    text = cells.text(NOTE)
    if text is None:
        return None
    if any(_unprintable(ch) for ch in text):
        cells.fail(NOTE, "ghi chú có ký tự điều khiển không in được.", "Hãy gõ lại ghi chú.")
        return None
    if len(text) > MAX_NOTE:
        cells.fail(NOTE, f"ghi chú quá dài: tối đa {MAX_NOTE} ký tự, gặp {len(text)} ký tự.")
        return None
    return text


def _link(cells: _Cells, url: str, title: str | None) -> Evidence | None:
    """Evidence that is a web link (with the cell's text as its title, if it differs)."""
    if not _URL.match(url) or len(url) > MAX_URL:
        cells.fail(
            EVIDENCE,
            f"đường dẫn minh chứng {quote(url)} không hợp lệ: cần một địa chỉ bắt đầu bằng "
            f"http:// hoặc https://, không có dấu cách, ngoặc kép hay dấu < >, tối đa {MAX_URL} "
            "ký tự.",
            "Hãy dán lại đường dẫn đầy đủ từ thanh địa chỉ của trình duyệt.",
        )
        return None
    if title is not None and len(title) > MAX_TITLE:
        cells.fail(EVIDENCE, f"tên minh chứng quá dài: tối đa {MAX_TITLE} ký tự, gặp {len(title)}.")
        return None
    return Evidence(url=url, title=title)


def _evidence(site: Site, cells: _Cells) -> Evidence | None:
    text = cells.text(EVIDENCE)
    if text is None:
        return None
    link = cells.text(EVIDENCE_LINK)
    if link and link.lower().startswith(("http://", "https://")):
        return _link(cells, link, None if text == link else " ".join(text.split()))
    if text.lower().startswith(("http://", "https://")):
        return _link(cells, text, None)
    ids = [d.id for d in site.documents]
    if text in ids:
        return Evidence(document=text)
    cells.fail(
        EVIDENCE,
        f"minh chứng {quote(text)} không phải mã một văn bản có trong dữ liệu, cũng không phải "
        "đường dẫn bắt đầu bằng http:// hay https://.",
        did_you_mean(text, ids)
        or "Hãy ghi mã văn bản (như trên trang Văn bản) hoặc một đường dẫn đầy đủ.",
    )
    return None


def check_rows(site: Site, sheet: Sheet) -> tuple[list[Entry], list[SheetProblem]]:
    """Every filled row as an `Entry`, or every problem found in them (cells in order)."""
    entries: list[Entry] = []
    problems: list[SheetProblem] = []
    for row in sheet.rows:
        cells = _Cells(row, sheet.columns, problems)
        before = len(problems)
        task = _task(site, cells)
        day = _day(site, cells, task)
        status = _status(cells)
        note = _note(cells)
        evidence = _evidence(site, cells)
        if len(problems) == before and task and day and status:
            entries.append(Entry(row.number, task, Update(day, status, note, evidence)))
    return entries, problems
