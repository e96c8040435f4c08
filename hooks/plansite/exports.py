"""Open data: every entity as JSON and CSV, a ZIP of all, the schema, iCalendar and Atom.

All outputs are deterministic: the same data gives the same bytes (no clock, fixed
order, fixed ZIP timestamps). Each file says whether it is sample data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from xml.etree import ElementTree as ET

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from . import urls
from .model import Site
from .progress import dues, recent_updates

NAMESPACE = uuid.UUID("8f6b1a52-3c1e-5d7a-9b0e-2f4c6d8e0a11")
Row = dict[str, str]


@dataclass(frozen=True)
class Table:
    """One exported entity: its file stem, what it is, and its fields with meanings."""

    stem: str
    title: str
    fields: tuple[tuple[str, str], ...]
    rows: Callable[[Site], list[Row]]


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _plans(site: Site) -> list[Row]:
    return [
        {
            "id": p.id,
            "ten_ngan": p.short_title,
            "cap": p.level or "",
            "loai": p.document.kind,
            "so_ky_hieu": p.document.number or "",
            "ngay_ban_hanh": _d(p.document.date),
            "co_quan_ban_hanh": p.document.issuer or "",
            "trich_yeu": p.document.subject,
            "can_cu": " ".join(f"{b.type}:{b.document}" for b in p.basis),
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
            "so_ky_hieu": d.number or "",
            "ngay_ban_hanh": _d(d.date),
            "co_quan_ban_hanh": d.issuer or "",
            "trich_yeu": d.subject,
            "ten_viet_tat": d.short_name or "",
            "ke_hoach": d.plan or "",
            "quan_he": " ".join(f"{r.type}:{r.target}" for r in d.relations),
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
            "so": t.block.number or "",
            "noi_dung": t.title,
            "chu_tri": t.lead or "",
            "phoi_hop": " ".join(t.support),
            "thoi_han": _d(t.deadline),
            "chu_ky": t.recurrence.frequency if t.recurrence else "",
            "moc_chu_ky": (t.recurrence.anchor or "") if t.recurrence else "",
            "linh_vuc": " ".join(t.block.domains),
            "tinh_trang": t.status,
            "ngay_cap_nhat": _d(t.latest.date if t.latest else None),
        }
        for p in site.plans
        for t in p.tasks
    ]


def _updates(site: Site) -> list[Row]:
    rows = []
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
                "ghi_chu": up.note or "",
                "minh_chung_van_ban": (ev.document or "") if ev else "",
                "minh_chung_lien_ket": (ev.url or "") if ev else "",
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
            ("so_nhiem_vu", "Số nhiệm vụ"),
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
        "nhiem-vu",
        "Nhiệm vụ",
        (
            ("id", "Mã nhiệm vụ"),
            ("ke_hoach", "Mã kế hoạch"),
            ("doan", "Mã neo đoạn văn"),
            ("so", "Số thứ tự"),
            ("noi_dung", "Tiêu đề nguyên văn"),
            ("chu_tri", "Mã cơ quan chủ trì"),
            ("phoi_hop", "Mã cơ quan phối hợp"),
            ("thoi_han", "Thời hạn"),
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
)


def _json(site: Site, table: Table) -> bytes:
    payload = {
        "sample": site.sample,
        "as_of": site.as_of.isoformat(),
        "entity": table.stem,
        "items": table.rows(site),
    }
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _csv(site: Site, table: Table) -> bytes:
    buffer = io.StringIO()
    names = [name for name, _ in table.fields] + ["sample"]
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    for row in table.rows(site):
        writer.writerow({**row, "sample": "true" if site.sample else "false"})
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _label(site: Site, text: str) -> str:
    return f"[Dữ liệu mẫu] {text}" if site.sample else text


def calendar(site: Site, site_name: str) -> bytes:
    """Deadlines and reporting dates as RFC 5545 iCalendar, valid even with no dates."""
    cal = Calendar()
    cal.add("prodid", "-//plansite//lich//vi")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _label(site, site_name))
    if site.sample:
        cal.add("x-plansite-sample", "TRUE")
    # A calendar needs at least one component; Vietnam's zone is a true one to give.
    zone = Timezone()
    zone.add("tzid", "Asia/Ho_Chi_Minh")
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1975, 6, 13))
    standard.add("tzoffsetfrom", dt.timedelta(hours=7))
    standard.add("tzoffsetto", dt.timedelta(hours=7))
    standard.add("tzname", "ICT")
    zone.add_component(standard)
    cal.add_component(zone)
    stamp = dt.datetime.combine(site.as_of, dt.time(), tzinfo=dt.UTC)
    for due in dues(site):
        event = Event()
        key = f"{due.plan.id}/{due.task.id}/{due.kind}/{due.date.isoformat()}"
        event.add("uid", f"{uuid.uuid5(NAMESPACE, key)}@plansite")
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", due.date + dt.timedelta(days=1))
        event.add("summary", _label(site, f"{due.kind_name}: {due.task.title}"[:200]))
        event.add("description", f"{due.plan.short_title}. {due.task.block.label}.")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def atom(site: Site, site_name: str) -> bytes:
    """Progress updates as an Atom feed (RFC 4287), valid when there are none."""
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    # Without a public address, links are relative to the feed's own folder.
    base = (site.site_url + "/") if site.site_url else "../"
    xml = "{http://www.w3.org/XML/1998/namespace}"
    feed = ET.Element(f"{{{ns}}}feed", {f"{xml}lang": "vi"})
    if site.site_url:
        feed.set(f"{xml}base", base)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
        element.text = text
        return element

    updated = f"{site.as_of.isoformat()}T00:00:00Z"
    sub(feed, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + site_name)}")
    sub(feed, "title", _label(site, f"{site_name}: cập nhật tiến độ"))
    sub(feed, "updated", updated)
    author = sub(feed, "author")
    sub(author, "name", site_name)
    sub(feed, "link", rel="alternate", href=_page_url(base, urls.RECENT))
    if site.sample:
        sub(feed, "category", term="du-lieu-mau", label="Dữ liệu mẫu")
    for plan, task, i in recent_updates(site)[:100]:
        up = task.updates[i]
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{plan.id}/{task.id}/{i}')}")
        sub(entry, "title", _label(site, f"{up.status_name}: {task.title}"[:200]))
        sub(entry, "updated", f"{up.date.isoformat()}T00:00:00Z")
        sub(entry, "link", rel="alternate", href=_page_url(base, urls.task(task)))
        sub(entry, "summary", up.note or up.status_name)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


def _page_url(base: str, src_uri: str) -> str:
    path = src_uri.removesuffix("index.md").removesuffix(".md")
    path = path if path.endswith("/") or not path else path + "/"
    return base + path


SCHEMA_FILES = {
    "plan-data.schema.json": "Lược đồ đầy đủ (mọi tệp)",
    "site.schema.json": "plan_data/site.yml",
    "documents.schema.json": "plan_data/documents.yml",
    "organisations.schema.json": "plan_data/organisations.yml",
    "domains.schema.json": "plan_data/domains.yml",
    "glossary.schema.json": "plan_data/glossary.yml",
    "plan.schema.json": "plan_data/plans/<mã>.yml",
}


def files(site: Site, site_name: str) -> dict[str, bytes]:
    """Every open-data file, by its path in the site, in a fixed order."""
    out: dict[str, bytes] = {}
    for table in TABLES:
        out[f"{urls.DATA_DIR}/{table.stem}.json"] = _json(site, table)
        out[f"{urls.DATA_DIR}/{table.stem}.csv"] = _csv(site, table)
    out[f"{urls.DATA_DIR}/lich.ics"] = calendar(site, site_name)
    out[f"{urls.DATA_DIR}/moi-cap-nhat.xml"] = atom(site, site_name)
    schemas = resources.files("plansite").joinpath("schema")
    for name in SCHEMA_FILES:
        out[f"{urls.DATA_DIR}/{name}"] = schemas.joinpath(name).read_bytes()
    out[f"{urls.DATA_DIR}/tat-ca.zip"] = _zip(site, out)
    return dict(sorted(out.items()))


def _zip(site: Site, contents: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    stamp = (site.as_of.year, site.as_of.month, site.as_of.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(contents):
            info = zipfile.ZipInfo(path.removeprefix(f"{urls.DATA_DIR}/"), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, contents[path])
    return buffer.getvalue()


def describe() -> list[Any]:
    """What the open-data page lists about each table."""
    return list(TABLES)
