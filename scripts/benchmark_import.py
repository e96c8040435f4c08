"""How long the importer takes on a long appendix: prints figures, asserts nothing.

Usage: python scripts/benchmark_import.py [--rows 300] [--runs 3]

Writes a programme whose appendix has ROWS task rows in groups of 20 (as text, and as a
Word file made the way tests/word_tables.py makes them), runs scripts/import_plan.py on
each RUNS times, and prints the best and median wall time per format. The target is under
5 seconds for 300 rows on a 2-core machine; the figure goes in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from plansite.importer.sources import roman

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AGENCIES = ["Sở Tài chính", "Sở Xây dựng", "UBND TP Cần Thơ", "Sở Văn hóa, Thể thao và Du lịch"]
DUES = ["Quý II/2026", "2026", "6 tháng đầu năm 2027", "2026-2030", "trước ngày 30/6/2026"]


def programme(rows: int) -> str:
    """A programme in the official layout with an appendix of `rows` tasks."""
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH THỬ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 99/CTr-UBND | Tỉnh Thử, ngày 02 tháng 01 năm 2026",
        "CHƯƠNG TRÌNH",
        "Hành động thử nghiệm đo thời gian nhập",
        "I. MỤC TIÊU",
        "Đo thời gian nhập một phụ lục dài.",
        "Nơi nhận: - Lưu: VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Người Ký Thử",
        "PHỤ LỤC",
        "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm",
    ]
    for n in range(rows):
        if n % 20 == 0:
            lines.append(f"{roman(n // 20 + 1)} | Nhóm nhiệm vụ thứ {n // 20 + 1}")
        lead, partner = AGENCIES[n % 4], AGENCIES[(n + 1) % 4]
        lines.append(
            f"{n % 20 + 1} | Nhiệm vụ số {n + 1} về việc thử nghiệm nhập bảng dài | {lead} | "
            f"{partner}, các đơn vị liên quan | {DUES[n % 5]} | Báo cáo số {n + 1}"
        )
    return "\n".join(lines) + "\n"


def timed(source: Path, out: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_plan.py"), str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    out.unlink()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tests.word_tables import word_file

    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "chuong-trinh.txt"
        text.write_text(programme(args.rows), encoding="utf-8")
        word = Path(folder) / "chuong-trinh.docx"
        word_file(text, word)
        out = Path(folder) / "plans" / "thu.yml"
        out.parent.mkdir()
        for source in (text, word):
            times = [timed(source, out) for _ in range(args.runs)]
            print(
                f"import_{source.suffix[1:]}_{args.rows}_rows_s: best {min(times):.2f}, "
                f"median {statistics.median(times):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
