"""Bad input is refused with one exact, located Vietnamese message per problem.

Each folder under fixtures/invalid/<case>/ holds files that overlay the small
valid project fixtures/other-city/, and expected.txt, the exact report.
Regenerate the expected reports with PLANSITE_REGEN=1 (then review the diff).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plansite.errors import PlanDataError
from plansite.project import generate

from .conftest import FIXTURES, REGEN, ROOT, copy_project

INVALID = FIXTURES / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())

# Inputs too large to keep in the repository are made here.
MADE = {
    "oversized": {
        "plan_data/glossary.yml": "terms:\n"
        + ('  - term: "x"\n    meaning: "' + "y" * 1000 + '"\n    source: "z"\n') * 2200
    },
}


def make_case(case: str, target: Path) -> Path:
    root = copy_project(FIXTURES / "other-city", target)
    for path in sorted((INVALID / case).rglob("*")):
        rel = path.relative_to(INVALID / case)
        if path.is_file() and rel.as_posix() != "expected.txt":
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, root / rel)
    for rel_name, text in MADE.get(case, {}).items():
        (root / rel_name).write_text(text, encoding="utf-8")
    return root


def report_for(root: Path) -> str:
    with pytest.raises(PlanDataError) as caught:
        generate(root, root / "docs", "Thử")
    return caught.value.report() + "\n"


@pytest.mark.parametrize("case", CASES)
def test_invalid_input_gives_exact_message(case: str, tmp_path: Path) -> None:
    root = make_case(case, tmp_path / "p")
    report = report_for(root)
    expected = INVALID / case / "expected.txt"
    if REGEN:
        expected.write_text(report, encoding="utf-8")
    assert report == expected.read_text(encoding="utf-8")


def test_every_case_has_an_expected_message() -> None:
    missing = [case for case in CASES if not (INVALID / case / "expected.txt").is_file()]
    assert not missing


def test_validate_script_exits_1_without_traceback(tmp_path: Path) -> None:
    root = make_case("many-errors-at-once", tmp_path / "p")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "validate.py"),
            "--config",
            str(root / "mkdocs.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (INVALID / "many-errors-at-once" / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr == expected


def test_mkdocs_build_stops_with_the_list_and_no_traceback(tmp_path: Path) -> None:
    root = make_case("unknown-references", tmp_path / "p")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = (INVALID / "unknown-references" / "expected.txt").read_text(encoding="utf-8")
    for line in expected.splitlines()[1:]:
        assert line in result.stderr
    assert not (root / "site").exists()


def test_validate_script_accepts_the_real_data() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "validate.py"),
            "--config",
            str(ROOT / "mkdocs.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ: 1 kế hoạch, 1 nhiệm vụ")


def test_readme_example_is_a_real_message() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    expected = (INVALID / "unknown-references" / "expected.txt").read_text(encoding="utf-8")
    assert expected in readme
