"""The model → Markdown pages, as pure functions with a fixed order and no clock.

Templates never print data raw: every `{{ value }}` passes through `md_inline`
(see `_finalize`), so a `<script>` in YAML reaches the page as words. Template
text and macro output are `Markup` and pass unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import urls
from .model import UNKNOWN, Block, Document, Plan, Site
from .text import html_attr, md_inline


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
    named = {d for block in plan.blocks() for d in block.domains}
    seen: list[str] = []
    for block in plan.blocks():
        seen += [d for d in block.domains if d not in seen]
    return [d for d in seen if d in named]


def _plan_tasks(plan: Plan) -> list[tuple[Plan, Any]]:
    return [(plan, t) for t in plan.tasks]


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
        plan_tasks=_plan_tasks,
    )
    env.filters.update(date=_date, excerpt=_excerpt)
    return env


class Index:
    """Lookups the pages need (who is named where), computed once from the site."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.by_domain: dict[str, list[tuple[Plan, Block]]] = {d.id: [] for d in site.domains}
        self.by_addressee: dict[str, list[tuple[Plan, Block]]] = {}
        for plan in site.plans:
            for block in plan.blocks():
                for d in block.domains:
                    self.by_domain[d].append((plan, block))
                for a in block.addressees:
                    self.by_addressee.setdefault(a, []).append((plan, block))
        self.cited_by: dict[str, list[tuple[str, str, Document]]] = {}
        for doc in site.documents:
            for rel in doc.relations:
                self.cited_by.setdefault(rel.target, []).append((rel.label, rel.quote, doc))
        for plan in site.plans:
            for b in plan.basis:
                quote = plan.block(b.block).words
                self.cited_by.setdefault(b.document, []).append((b.label, quote, plan.document))

    def plan_of(self, doc: Document) -> Plan | None:
        return next((p for p in self.site.plans if p.id == doc.plan), None)

    def issued_by(self, org_id: str) -> list[Document]:
        return [d for d in self.site.documents if d.issuer == org_id]

    def tasks_in(self, domain_id: str) -> list[tuple[Plan, Any]]:
        return [(p, t) for p in self.site.plans for t in p.tasks if domain_id in t.block.domains]


def front_matter(title: str, description: str | None) -> str:
    """YAML front matter with values escaped: Material prints page.meta unescaped."""
    meta = {"title": html_attr(title)}
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
        return Page(front_matter(title, description) + body, title, source)

    def fragment(self, macro: str, here: str, *args: Any) -> str:
        """One macro of `_macros.md.j2`, for markers inside hand-written pages."""
        module = self.env.get_template("_macros.md.j2").make_module({"here": here, **self.common})
        return str(getattr(module, macro)(*args))

    def pages(self) -> dict[str, Page]:
        site = self.site
        out: dict[str, Page] = {}
        intro = site.description
        out[urls.HOME] = self.page(
            "home.md.j2", urls.HOME, self.site_name, intro, "plan_data/site.yml"
        )
        out[urls.PLANS] = self.page("plans.md.j2", urls.PLANS, "Các kế hoạch", intro, None)
        for plan in site.plans:
            src = plan.source_file
            desc = plan.summary or plan.document.subject
            out[urls.plan_home(plan)] = self.page(
                "plan.md.j2", urls.plan_home(plan), plan.short_title, desc, src, plan=plan
            )
            out[urls.full_text(plan)] = self.page(
                "full_text.md.j2",
                urls.full_text(plan),
                "Toàn văn kế hoạch",
                plan.document.subject,
                src,
                plan=plan,
            )
            out[urls.basis(plan)] = self.page(
                "basis.md.j2",
                urls.basis(plan),
                "Căn cứ",
                f"Các văn bản mà {plan.short_title} dựa vào.",
                src,
                plan=plan,
            )
            out[urls.tasks(plan)] = self.page(
                "tasks.md.j2",
                urls.tasks(plan),
                "Nhiệm vụ",
                f"Các nhiệm vụ của {plan.short_title}.",
                src,
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
        out[urls.DOMAINS] = self.page(
            "domains.md.j2",
            urls.DOMAINS,
            "Lĩnh vực",
            "Các lĩnh vực mà kế hoạch đề cập.",
            "plan_data/domains.yml",
        )
        for domain in site.domains:
            out[urls.domain(domain)] = self.page(
                "domain.md.j2",
                urls.domain(domain),
                domain.name,
                domain.description or f"Những đoạn kế hoạch nói về {domain.name.lower()}.",
                "plan_data/domains.yml",
                domain=domain,
            )
        out[urls.ORGANISATIONS] = self.page(
            "organisations.md.j2",
            urls.ORGANISATIONS,
            "Cơ quan và đối tượng",
            "Các cơ quan, tổ chức và nhóm người mà kế hoạch nêu tên.",
            "plan_data/organisations.yml",
        )
        for org in site.organisations:
            out[urls.organisation(org)] = self.page(
                "organisation.md.j2",
                urls.organisation(org),
                org.name,
                f"Kế hoạch yêu cầu gì ở {org.name}.",
                "plan_data/organisations.yml",
                entity=org,
                org=org,
            )
        for group in site.groups:
            out[urls.group(group)] = self.page(
                "organisation.md.j2",
                urls.group(group),
                group.name,
                f"Kế hoạch yêu cầu gì ở {group.name.lower()}.",
                "plan_data/organisations.yml",
                entity=group,
                org=None,
            )
        out[urls.DOCUMENTS] = self.page(
            "documents.md.j2",
            urls.DOCUMENTS,
            "Văn bản",
            "Các văn bản mà kế hoạch dẫn chiếu.",
            "plan_data/documents.yml",
        )
        for doc in site.documents:
            plan_of = self.index.plan_of(doc)
            out[urls.document(doc)] = self.page(
                "document.md.j2",
                urls.document(doc),
                doc.citation,
                doc.subject,
                plan_of.source_file if plan_of else "plan_data/documents.yml",
                doc=doc,
                plan_of=plan_of,
            )
        out[urls.GLOSSARY] = self.page(
            "glossary.md.j2",
            urls.GLOSSARY,
            "Thuật ngữ",
            "Giải thích chữ viết tắt và thuật ngữ trong kế hoạch.",
            "plan_data/glossary.yml",
        )
        return dict(sorted(out.items()))


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
                    ]
                }
            )
    entries += [urls.DOMAINS, urls.ORGANISATIONS, urls.DOCUMENTS, urls.GLOSSARY]
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
