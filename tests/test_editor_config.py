"""The editor's forms come from the JSON Schema, and the editor never reaches the built site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.editor.admin import Admin
from plansite.editor.config import config_yaml, editor_config
from plansite.editor.forms import definitions, file_fields
from plansite.editor.protocol import project_of
from plansite.vocab import Status

from .conftest import ROOT

BACKEND = "http://127.0.0.1:8081/api/v1"
SITE = "http://127.0.0.1:8000/"
PROJECT = project_of(ROOT, ROOT / "docs", "Thử")


def fields_by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


@pytest.mark.parametrize(
    "kind", ["siteFile", "organisationsFile", "glossaryFile", "referencesFile", "update"]
)
def test_every_field_a_form_shows_has_the_schemas_vietnamese_title(kind: str) -> None:
    def walk(fields: list[dict[str, Any]], node: dict[str, Any]) -> None:
        for f in fields:
            assert f["label"], f
            if "fields" in f:
                walk(f["fields"], f)

    walk(file_fields(kind), {})  # raises MissingTitle for a property without a title


def test_closed_sets_dates_and_required_come_from_the_schema() -> None:
    update = fields_by_name(file_fields("update"))
    assert update["status"]["widget"] == "select"
    schema_enum = definitions()["update"]["properties"]["status"]["enum"]
    assert [o["value"] for o in update["status"]["options"]] == schema_enum
    assert set(schema_enum) == {s.value for s in Status} - {Status.NO_INFORMATION}
    assert update["status"]["options"][0]["label"] == "Chưa triển khai"
    assert update["date"]["widget"] == "datetime" and update["date"]["format"] == "YYYY-MM-DD"
    assert update["date"]["time_format"] is False
    required = set(definitions()["update"]["required"])
    assert {name for name, f in update.items() if f["required"]} == required
    assert update["date"]["label"] == definitions()["update"]["properties"]["date"]["title"]


def test_the_config_names_a_backend_on_127_0_0_1_and_speaks_vietnamese() -> None:
    text = config_yaml(PROJECT, BACKEND, SITE)
    config = yaml.safe_load(text)
    assert config["local_backend"]["url"] == BACKEND
    assert config["backend"] == {"name": "proxy", "proxy_url": BACKEND, "branch": "main"}
    assert config["locale"] == "vi"
    assert "&id" not in text  # no YAML anchors: every form is written out


def test_the_collections_cover_pages_settings_catalogues_and_progress() -> None:
    collections = {c["name"]: c for c in editor_config(PROJECT, BACKEND, SITE)["collections"]}
    pages = {f["file"] for f in collections["trang"]["files"]}
    assert pages == {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")}
    body = collections["trang"]["files"][0]["fields"][0]
    assert body["modes"] == ["raw"] and "plan:notices" in body["hint"]
    assert [f["file"] for f in collections["cai-dat"]["files"]] == ["plan_data/site.yml"]
    catalogues = {f["file"] for f in collections["danh-muc"]["files"]}
    assert catalogues == {f"plan_data/{n}.yml" for n in ("organisations", "glossary", "references")}
    plans = collections["tien-do"]
    assert {f["file"] for f in plans["files"]} == {
        f"plan_data/plans/{p.name}" for p in (ROOT / "plan_data/plans").glob("*.yml")
    }
    assert "corrections" in plans["description"]
    tasks = plans["files"][0]["fields"][0]
    assert tasks["allow_add"] is False and tasks["allow_remove"] is False
    updates = fields_by_name(tasks["fields"])["updates"]
    assert updates["allow_remove"] is False and updates["allow_reorder"] is False


def test_admin_serves_its_page_config_and_bundle_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "decap-cms.js").write_text("/* bundle */", encoding="utf-8")
    admin = Admin(PROJECT, BACKEND, SITE, tmp_path)
    status, _, body = admin.respond("")
    assert status == "200 OK"
    assert b"connect-src 'self' http://127.0.0.1:8081;" in body
    assert admin.respond("config.yml")[1][0] == ("Content-Type", "text/yaml; charset=utf-8")
    assert admin.respond("decap-cms.js")[2] == b"/* bundle */"
    assert b'<script src="plansite-admin.js">' in body  # Vietnamese for Decap's "Add"
    assert b'add: "Th\xc3\xaam %{item}"' in admin.respond("plansite-admin.js")[2]
    for path in ("../pyproject.toml", "x/../../mkdocs.yml", "decap-cms.js.map", "nothing.js"):
        assert admin.respond(path)[0] == "404 Not Found"


def test_without_decap_the_admin_says_why_in_vietnamese(tmp_path: Path) -> None:
    status, _, body = Admin(PROJECT, BACKEND, SITE, tmp_path).respond("")
    assert status == "503 Service Unavailable"
    assert "chưa cài Decap CMS" in body.decode() and "npm" in body.decode()


def test_the_built_site_has_no_editor(real_site: Path) -> None:
    assert not (real_site / "admin").exists()
    names = [p.name.lower() for p in real_site.rglob("*")]
    assert not [n for n in names if "decap" in n or n == "config.yml"]
    for page in real_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "decap" not in text.lower() and "/admin/" not in text, page
