"""Data is text: markup in any YAML value is shown as words, never run, wherever it lands."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from .conftest import FIXTURES, copy_project, run_build
from .test_search_index import fragments

HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> '
    "[bấm](javascript:alert(3)) <a href='javascript:alert(4)'>x</a> *đậm* {: #x }"
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def hostile_project(root: Path) -> Path:
    copy_project(FIXTURES / "other-city", root)
    y = json.dumps(HOSTILE, ensure_ascii=False)  # a valid YAML double-quoted scalar
    inner = y[1:-1]
    edits = {
        "plan_data/plans/cay-xanh-2024.yml": [
            ('short_title: "Kế hoạch cây xanh 2024"', f"short_title: {y}"),
            ('subject: "Trồng cây xanh và bảo đảm nước sạch năm 2024"', f"subject: {y}"),
            ('heading: "Trồng cây xanh"', f'heading: "Trồng cây xanh {inner}"'),
            ('signer: "Người Ký Thử"', f"signer: {y}"),
        ],
        "plan_data/organisations.yml": [('name: "Người dân"', f"name: {y}")],
        "plan_data/site.yml": [
            ('description: "Dữ liệu thử nghiệm của một thành phố giả định."', f"description: {y}")
        ],
        "plan_data/glossary.yml": [('meaning: "Quyết định', f'meaning: "{inner} ')],
        "plan_data/documents.yml": [('subject: "ban hành', f'subject: "{inner} ')],
    }
    for name, pairs in edits.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return root


def test_markup_in_yaml_never_runs_and_still_shows(tmp_path: Path) -> None:
    root = hostile_project(tmp_path / "p")
    run_build(root / "mkdocs.yml", root / "site")
    shown = 0
    for path in (root / "site").rglob("*.html"):
        parser = _Tags()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, attrs in parser.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), path
            assert not (tag == "img" and attrs.get("src") == "x"), path
            if tag == "script":
                assert attrs.get("src") or attrs.get("id") == "__config" or not attrs, path
        text = "".join(parser.text)
        shown += text.count("<script>alert(1)</script>")
        # <title> and <meta> are printed by the theme without escaping; they must be escaped.
        head = path.read_text(encoding="utf-8").split("</head>")[0]
        assert "<script>alert" not in head, path
    assert shown > 20  # the words are on the pages, as words


def test_search_index_holds_the_words_as_text(tmp_path: Path) -> None:
    """Pagefind stores text, not markup; the search shows it escaped (test_search_index.py)."""
    root = hostile_project(tmp_path / "p")
    run_build(root / "mkdocs.yml", root / "site")
    stored = fragments(root / "site")
    titles = [str(d["meta"]["title"]) for d in stored.values()]
    assert any("<script>alert(1)</script>" in t for t in titles), titles
    for data in stored.values():
        assert "&lt;script&gt;" not in str(data["content"]), data["url"]
