"""Pages that track progress: overviews with charts, the calendar, recent updates, open data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import urls
from .progress import all_tasks, dues, recent_updates

if TYPE_CHECKING:
    from .render import Page, Renderer


def progress_pages(r: Renderer) -> dict[str, Page]:
    """The progress overviews (site and plan), the calendar, recent updates and open data."""
    site = r.site
    out: dict[str, Page] = {}
    out |= r.listing(
        "progress.md.j2",
        urls.PROGRESS,
        "Tiến độ",
        "Tình hình thực hiện các nhiệm vụ, theo kế hoạch, lĩnh vực và cơ quan.",
        "plan_data/site.yml",
        site.plans,
        tasks=all_tasks(site),
    )
    for plan in site.plans:
        pairs = [(plan, task) for task in plan.tasks]
        out[urls.plan_progress(plan)] = r.page(
            "plan_progress.md.j2",
            urls.plan_progress(plan),
            "Tiến độ",
            f"Tình hình thực hiện các nhiệm vụ của {plan.short_title}.",
            plan.source_file,
            plan=plan,
            tasks=pairs,
        )
    upcoming = [due for due in dues(site) if due.date >= site.as_of]
    out |= r.listing(
        "calendar.md.j2",
        urls.CALENDAR,
        "Lịch thời hạn và báo cáo",
        "Các thời hạn và ngày báo cáo định kỳ sắp tới của các nhiệm vụ.",
        "plan_data/site.yml",
        upcoming,
        tasks=all_tasks(site),
    )
    out |= r.listing(
        "recent.md.j2",
        urls.RECENT,
        "Mới cập nhật",
        "Các cập nhật tiến độ mới nhất, mới trước cũ sau.",
        "plan_data/site.yml",
        recent_updates(site),
    )
    out[urls.OPEN_DATA] = r.page(
        "open_data.md.j2",
        urls.OPEN_DATA,
        "Dữ liệu mở",
        "Tải toàn bộ dữ liệu kế hoạch dạng JSON, CSV, iCalendar và Atom.",
        "plan_data/site.yml",
    )
    return out
