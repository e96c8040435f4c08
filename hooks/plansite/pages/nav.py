"""The navigation: bounded, whatever the number of tasks (see ARCHITECTURE.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import urls
from ..model.types import Site
from ..text import html_attr


def nav(
    site: Site, titles: dict[str, str], docs_titles: dict[str, str], max_plans: int = 8
) -> list[Any]:
    """A bounded navigation: sections and index pages only, never one entry per task.

    Every entry carries its page's title (`titles`: generated and hand-written pages), so
    the navigation is complete even when the preview rebuilds only the pages that changed.
    Titles given here are printed raw by the theme, so they are escaped.
    """

    def entry(uri: str) -> dict[str, str]:
        return {html_attr(titles[uri]): uri}

    entries: list[Any] = [{"Trang chủ": urls.HOME}]
    # The citizens' guide comes right after the home page: it is what most readers want.
    guide = site.citizens.guide if site.citizens else None
    if guide in docs_titles:
        entries.append(entry(guide))
    if len(site.plans) > max_plans:
        entries.append(entry(urls.PLANS))
    else:
        for plan in site.plans:
            pages = [
                urls.plan_home(plan),
                urls.full_text(plan),
                urls.basis(plan),
                urls.tasks(plan),
                urls.plan_progress(plan),
            ]
            entries.append({html_attr(plan.short_title): [entry(uri) for uri in pages]})
    entries += [
        entry(uri)
        for uri in (urls.PROGRESS, urls.CALENDAR, urls.RECENT, urls.DOMAINS, urls.ORGANISATIONS)
    ]
    entries += [entry(uri) for uri in (urls.DOCUMENTS, urls.GLOSSARY, urls.OPEN_DATA)]
    entries += [entry(p) for p in site.menu if p in docs_titles and p != guide]
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
