"""Who a passage names, computed from its words and the names the data defines.

Each organisation and group lists the phrases the text uses for it (`terms`) and
phrases that contain such a term without naming it (`exclude`: "tổ chức thực hiện"
is a verb, not the group "tổ chức"). In a passage, every occurrence of every term
is found as whole words, ignoring case; where occurrences overlap, the longest
wins, so "nhân dân" inside "Ủy ban nhân dân tỉnh" does not name the people.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..text import whole_words
from .types import Group, Organisation


@dataclass(frozen=True)
class Names:
    """How the text names one organisation or group."""

    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()


class Namer:
    """Finds, in any passage, the organisations and groups it names (one scan per passage)."""

    def __init__(self, known: Mapping[str, Names]) -> None:
        self.known = dict(known)
        self.owners: dict[str, list[str]] = {}
        for ident, names in known.items():
            for term in names.terms:
                self.owners.setdefault(term.lower(), []).append(ident)
        # Longest first: at each place the longest name that fits is the one taken.
        terms = sorted(self.owners, key=lambda t: (-len(t), t))
        alternatives = "|".join(re.escape(t) for t in terms)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if terms else None
        self.excluded = {
            ident: [whole_words(phrase) for phrase in names.exclude]
            for ident, names in known.items()
            if names.exclude
        }

    def named(self, words: str) -> list[str]:
        """The ids named in `words`, in the order the data lists them."""
        if self.pattern is None:
            return []
        lowered = words.lower()
        found: set[str] = set()
        for match in self.pattern.finditer(lowered):
            start, end = match.span()
            for ident in self.owners[match.group(0)]:
                spans = [
                    m.span() for p in self.excluded.get(ident, []) for m in p.finditer(lowered)
                ]
                if not any(a <= start and end <= b for a, b in spans):
                    found.add(ident)
        return [ident for ident in self.known if ident in found]


def names_of(entity: Organisation | Group) -> Names:
    """An organisation's or group's names: its terms (else its name) and its exclusions."""
    return Names(entity.terms or (entity.name,), entity.exclude)
