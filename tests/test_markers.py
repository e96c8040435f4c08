"""Markers put generated content into hand-written pages, relative to where they stand."""

from __future__ import annotations

from pathlib import Path

from plansite.pages.markers import MARKERS, find
from plansite.project import generate

from .conftest import FIXTURES, ROOT


def test_markers_are_expanded_with_links_relative_to_the_page(tmp_path: Path) -> None:
    output = generate(FIXTURES / "other-city", FIXTURES / "other-city" / "docs", "Thử")
    page = output.handwritten["gop-y.md"]
    assert "<!-- plan:" not in page
    assert "(ke-hoach/cay-xanh-2024/toan-van.md#i-g1)" in page
    assert "[1\\. Trồng cây xanh](ke-hoach/cay-xanh-2024/nhiem-vu/trong-cay-xanh.md)" in page
    assert "gop-y@thanh-pho-mau.example" in page


def test_markers_inside_code_fences_are_left_alone() -> None:
    markers, problems = find("```\n<!-- plan:nope -->\n```\n", "docs/x.md")
    assert markers == [] and problems == []


def test_every_marker_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in MARKERS:
        assert f"<!-- plan:{name}" in readme, name
