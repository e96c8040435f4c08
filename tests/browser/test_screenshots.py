"""Screenshots of every page type at phone and desktop width, for people to look at.

They are written to build/screenshots/ (not committed). The test checks that each page
renders without horizontal scrolling at that width, which a person would notice first.
"""

from __future__ import annotations

from typing import Any

import pytest

from ..conftest import ROOT
from .conftest import PAGE_TYPES

SHOTS = ROOT / "build" / "screenshots"
CASES = [(site, name) for site, pages in PAGE_TYPES.items() for name in pages]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("site", "name"), CASES)
def test_screenshot_fits_the_width(
    sites: dict[str, str], page_at: Any, site: str, name: str, width: int
) -> None:
    page = page_at(sites[site] + PAGE_TYPES[site][name], width)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{site}-{name}-{width}.png"))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
