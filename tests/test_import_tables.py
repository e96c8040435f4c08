"""Real action programmes in: appendix tables, duties in sentences, agencies, periods.

The documents are real and public, copied as text from the web (tests/fixtures/import/
real/SOURCES.md says where each comes from):

- 2597/QĐ-TTg (27/11/2025, Thủ tướng Chính phủ): a decision with an appendix of 25 tasks
  in 7 groups; columns STT, Tên nhiệm vụ/dự án, Cơ quan chủ trì, Cơ quan phối hợp,
  Kết quả dự kiến, Thời gian triển khai; deadlines "2026", "2026-2030".
- 0130/KH-UBND (21/11/2025, UBND tỉnh Đắk Lắk): a plan whose "TỔ CHỨC THỰC HIỆN" gives
  duties by agency ("1. Sở Y tế: - …") and in a sentence ("Sở Y tế chủ trì …").
- 2820/QĐ-UBND (19/11/2025, UBND TP Hồ Chí Minh): a decision that issues a plan, with an
  appendix whose columns differ (Thời gian dự kiến hoàn thành, Kết quả dự kiến, Nguồn kinh
  phí) and whose merged cells leave rows short when copied as text.
- 552/KH-UBND (19/11/2025, UBND tỉnh Đồng Tháp): upper-case headers (NHIỆM VỤ VÀ GIẢI
  PHÁP, CHỦ TRÌ, PHỐI HỢP, THỜI GIAN) and a document that numbers "III." twice.

Each is imported with no hand edits, from its text and from a Word file of the same
document (tests/word_tables.py), into one project that then builds with --strict.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from plansite.importer.capitals import from_capitals
from plansite.importer.sources import SourceRow, SourceTable
from plansite.importer.tables import read_table

from .conftest import FIXTURES, ROOT, copy_project, run_build
from .html_text import normalise, read_html
from .word_tables import add_footnote, word_file

REAL = FIXTURES / "import" / "real"
DOCUMENTS = [
    "2597-qd-ttg-2025",
    "0130-kh-ubnd-daklak-2025",
    "2820-qd-ubnd-hcm-2025",
    "552-kh-ubnd-dongthap-2025",
]
SCRIPT = ROOT / "scripts" / "import_plan.py"


def import_plan(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A project with the four documents imported from text, its built site, and what
    the importer printed for each."""
    root = copy_project(FIXTURES / "other-city", tmp_path_factory.mktemp("real") / "p")
    printed = {}
    for name in DOCUMENTS:
        result = import_plan(REAL / f"{name}.txt", root / "plan_data" / "plans" / f"{name}.yml")
        printed[name] = result.stdout + result.stderr
    run_build(root / "mkdocs.yml", root / "site")
    return root, printed


def plan(root: Path, name: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((root / "plan_data" / "plans" / f"{name}.yml").read_text("utf-8"))


def page(root: Path, path: str) -> str:
    html = (root / "site" / path / "index.html").read_text("utf-8")
    return normalise(read_html(path, html).article)


@cache
def source_lines(name: str) -> list[str]:
    return (REAL / f"{name}.txt").read_text("utf-8").splitlines()


def test_every_paragraph_and_every_cell_is_on_the_full_text_page(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, _ = imported
    for name in DOCUMENTS:
        text = page(root, f"ke-hoach/{name}/toan-van")
        lines = source_lines(name)
        title = next(i for i, line in enumerate(lines) if line.isupper() and " | " not in line)
        checked = 0
        for line in lines[title + 1 :]:
            parts = line.split(" | ") if " | " in line else [line]
            for part in parts:
                part = part.removeprefix("Nơi nhận:")  # shown as the recipients' label
                words = normalise(re.sub(r"^([IVX]+\.|\d+\.|[a-zđ]\)|-)\s+", "", part.strip()))
                assert words in text, (name, words[:80])
                checked += 1
        assert checked > 80, name


def test_each_appendix_row_is_a_task_with_its_cells_words(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, printed = imported
    data = plan(root, "2597-qd-ttg-2025")
    rows = [t for t in data["tasks"] if t["block"].startswith("bang-")]
    assert len(rows) == 25 and "25 từ dòng của bảng" in printed["2597-qd-ttg-2025"]
    task = next(t for t in rows if t["id"] == "xay-dung-va-ban-hanh-cac")
    assert task["lead"] == "bo-xay-dung" and task["support"] == ["bo-khoa-hoc-va-cong-nghe"]
    assert task["due"] == "2026-2027"
    assert task["outputs"] == [
        {"name": "Các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật được ban hành"}
    ]
    text = page(root, "ke-hoach/2597-qd-ttg-2025/nhiem-vu/xay-dung-va-ban-hanh-cac")
    assert text.startswith("I.3 Xây dựng và ban hành các tiêu chuẩn quốc gia")
    assert "Vị trí trong văn bản Phụ lục, bảng 1, dòng 4" in text
    assert "Thuộc nhóm: I CƠ CHẾ, CHÍNH SÁCH" in text
    assert "Thời hạn 2026-2027 (đến hết ngày 31/12/2027)" in text
    assert "Cơ quan phối hợp Bộ Khoa học và Công nghệ" in text
    # Two co-leads in one cell ("Bộ Xây dựng, các địa phương"): the agency, not the phrase.
    shared = next(t for t in rows if t["id"] == "dau-tu-xay-dung-va-nang")
    assert shared["lead"] == "bo-xay-dung"


def test_the_number_date_and_signer_come_from_the_flattened_header_and_closing(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, _ = imported
    expected = {
        "2597-qd-ttg-2025": ("2597/QĐ-TTg", "2025-11-27", "Trần Hồng Hà"),
        "0130-kh-ubnd-daklak-2025": ("0130/KH-UBND", "2025-11-21", "Hồ Thị Nguyên Thảo"),
    }
    for name, (number, date, signer) in expected.items():
        document = plan(root, name)["document"]
        assert (document.get("number"), document.get("date"), document.get("signer")) == (
            number,
            date,
            signer,
        ), name
        header = json.dumps(plan(root, name), ensure_ascii=False).split('"content"')[0]
        assert "Độc lập" not in header
    recipients = plan(root, "2597-qd-ttg-2025")["closing"]["recipients"]
    assert len(recipients) == 1 and recipients[0].endswith("Lưu: VT, CN. pvc 19")


def test_a_decision_that_issues_a_plan_shows_both(imported: tuple[Path, dict[str, str]]) -> None:
    """2820/QĐ-UBND issues a Kế hoạch ("Kèm theo Quyết định số 2820/QĐ-UBND …"): the plan
    is the attached text, with its tasks; the decision is its issuing document, with
    its articles on the full-text page."""
    root, _ = imported
    data = plan(root, "2820-qd-ubnd-hcm-2025")
    assert data["document"]["kind"] == "Kế hoạch" and "number" not in data["document"]
    decision = next(d for d in data["documents"] if d["id"] == data["issuing"]["document"])
    assert (decision["kind"], decision["number"], decision["date"], decision["signer"]) == (
        "Quyết định",
        "2820/QĐ-UBND",
        "2025-11-19",
        "Nguyễn Lộc Hà",
    )
    assert {"type": "ban-hanh", "document": decision["id"], "block": "p1"} in data["basis"]
    text = page(root, "ke-hoach/2820-qd-ubnd-hcm-2025/toan-van")
    decision_at, plan_at = text.index("QUYẾT ĐỊNH"), text.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert decision_at < text.index("Căn cứ Luật Tổ chức chính quyền địa phương") < plan_at
    assert "ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày 19/11/2025" in page(
        root, "ke-hoach/2820-qd-ubnd-hcm-2025"
    )


def test_an_agency_page_lists_what_it_leads_and_supports_and_phrases_have_none(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, _ = imported
    text = page(root, "co-quan/bo-khoa-hoc-va-cong-nghe")
    assert "Vai trò" in text and " Chủ trì " in text and " Phối hợp " in text
    pages = {p.parent.name for p in (root / "site" / "co-quan").glob("*/index.html")}
    assert not any(name.startswith("cac-") for name in pages), sorted(pages)
    assert "so-tai-chinh" in pages and "bo-xay-dung" in pages


def test_duties_in_sentences_become_tasks_with_their_quote(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, printed = imported
    tasks = plan(root, "0130-kh-ubnd-daklak-2025")["tasks"]
    quoted = {t["quote"]: t for t in tasks if "quote" in t}
    sentence = quoted["Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch."]
    assert sentence["lead"] == "so-y-te"
    headed = {t["lead"] for t in tasks if t["block"].startswith("v-")}
    assert headed == {"so-y-te", "so-nong-nghiep-va-moi-truong", "so-tai-chinh"}
    assert "4 từ câu giao việc" in printed["0130-kh-ubnd-daklak-2025"]
    assert "Sở Y tế chủ trì kiểm tra" in printed["0130-kh-ubnd-daklak-2025"]
    partner = next(
        t
        for t in plan(root, "2820-qd-ubnd-hcm-2025")["tasks"]
        if t.get("quote", "").startswith("Công an")
    )
    assert partner["lead"] == "cong-an-thanh-pho" and partner["support"] == ["bo-tu-lenh-thanh-pho"]
    text = page(root, f"ke-hoach/0130-kh-ubnd-daklak-2025/nhiem-vu/{sentence['id']}")
    assert (
        "Câu giao việc (nguyên văn) Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch." in text
    )


def test_open_data_carries_each_deadline_as_a_period(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, printed = imported
    items = json.loads((root / "site" / "du-lieu" / "nhiem-vu.json").read_text("utf-8"))["items"]
    quarter = next(i for i in items if i["due"] and i["due"]["text"] == "Quý IV/2025")
    assert quarter["due"] == {"text": "Quý IV/2025", "start": "2025-10-01", "end": "2025-12-31"}
    unknown = next(i for i in items if i["due"] and i["due"]["text"].startswith("Khi có phát sinh"))
    assert unknown["due"]["end"] is None
    assert "chưa nhận ra thời hạn 'Khi có phát sinh.'" in printed["2820-qd-ubnd-hcm-2025"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_word_file_of_the_same_document_gives_the_same_plan(tmp_path: Path, name: str) -> None:
    """Header and closing as two-column tables, the appendix as a Word table with a
    repeated header row, a row of column numbers, merged group rows and lead cells
    merged down."""
    plans = tmp_path / "plan_data" / "plans"
    plans.mkdir(parents=True)
    word_file(REAL / f"{name}.txt", tmp_path / f"{name}.docx")
    import_plan(REAL / f"{name}.txt", plans / "text.yml")
    import_plan(tmp_path / f"{name}.docx", plans / "word.yml")
    text, word = (yaml.safe_load((plans / f).read_text("utf-8")) for f in ("text.yml", "word.yml"))
    assert word["tasks"] == text["tasks"]
    for key in ("number", "date", "signer", "kind"):
        assert word["document"].get(key) == text["document"].get(key), key
    assert word.get("documents") == text.get("documents")
    assert word["document"].get("signer") or word["issuing"]


def _table(*rows: str) -> SourceTable:
    return SourceTable(
        tuple(SourceRow(tuple(r.split(" | ")), (1,) * len(r.split(" | "))) for r in rows), 1
    )


def test_a_row_with_more_cells_than_its_header_names_the_table_and_row() -> None:
    table = read_table(
        _table(
            "TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn",
            "1 | Tuyên truyền | Sở Y tế | 2026",
            "2 | Kiểm tra | Sở Y tế | 2026 | thừa",
        ),
        "bang-1",
        "Phụ lục, bảng 1",
    )
    assert table.problems == [
        "Phụ lục, bảng 1, dòng 2: dòng có 5 ô nhưng tiêu đề bảng chỉ có 4 cột."
    ]


def test_a_header_with_no_task_column_is_an_error_naming_the_table() -> None:
    table = read_table(
        _table(
            "TT | Việc cần làm gấp | Cơ quan chủ trì | Thời hạn",
            "1 | Tuyên truyền | Sở Y tế | 2026",
        ),
        "bang-1",
        "Phụ lục, bảng 1",
    )
    assert table.problems == [
        "Phụ lục, bảng 1, dòng tiêu đề 1: có cột chu-tri, thoi-han nhưng không có cột nhiệm vụ "
        "(ví dụ 'Nhiệm vụ', 'Nội dung công việc'). Hãy sửa tiêu đề cột nhiệm vụ trong tệp nguồn "
        "rồi nhập lại."
    ]
    assert not table.tasks and len(table.block["table"]["rows"]) == 2


def test_abbreviated_and_spelled_out_names_are_one_agency_and_lists_name_each(
    tmp_path: Path,
) -> None:
    source = tmp_path / "chuong-trinh.txt"
    source.write_text(
        "KẾ HOẠCH\nThử nghiệm bảng nhiệm vụ\nI. NHIỆM VỤ\n"
        "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
        "1 | Việc một | UBND TP Cần Thơ | Các Bộ: Công an, Quốc phòng | Quý II/2026\n"
        "2 | Việc hai | Ủy ban nhân dân thành phố Cần Thơ | các đơn vị liên quan | 2026\n",
        "utf-8",
    )
    plans = tmp_path / "plan_data" / "plans"
    plans.mkdir(parents=True)
    import_plan(source, plans / "thu.yml")
    data = yaml.safe_load((plans / "thu.yml").read_text("utf-8"))
    one, two = (t for t in data["tasks"] if t["block"].startswith("bang-"))
    assert one["lead"] == two["lead"] == "uy-ban-nhan-dan-thanh-pho-can-tho"
    assert one["support"] == ["bo-cong-an", "bo-quoc-phong"] and "support" not in two
    names = {o["id"]: o for o in data["organisations"]}
    assert "UBND TP Cần Thơ" in names["uy-ban-nhan-dan-thanh-pho-can-tho"]["terms"]


def test_no_overwrite_without_force_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "plans" / "x.yml"
    dry = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            str(REAL / "552-kh-ubnd-dongthap-2025.txt"),
            "-o",
            str(out),
            "--dry-run",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert dry.returncode == 0 and "Chạy thử: chưa ghi tệp nào." in dry.stdout and not out.exists()
    assert "19 từ dòng của bảng" in dry.stdout and "Thời hạn: 19 nhận ra" in dry.stdout
    shutil.copy(REAL / "SOURCES.md", out.parent / "x.yml") if out.parent.mkdir() is None else None
    again = subprocess.run(
        [sys.executable, str(SCRIPT), str(REAL / "552-kh-ubnd-dongthap-2025.txt"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 1 and "Thêm --force" in again.stderr


def test_a_footnote_in_a_word_file_is_kept_where_a_text_copy_shows_it(tmp_path: Path) -> None:
    name = "0130-kh-ubnd-daklak-2025"
    word = tmp_path / f"{name}.docx"
    word_file(REAL / f"{name}.txt", word)
    note = "Chú thích thử nghiệm thêm vào tệp Word, không có trong văn bản gốc."
    add_footnote(word, "V. TỔ CHỨC THỰC HIỆN", note)
    plans = tmp_path / "plan_data" / "plans"
    plans.mkdir(parents=True)
    import_plan(word, plans / "word.yml")
    text = (plans / "word.yml").read_text("utf-8")
    assert '"V."' in text and "TỔ CHỨC THỰC HIỆN[1]" in text
    assert f'"[1] {note}"' in text


@pytest.mark.parametrize(
    ("capitals", "written"),
    [
        # The header lines of the four documents above, and of the test fixtures.
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Ủy ban nhân dân tỉnh Đắk Lắk"),
        ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG MỘT", "Ủy ban nhân dân phường Một"),
        ("BỘ XÂY DỰNG", "Bộ Xây dựng"),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
    ],
)
def test_an_issuer_in_capitals_is_named_as_running_text_names_it(
    capitals: str, written: str
) -> None:
    assert from_capitals(capitals) == written


def test_an_unknown_issuer_is_defined_in_the_plan_not_left_unknown(
    imported: tuple[Path, dict[str, str]],
) -> None:
    root, printed = imported
    data = plan(root, "0130-kh-ubnd-daklak-2025")
    assert data["document"]["issuer"] == "uy-ban-nhan-dan-tinh-dak-lak"
    assert {
        "id": "uy-ban-nhan-dan-tinh-dak-lak",
        "name": "Ủy ban nhân dân tỉnh Đắk Lắk",
        "terms": ["Ủy ban nhân dân tỉnh Đắk Lắk"],
    } in data["organisations"]
    assert "cấp và khối để trống" in printed["0130-kh-ubnd-daklak-2025"]
    assert "Cơ quan ban hành Ủy ban nhân dân tỉnh Đắk Lắk" in page(
        root, "ke-hoach/0130-kh-ubnd-daklak-2025"
    )
