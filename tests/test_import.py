"""The importer: .txt and .docx in, validated YAML out, no word lost, nothing guessed.

fixtures/import/full.txt is a plan in the official layout (written for these tests);
full.expected.yml is its golden output (PLANSITE_REGEN=1 rewrites it). Every variant of
the same document (line ends, normal forms, encodings, Word files) must give the same.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from plansite.model.site import load_site

from .conftest import FIXTURES, REGEN, ROOT, copy_project, run_build
from .legacy_encoders import encode_cp1258, encode_tcvn3
from .test_site import source_paragraphs, text_of

IMPORT = FIXTURES / "import"
GOLDEN = IMPORT / "full.expected.yml"
SCRIPT = ROOT / "scripts" / "import_plan.py"
SOURCE_TEXT = (IMPORT / "full.txt").read_text(encoding="utf-8")


def project(tmp_path: Path) -> Path:
    """A small project whose shared files the importer reads (and must not change)."""
    root = tmp_path / "project"
    (root / "plan_data" / "plans").mkdir(parents=True)
    for path in (FIXTURES / "other-city" / "plan_data").glob("*.yml"):
        shutil.copy(path, root / "plan_data" / path.name)
    return root


def run(source: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "-o", str(out), *flags],
        capture_output=True,
        text=True,
        check=False,
    )


def imported(tmp_path: Path, name: str, data: bytes) -> str:
    root = project(tmp_path)
    source = tmp_path / "src" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    out = root / "plan_data" / "plans" / "nhap-thu.yml"
    result = run(source, out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out.read_text(encoding="utf-8").replace(name, "full.txt")


def test_text_import_matches_golden_file(tmp_path: Path) -> None:
    text = imported(tmp_path, "full.txt", SOURCE_TEXT.encode())
    if REGEN:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_a_short_draft_keeps_unknowns_unknown_and_unclassified_text_verbatim(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    out = root / "plan_data" / "plans" / "ngan.yml"
    result = run(IMPORT / "ngan.txt", out)
    assert result.returncode == 0, result.stderr
    assert "Cảnh báo: dòng 4: chưa phân loại được" in result.stderr
    assert "chưa phân loại: 1" in result.stdout
    text = out.read_text(encoding="utf-8")
    golden = IMPORT / "ngan.expected.yml"
    if REGEN:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "number:" not in text.split("content:")[0]  # "Số: /KH-UBND" has no number yet
    assert 'text: "Bản dự thảo lần 2"' in text


VARIANTS = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode(),
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode(),
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode(),
    "utf-16": lambda t: t.encode("utf-16"),
    "windows-1258": encode_cp1258,
    "blank-lines-and-page-break": lambda t: (
        t.replace("\n", "\n\n\n")
        .replace("chọn vị trí trồng cây xanh", "chọn vị trí\n\ntrồng cây xanh")
        .encode()
    ),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_of_the_text_gives_the_same_plan(tmp_path: Path, variant: str) -> None:
    text = imported(tmp_path, "full.txt", VARIANTS[variant](SOURCE_TEXT))
    assert text == GOLDEN.read_text(encoding="utf-8")


def _level(line: str) -> tuple[int, str] | None:
    """Word list level and the text after the number, for a numbered line of full.txt."""
    first, _, rest = line.partition(" ")
    if first in ("I.", "II.", "III."):
        return 0, rest
    if first[:-1].isdigit() and first.endswith("."):
        return 1, rest
    if len(first) == 2 and first.endswith(")"):
        return 2, rest
    if first == "-":
        return 3, rest
    return None  # "+" bullets stay typed, as people often do


def _docx(path: Path, numbered: bool) -> None:
    """full.txt as a Word file: numbers typed, or given by Word's automatic numbering."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    if numbered:
        formats = [
            ("upperRoman", "%1."),
            ("decimal", "%2."),
            ("lowerLetter", "%3)"),
            ("bullet", "-"),
        ]
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text) in enumerate(formats)
        )
        numbering = document.part.numbering_part.element
        numbering.append(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'
            )
        )
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )
    closing = False
    for line in filter(str.strip, SOURCE_TEXT.splitlines()):
        closing = closing or line.startswith("Nơi nhận")  # recipients keep their typed "-"
        level = None if closing or not numbered else _level(line)
        if level is None:
            document.add_paragraph(line)
            continue
        paragraph = document.add_paragraph(level[1])
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level[0]}"/><w:numId w:val="90"/>'
                "</w:numPr>"
            )
        )
    document.save(str(path))


@pytest.mark.parametrize("numbered", [False, True], ids=["typed-numbers", "word-numbering"])
def test_word_files_give_the_same_plan(tmp_path: Path, numbered: bool) -> None:
    source = tmp_path / "full.docx"
    _docx(source, numbered)
    text = imported(tmp_path, "full.docx", source.read_bytes())
    assert text == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "full.txt",
            encode_tcvn3("Kế hoạch bảo vệ môi trường của thành phố và các xã phường"),
            "tệp được lưu bằng bảng mã TCVN3 (ABC).",
        ),
        (
            "full.txt",
            "Keá hoaïch baûo veä moâi tröôøng cuûa thaønh phoá".encode("cp1252"),
            "tệp được lưu bằng bảng mã VNI-Windows.",
        ),
        ("trong.txt", b"  \n\n", "tệp trống."),
        ("nhi-phan.txt", bytes(range(256)), "đây là tệp nhị phân, không phải văn bản."),
        (
            "tho.txt",
            "Một bài thơ\nkhông phải kế hoạch.\n".encode(),
            "tho.txt không có dạng một văn bản kế hoạch",
        ),
        ("ke-hoach.pdf", b"%PDF-1.4", "không đọc được loại tệp '.pdf'."),
    ],
    ids=["tcvn3", "vni", "empty", "binary", "not-a-plan", "unknown-extension"],
)
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    root = project(tmp_path)
    source = tmp_path / name
    source.write_bytes(data)
    out = root / "plan_data" / "plans" / "nhap-thu.yml"
    result = run(source, out)
    assert result.returncode == 1
    assert result.stderr.startswith("Không nhập được: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_a_second_import_needs_force_and_shared_files_are_untouched(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = {p.name: p.read_bytes() for p in (root / "plan_data").glob("*.yml")}
    out = root / "plan_data" / "plans" / "nhap-thu.yml"
    assert run(IMPORT / "full.txt", out).returncode == 0
    again = run(IMPORT / "full.txt", out)
    assert again.returncode == 1 and "--force" in again.stderr
    assert run(IMPORT / "full.txt", out, "--force").returncode == 0
    assert {p.name: p.read_bytes() for p in (root / "plan_data").glob("*.yml")} == before
    assert [p.name for p in out.parent.iterdir()] == ["nhap-thu.yml"]


def test_an_imported_plan_builds_with_no_hand_edits(tmp_path: Path) -> None:
    root = copy_project(FIXTURES / "other-city", tmp_path / "p")
    result = run(IMPORT / "full.txt", root / "plan_data" / "plans" / "nhap-thu.yml")
    assert result.returncode == 0, result.stderr
    run_build(root / "mkdocs.yml", root / "site")
    page = text_of((root / "site/ke-hoach/nhap-thu/toan-van/index.html").read_text("utf-8"))
    assert "đ) Tổng kết, khen thưởng các tập thể, cá nhân có thành tích." in page


def _structure(blocks: list[object]) -> list[object]:
    return [
        (b.number, b.heading, b.text, _structure(list(b.children)))  # type: ignore[attr-defined]
        for b in blocks
    ]


def test_round_trip_of_the_real_source(tmp_path: Path) -> None:
    root = copy_project(ROOT, tmp_path / "p")
    plan = root / "plan_data" / "plans" / "bao-ve-moi-truong-tp-tra-vinh.yml"
    source = ROOT.parent / "shared" / "source" / "000_b69a159fc8a26ca9.txt"
    if not source.is_file():
        source = FIXTURES / "source.txt"
    result = run(source, plan, "--force")
    assert result.returncode == 0, result.stderr
    run_build(root / "mkdocs.yml", root / "site")
    page = text_of(
        (root / "site/ke-hoach/bao-ve-moi-truong-tp-tra-vinh/toan-van/index.html").read_text(
            "utf-8"
        )
    )
    position = 0
    for paragraph in source_paragraphs():
        found = page.find(paragraph, position)
        assert found >= 0, paragraph[:60]
        position = found + len(paragraph)
    curated = load_site(ROOT / "plan_data", ROOT).plans[0]
    imported_plan = load_site(root / "plan_data", root).plans[0]
    assert _structure(list(imported_plan.content)) == _structure(list(curated.content))
    assert imported_plan.basis == curated.basis
    assert [t.block.anchor for t in imported_plan.tasks] == [t.block.anchor for t in curated.tasks]
    assert imported_plan.document.issuer == curated.document.issuer
