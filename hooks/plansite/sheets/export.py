"""Write the progress workbook: locked context columns, four columns to fill, a guide.

The bytes depend only on the data: the document properties carry `as_of`, and the
ZIP container is rewritten with every entry dated `as_of` (openpyxl stamps the
clock), so the same data gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..model.types import Site
from .guide import write_guide
from .layout import (
    DATE,
    DATE_FORMAT,
    EVIDENCE,
    FILL,
    HEADER_ROW,
    HELP_SHEET,
    LEAD,
    NOTE,
    SHEET,
    STATUS,
    TITLE,
    Scope,
    cell_text,
    day_text,
    locked_values,
    reportable,
)

GREY = PatternFill("solid", fgColor="D9D9D9")
HEADER_GREY = PatternFill("solid", fgColor="BFBFBF")
HEADER_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
UNLOCKED = Protection(locked=False)
WIDTHS = {TITLE: 60, NOTE: 45, EVIDENCE: 30, LEAD: 28}


def _cell(ws: Worksheet, row: int, column: int) -> Cell:
    cell = ws.cell(row=row, column=column)
    assert isinstance(cell, Cell)
    return cell


def _text(cell: Cell, value: str | None) -> Cell:
    """Put `value` in `cell` as text: a value starting with '=' stays words, not a formula."""
    cell.value = cell_text(value) if value is not None else None
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _title(ws: Worksheet, scope: Scope, as_of: dt.date) -> None:
    _text(_cell(ws, 1, 1), scope.title).font = Font(bold=True, size=14)
    _text(
        _cell(ws, 2, 1),
        f"Dữ liệu đến ngày {day_text(as_of)}. Chỉ điền các cột màu trắng "
        f"({', '.join(FILL)}); xem cách điền ở trang '{HELP_SHEET}'.",
    )


def _header(ws: Worksheet, headers: tuple[str, ...]) -> None:
    for column, name in enumerate(headers, start=1):
        cell = _text(_cell(ws, HEADER_ROW, column), name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL if name in FILL else HEADER_GREY
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _task_row(ws: Worksheet, row: int, headers: tuple[str, ...], values: dict[str, str]) -> None:
    """One task: grey locked context, then the empty unlocked cells to fill."""
    for column, name in enumerate(headers, start=1):
        cell = _cell(ws, row, column)
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if name in FILL:
            cell.protection = UNLOCKED
            if name == DATE:
                cell.number_format = DATE_FORMAT
        else:
            _text(cell, values[name]).fill = GREY


def _status_list(ws: Worksheet, headers: tuple[str, ...], first: int, last: int) -> None:
    """The dropdown of status labels on the 'Tình trạng' cells."""
    labels = ",".join(s.label for s in reportable())
    validation = DataValidation(
        type="list",
        formula1=f'"{labels}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tình trạng không hợp lệ",
        error=f"Hãy chọn một tình trạng trong danh sách: {labels.replace(',', ', ')}.",
        showInputMessage=True,
        promptTitle=STATUS,
        prompt="Chọn tình trạng mới nhất của nhiệm vụ trong danh sách.",
    )
    letter = get_column_letter(headers.index(STATUS) + 1)
    validation.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(validation)


def _widths(ws: Worksheet, headers: tuple[str, ...]) -> None:
    for column, name in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS.get(name, 16)


def build_workbook(site: Site, scope: Scope) -> Workbook:
    """The whole workbook for `scope`: the progress sheet, then the guide."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = SHEET
    headers = scope.headers
    _title(ws, scope, site.as_of)
    _header(ws, headers)
    first = HEADER_ROW + 1
    for offset, row in enumerate(scope.rows):
        _task_row(ws, first + offset, headers, locked_values(site, row))
    last = first + len(scope.rows) - 1
    _status_list(ws, headers, first, last)
    _widths(ws, headers)
    ws.freeze_panes = f"A{first}"
    ws.protection.sheet = True
    write_guide(wb.create_sheet(HELP_SHEET), site)
    stamp = dt.datetime.combine(site.as_of, dt.time())
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "plansite"
    wb.properties.title = scope.title
    return wb


def workbook_bytes(wb: Workbook, as_of: dt.date) -> bytes:
    """The workbook as .xlsx bytes, its ZIP entries dated `as_of` instead of the clock.

    The document properties must already carry their dates (`build_workbook` sets them).
    """
    raw = io.BytesIO()
    # Not `wb.save`: it stamps the clock into the 'modified' property.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    stamp = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def export_bytes(site: Site, scope: Scope) -> bytes:
    """The .xlsx file for `scope`, the same bytes for the same data."""
    return workbook_bytes(build_workbook(site, scope), site.as_of)
