"""Where each page lives. Plan pages are plan-scoped; shared entities are site-wide.

Every function returns a `src_uri` (a path of a Markdown file relative to the
docs folder); `relative` turns two of them into a link MkDocs can check.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from .model.sitewide import Notice
from .model.types import Document, Domain, Group, Organisation, Plan, Site, Task

HOME = "index.md"
PLANS = "ke-hoach/index.md"
DOMAINS = "linh-vuc/index.md"
ORGANISATIONS = "co-quan/index.md"
DOCUMENTS = "van-ban/index.md"
GLOSSARY = "thuat-ngu.md"
PROGRESS = "tien-do/index.md"
CALENDAR = "lich/index.md"
RECENT = "moi-cap-nhat/index.md"
OPEN_DATA = "du-lieu/index.md"
LEAFLET = "to-thong-tin.md"
OFFLINE = "ngoai-tuyen.md"
DATA_DIR = "du-lieu"


def saved_offline(site: Site) -> list[str]:
    """The pages a reader's browser saves at the first visit, to read with no connection:
    the home page, the citizens' guide, every plan's full text, the leaflet, and the page
    that says there is no connection."""
    pages = [HOME]
    if site.citizens and site.citizens.guide:
        pages.append(site.citizens.guide)
    pages += [full_text(plan) for plan in site.plans]
    if site.citizens:
        pages.append(LEAFLET)
    return [*pages, OFFLINE]


def plan_home(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/index.md"


def full_text(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/toan-van.md"


def basis(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/can-cu.md"


def plan_progress(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/tien-do.md"


def tasks(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/nhiem-vu/index.md"


def task(task: Task) -> str:
    return f"ke-hoach/{task.plan}/nhiem-vu/{task.id}.md"


def domain(domain: Domain) -> str:
    return f"linh-vuc/{domain.id}.md"


def organisation(org: Organisation) -> str:
    return f"co-quan/{org.id}.md"


def group(group: Group) -> str:
    return f"doi-tuong/{group.id}.md"


def document(doc: Document) -> str:
    return f"van-ban/{doc.id}.md"


def notice_anchor(notice: Notice) -> str:
    """The anchor of a notice on the home page (where every notice is shown, folded)."""
    return f"thong-bao-{notice.id}"


@lru_cache(maxsize=65536)
def address(src_uri: str) -> str:
    """Where a page is served, relative to the site's root (directory URLs):
    'a/b.md' → 'a/b/', 'a/index.md' → 'a/', 'index.md' → ''."""
    folder, name = posixpath.split(src_uri.removesuffix(".md"))
    path = folder if name == "index" else posixpath.join(folder, name)
    return f"{path}/" if path else ""


def _relpath(here: str, target: str) -> str:
    return "" if target == here else posixpath.relpath(target, posixpath.dirname(here) or ".")


def relative(here: str, target: str, anchor: str = "") -> str:
    """A link from page `here` to page `target` (both src_uris), with an optional anchor."""
    path = _relpath(here, target)
    return f"{path}#{anchor}" if anchor else path
