"""Search that understands Vietnamese as people type it: without tone marks, any case."""

from __future__ import annotations

from typing import Any

import pytest

from plansite.text import fold

from .conftest import search


def results(page: Any) -> list[str]:
    return [h.inner_text() for h in page.locator(".md-search-result__item h1").all()]


@pytest.mark.parametrize(
    ("site", "query", "expected"),
    [
        ("real", "moi truong", "Bảo vệ môi trường"),
        ("real", "MOI TRUONG", "Bảo vệ môi trường"),
        ("real", "môi truong", "Bảo vệ môi trường"),
        ("real", "môi trường", "Bảo vệ môi trường"),
        ("real", "ve sinh an toan thuc pham", "Vệ sinh an toàn thực phẩm"),
        ("real", "trat tu xay dung", "Trật tự xây dựng"),
        ("real", "xu phat", "Toàn văn kế hoạch"),
        (
            "sample",
            "quy che phan loai",
            "1. Xây dựng quy chế phân loại rác thải tại nguồn, hoàn thành trước ngày 31/12/2024.",
        ),
        (
            "sample",
            "NANG CAP he thong",
            "4. Nâng cấp hệ thống nước sạch cho 5.000 hộ gia đình, "
            "hoàn thành trước ngày 31/3/2025.",
        ),
    ],
)
def test_queries_with_or_without_tone_marks_find_the_page(
    sites: dict[str, str], page_at: Any, site: str, query: str, expected: str
) -> None:
    page = page_at(sites[site])
    search(page, query)
    found = results(page)
    assert expected in found, found


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("thuat ngu", "Thuật ngữ"),
        ("nguoi dan co the lam gi", "Người dân có thể làm gì"),
        ("du lieu mo", "Dữ liệu mở"),
    ],
)
def test_a_distinctive_query_ranks_its_page_first(
    sites: dict[str, str], page_at: Any, query: str, first: str
) -> None:
    page = page_at(sites["real"])
    search(page, query)
    assert results(page)[0] == first


@pytest.mark.parametrize("width", [390, 1280])
def test_matched_words_are_highlighted_for_toneless_queries(
    sites: dict[str, str], page_at: Any, width: int
) -> None:
    page = page_at(sites["real"], width)
    search(page, "moi truong")
    marks = [
        fold(m.text_content() or "") for m in page.locator(".md-search-result__item mark").all()
    ]
    assert marks and all(any(w in m for w in ("moi", "truong")) for m in marks), [
        m for m in marks if not any(w in m for w in ("moi", "truong"))
    ]


def test_nonsense_finds_nothing(sites: dict[str, str], page_at: Any) -> None:
    page = page_at(sites["real"])
    search(page, "qwxzy")
    assert results(page) == []
    assert "Không tìm thấy" in page.locator(".md-search-result__meta").inner_text()
