"""The model → Markdown pages, as pure functions with a fixed order and no clock.

Templates never print data raw: every `{{ value }}` passes through `md_inline`
(see `_finalize`), so a `<script>` in YAML reaches the page as words. Template
text and macro output are `Markup` and pass unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import urls
from .charts import status_chart
from .exports import SCHEMA_FILES, TABLES
from .index import Index
from .listing import split
from .model import STATUS_NAMES, UNKNOWN, Plan, Site
from .progress import is_overdue, tally, when
from .text import html_attr, md_inline
from .tracker import progress_pages


@dataclass(frozen=True)
class Page:
    """One generated page: its Markdown, title, and the data file it comes from."""

    markdown: str
    title: str
    source: str | None = None


def _finalize(value: Any) -> Markup:
    # Runs on every `{{ }}` output. Markup is what templates and macros made themselves;
    # anything else is data, and data is shown as words.
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_inline(value))


@pass_context
def _url(context: Context, target: str, anchor: str = "") -> Markup:
    return Markup(urls.relative(context["here"], target, anchor))


def _date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else UNKNOWN


def _excerpt(text: str, limit: int = 160) -> str:
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _hashes(level: int) -> Markup:
    return Markup("#" * max(1, min(level, 6)))


def _plan_domains(plan: Plan) -> list[str]:
    """The domains a plan's text names, in the order it first names them."""
    seen: list[str] = []
    for block in plan.blocks():
        seen += [d for d in block.domains if d not in seen]
    return seen


def _plan_tasks(plan: Plan) -> list[tuple[Plan, Any]]:
    return [(plan, t) for t in plan.tasks]


def _raw_url(url: str) -> Markup:
    """A checked http(s) URL as a Markdown link target (brackets and spaces encoded)."""
    safe = html_attr(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return Markup(safe)


def _raw_code(text: str) -> Markup:
    """Our own field names inside backticks: only letters and underscores."""
    assert text.replace("_", "").isalnum(), text
    return Markup(text)


def _badge(status: str) -> Markup:
    return Markup('<span class="trang-thai trang-thai--{}">{}</span>').format(
        status, STATUS_NAMES[status]
    )


def _chart(tasks: Iterable[Any], as_of: dt.date, title: str) -> Markup:
    found = [t[1] if isinstance(t, tuple) else t for t in tasks]
    return Markup(status_chart(tally(found, as_of), title))


def environment() -> Environment:
    """The Jinja2 environment shared by pages and markers."""
    env = Environment(
        loader=PackageLoader("plansite", "templates"),
        finalize=_finalize,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.globals.update(
        url=_url,
        urls=urls,
        UNKNOWN=UNKNOWN,
        hashes=_hashes,
        plan_domains=_plan_domains,
        badge=_badge,
        chart=_chart,
        tally=lambda tasks, as_of: tally([t[1] for t in tasks], as_of),
        when=when,
        is_overdue=is_overdue,
        tables=TABLES,
        schema_files=SCHEMA_FILES,
        plan_tasks=_plan_tasks,
    )
    env.filters.update(date=_date, excerpt=_excerpt, raw_url=_raw_url, raw_code=_raw_code)
    return env


QUOTE_PREVIEW = 10
# Listing pages repeat what task and entity pages say, so they stay out of the search
# index; so do the later pages of any listing.
UNSEARCHED = frozenset(
    {
        "tasks.md.j2",
        "calendar.md.j2",
        "recent.md.j2",
        "quotes.md.j2",
        "plans.md.j2",
        "documents.md.j2",
        "organisations.md.j2",
        "progress.md.j2",
        "plan_progress.md.j2",
    }
)


TOC_LIMIT = 40


def front_matter(
    title: str, description: str | None, hide_toc: bool = False, searchable: bool = True
) -> str:
    """YAML front matter with values escaped: Material prints page.meta unescaped.

    A page with very many headings hides the theme's table of contents, which the
    theme prints twice per page, so that page weight stays bounded.
    """
    meta: dict[str, Any] = {"title": html_attr(title)}
    if hide_toc:
        meta["hide"] = ["toc"]
    if not searchable:
        # Lists that repeat what task and entity pages say are left out of the search
        # index, which every visitor downloads on arrival.
        meta["search"] = {"exclude": True}
    if description:
        meta["description"] = html_attr(_excerpt(description))
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{dumped}---\n\n"


class Renderer:
    """Renders every page type from one `Site`; no I/O, no clock."""

    def __init__(self, site: Site, site_name: str, docs_titles: dict[str, str] | None = None):
        self.site = site
        self.index = Index(site)
        self.env = environment()
        self.site_name = site_name
        self.common = {
            "site": site,
            "index": self.index,
            "site_name": site_name,
            "docs_titles": docs_titles or {},
        }

    def page(
        self,
        template: str,
        here: str,
        title: str,
        description: str | None,
        source: str | None,
        **context: Any,
    ) -> Page:
        body = self.env.get_template(template).render(
            here=here, title=title, **self.common, **context
        )
        headings = sum(1 for line in body.splitlines() if line.startswith("#"))
        pager = context.get("pager")
        searchable = template not in UNSEARCHED and (pager is None or pager.number == 1)
        meta = front_matter(title, description, headings > TOC_LIMIT, searchable)
        return Page(meta + body, title, source)

    def fragment(self, macro: str, here: str, *args: Any) -> str:
        """One macro of `_macros.md.j2`, for markers inside hand-written pages."""
        module = self.env.get_template("_macros.md.j2").make_module({"here": here, **self.common})
        return str(getattr(module, macro)(*args))

    def listing(
        self,
        template: str,
        base: str,
        title: str,
        description: str | None,
        source: str | None,
        items: Sequence[Any],
        **context: Any,
    ) -> dict[str, Page]:
        """A list split over pages: the first at `base`, the rest at base/trang-N."""
        pages = {}
        for uri, chunk, pager in split(items, base):
            heading = title if pager.number == 1 else f"{title} (trang {pager.number})"
            pages[uri] = self.page(
                template, uri, heading, description, source, items=chunk, pager=pager, **context
            )
        return pages

    def pages(self) -> dict[str, Page]:
        """Every generated page, keyed by src_uri, in a fixed order."""
        out: dict[str, Page] = {}
        self._site_pages(out)
        for plan in self.site.plans:
            self._plan_pages(out, plan)
        self._entity_pages(out)
        out.update(progress_pages(self))
        return dict(sorted(out.items()))

    def _site_pages(self, out: dict[str, Page]) -> None:
        site = self.site
        out[urls.HOME] = self.page(
            "home.md.j2", urls.HOME, self.site_name, site.description, "plan_data/site.yml"
        )
        out |= self.listing(
            "plans.md.j2", urls.PLANS, "Các kế hoạch", site.description, None, site.plans
        )
        out |= self.listing(
            "documents.md.j2",
            urls.DOCUMENTS,
            "Văn bản",
            "Các văn bản mà kế hoạch dẫn chiếu.",
            "plan_data/documents.yml",
            site.documents,
        )
        out[urls.DOMAINS] = self.page(
            "domains.md.j2",
            urls.DOMAINS,
            "Lĩnh vực",
            "Các lĩnh vực mà kế hoạch đề cập.",
            "plan_data/domains.yml",
        )
        out |= self.listing(
            "organisations.md.j2",
            urls.ORGANISATIONS,
            "Cơ quan và đối tượng",
            "Các cơ quan, tổ chức và nhóm người mà kế hoạch nêu tên.",
            "plan_data/organisations.yml",
            site.organisations,
        )
        out[urls.GLOSSARY] = self.page(
            "glossary.md.j2",
            urls.GLOSSARY,
            "Thuật ngữ",
            "Giải thích chữ viết tắt và thuật ngữ trong kế hoạch.",
            "plan_data/glossary.yml",
        )

    def _plan_pages(self, out: dict[str, Page], plan: Plan) -> None:
        src = plan.source_file
        name = plan.short_title
        out[urls.plan_home(plan)] = self.page(
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
            out[uri] = self.page(template, uri, title, description, src, plan=plan)
        out |= self.listing(
            "tasks.md.j2",
            urls.tasks(plan),
            "Nhiệm vụ",
            f"Các nhiệm vụ của {name}.",
            src,
            [(plan, task) for task in plan.tasks],
            plan=plan,
        )
        for task in plan.tasks:
            out[urls.task(task)] = self.page(
                "task.md.j2",
                urls.task(task),
                task.title,
                task.block.words,
                src,
                plan=plan,
                task=task,
            )

    def _entity_pages(self, out: dict[str, Page]) -> None:
        index = self.index
        entities: list[tuple[str, Any, str, str, list[Any]]] = [
            (urls.domain(d), d, d.name, "plan_data/domains.yml", index.tasks_in(d.id))
            for d in self.site.domains
        ]
        entities += [
            (urls.organisation(o), o, o.name, "plan_data/organisations.yml", index.tasks_of(o.id))
            for o in self.site.organisations
        ]
        entities += [
            (urls.group(g), g, g.name, "plan_data/organisations.yml", []) for g in self.site.groups
        ]
        for uri, entity, name, source, tasks in entities:
            kind = "domain" if uri.startswith("linh-vuc/") else "entity"
            quotes = (
                index.by_domain.get(entity.id, [])
                if kind == "domain"
                else index.by_addressee.get(entity.id, [])
            )
            description = getattr(entity, "description", None) or f"Kế hoạch nói gì về {name}."
            quotes_uri = uri[:-3] + "/trich-dan.md"
            out |= self.listing(
                f"{kind}.md.j2",
                uri,
                name,
                description,
                source,
                tasks,
                entity=entity,
                quotes=quotes,
                quotes_uri=quotes_uri,
            )
            if len(quotes) > QUOTE_PREVIEW:
                out |= self.listing(
                    "quotes.md.j2",
                    quotes_uri,
                    f"{name}: các đoạn được nêu",
                    description,
                    source,
                    quotes,
                    entity=entity,
                    back=uri,
                )
        for doc in self.site.documents:
            plan_of = index.plan_of(doc)
            out[urls.document(doc)] = self.page(
                "document.md.j2",
                urls.document(doc),
                doc.citation,
                doc.subject,
                plan_of.source_file if plan_of else "plan_data/documents.yml",
                doc=doc,
                plan_of=plan_of,
            )


def render_site(
    site: Site, site_name: str, docs_titles: dict[str, str] | None = None
) -> dict[str, Page]:
    """Every generated page of the site, keyed by src_uri, in a fixed order."""
    return Renderer(site, site_name, docs_titles).pages()


def nav(site: Site, docs_titles: dict[str, str], max_plans: int = 8) -> list[Any]:
    """A bounded navigation: sections and index pages only, never one entry per task.

    Titles given here are printed raw by the theme, so they are escaped.
    """
    entries: list[Any] = [{"Trang chủ": urls.HOME}]
    if len(site.plans) > max_plans:
        entries.append(urls.PLANS)
    else:
        for plan in site.plans:
            entries.append(
                {
                    html_attr(plan.short_title): [
                        urls.plan_home(plan),
                        urls.full_text(plan),
                        urls.basis(plan),
                        urls.tasks(plan),
                        urls.plan_progress(plan),
                    ]
                }
            )
    entries += [urls.PROGRESS, urls.CALENDAR, urls.RECENT, urls.DOMAINS, urls.ORGANISATIONS]
    entries += [urls.DOCUMENTS, urls.GLOSSARY, urls.OPEN_DATA]
    entries += [page for page in site.menu if page in docs_titles]
    return entries


def not_in_nav(pages: Iterable[str], nav_entries: list[Any]) -> list[str]:
    """The generated pages reached from index pages rather than the navigation."""
    listed: set[str] = set()

    def collect(item: Any) -> None:
        if isinstance(item, str):
            listed.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                collect(value)
        elif isinstance(item, list):
            for value in item:
                collect(value)

    collect(nav_entries)
    return [p for p in pages if p not in listed]
