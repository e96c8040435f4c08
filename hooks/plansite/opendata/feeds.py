"""Dates and news as feeds: deadlines and reporting dates (iCalendar), updates (Atom).

Both are valid when empty and byte-for-byte reproducible: timestamps come from the
data's `as_of`, identifiers are name-based UUIDs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from functools import lru_cache
from xml.etree import ElementTree as ET

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from .. import urls
from ..model.progress import Due, dues, recent_updates
from ..model.types import Site
from ..vocab import DueKind

NAMESPACE = uuid.UUID("8f6b1a52-3c1e-5d7a-9b0e-2f4c6d8e0a11")


def _label(site: Site, text: str) -> str:
    return f"[Dữ liệu mẫu] {text}" if site.sample else text


# One calendar event: (uid key, date, summary, description).
_Event = tuple[str, dt.date, str, str]


def calendar(site: Site, site_name: str) -> bytes:
    """Deadlines and reporting dates as RFC 5545 iCalendar, valid even with no dates."""
    events = tuple(
        (
            f"{due.plan.id}/{due.task.id}/{due.kind}/{due.date.isoformat()}",
            due.date,
            _label(site, f"{due.label}: {due.task.title}"[:200]),
            _description(due),
        )
        for due in dues(site)
    )
    return _ical(_label(site, site_name), site.sample, site.as_of, events)


def _description(due: Due) -> str:
    """Where the task is; for a deadline the plan gives as a period, its words and end."""
    where = f"{due.plan.short_title}. {due.task.block.label}."
    if due.kind is DueKind.DEADLINE and due.task.due_text:
        return f"{where} Thời hạn: {due.task.due_words}."
    return where


# The preview generates the site after every save; most edits leave the dates alone,
# and writing thousands of events is slow, so the same events give the cached bytes.
@lru_cache(maxsize=4)
def _ical(name: str, sample: bool, as_of: dt.date, events: tuple[_Event, ...]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//plansite//lich//vi")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    if sample:
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
    stamp = dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)
    for key, day, summary, description in events:
        event = Event()
        event.add("uid", f"{uuid.uuid5(NAMESPACE, key)}@plansite")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
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
        sub(entry, "title", _label(site, f"{up.status.label}: {task.title}"[:200]))
        sub(entry, "updated", f"{up.date.isoformat()}T00:00:00Z")
        sub(entry, "link", rel="alternate", href=_page_url(base, urls.task(task)))
        sub(entry, "summary", up.note or up.status.label)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


def _page_url(base: str, src_uri: str) -> str:
    return base + urls.address(src_uri)
