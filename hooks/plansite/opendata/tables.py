"""The exported tables: one per entity, each with its fields and what they mean.

The open-data page lists these same tables and fields, so the page and the files
cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..model.naming import Namer, names_of
from ..model.progress import recent_updates
from ..model.types import Group, Organisation, Site, Task
from ..text import vn_date

# A missing value is None: null in JSON, an empty cell in CSV; never 0, "" or false.
Cell = str | None
# A field named 'due.text' is the member 'text' of the record 'due' (None when absent).
Row = dict[str, Cell | dict[str, Cell]]


@dataclass(frozen=True)
class Table:
    """One exported entity: its file stem, what it is, and its fields with meanings."""

    stem: str
    title: str
    fields: tuple[tuple[str, str], ...]
    rows: Callable[[Site], list[Row]]

    @property
    def columns(self) -> tuple[str, ...]:
        """The flat columns of the CSV file: the field 'due.text' is the column 'due_text'."""
        return tuple(name.replace(".", "_") for name, _ in self.fields)

    def cells(self, row: Row) -> dict[str, Cell]:
        """A row as flat CSV cells, by column: each member of a record in its own column."""
        cells = {}
        for name, _ in self.fields:
            key, _, member = name.partition(".")
            value = row.get(key)
            if isinstance(value, dict):
                value = value.get(member)
            cells[name.replace(".", "_")] = value
        return cells


def _d(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _plans(site: Site) -> list[Row]:
    return [
        {
            "id": p.id,
            "ten_ngan": p.short_title,
            "cap": p.level or None,
            "loai": p.document.kind,
            "so_ky_hieu": p.document.number or None,
            "ngay_ban_hanh": _d(p.document.date),
            "co_quan_ban_hanh": p.document.issuer or None,
            "trich_yeu": p.document.subject,
            "can_cu": " ".join(f"{b.type}:{b.document}" for b in p.basis) or None,
            "pham_vi": p.provenance.extent,
            "so_nhiem_vu": str(len(p.tasks)),
        }
        for p in site.plans
    ]


def _documents(site: Site) -> list[Row]:
    return [
        {
            "id": d.id,
            "loai": d.kind,
            "so_ky_hieu": d.number or None,
            "ngay_ban_hanh": _d(d.date),
            "co_quan_ban_hanh": d.issuer or None,
            "trich_yeu": d.subject,
            "ten_viet_tat": d.short_name or None,
            "ke_hoach": d.plan or None,
            "quan_he": " ".join(f"{r.type}:{r.target}" for r in d.relations) or None,
        }
        for d in site.documents
    ]


def _organisations(site: Site) -> list[Row]:
    return [{"id": o.id, "ten": o.name, "cap": o.level, "khoi": o.kind} for o in site.organisations]


def _tasks(site: Site) -> list[Row]:
    return [
        {
            "id": t.id,
            "ke_hoach": p.id,
            "doan": t.block.anchor,
            "so": t.block.number or None,
            "noi_dung": t.title,
            "chu_tri": " ".join(t.leads) or None,
            "phoi_hop": " ".join(t.support) or None,
            "thoi_han": _d(t.deadline),
            "due": _due(t),
            "chu_ky": t.recurrence.frequency if t.recurrence else None,
            "moc_chu_ky": t.recurrence.anchor if t.recurrence else None,
            "linh_vuc": " ".join(t.block.domains) or None,
            "tinh_trang": t.status,
            "ngay_cap_nhat": _d(t.latest.date if t.latest else None),
        }
        for p in site.plans
        for t in p.tasks
    ]


def _due(task: Task) -> dict[str, Cell] | None:
    """The due as written, with its first and last day where known; None with neither."""
    if task.due_text is not None:
        start = task.due_period.start if task.due_period else None
        return {"text": task.due_text, "start": _d(start), "end": _d(task.deadline)}
    if task.deadline:
        return {
            "text": vn_date(task.deadline),
            "start": _d(task.deadline),
            "end": _d(task.deadline),
        }
    return None


def _passages(site: Site) -> list[Row]:
    """Every block of every plan's text, word for word, with who and what it names."""
    entities: list[Organisation | Group] = [*site.organisations, *site.groups]
    namer = Namer({e.id: names_of(e) for e in entities})
    return [
        {
            "ke_hoach": p.id,
            "doan": b.anchor,
            "vi_tri": b.label,
            "so": b.number or None,
            "tieu_de": b.heading or None,
            "loi_van": b.text or None,
            "linh_vuc": " ".join(b.domains) or None,
            "neu_ten": " ".join(namer.named(b.words)) or None,
            "giao_viec_cho": " ".join(b.addressees) or None,
        }
        for p in site.plans
        for b in p.passages()
    ]


def _groups(site: Site) -> list[Row]:
    return [{"id": g.id, "ten": g.name} for g in site.groups]


def _glossary(site: Site) -> list[Row]:
    return [
        {"thuat_ngu": g.term, "nghia": g.meaning, "nguon": g.source, "co_so": g.basis}
        for g in site.glossary
    ]


def _references(site: Site) -> list[Row]:
    return [
        {
            "id": r.id,
            "loai": r.kind,
            "so_ky_hieu": r.number,
            "ten": r.title,
            "co_quan": r.issuer,
            "ngay": _d(r.date),
            "ngay_hieu_luc": _d(r.effective),
        }
        for r in site.references
    ]


def _updates(site: Site) -> list[Row]:
    rows: list[Row] = []
    for plan, task, i in recent_updates(site):
        up = task.updates[i]
        ev = up.evidence
        rows.append(
            {
                "ke_hoach": plan.id,
                "nhiem_vu": task.id,
                "thu_tu": str(i + 1),
                "ngay": _d(up.date),
                "tinh_trang": up.status,
                "ghi_chu": up.note or None,
                "minh_chung_van_ban": ev.document if ev else None,
                "minh_chung_lien_ket": ev.url if ev else None,
            }
        )
    return rows


TABLES = (
    Table(
        "ke-hoach",
        "Kế hoạch",
        (
            ("id", "Mã kế hoạch"),
            ("ten_ngan", "Tên ngắn"),
            ("cap", "Cấp"),
            ("loai", "Loại văn bản"),
            ("so_ky_hieu", "Số, ký hiệu (trống nếu chưa có)"),
            ("ngay_ban_hanh", "Ngày ban hành"),
            ("co_quan_ban_hanh", "Mã cơ quan ban hành"),
            ("trich_yeu", "Trích yếu"),
            ("can_cu", "Căn cứ, dạng loại:mã-văn-bản"),
            ("pham_vi", "mot-phan hoặc toan-van"),
            (
                "so_nhiem_vu",
                "Số nhiệm vụ có trong dữ liệu; khi pham_vi là mot-phan, kế hoạch có thể "
                "còn nhiệm vụ khác chưa số hóa",
            ),
        ),
        _plans,
    ),
    Table(
        "van-ban",
        "Văn bản",
        (
            ("id", "Mã văn bản"),
            ("loai", "Loại"),
            ("so_ky_hieu", "Số, ký hiệu"),
            ("ngay_ban_hanh", "Ngày ban hành"),
            ("co_quan_ban_hanh", "Mã cơ quan ban hành"),
            ("trich_yeu", "Trích yếu"),
            ("ten_viet_tat", "Tên viết tắt văn bản định nghĩa"),
            ("ke_hoach", "Mã kế hoạch (nếu là kế hoạch)"),
            ("quan_he", "Quan hệ văn bản nêu, dạng loại:mã"),
        ),
        _documents,
    ),
    Table(
        "co-quan",
        "Cơ quan",
        (("id", "Mã cơ quan"), ("ten", "Tên như văn bản gọi"), ("cap", "Cấp"), ("khoi", "Khối")),
        _organisations,
    ),
    Table(
        "doi-tuong",
        "Đối tượng (nhóm người văn bản nêu tên)",
        (("id", "Mã đối tượng"), ("ten", "Tên như văn bản gọi")),
        _groups,
    ),
    Table(
        "doan-van",
        "Lời văn kế hoạch, từng đoạn",
        (
            ("ke_hoach", "Mã kế hoạch"),
            ("doan", "Mã neo đoạn văn (trich-yeu là trích yếu)"),
            ("vi_tri", "Vị trí trong văn bản, bằng lời"),
            ("so", "Số thứ tự như bản gốc"),
            ("tieu_de", "Tiêu đề nguyên văn"),
            ("loi_van", "Lời văn nguyên văn"),
            ("linh_vuc", "Mã lĩnh vực người biên tập gắn cho đoạn"),
            ("neu_ten", "Mã cơ quan, đối tượng mà đoạn nêu tên (tìm theo cách văn bản gọi)"),
            ("giao_viec_cho", "Mã cơ quan, đối tượng mà người biên tập xác định được giao việc"),
        ),
        _passages,
    ),
    Table(
        "nhiem-vu",
        "Nhiệm vụ",
        (
            ("id", "Mã nhiệm vụ"),
            ("ke_hoach", "Mã kế hoạch"),
            ("doan", "Mã neo đoạn văn"),
            ("so", "Số thứ tự"),
            ("noi_dung", "Tiêu đề nguyên văn"),
            ("chu_tri", "Mã cơ quan chủ trì (nhiều cơ quan cùng chủ trì: cách nhau bởi dấu cách)"),
            ("phoi_hop", "Mã cơ quan phối hợp"),
            ("thoi_han", "Thời hạn: ngày cuối cùng, dùng để tính quá hạn (bằng due.end)"),
            (
                "due.text",
                "Thời hạn đúng như văn bản ghi, ví dụ Quý II/2023 hay 2022-2030 "
                "(thời hạn chỉ ghi ngày: ngày đó, dạng ngày/tháng/năm)",
            ),
            (
                "due.start",
                "Ngày đầu của thời hạn (trống khi văn bản chỉ nêu hạn chót "
                "như trước ngày 30/6/2023, hoặc khi chưa xác định được)",
            ),
            ("due.end", "Ngày cuối của thời hạn (trống khi chưa xác định được)"),
            ("chu_ky", "Chu kỳ"),
            ("moc_chu_ky", "Mốc của chu kỳ"),
            ("linh_vuc", "Mã lĩnh vực"),
            ("tinh_trang", "Tình trạng hiện tại (chua-co-thong-tin khi chưa có cập nhật)"),
            ("ngay_cap_nhat", "Ngày cập nhật gần nhất"),
        ),
        _tasks,
    ),
    Table(
        "cap-nhat",
        "Cập nhật tiến độ",
        (
            ("ke_hoach", "Mã kế hoạch"),
            ("nhiem_vu", "Mã nhiệm vụ"),
            ("thu_tu", "Thứ tự trong lịch sử"),
            ("ngay", "Ngày"),
            ("tinh_trang", "Tình trạng"),
            ("ghi_chu", "Ghi chú"),
            ("minh_chung_van_ban", "Mã văn bản minh chứng"),
            ("minh_chung_lien_ket", "Liên kết minh chứng"),
        ),
        _updates,
    ),
    Table(
        "thuat-ngu",
        "Thuật ngữ",
        (
            ("thuat_ngu", "Thuật ngữ"),
            ("nghia", "Nghĩa"),
            ("nguon", "Nguồn"),
            ("co_so", "Cơ sở của lời giải thích (van-ban, giai-thich, nguon-ngoai)"),
        ),
        _glossary,
    ),
    Table(
        "van-ban-ngoai",
        "Văn bản ngoài kế hoạch mà trang dẫn chiếu",
        (
            ("id", "Mã"),
            ("loai", "Loại văn bản"),
            ("so_ky_hieu", "Số, ký hiệu (trống nếu văn bản không có số)"),
            ("ten", "Tên (trích yếu)"),
            ("co_quan", "Cơ quan ban hành, thông qua"),
            ("ngay", "Ngày thông qua, ban hành"),
            ("ngay_hieu_luc", "Ngày có hiệu lực (trống nếu chưa đối chiếu)"),
        ),
        _references,
    ),
)


SCHEMA_FILES = {
    "plan-data.schema.json": "Lược đồ đầy đủ (mọi tệp)",
    "site.schema.json": "plan_data/site.yml",
    "documents.schema.json": "plan_data/documents.yml",
    "organisations.schema.json": "plan_data/organisations.yml",
    "domains.schema.json": "plan_data/domains.yml",
    "glossary.schema.json": "plan_data/glossary.yml",
    "references.schema.json": "plan_data/references.yml",
    "plan.schema.json": "plan_data/plans/<mã>.yml",
}
