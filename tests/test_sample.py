"""The sample site shows every tracking feature, clearly labelled, and never leaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from synthetic import write_corpus

from plansite.model.site import load_site

from .conftest import ROOT, run_build

SAMPLE = ROOT / "examples" / "sample"
MAX_PAGE_KB = 60


def test_every_sample_page_carries_the_banner(sample_site: Path) -> None:
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        assert '<p class="du-lieu-mau"><strong>Dữ liệu mẫu</strong>' in page.read_text("utf-8")


def test_no_sample_id_or_name_reaches_the_real_site(real_site: Path) -> None:
    sample = load_site(SAMPLE / "plan_data", SAMPLE)
    needles = {p.id for p in sample.plans} | {p.short_title for p in sample.plans}
    needles |= {o.id for o in sample.organisations} | {o.name for o in sample.organisations}
    needles |= {d.id for d in sample.documents} | {d.name for d in sample.domains}
    needles |= {t.id for p in sample.plans for t in p.tasks if len(t.id) > 6}
    for path in real_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".ics"):
            text = path.read_text("utf-8", errors="replace")
            found = [n for n in needles if n in text]
            assert not found, (path, found)
    assert '<p class="du-lieu-mau">' not in (real_site / "index.html").read_text("utf-8")


@pytest.mark.parametrize("which", ["real", "sample"])
def test_no_page_is_over_60_kb(which: str, real_site: Path, sample_site: Path) -> None:
    site = real_site if which == "real" else sample_site
    sizes = {p: p.stat().st_size for p in site.rglob("*.html")}
    biggest = max(sizes, key=lambda p: sizes[p])
    assert sizes[biggest] <= MAX_PAGE_KB * 1024, (biggest, sizes[biggest])


def test_sample_shows_the_tracking_features(sample_site: Path) -> None:
    def page(path: str) -> str:
        return (sample_site / path / "index.html").read_text("utf-8")

    task = page("ke-hoach/ke-hoach-tinh-mau/nhiem-vu/nang-cap-nuoc-sach")
    assert 'class="qua-han">Quá hạn' in task and "Lịch sử cập nhật" in task
    assert "Chưa có thông tin" in page("ke-hoach/ke-hoach-tinh-mau/nhiem-vu/bao-cao-nam")
    assert "chưa rõ ngày" in page("ke-hoach/ke-hoach-thanh-pho-mau/nhiem-vu/tong-ket-nam")
    assert (sample_site / "ke-hoach/ke-hoach-dai-mau/nhiem-vu/trang-2/index.html").is_file()
    cascade = page("ke-hoach/ke-hoach-thanh-pho-mau")
    assert "ke-hoach-phuong-mot-mau" in cascade and "ke-hoach-tinh-mau" in cascade
    org = page("co-quan/so-y-te-mau")
    assert "Quá hạn" in org and "Sắp đến hạn" in org and "<svg" in org
    calendar = page("lich")
    assert "20/9/2025" in calendar and "lich.ics" in calendar
    assert re.search(r"<figure class=\"bieu-do-khung\">\s*<svg", page("tien-do"))


def test_page_size_and_nav_do_not_grow_with_the_corpus(tmp_path: Path) -> None:
    measured = []
    for tasks in (100, 200):
        root = tmp_path / f"n{tasks}"
        write_corpus(root, tasks, per_plan=10)
        run_build(root / "mkdocs.yml", root / "site")
        sizes = [p.stat().st_size for p in (root / "site").rglob("*.html")]
        task = root / "site" / "ke-hoach" / "ke-hoach-mau-1" / "nhiem-vu" / "nv-10" / "index.html"
        html = task.read_text("utf-8")
        nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>")]
        measured.append((max(sizes), len(nav)))
    (big_n, nav_n), (big_2n, nav_2n) = measured
    assert nav_n == nav_2n
    assert abs(big_2n - big_n) <= 0.02 * big_n, measured
