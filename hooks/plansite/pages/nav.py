"""The navigation: bounded, whatever the number of tasks (see ARCHITECTURE.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import urls
from ..model.types import Site
from ..text import html_attr


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
