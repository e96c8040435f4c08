"""Read a returned workbook: recognise what the file is, find the header, keep the filled rows.

A password-protected .xlsx and an old .xls are both OLE2 compound files; they are
told apart by the stream names inside ('EncryptedPackage' is the encrypted one).
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import did_you_mean
from .layout import (
    COMPARED,
    EVIDENCE,
    EVIDENCE_LINK,
    FILL,
    MAX_HEADER_ROW,
    PLAN_ID,
    SHEET,
    TASK_ID,
)
from .report import SheetError, SheetProblem

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MAX_BYTES = 20 * 1024 * 1024
REQUIRED = (TASK_ID, PLAN_ID, *COMPARED, *FILL)


@dataclass(frozen=True)
class SheetRow:
    """One row with something in a fill column: its number and its cells by header."""

    number: int
    values: dict[str, object]


@dataclass(frozen=True)
class Sheet:
    """The progress sheet of a returned file: where each column is, and the filled rows."""

    columns: dict[str, int]
    rows: tuple[SheetRow, ...]


def _file_problem(message: str) -> SheetError:
    return SheetError([SheetProblem(0, 0, message)])


def _container_problem(data: bytes, name: str) -> str:
    """Why `data` cannot be an .xlsx workbook, judged by its content, or ''."""
    save_as = "Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx)."
    if data.startswith(OLE2_MAGIC):
        if ENCRYPTED_STREAM in data:
            return (
                f"tệp '{name}' được đặt mật khẩu mở tệp (mã hóa), nên không đọc được. Hãy mở "
                "tệp, bỏ mật khẩu (trong Excel: Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa "
                "bằng mật khẩu, xóa trống mật khẩu) rồi lưu lại và gửi lại."
            )
        return f"tệp '{name}' là bảng tính Excel 97–2003 (.xls), dạng cũ. {save_as}"
    if not data.startswith(ZIP_MAGIC):
        return f"tệp '{name}' không phải bảng tính Excel (.xlsx). {save_as}"
    if data[30:38] == b"mimetype" and ODS_MIMETYPE in data[:100]:
        return f"tệp '{name}' là bảng tính OpenDocument (.ods). {save_as}"
    return ""


def _text(value: object) -> object:
    """A cell's value with text trimmed and normalised (NFC); blank text becomes None."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()
        return text or None
    return value


def _open(path: Path) -> Worksheet:
    """The progress sheet of the workbook at `path`, or a `SheetError` saying why not."""
    try:
        data = path.read_bytes()
    except OSError:
        raise _file_problem(f"không đọc được tệp '{path}'.") from None
    if len(data) > MAX_BYTES:
        raise _file_problem(f"tệp '{path.name}' quá lớn ({len(data)} byte).")
    problem = _container_problem(data, path.name)
    if problem:
        raise _file_problem(problem)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # a damaged or foreign ZIP fails in many ways inside openpyxl
        raise _file_problem(
            f"tệp '{path.name}' không phải bảng tính Excel (.xlsx) đọc được. Hãy mở tệp bằng "
            "Excel hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx)."
        ) from None
    if SHEET not in workbook.sheetnames:
        names = ", ".join(f"'{n}'" for n in workbook.sheetnames)
        raise _file_problem(
            f"tệp '{path.name}' không có trang '{SHEET}' (các trang có: {names}). "
            + (did_you_mean(SHEET, workbook.sheetnames) or "Hãy dùng bảng được xuất từ dữ liệu.")
        )
    sheet = workbook[SHEET]
    assert isinstance(sheet, Worksheet)
    return sheet


def _header(ws: Worksheet) -> tuple[int, dict[str, int]]:
    """The header row (within the first rows) and the column of each header found there."""
    rows = ws.iter_rows(min_row=1, max_row=MAX_HEADER_ROW, values_only=True)
    for number, row in enumerate(rows, start=1):
        names = [_text(value) for value in row]
        if TASK_ID not in names:
            continue
        found: dict[str, int] = {}
        for column, name in enumerate(names, start=1):
            if name is not None:
                found.setdefault(str(name), column)
        missing = [h for h in REQUIRED if h not in found]
        if missing:
            listed = ", ".join(f"'{h}'" for h in missing)
            raise SheetError(
                [
                    SheetProblem(
                        number,
                        0,
                        f"dòng tiêu đề thiếu cột {listed}.",
                        "Không xóa hay đổi tên cột; hãy dùng bảng được xuất từ dữ liệu.",
                    )
                ]
            )
        return number, found
    raise _file_problem(
        f"trang '{SHEET}' không có dòng tiêu đề (ô '{TASK_ID}') trong {MAX_HEADER_ROW} dòng đầu. "
        "Hãy dùng bảng được xuất từ dữ liệu, không xóa các dòng tiêu đề."
    )


def read_sheet(path: Path) -> Sheet:
    """The filled rows of the progress sheet in the file at `path`.

    A filled row has something in any of the four fill columns. A link in the evidence
    cell is kept beside its text (`EVIDENCE_LINK`). Raises `SheetError` when the file is
    not a workbook, is encrypted or old, or has no usable header.
    """
    ws = _open(path)
    header_row, columns = _header(ws)
    rows = []
    cells = ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row)
    for number, row in enumerate(cells, start=header_row + 1):
        values = {name: _text(row[c - 1].value) for name, c in columns.items() if c <= len(row)}
        if not any(values.get(name) is not None for name in FILL):
            continue
        link = getattr(row[columns[EVIDENCE] - 1], "hyperlink", None)
        if link is not None and link.target:
            values[EVIDENCE_LINK] = _text(link.target)
        rows.append(SheetRow(number, values))
    return Sheet(columns, tuple(rows))
