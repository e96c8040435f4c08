"""The preview's error page and the Vietnamese wording of MkDocs' own warnings."""

from __future__ import annotations

from pathlib import Path

from plansite.errors import Problem, Where
from plansite.preview.page import TITLE, error_markdown
from plansite.preview.warnings import translate


def test_the_error_page_lists_every_problem_as_the_command_line_does() -> None:
    problems = [
        Problem(Where("plan_data/site.yml", 3, 9), ("as_of",), "ngày không có thật: '2026-02-31'."),
        Problem(
            Where("plan_data/plans/a.yml", 8, 11),
            ("document", "issuer"),
            "không có cơ quan 'x'.",
            "Có phải ý bạn là 'y'?",
        ),
    ]
    page = error_markdown(problems)
    assert f"# {TITLE}" in page and "**2 lỗi**" in page
    for problem in problems:
        assert str(problem) in page  # the exact line the CLI prints
    assert "| **plan\\_data/site.yml:3:9** | as\\_of |" in page
    assert "/livereload/" in page  # reloads itself when the server has rebuilt


def test_data_on_the_error_page_is_text() -> None:
    page = error_markdown([Problem(Where("f.yml", 1, 1), (), "gặp '<script>alert(1)</script>'.")])
    table = page.split("```text", 1)[0]
    assert "<script>alert" not in table and "&lt;script&gt;" in table


def test_a_crash_says_where_the_log_is() -> None:
    page = error_markdown([], crash_log="/tmp/plansite-preview.log")
    assert "lỗi trong mã của chính trang" in page and "plansite-preview.log" in page


def test_mkdocs_warnings_are_said_in_vietnamese_with_the_line(tmp_path: Path) -> None:
    (tmp_path / "nguoi-dan.md").write_text("# A\n\nXem [trang](khong-co.md).\n", "utf-8")
    link = translate(
        "Doc file 'nguoi-dan.md' contains a link 'khong-co.md', but the target is not found "
        "among documentation files.",
        tmp_path,
    )
    assert str(link) == (
        "docs/nguoi-dan.md:3:1  liên kết 'khong-co.md' trỏ tới một trang không có. "
        "Hãy sửa đường dẫn, hoặc tạo trang đó."
    )
    anchor = translate(
        "Doc file 'nguoi-dan.md' contains a link 'khong-co.md#x', but the doc 'khong-co.md' "
        "does not contain an anchor '#x'.",
        tmp_path,
    )
    assert "docs/nguoi-dan.md" in str(anchor)
    nav = translate(
        'The following pages exist in the docs directory, but are not included in the "nav" '
        "configuration:\n  - moi.md",
        tmp_path,
    )
    assert "menu" in str(nav) and "moi.md" in str(nav)
    other = translate("Something else happened.", tmp_path)
    assert str(other).endswith("MkDocs cảnh báo: Something else happened.")
