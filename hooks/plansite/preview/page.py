"""The page the preview shows in place of the site while the data or a page is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

import markdown

from ..errors import Problem, format_path
from ..text import md_inline

TITLE = "Bản xem trước: cần sửa lỗi"


def _reload_script() -> str:
    """The page's own live-reload script (assets/reload.html), inlined into the page."""
    return resources.files(__package__).joinpath("assets", "reload.html").read_text("utf-8")


def error_markdown(problems: Sequence[Problem], crash_log: str | None = None) -> str:
    """The error page as Markdown (with front matter), for the preview's home page."""
    front = ["---", f'title: "{TITLE}"', "search:", "  exclude: true", "---", ""]
    return "\n".join(front) + error_body(problems, crash_log)


def error_html(problems: Sequence[Problem], crash_log: str | None = None) -> str:
    """The same page as HTML, for the theme's 404 template: every other address shows it."""
    return markdown.markdown(error_body(problems, crash_log), extensions=["tables", "fenced_code"])


def warnings_panel(problems: Sequence[Problem]) -> str:
    """MkDocs' own warnings as a panel to put at the top of every page of the preview."""
    body = _problem_list(problems, "Trang dựng được nhưng có cảnh báo cần sửa")
    inner = markdown.markdown("\n".join(body), extensions=["tables", "fenced_code"])
    return f'<div class="admonition danger xem-truoc-loi" role="alert">{inner}</div>'


def error_body(problems: Sequence[Problem], crash_log: str | None = None) -> str:
    """Every problem as the command line reports it, or, for a failure of the site's own
    code, a short message and where the full log is; then the page's own reload script."""
    lines = [f"# {TITLE}", ""]
    if crash_log is not None:
        lines += [
            "Bản xem trước gặp lỗi trong mã của chính trang (không phải lỗi trong dữ liệu bạn "
            "sửa), nên chưa dựng được trang.",
            "",
            f"Chi tiết đầy đủ ở cửa sổ dòng lệnh đang chạy bản xem trước và trong tệp "
            f"**{md_inline(crash_log)}**. Hãy gửi tệp này cho người bảo trì trang.",
            "",
        ]
    else:
        lines += _problem_list(problems, f"Dữ liệu hoặc trang viết tay có **{len(problems)} lỗi**")
    lines += [
        "_Trang này chỉ có trong bản xem trước; bản công bố không bao giờ dựng khi còn lỗi._",
        "",
        _reload_script().strip(),
        "",
    ]
    return "\n".join(lines)


def _problem_list(problems: Sequence[Problem], lead: str) -> list[str]:
    lines = [
        f"{lead}. Hãy sửa rồi lưu tệp: trang tự tải lại sau vài giây, không cần bấm gì.",
        "",
        "| Ở đâu | Khóa | Lỗi và cách sửa |",
        "| --- | --- | --- |",
    ]
    for p in problems:
        key = format_path(p.path)
        fix = f"{p.message} {p.hint}".strip()
        where = f"**{md_inline(p.where)}**"
        lines.append(f"| {where} | {md_inline(key) if key else ''} | {md_inline(fix)} |")
    lines += ["", "Cùng danh sách, đúng như lệnh kiểm tra in ra:", "", "```text"]
    lines += [str(p) for p in problems]
    return [*lines, "```", ""]
