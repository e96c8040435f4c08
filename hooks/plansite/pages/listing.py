"""Long lists split over several pages, so that no page grows with the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

PAGE_SIZE = 50
T = TypeVar("T")


def page_uris(base: str, count: int) -> tuple[str, ...]:
    """`a/index.md` → a/trang-2.md…; `a/b.md` → a/b/trang-2.md…"""
    stem = base.removesuffix("index.md") if base.endswith("index.md") else base[:-3] + "/"
    return (base, *(f"{stem}trang-{n}.md" for n in range(2, count + 1)))


@dataclass(frozen=True)
class Pager:
    """Where one page stands in a listing; shows a fixed number of links however long."""

    number: int
    uris: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.uris)

    def nearby(self) -> list[int]:
        """Page numbers to link: the first, the last, and two either side of this one."""
        near = {1, self.count, *range(self.number - 2, self.number + 3)}
        return sorted(n for n in near if 1 <= n <= self.count)

    def uri(self, number: int) -> str:
        return self.uris[number - 1]


def split(
    items: Sequence[T], base: str, size: int = PAGE_SIZE
) -> list[tuple[str, Sequence[T], Pager]]:
    """(uri, the items on that page, its pager) for each page; one page when empty."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    uris = page_uris(base, len(chunks))
    return [
        (uri, chunk, Pager(n, uris))
        for n, (uri, chunk) in enumerate(zip(uris, chunks, strict=True), 1)
    ]
