"""Golden files: the exact Markdown of every page type, for the real site and a second city.

A diff in review shows exactly what a citizen will see change. After an intended
change, regenerate with `PLANSITE_REGEN=1 scripts/dev test tests/test_golden.py`
and review the diff of tests/golden/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plansite.cli.config import read_config
from plansite.project import generate

from .conftest import FIXTURES, REGEN, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
PROJECTS = {"real": ROOT, "other-city": FIXTURES / "other-city"}


def rendered(project: Path) -> dict[str, str]:
    config = read_config(project / "mkdocs.yml")
    output = generate(config.root, config.docs_dir, config.site_name)
    pages = {uri: page.markdown for uri, page in output.generated.items()}
    pages.update(output.handwritten)
    return pages


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_pages_match_golden_files(name: str) -> None:
    pages = rendered(PROJECTS[name])
    folder = GOLDEN / name
    if REGEN:
        shutil.rmtree(folder, ignore_errors=True)
        for uri, markdown in pages.items():
            (folder / uri).parent.mkdir(parents=True, exist_ok=True)
            (folder / uri).write_text(markdown, encoding="utf-8")
    stored = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    assert stored == set(pages), "pages added or removed: regenerate the golden files"
    for uri, markdown in pages.items():
        assert markdown == (folder / uri).read_text(encoding="utf-8"), uri


def test_golden_covers_every_page_type() -> None:
    types = {
        "index.md",
        "ke-hoach/index.md",
        "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/index.md",
        "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/toan-van.md",
        "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/can-cu.md",
        "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/nhiem-vu/index.md",
        "ke-hoach/bao-ve-moi-truong-tp-tra-vinh/nhiem-vu/tuyen-truyen-van-dong.md",
        "linh-vuc/index.md",
        "linh-vuc/moi-truong.md",
        "co-quan/index.md",
        "co-quan/ubnd-phuong-xa.md",
        "doi-tuong/ho-gia-dinh.md",
        "van-ban/index.md",
        "van-ban/ke-hoach-04-kh-ubnd-2023.md",
        "thuat-ngu.md",
        "nguoi-dan.md",
        "ve-trang-nay.md",
    }
    real = GOLDEN / "real"
    assert types <= {p.relative_to(real).as_posix() for p in real.rglob("*.md")}
