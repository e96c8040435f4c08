"""What the imported text's passages say: the documents they cite, the domains they name,
and the anchors the model will give them."""

from __future__ import annotations

from typing import Any

from ..model.content import Numbering
from ..model.naming import Namer, Names
from ..text import slugify
from .classify import REFERENCE, parse_date


def references(text: str) -> dict[str, str] | None:
    """The document a "Căn cứ…"/"Thực hiện…" paragraph cites, parsed, or None."""
    match = REFERENCE.search(text)
    if not match:
        return None
    found = {
        "kind": match["kind"],
        "number": match["number"],
        "date": parse_date(match["d"], match["m"], match["y"]) or "",
        "issuer_name": match["issuer"],
        "subject": match["subject"],
    }
    if match["short"]:
        found["short_name"] = match["short"]
    found["id"] = slugify(f"{match['kind']} {match['number']} {match['y']}")
    return found


def tag(blocks: list[dict[str, Any]], domains: dict[str, list[str]]) -> None:
    """Tag each block with the domains its own words name (`model.naming`, as the site does).

    Addressees are not tagged: they say whom a passage asks to act, which an editor
    decides. Who a passage merely names, the site finds by itself.
    """
    namer = Namer({ident: Names(tuple(terms)) for ident, terms in domains.items()})
    for block in blocks:
        words = " ".join(block.get(k, "") for k in ("heading", "text"))
        found = namer.named(words)
        if found:
            block["domains"] = found
        tag(block.get("children", []), domains)
        # Keep the order a reader expects: number, words, tags, then the parts below.
        keys: tuple[str, ...] = (
            "id",
            "number",
            "heading",
            "text",
            "domains",
            "addressees",
            "children",
            "table",
        )
        ordered: dict[str, Any] = {k: block[k] for k in keys if k in block}
        block.clear()
        block.update(ordered)


def anchors(
    blocks: list[dict[str, Any]], parent: str = "", seen: set[str] | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """Block anchors as the site derives them (`model.content.Numbering`), in source order.

    A number the document repeats by mistake ("III." twice) would give two blocks one
    anchor: the second is given its own `id`, so the import builds as it stands."""
    seen = set() if seen is None else seen
    found = []
    numbering = Numbering()
    for block in blocks:
        part, _ = numbering.next(block.get("number"))
        anchor = block.get("id") or (f"{parent}-{part}" if parent else part)
        if anchor in seen:
            n = 2
            while f"{anchor}-{n}" in seen:
                n += 1
            anchor = block["id"] = f"{anchor}-{n}"
        seen.add(anchor)
        found.append((anchor, block))
        found += anchors(block.get("children", []), anchor, seen)
    return found
