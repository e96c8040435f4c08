"""Progress reports through a spreadsheet: export, fill, import, and every refusal.

Exports are compared with golden text dumps of their cells; imports go into a copy of
the sample project's data and are compared byte for byte with an expected plan file.
The office files (a filled sheet round-tripped through LibreOffice, an old .xls and an .ods
written by it, and a password-protected .xlsx) are committed fixtures, made by
`tests/fixtures/sheets/make_office_files.py`, so CI needs no LibreOffice.
After an intended change to the sheet or the sample data, regenerate the golden dumps
and the expected plan file with `PLANSITE_REGEN=1 .venv/bin/pytest tests/test_progress_sheet.py`
and review the diff.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import time
import zipfile
from pathlib import Path

import progress_sheet
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from plansite.model.site import load_site
from plansite.model.types import Evidence, Update
from plansite.sheets.append import AppendError, append_updates
from plansite.sheets.layout import (
    DATE,
    EVIDENCE,
    NOTE,
    NUMBER,
    PLAN_ID,
    SHEET,
    STATUS,
    TASK_ID,
)
from plansite.sheets.layout import TITLE as TASK_TITLE
from plansite.vocab import Status

from .conftest import FIXTURES, REGEN, ROOT, copy_project, run_build

SHEETS = FIXTURES / "sheets"
SAMPLE = ROOT / "examples" / "sample"
PLAN = "ke-hoach-thanh-pho-mau"
PLAN_FILE = f"plan_data/plans/{PLAN}.yml"
EXPECTED_YAML = SHEETS / f"{PLAN}.expected.yml"

# What an agency writes into the plan's sheet, by task id (the LibreOffice fixture holds the same).
FILLED: dict[str, dict[str, object]] = {
    "tuyen-truyen-phan-loai": {
        DATE: dt.datetime(2025, 6, 15),
        STATUS: "Hoàn thành",
        NOTE: 'Đã tuyên truyền "đủ" 10 buổi: xong.\nCòn 2 tổ dân phố # chưa đến.',
        EVIDENCE: "https://vi-du.example/ket-qua?quy=2",
    },
    "bao-cao-thang": {DATE: "25/06/2025", STATUS: "Đang thực hiện", NOTE: "Đã gửi báo cáo."},
    "kiem-tra-bep-an": {DATE: "20/6/2025", STATUS: "hoàn thành", EVIDENCE: "quyet-dinh-mau-25"},
}


def sample_project(target: Path) -> Path:
    """A copy of the sample project's data and mkdocs.yml (all the import reads)."""
    shutil.copytree(SAMPLE / "plan_data", target / "plan_data")
    shutil.copy(SAMPLE / "mkdocs.yml", target / "mkdocs.yml")
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    data = root / "plan_data"
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sorted(data.rglob("*.yml"))}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()  # what came before (an export's report) is not this command's
    code = progress_sheet.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def export(config: Path, target: Path, *scope: str) -> Path:
    code = progress_sheet.main(["export", *scope, "-o", str(target), "--config", str(config)])
    assert code == 0
    return target


def fill(source: Path, target: Path, rows: dict[str, dict[str, object]]) -> Path:
    """Write `rows` (by task id, then by header) into the progress sheet, as an agency would."""
    wb = load_workbook(source)
    ws = wb[SHEET]
    assert isinstance(ws, Worksheet)
    header = {str(c.value): c.column for c in ws[4] if c.value}
    by_task = {ws.cell(row=r, column=1).value: r for r in range(5, ws.max_row + 1)}
    for task_id, values in rows.items():
        for name, value in values.items():
            ws.cell(row=by_task[task_id], column=header[name]).value = value  # type: ignore[assignment]
    wb.save(target)
    return target


def dump(path: Path) -> str:
    """The workbook as text: sheets, cells (with lock and number format), validations."""
    wb = load_workbook(path)
    props = wb.properties
    lines = [f"sheets: {wb.sheetnames}", f"created: {props.created}, modified: {props.modified}"]
    for ws in wb.worksheets:
        assert isinstance(ws, Worksheet)
        lines.append(f"== {ws.title}: protected={ws.protection.sheet} freeze={ws.freeze_panes}")
        for row in ws.iter_rows():
            for cell in row:
                locked = cell.protection.locked
                if cell.value is None and locked:
                    continue
                fmt = "" if cell.number_format == "General" else f" [{cell.number_format}]"
                state = "locked" if locked else "UNLOCKED"
                lines.append(f"{cell.coordinate} {state}{fmt}: {cell.value!r}")
        for dv in ws.data_validations.dataValidation:
            lines.append(f"validation {dv.type} {dv.sqref}: {dv.formula1}")
    return "\n".join(lines) + "\n"


def matches_golden(text: str, golden: Path) -> None:
    if REGEN:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return sample_project(tmp_path / "project")


@pytest.fixture
def config(project: Path) -> str:
    return str(project / "mkdocs.yml")


@pytest.fixture
def blank(project: Path, config: str, tmp_path: Path) -> Path:
    return export(Path(config), tmp_path / "bang.xlsx", PLAN)


# Export


@pytest.mark.parametrize(
    ("scope", "golden"),
    [((PLAN,), "export-plan.txt"), (("--org", "so-moi-truong-mau"), "export-org.txt")],
)
def test_export_matches_golden(
    config: str, tmp_path: Path, scope: tuple[str, ...], golden: str
) -> None:
    sheet = export(Path(config), tmp_path / "bang.xlsx", *scope)
    matches_golden(dump(sheet), SHEETS / golden)


def test_export_is_the_same_bytes_whatever_the_clock(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = export(Path(config), tmp_path / "a.xlsx", PLAN).read_bytes()
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # 2033, in every ZIP entry
    second = export(Path(config), tmp_path / "b.xlsx", PLAN).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "b.xlsx") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2025, 6, 30, 0, 0, 0)}


def test_export_locks_context_and_offers_only_reportable_statuses(blank: Path) -> None:
    ws = load_workbook(blank)[SHEET]
    assert isinstance(ws, Worksheet)
    assert ws.protection.sheet and not ws.protection.password
    header = [c.value for c in ws[4]]
    assert header[-4:] == [DATE, STATUS, NOTE, EVIDENCE]
    for row in ws.iter_rows(min_row=5):
        assert [c.protection.locked for c in row] == [True] * 8 + [False] * 4
    (validation,) = ws.data_validations.dataValidation
    labels = [s.label for s in Status if s is not Status.NO_INFORMATION]
    assert validation.formula1 == '"' + ",".join(labels) + '"'
    assert str(validation.sqref) == "J5:J9"


def test_data_is_text_in_the_sheet_too(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, tmp_path: Path
) -> None:
    """A title that looks like a formula is written and compared as words."""
    plan_file = project / PLAN_FILE
    words = "Thu gom rác thải thường xuyên."
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace(f'"{words}"', f'"=1+1 {words}"'),
        encoding="utf-8",
    )
    blank = export(Path(config), tmp_path / "bang.xlsx", PLAN)
    cell = load_workbook(blank)[SHEET]["D6"]
    assert (cell.value, cell.data_type) == (f"=1+1 {words}", "s")
    rows = {"thu-gom-rac": {DATE: "01/06/2025", STATUS: "Đang thực hiện"}}
    code, _, err = run(
        capsys, "import", str(fill(blank, tmp_path / "x.xlsx", rows)), "--config", config
    )
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["ke-hoach-thanh-pho"],
            "Không xuất được: không có kế hoạch 'ke-hoach-thanh-pho'. "
            "Có phải ý bạn là 'ke-hoach-thanh-pho-mau'?\n",
        ),
        (
            ["--org", "so-y-te"],
            "Không xuất được: không có cơ quan 'so-y-te'. Có phải ý bạn là 'so-y-te-mau'?\n",
        ),
    ],
)
def test_export_refuses_an_unknown_plan_or_agency(
    capsys: pytest.CaptureFixture[str], config: str, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "bang.xlsx"
    code, _, err = run(capsys, "export", *args, "-o", str(target), "--config", config)
    assert (code, err) == (1, message)
    assert not target.exists()


# Import


def test_import_appends_lines_and_nothing_else(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path, tmp_path: Path
) -> None:
    before = snapshot(project)
    filled = fill(blank, tmp_path / "da-dien.xlsx", FILLED)
    code, out, err = run(capsys, "import", str(filled), "--config", config)
    assert (code, err) == (0, "")
    assert out.startswith("Đã thêm 3 lần cập nhật vào 1 tệp kế hoạch:\n")
    check_imported(project, before)


def check_imported(project: Path, before: dict[str, bytes]) -> None:
    """The plan file gained exactly the expected lines; the data still loads."""
    after = snapshot(project)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {f"plans/{PLAN}.yml"}
    new = (project / PLAN_FILE).read_bytes()
    if REGEN:
        EXPECTED_YAML.write_bytes(new)
    assert new == EXPECTED_YAML.read_bytes()
    old_lines = before[f"plans/{PLAN}.yml"].decode().splitlines(keepends=True)
    diff = list(difflib.unified_diff(old_lines, new.decode().splitlines(keepends=True)))
    assert [line for line in diff[2:] if line.startswith("-")] == []
    assert sum(line.startswith("+") for line in diff[2:]) == 13
    site = load_site(project / "plan_data", project)
    tasks = {t.id: t for t in site.plan(PLAN).tasks}
    assert tasks["kiem-tra-bep-an"].status is Status.DONE
    assert tasks["bao-cao-thang"].status is Status.IN_PROGRESS
    latest = tasks["tuyen-truyen-phan-loai"].latest
    assert latest is not None and latest.note == FILLED["tuyen-truyen-phan-loai"][NOTE]


def test_after_an_import_the_site_builds_and_shows_the_new_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The whole sample site, hooks and theme included, built strictly after an import."""
    project = copy_project(SAMPLE, tmp_path / "project")
    blank = export(project / "mkdocs.yml", tmp_path / "bang.xlsx", PLAN)
    sheet = fill(blank, tmp_path / "da-dien.xlsx", FILLED)
    assert run(capsys, "import", str(sheet), "--config", str(project / "mkdocs.yml"))[0] == 0
    site = tmp_path / "site"
    run_build(project / "mkdocs.yml", site)
    pages = site / "ke-hoach" / PLAN / "nhiem-vu"
    html = (pages / "kiem-tra-bep-an" / "index.html").read_text(encoding="utf-8")
    assert "20/6/2025" in html and Status.DONE.label in html
    assert "Đã gửi báo cáo." in (pages / "bao-cao-thang" / "index.html").read_text(encoding="utf-8")


def test_a_sheet_saved_by_libreoffice_imports_the_same(
    capsys: pytest.CaptureFixture[str], project: Path, config: str
) -> None:
    sheet = SHEETS / "libreoffice.xlsx"
    with zipfile.ZipFile(sheet) as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")
    before = snapshot(project)
    code, _, err = run(capsys, "import", str(sheet), "--config", config)
    assert (code, err) == (0, "")
    check_imported(project, before)


def test_importing_the_same_sheet_twice_adds_nothing(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path, tmp_path: Path
) -> None:
    filled = fill(blank, tmp_path / "da-dien.xlsx", FILLED)
    assert run(capsys, "import", str(filled), "--config", config)[0] == 0
    once = snapshot(project)
    code, out, err = run(capsys, "import", str(filled), "--config", config)
    assert (code, err) == (0, "")
    assert out == (
        "Không có gì mới để thêm: cả 3 dòng đã điền (dòng 5, 7, 8) đều đã có trong dữ liệu, "
        "có lẽ bảng này đã được nhập trước đây. Không ghi gì.\n"
    )
    assert snapshot(project) == once


def test_only_new_rows_are_added_and_the_rest_are_named(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path, tmp_path: Path
) -> None:
    old = {
        "thu-gom-rac": {
            DATE: "01/04/2025",
            STATUS: "Tạm dừng",
            NOTE: "Tạm dừng do thay nhà thầu (mẫu).",
        }
    }
    filled = fill(blank, tmp_path / "da-dien.xlsx", {**FILLED, **old})
    code, out, _ = run(capsys, "import", str(filled), "--config", config)
    assert code == 0
    assert out.endswith("Bỏ qua 1 dòng đã có trong dữ liệu (dòng 6).\n")
    assert (project / PLAN_FILE).read_bytes() == EXPECTED_YAML.read_bytes()


def test_dry_run_prints_the_lines_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path, tmp_path: Path
) -> None:
    before = snapshot(project)
    filled = fill(blank, tmp_path / "da-dien.xlsx", {"bao-cao-thang": FILLED["bao-cao-thang"]})
    code, out, err = run(capsys, "import", str(filled), "--config", config, "--dry-run")
    assert (code, err) == (0, "")
    assert out == (
        "Chạy thử (--dry-run), chưa ghi gì. Sẽ thêm 1 lần cập nhật:\n"
        f"{PLAN_FILE}, nhiệm vụ bao-cao-thang (dòng 7):\n"
        "    updates:\n"
        '      - date: "2025-06-25"\n'
        "        status: dang-thuc-hien\n"
        '        note: "Đã gửi báo cáo."\n'
    )
    assert snapshot(project) == before


def test_a_sheet_with_nothing_filled_adds_nothing(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path
) -> None:
    before = snapshot(project)
    code, out, _ = run(capsys, "import", str(blank), "--config", config)
    assert code == 0
    assert out.startswith("Bảng tính không có dòng nào được điền")
    assert snapshot(project) == before


def test_a_linked_evidence_cell_gives_the_link_and_its_title(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, blank: Path, tmp_path: Path
) -> None:
    filled = fill(blank, tmp_path / "da-dien.xlsx", {"bao-cao-thang": FILLED["bao-cao-thang"]})
    wb = load_workbook(filled)
    cell = wb[SHEET]["L7"]
    cell.value, cell.hyperlink = "Báo cáo tháng 6", "https://vi-du.example/thang-6"
    wb.save(filled)
    code, out, _ = run(capsys, "import", str(filled), "--config", config, "--dry-run")
    assert code == 0
    assert out.endswith(
        "        evidence:\n"
        '          url: "https://vi-du.example/thang-6"\n'
        '          title: "Báo cáo tháng 6"\n'
    )


def test_an_agency_sheet_imports_into_each_plan(
    capsys: pytest.CaptureFixture[str], project: Path, config: str, tmp_path: Path
) -> None:
    blank = export(Path(config), tmp_path / "co-quan.xlsx", "--org", "so-moi-truong-mau")
    rows = {"nang-cap-nuoc-sach": {DATE: "30/06/2025", STATUS: "Hoàn thành"}}
    code, out, _ = run(
        capsys, "import", str(fill(blank, tmp_path / "x.xlsx", rows)), "--config", config
    )
    assert code == 0, out
    site = load_site(project / "plan_data", project)
    task = next(t for t in site.plan("ke-hoach-tinh-mau").tasks if t.id == "nang-cap-nuoc-sach")
    assert task.status is Status.DONE


# Refusals: every problem named by its cell, nothing written.

HEADER = "Bảng tính có {n} lỗi; chưa ghi gì vào dữ liệu. Hãy sửa rồi nhập lại:\n"
LOCKED = (
    "Không sửa các cột màu xám: hãy trả lại nội dung cũ, hoặc xuất bảng mới "
    "(scripts/progress_sheet.py export)."
)
STATUSES = "'Chưa triển khai', 'Đang thực hiện', 'Tạm dừng', 'Hoàn thành'"
ROW_CASES: dict[str, tuple[dict[str, object], str]] = {
    "unknown-status": (
        {DATE: "01/06/2025", STATUS: "Hoàn thàn"},
        "Báo cáo tiến độ!J6: tình trạng 'Hoàn thàn' không có trong danh sách: cần một trong "
        f"{STATUSES}. Có phải ý bạn là 'Hoàn thành'?",
    ),
    "no-information-is-not-a-status": (
        {DATE: "01/06/2025", STATUS: "Chưa có thông tin"},
        "Báo cáo tiến độ!J6: 'Chưa có thông tin' không phải một tình trạng để báo cáo: cần một "
        f"trong {STATUSES}. Nếu chưa bắt đầu làm, hãy chọn 'Chưa triển khai'; nếu chưa có gì "
        "mới, để trống cả dòng.",
    ),
    "missing-status": (
        {DATE: "01/06/2025", NOTE: "Đã làm."},
        f"Báo cáo tiến độ!J6: thiếu tình trạng: dòng đã điền cần một trong {STATUSES}.",
    ),
    "impossible-date": (
        {DATE: "31/02/2025", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!I6: ngày '31/02/2025' không có thật (tháng 2/2025 chỉ có 28 ngày); "
        "cần NGÀY/THÁNG/NĂM, ví dụ 15/12/2026. Hãy kiểm tra lại ngày.",
    ),
    "not-a-date": (
        {DATE: "giữa tháng 6", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!I6: ngày cập nhật không đúng dạng: cần NGÀY/THÁNG/NĂM, ví dụ "
        "15/12/2026; gặp 'giữa tháng 6'. Hãy kiểm tra lại ngày.",
    ),
    "date-after-as-of": (
        {DATE: dt.datetime(2025, 7, 1), STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!I6: ngày cập nhật 01/07/2025 sau ngày dữ liệu 30/06/2025 (as_of "
        "trong plan_data/site.yml). Hãy kiểm tra lại ngày; nếu ngày đúng, hãy cập nhật as_of "
        "trong site.yml rồi nhập lại.",
    ),
    "date-before-the-basis": (
        {DATE: "15/01/2024", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!I6: ngày cập nhật 15/01/2024 trước ngày của văn bản mà kế hoạch "
        "'ke-hoach-thanh-pho-mau' căn cứ (Kế hoạch số 10/KH-MAU ngày 01/02/2024). Tiến độ "
        "không thể có trước văn bản đó; hãy kiểm tra lại ngày, nhất là năm.",
    ),
    "unknown-task": (
        {TASK_ID: "thu-gom-ra", DATE: "01/06/2025", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!A6: kế hoạch 'ke-hoach-thanh-pho-mau' không có nhiệm vụ 'thu-gom-ra'. "
        "Có phải ý bạn là 'thu-gom-rac'?",
    ),
    "task-of-another-plan": (
        {TASK_ID: "quy-che-rac-thai", DATE: "01/06/2025", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!A6: kế hoạch 'ke-hoach-thanh-pho-mau' không có nhiệm vụ "
        "'quy-che-rac-thai'. Mã này thuộc kế hoạch 'ke-hoach-tinh-mau'.",
    ),
    "row-added-below-the-table": (
        {TASK_ID: None, PLAN_ID: None, DATE: "01/06/2025", STATUS: "Hoàn thành"},
        f"Báo cáo tiến độ!A6: thiếu mã nhiệm vụ ở dòng đã điền. {LOCKED}\n"
        f"Báo cáo tiến độ!B6: thiếu mã kế hoạch ở dòng đã điền. {LOCKED}",
    ),
    "unknown-plan": (
        {PLAN_ID: "ke-hoach-thanh-pho", DATE: "01/06/2025", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!B6: không có kế hoạch 'ke-hoach-thanh-pho' trong dữ liệu. Có phải ý "
        "bạn là 'ke-hoach-thanh-pho-mau'?",
    ),
    "edited-title": (
        {TASK_TITLE: "Thu gom rác thải.", DATE: "01/06/2025", STATUS: "Hoàn thành"},
        "Báo cáo tiến độ!D6: cột 'Nhiệm vụ' đã bị sửa: cần 'Thu gom rác thải thường xuyên.', "
        f"gặp 'Thu gom rác thải.'. {LOCKED}",
    ),
    "edited-number": (
        {NUMBER: None, DATE: "01/06/2025", STATUS: "Hoàn thành"},
        f"Báo cáo tiến độ!C6: cột 'Số thứ tự' đã bị sửa: cần '2.', gặp giá trị trống. {LOCKED}",
    ),
    "unknown-evidence": (
        {DATE: "01/06/2025", STATUS: "Hoàn thành", EVIDENCE: "quyet-dinh-mau-52"},
        "Báo cáo tiến độ!L6: minh chứng 'quyet-dinh-mau-52' không phải mã một văn bản có trong "
        "dữ liệu, cũng không phải đường dẫn bắt đầu bằng http:// hay https://. Có phải ý bạn "
        "là 'quyet-dinh-mau-25'?",
    ),
    "bad-link": (
        {DATE: "01/06/2025", STATUS: "Hoàn thành", EVIDENCE: "https://vi du.example/bao-cao"},
        "Báo cáo tiến độ!L6: đường dẫn minh chứng 'https://vi du.example/bao-cao' không hợp "
        "lệ: cần một địa chỉ bắt đầu bằng http:// hoặc https://, không có dấu cách, ngoặc kép "
        "hay dấu < >, tối đa 500 ký tự. Hãy dán lại đường dẫn đầy đủ từ thanh địa chỉ của trình "
        "duyệt.",
    ),
}


def refused(capsys: pytest.CaptureFixture[str], project: Path, sheet: Path) -> str:
    """Import `sheet`, expect a refusal; the data must be byte-identical afterwards."""
    before = snapshot(project)
    code, out, err = run(capsys, "import", str(sheet), "--config", str(project / "mkdocs.yml"))
    assert (code, out) == (1, "")
    assert snapshot(project) == before
    return err


@pytest.mark.parametrize("case", sorted(ROW_CASES))
def test_a_wrong_cell_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], project: Path, blank: Path, tmp_path: Path, case: str
) -> None:
    row, message = ROW_CASES[case]
    rows = {**FILLED, "thu-gom-rac": row}  # the right rows are not written either
    sheet = fill(blank, tmp_path / "da-dien.xlsx", rows)
    n = message.count("\n") + 1
    assert refused(capsys, project, sheet) == HEADER.format(n=n) + message + "\n"


def test_every_problem_is_reported_at_once_in_sheet_order(
    capsys: pytest.CaptureFixture[str], project: Path, blank: Path, tmp_path: Path
) -> None:
    rows = {
        "tong-ket-nam": {**ROW_CASES["unknown-status"][0], EVIDENCE: "quyet-dinh-mau-52"},
        "thu-gom-rac": {**ROW_CASES["impossible-date"][0]},
        "bao-cao-thang": {DATE: "31/04/2025", STATUS: "Đang thực hiện"},
    }
    sheet = fill(blank, tmp_path / "da-dien.xlsx", rows)
    lines = refused(capsys, project, sheet).splitlines()
    assert lines[0] == HEADER.format(n=4).strip()
    assert [line.split(":")[0] for line in lines[1:]] == [
        "Báo cáo tiến độ!I6",
        "Báo cáo tiến độ!I7",
        "Báo cáo tiến độ!J9",
        "Báo cáo tiến độ!L9",
    ]
    assert lines[1] == ROW_CASES["impossible-date"][1]
    assert lines[3] == ROW_CASES["unknown-status"][1].replace("J6", "J9")


SAVE_AS = "Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx)."


def _not_a_workbook(blank: Path, folder: Path) -> Path:
    target = folder / "bang.xlsx"
    target.write_text("Mã nhiệm vụ;Ngày cập nhật\nthu-gom-rac;01/06/2025\n", encoding="utf-8")
    return target


def _a_zip_that_is_not_a_workbook(blank: Path, folder: Path) -> Path:
    target = folder / "bang.xlsx"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return target


def _renamed_sheet(blank: Path, folder: Path) -> Path:
    wb = load_workbook(blank)
    wb[SHEET].title = "Bao cao tien do"
    wb.save(folder / "bang.xlsx")
    return folder / "bang.xlsx"


def _missing_header(blank: Path, folder: Path) -> Path:
    wb = load_workbook(blank)
    wb[SHEET]["J4"] = "Trạng thái"
    wb.save(folder / "bang.xlsx")
    return folder / "bang.xlsx"


def _fixture(name: str) -> object:
    def copy(blank: Path, folder: Path) -> Path:
        return Path(shutil.copy(SHEETS / name, folder / name))

    return copy


FILE_CASES = {
    "not-a-workbook": (
        _not_a_workbook,
        f"tệp 'bang.xlsx' không phải bảng tính Excel (.xlsx). {SAVE_AS}",
    ),
    "a-zip-but-not-a-workbook": (
        _a_zip_that_is_not_a_workbook,
        "tệp 'bang.xlsx' không phải bảng tính Excel (.xlsx) đọc được. Hãy mở tệp bằng Excel "
        "hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx).",
    ),
    "password-protected": (
        _fixture("encrypted.xlsx"),
        "tệp 'encrypted.xlsx' được đặt mật khẩu mở tệp (mã hóa), nên không đọc được. Hãy mở "
        "tệp, bỏ mật khẩu (trong Excel: Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật "
        "khẩu, xóa trống mật khẩu) rồi lưu lại và gửi lại.",
    ),
    "old-xls": (
        _fixture("old.xls"),
        f"tệp 'old.xls' là bảng tính Excel 97–2003 (.xls), dạng cũ. {SAVE_AS}",
    ),
    "ods": (
        _fixture("sheet.ods"),
        f"tệp 'sheet.ods' là bảng tính OpenDocument (.ods). {SAVE_AS}",
    ),
    "renamed-sheet": (
        _renamed_sheet,
        "tệp 'bang.xlsx' không có trang 'Báo cáo tiến độ' (các trang có: 'Bao cao tien do', "
        "'Hướng dẫn'). Có phải ý bạn là 'Bao cao tien do'?",
    ),
    "renamed-column": (
        _missing_header,
        "Báo cáo tiến độ!4:4: dòng tiêu đề thiếu cột 'Tình trạng'. Không xóa hay đổi tên cột; "
        "hãy dùng bảng được xuất từ dữ liệu.",
    ),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_a_file_that_cannot_be_read_is_refused(
    capsys: pytest.CaptureFixture[str], project: Path, blank: Path, tmp_path: Path, case: str
) -> None:
    make, message = FILE_CASES[case]
    folder = tmp_path / "gui-lai"
    folder.mkdir()
    sheet = make(blank, folder)  # type: ignore[operator]
    assert refused(capsys, project, sheet) == HEADER.format(n=1) + message + "\n"


# Appending to plan files written in other styles: their own indentation and line ends.

HEAD = (
    "\ufeff# Kế hoạch thử: danh sách không thụt lề, thụt lề 4, CRLF, không xuống dòng ở cuối\n"
    "id: thu\n"
    'short_title: "Thử"\n'
    "document:\n"
    '    kind: "Kế hoạch"\n'
    '    subject: "Thử"\n'
    'provenance: {source: "Thử", extent: toan-van, coverage: "Thử"}\n'
    "content:\n"
    '- number: "1."\n'
    '  text: "Việc một."\n'
    "tasks:\n"
)
TASKS = (
    "- id: mot\n"
    '  block: "1"\n'
    "  updates:\n"
    '  - date: "2025-01-02"\n'
    "    status: dang-thuc-hien\n"
    "    note: |\n"
    "      Dòng một.\n"
    "      # không phải chú thích\n"
    "\n"
    "  outputs:\n"
    '  - name: "Báo cáo"\n'
    "# Nhiệm vụ hai\n"
    "- id: hai\n"
    '  block: "1"  # cùng đoạn\n'
    "  # chú thích cuối"
)
ADDED = (
    "- id: mot\n"
    '  block: "1"\n'
    "  updates:\n"
    '  - date: "2025-01-02"\n'
    "    status: dang-thuc-hien\n"
    "    note: |\n"
    "      Dòng một.\n"
    "      # không phải chú thích\n"
    "\n"
    '  - date: "2025-03-01"\n'
    "    status: hoan-thanh\n"
    "    evidence:\n"
    "        document: quyet-dinh-1\n"
    "  outputs:\n"
    '  - name: "Báo cáo"\n'
    "# Nhiệm vụ hai\n"
    "- id: hai\n"
    '  block: "1"  # cùng đoạn\n'
    "  updates:\n"
    '  - date: "2025-03-02"\n'
    "    status: tam-dung\n"
    '    note: "Chờ \\"kinh phí\\": quý 3.\\nDòng hai."\n'
    "    evidence:\n"
    '        url: "https://vi-du.example/a?b=1&c=2"\n'
    "  # chú thích cuối"
)


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_appending_keeps_the_files_own_style() -> None:
    additions = {
        "hai": [
            Update(
                dt.date(2025, 3, 2),
                Status.PAUSED,
                'Chờ "kinh phí": quý 3.\nDòng hai.',
                Evidence(url="https://vi-du.example/a?b=1&c=2"),
            )
        ],
        "mot": [Update(dt.date(2025, 3, 1), Status.DONE, None, Evidence("quyet-dinh-1"))],
    }
    new, lines = append_updates(crlf(HEAD + TASKS), "thu.yml", additions)
    assert new == crlf(HEAD + ADDED)
    assert lines["mot"][0] == '  - date: "2025-03-01"'
    assert lines["hai"][0] == "  updates:"


def test_a_task_at_the_end_of_a_file_without_a_last_line_end() -> None:
    text = HEAD + '- id: mot\n  block: "1"'
    new, _ = append_updates(
        text.encode(), "thu.yml", {"mot": [Update(dt.date(2025, 1, 1), Status.DONE)]}
    )
    assert new.decode() == text + '\n  updates:\n  - date: "2025-01-01"\n    status: hoan-thanh\n'


@pytest.mark.parametrize(
    ("tasks", "reason"),
    [
        ('- {id: mot, block: "1"}\n', "nhiệm vụ được viết trên một dòng dạng [...] hay {...}"),
        (
            '- id: mot\n  block: "1"\n  updates: []\n',
            "nhiệm vụ có 'updates: []'; hãy xóa dòng đó rồi nhập lại",
        ),
    ],
)
def test_what_cannot_be_appended_to_is_refused(tasks: str, reason: str) -> None:
    update = Update(dt.date(2025, 1, 1), Status.DONE)
    with pytest.raises(AppendError) as caught:
        append_updates((HEAD + tasks).encode(), "thu.yml", {"mot": [update]})
    assert str(caught.value) == reason
