"""Open data: every output of both sites parses, and says whether it is sample data."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from plansite.data.files import data_files
from plansite.data.parse import load_file
from plansite.data.schema import FILE_KINDS, PLAN_KIND, schema
from plansite.model.site import load_site
from plansite.opendata import files as exports
from plansite.opendata.tables import SCHEMA_FILES, TABLES

from .conftest import ROOT

PROJECTS = {"real": ROOT, "sample": ROOT / "examples" / "sample"}
ATOM = "{http://www.w3.org/2005/Atom}"


def outputs(name: str) -> tuple[bool, dict[str, bytes]]:
    site = load_site(PROJECTS[name] / "plan_data", PROJECTS[name])
    return site.sample, exports.files(site, "Trang thử")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_json_and_csv_parse_and_carry_the_sample_flag(name: str) -> None:
    sample, files = outputs(name)
    for table in TABLES:
        data = json.loads(files[f"du-lieu/{table.stem}.json"])
        assert data["sample"] is sample and data["entity"] == table.stem
        raw = files[f"du-lieu/{table.stem}.csv"]
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert len(rows) == len(data["items"])
        assert all(row["sample"] == ("true" if sample else "false") for row in rows)
        assert list(rows[0] if rows else []) in ([], [*table.columns, "sample"])
        for item in data["items"]:  # 'due.text' is the member 'text' of the record 'due'
            for name, _ in table.fields:
                key, _, member = name.partition(".")
                assert key in item and (not member or item[key] is None or member in item[key])


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_zip_holds_every_other_file(name: str) -> None:
    _, files = outputs(name)
    archive = zipfile.ZipFile(io.BytesIO(files["du-lieu/tat-ca.zip"]))
    assert archive.testzip() is None
    expected = {p.removeprefix("du-lieu/") for p in files if not p.endswith(".zip")}
    assert set(archive.namelist()) == expected
    for info in archive.infolist():
        assert archive.read(info) == files[f"du-lieu/{info.filename}"]


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_icalendar_is_rfc_5545(name: str) -> None:
    sample, files = outputs(name)
    raw = files["du-lieu/lich.ics"]
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines), "lines must be folded at 75 octets"
    calendar = Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    assert calendar.subcomponents, "a calendar needs at least one component"
    events = calendar.walk("VEVENT")
    for event in events:
        assert event.get("UID") and event.get("DTSTAMP") and event.get("DTSTART")
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert (len(events) > 0) is sample  # the real plan publishes no dates yet


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_atom_feed_is_valid(name: str) -> None:
    sample, files = outputs(name)
    feed = ET.fromstring(files["du-lieu/moi-cap-nhat.xml"])
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    assert (len(entries) > 0) is sample
    assert ("Dữ liệu mẫu" in feed.findtext(f"{ATOM}title", "")) is sample


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_published_schema_is_the_validators_and_accepts_the_data(name: str) -> None:
    _, files = outputs(name)
    full = json.loads(files["du-lieu/plan-data.schema.json"])
    assert full == schema()
    Draft202012Validator.check_schema(full)
    registry = Registry().with_resource("plan-data.schema.json", Resource.from_contents(full))
    wrappers = {
        kind: json.loads(files[f"du-lieu/{stem}"])
        for stem, kind in zip(
            list(SCHEMA_FILES)[1:], [*FILE_KINDS.values(), PLAN_KIND], strict=True
        )
    }
    data_dir = PROJECTS[name] / "plan_data"
    for path in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        kind = FILE_KINDS.get(rel, PLAN_KIND)
        validator = Draft202012Validator(wrappers[kind], registry=registry)
        assert not list(validator.iter_errors(load_file(path, rel).data)), rel


def test_exports_are_deterministic() -> None:
    assert outputs("sample") == outputs("sample")


def test_editor_settings_point_at_the_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for target in mapping:
        assert (ROOT / target).is_file(), target
    assert Path(ROOT / "hooks/plansite/data/schema/plan-data.schema.json").is_file()
