"""The catalogue of pages: which pages the site has, where each lives, and what it shows.

It depends on the renderer and nothing points back. Every page is keyed by its
`src_uri`; the order is fixed, so the same data gives the same site.
"""

from __future__ import annotations

from typing import Any

import segno
from markupsafe import Markup

from .. import urls
from ..model.progress import all_tasks, dues, recent_updates
from ..model.types import Plan
from .environment import QUOTE_PREVIEW
from .renderer import Page, Renderer

ENTITY_PAGE_SIZE = 30


def all_pages(r: Renderer) -> dict[str, Page]:
    """Every generated page, keyed by src_uri, in a fixed order."""
    out: dict[str, Page] = {}
    _site_pages(r, out)
    for plan in r.site.plans:
        _plan_pages(r, out, plan)
    _entity_pages(r, out)
    out.update(progress_pages(r))
    return dict(sorted(out.items()))


def _site_pages(r: Renderer, out: dict[str, Page]) -> None:
    site = r.site
    out[urls.HOME] = r.page(
        "home.md.j2", urls.HOME, r.site_name, site.description, "plan_data/site.yml"
    )
    out |= r.listing("plans.md.j2", urls.PLANS, "Các kế hoạch", site.description, None, site.plans)
    out |= r.listing(
        "documents.md.j2",
        urls.DOCUMENTS,
        "Văn bản",
        "Các văn bản mà kế hoạch dẫn chiếu.",
        "plan_data/documents.yml",
        site.documents,
    )
    out[urls.DOMAINS] = r.page(
        "domains.md.j2",
        urls.DOMAINS,
        "Lĩnh vực",
        "Các lĩnh vực mà kế hoạch đề cập.",
        "plan_data/domains.yml",
    )
    out |= r.listing(
        "organisations.md.j2",
        urls.ORGANISATIONS,
        "Cơ quan và đối tượng",
        "Các cơ quan, tổ chức và nhóm người mà kế hoạch nêu tên.",
        "plan_data/organisations.yml",
        site.organisations,
    )
    if site.citizens:
        out[urls.LEAFLET] = _leaflet(r)
    out[urls.OFFLINE] = r.page(
        "offline.md.j2",
        urls.OFFLINE,
        "Không có kết nối",
        "Trang này chưa được lưu trên máy và hiện không có kết nối mạng.",
        None,
    )
    out[urls.GLOSSARY] = r.page(
        "glossary.md.j2",
        urls.GLOSSARY,
        "Thuật ngữ",
        "Giải thích chữ viết tắt và thuật ngữ trong kế hoạch.",
        "plan_data/glossary.yml",
    )


def _plan_pages(r: Renderer, out: dict[str, Page], plan: Plan) -> None:
    src = plan.source_file
    name = plan.short_title
    out[urls.plan_home(plan)] = r.page(
        "plan.md.j2",
        urls.plan_home(plan),
        name,
        plan.summary or plan.document.subject,
        src,
        plan=plan,
    )
    for template, uri, title, description in (
        ("full_text.md.j2", urls.full_text(plan), "Toàn văn kế hoạch", plan.document.subject),
        ("basis.md.j2", urls.basis(plan), "Căn cứ", f"Các văn bản mà {name} dựa vào."),
    ):
        out[uri] = r.page(template, uri, title, description, src, plan=plan)
    out |= r.listing(
        "tasks.md.j2",
        urls.tasks(plan),
        "Nhiệm vụ",
        f"Các nhiệm vụ của {name}.",
        src,
        [(plan, task) for task in plan.tasks],
        plan=plan,
    )
    for task in plan.tasks:
        out[urls.task(task)] = r.page(
            "task.md.j2",
            urls.task(task),
            task.title,
            task.block.words,
            src,
            plan=plan,
            task=task,
        )


def _entity_pages(r: Renderer, out: dict[str, Page]) -> None:
    index = r.index
    entities: list[tuple[str, Any, str, str, list[Any]]] = [
        (urls.domain(d), d, d.name, "plan_data/domains.yml", index.tasks_in(d.id))
        for d in r.site.domains
    ]
    entities += [
        (urls.organisation(o), o, o.name, "plan_data/organisations.yml", index.tasks_of(o.id))
        for o in r.site.organisations
    ]
    entities += [
        (urls.group(g), g, g.name, "plan_data/organisations.yml", []) for g in r.site.groups
    ]
    for uri, entity, name, source, tasks in entities:
        kind = "domain" if uri.startswith("linh-vuc/") else "entity"
        quotes = (
            index.by_domain.get(entity.id, [])
            if kind == "domain"
            else index.named_in.get(entity.id, [])
        )
        description = getattr(entity, "description", None) or f"Kế hoạch nói gì về {name}."
        quotes_uri = uri[:-3] + "/trich-dan.md"
        out |= r.listing(
            f"{kind}.md.j2",
            uri,
            name,
            description,
            source,
            tasks,
            # Their first page also carries a chart and quotations: fewer rows keep it small.
            size=ENTITY_PAGE_SIZE,
            entity=entity,
            quotes=quotes,
            quotes_uri=quotes_uri,
        )
        if len(quotes) > QUOTE_PREVIEW:
            out |= r.listing(
                "quotes.md.j2",
                quotes_uri,
                f"{name}: các đoạn nêu tên",
                description,
                source,
                quotes,
                entity=entity,
                back=uri,
            )
    for doc in r.site.documents:
        plan_of = index.plan_of(doc)
        out[urls.document(doc)] = r.page(
            "document.md.j2",
            urls.document(doc),
            doc.label,
            doc.subject,
            plan_of.source_file if plan_of else "plan_data/documents.yml",
            doc=doc,
            plan_of=plan_of,
        )


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
        size=ENTITY_PAGE_SIZE,  # rows carry a deadline's words too: keep a page light
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


def _leaflet(r: Renderer) -> Page:
    """A one-page A4 handout of the citizens' summary, with a QR code to the site if known."""
    site = r.site
    assert site.citizens is not None
    plans = list(dict.fromkeys(plan for plan, _ in site.citizens.passages))
    qr = None
    if site.site_url:
        code = segno.make(site.site_url + "/", error="m")
        qr = Markup(code.svg_inline(scale=4, title="Mã QR dẫn tới trang", svgclass="ma-qr-hinh"))
    return r.page(
        "leaflet.md.j2",
        urls.LEAFLET,
        "Tờ thông tin cho người dân",
        "Tờ thông tin in một trang A4: kế hoạch nói gì với người dân và cách tham gia, góp ý.",
        "plan_data/site.yml",
        leaflet_plans=plans,
        qr=qr,
    )
