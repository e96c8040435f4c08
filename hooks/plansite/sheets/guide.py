"""The instructions sheet ("Hướng dẫn"): how an agency fills the progress sheet, in Vietnamese."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model.types import Site
from .layout import (
    DATE,
    EVIDENCE,
    FILL,
    NOTE,
    SHEET,
    STATUS,
    STATUS_MEANINGS,
    day_text,
    reportable,
)


def _example_document(site: Site) -> str:
    """A real document id to show as an example of evidence (not a plan), or a made-up one."""
    ids = sorted(d.id for d in site.documents if d.plan is None)
    return ids[0] if ids else "quyet-dinh-25"


def guide_lines(site: Site) -> list[str]:
    """The instructions, one paragraph per line; a line ending in ':' introduces a list."""
    as_of = day_text(site.as_of)
    fill = ", ".join(FILL)
    lines = [
        "Hướng dẫn điền bảng báo cáo tiến độ",
        f"Bảng được tạo từ dữ liệu kế hoạch cập nhật đến ngày {as_of}.",
        "",
        f"1. Trang '{SHEET}': mỗi dòng là một nhiệm vụ. Chỉ điền các cột màu trắng: {fill}.",
        "2. Mỗi dòng đã điền được nhập thành một lần cập nhật tiến độ của nhiệm vụ đó. Nhiệm vụ "
        "không có gì mới thì để trống cả dòng. Mỗi nhiệm vụ chỉ ghi một lần cập nhật (mới nhất) "
        "trong một bảng.",
        f"3. {DATE} (bắt buộc): ngày của thông tin tiến độ, gõ dạng NGÀY/THÁNG/NĂM, ví dụ "
        "15/12/2026. Không ghi ngày trong tương lai. Nếu máy tính hiện đảo ngày và tháng, hãy gõ "
        "thêm dấu nháy đơn phía trước: '15/12/2026.",
        f"4. {STATUS} (bắt buộc): chọn trong danh sách thả xuống:",
        *(f"    - {s.label}: {STATUS_MEANINGS[s]}" for s in reportable()),
        f"5. {NOTE} (không bắt buộc): vài câu ngắn về kết quả, khó khăn, lý do chậm hay tạm dừng.",
        f"6. {EVIDENCE} (không bắt buộc): mã một văn bản đã có trên trang thông tin (ví dụ "
        f"{_example_document(site)}), hoặc một đường dẫn bắt đầu bằng http:// hoặc https://. "
        "Chỉ ghi một minh chứng trong một ô.",
        "7. Không sửa, xóa, thêm hay sắp xếp lại các cột màu xám (mã nhiệm vụ, mã kế hoạch, số "
        "thứ tự, tên nhiệm vụ, cơ quan, thời hạn, tình trạng hiện tại). Các cột này được khóa "
        "bằng chức năng bảo vệ trang tính, không đặt mật khẩu; đừng bỏ khóa. Dòng có cột xám bị "
        "sửa sẽ không được nhập.",
        "8. Lưu tệp dạng Excel (.xlsx), không đặt mật khẩu mở tệp, rồi gửi lại tệp cho bộ phận "
        "thông tin (người biên tập trang thông tin kế hoạch).",
        "",
        "Nếu tệp có lỗi, bộ phận thông tin sẽ báo lại từng ô cần sửa (ví dụ "
        f"'{SHEET}!J7'); khi đó không dòng nào được nhập cho đến khi sửa xong.",
    ]
    return lines


def write_guide(ws: Worksheet, site: Site) -> None:
    """Fill the instructions sheet: one paragraph per row in column A, wrapped."""
    ws.column_dimensions["A"].width = 110
    for number, line in enumerate(guide_lines(site), start=1):
        cell = ws.cell(row=number, column=1, value=line or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=14)
    ws.protection.sheet = True
