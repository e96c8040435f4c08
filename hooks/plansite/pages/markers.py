"""Generated content inside hand-written pages, through explicit markers.

A communicator writes, on a line of its own::

    <!-- plan:asks who=ho-gia-dinh,ca-nhan -->

and the build replaces the line with what the plan asks of households and
individuals. An unknown marker, argument or id is an error naming the page and
line, never silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..errors import PlanDataError, Problem, Where, did_you_mean
from ..model.types import Block, Plan, Site
from ..text import vn_date
from .renderer import Renderer

MARKER = re.compile(r"^[ \t]*<!--\s*plan:(?P<body>.*?)\s*-->[ \t]*$")
LOOSE = re.compile(r"<!--\s*plan:")
_ARG = re.compile(r"^(?P<key>[a-z]+)=(?P<value>[a-z0-9,-]+)$")


@dataclass(frozen=True)
class Spec:
    """What a marker accepts and what it becomes."""

    summary: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


# Documented in README.md ("Đánh dấu nội dung tự động"); keep the two in step.
MARKERS: dict[str, Spec] = {
    "notices": Spec("Các thông báo trong site.yml"),
    "plans": Spec("Danh sách các kế hoạch"),
    "facts": Spec("Bảng thông tin chính của một kế hoạch", optional=("plan",)),
    "asks": Spec("Những đoạn giao việc, đặt yêu cầu cho các đối tượng", ("who",), ("plan",)),
    "mentions": Spec("Mọi đoạn kế hoạch nêu tên các đối tượng", ("who",), ("plan",)),
    "tasks": Spec("Bảng nhiệm vụ", optional=("plan", "domain")),
    "domain": Spec("Những đoạn kế hoạch nêu một lĩnh vực", ("domain",)),
    "provenance": Spec("Nguồn và phạm vi bản số hóa", optional=("plan",)),
    "corrections": Spec("Nhật ký đính chính", optional=("plan",)),
    "contacts": Spec("Kênh liên hệ chính thức (hoặc lời báo chưa công bố)"),
    "as-of": Spec("Ngày cập nhật dữ liệu"),
    "operator": Spec("Cơ quan quản lý trang (hoặc lời báo chưa công bố)"),
    "references": Spec("Văn bản ngoài kế hoạch mà trang dẫn chiếu", optional=("ids",)),
    "citizens": Spec("Tóm tắt cho người dân trong site.yml"),
}


@dataclass(frozen=True)
class Marker:
    name: str
    args: Mapping[str, tuple[str, ...]]
    line: int


def find(text: str, file: str) -> tuple[list[Marker], list[Problem]]:
    """Every marker in a page, and a problem for each one that is malformed or unknown."""
    found: list[Marker] = []
    problems: list[Problem] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence or not LOOSE.search(line):
            continue
        where = Where(file, number, line.find("<!--") + 1)
        match = MARKER.match(line)
        if not match:
            problems.append(
                Problem(
                    where,
                    (),
                    "đánh dấu phải nằm riêng trên một dòng, dạng <!-- plan:tên khóa=giá-trị -->.",
                )
            )
            continue
        name, *words = match.group("body").split()
        if name not in MARKERS:
            problems.append(
                Problem(
                    where,
                    (),
                    f"không có đánh dấu 'plan:{name}'.",
                    did_you_mean(name, list(MARKERS)) or f"Các đánh dấu: {', '.join(MARKERS)}.",
                )
            )
            continue
        spec = MARKERS[name]
        args: dict[str, tuple[str, ...]] = {}
        for word in words:
            arg = _ARG.match(word)
            if not arg or arg["key"] not in (*spec.required, *spec.optional):
                allowed = ", ".join((*spec.required, *spec.optional)) or "không có"
                problems.append(
                    Problem(
                        where,
                        (),
                        f"đánh dấu 'plan:{name}' không nhận '{word}'"
                        f" (tham số được dùng: {allowed}).",
                    )
                )
                continue
            args[arg["key"]] = tuple(arg["value"].split(","))
        for key in spec.required:
            if key not in args:
                problems.append(
                    Problem(where, (), f"đánh dấu 'plan:{name}' thiếu tham số '{key}=...'.")
                )
        found.append(Marker(name, args, number))
    return found, problems


def _check_refs(marker: Marker, site: Site, where: Where) -> list[Problem]:
    known = {
        "plan": [p.id for p in site.plans],
        "domain": [d.id for d in site.domains],
        "who": [o.id for o in site.organisations] + [g.id for g in site.groups],
        "ids": [r.id for r in site.references],
    }
    problems = []
    for key, values in marker.args.items():
        for value in values:
            if value not in known[key]:
                problems.append(
                    Problem(
                        where,
                        (),
                        f"đánh dấu 'plan:{marker.name}': không có mã '{value}' cho '{key}'.",
                        did_you_mean(value, known[key]),
                    )
                )
    return problems


class Expander:
    """Replaces markers in hand-written pages with generated Markdown."""

    def __init__(self, site: Site, renderer: Renderer) -> None:
        self.site = site
        self.renderer = renderer

    def check(self, pages: Mapping[str, str], display: Callable[[str], str]) -> list[Problem]:
        """Problems with the markers of every page (`display` names a page's file)."""
        problems: list[Problem] = []
        for uri, text in pages.items():
            markers, found = find(text, display(uri))
            problems += found
            for marker in markers:
                problems += _check_refs(marker, self.site, Where(display(uri), marker.line, 1))
        return problems

    def expand(self, uri: str, text: str) -> str:
        """The page with each marker line replaced by its content."""
        markers, problems = find(text, uri)
        if problems:
            raise PlanDataError(problems)
        lines = text.splitlines(keepends=True)
        for marker in reversed(markers):
            content = self._content(uri, marker)
            lines[marker.line - 1] = content.rstrip("\n") + "\n"
        return "".join(lines)

    def _plans(self, marker: Marker) -> list[Plan]:
        wanted = marker.args.get("plan")
        return [p for p in self.site.plans if not wanted or p.id in wanted]

    def _content(self, uri: str, marker: Marker) -> str:
        frag = self.renderer.fragment
        plans = self._plans(marker)
        name = marker.name
        if name in ("asks", "mentions", "domain"):
            return frag("quotes", uri, *self._quoted(marker, plans))
        if name == "tasks":
            domains = marker.args.get("domain")
            tasks = [
                (p, t)
                for p in plans
                for t in p.tasks
                if not domains or any(d in t.block.domains for d in domains)
            ]
            return frag("task_table", uri, tasks)
        if name in ("facts", "provenance", "corrections"):
            return "\n".join(frag(name, uri, p) for p in plans)
        if name == "as-of":
            return f"Dữ liệu cập nhật đến ngày {vn_date(self.site.as_of)}."
        if name == "references":
            wanted = marker.args.get("ids")
            refs = [r for r in self.site.references if not wanted or r.id in wanted]
            return frag("references", uri, refs)
        if name == "citizens" and self.site.citizens is None:
            return "Chưa có tóm tắt cho người dân."
        macros = {
            "notices": "notices",
            "plans": "plans_list",
            "contacts": "contacts",
            "operator": "operator",
            "citizens": "citizen_answer",
        }
        return frag(macros[name], uri)

    def _quoted(self, marker: Marker, plans: list[Plan]) -> tuple[list[tuple[Plan, Block]], str]:
        """The passages a quoting marker shows, in text order, and what to say if none."""
        index = self.renderer.index
        if marker.name == "asks":
            who = marker.args["who"]
            pairs = [
                (p, b) for p in plans for b in p.blocks() if any(w in b.addressees for w in who)
            ]
            return pairs, "Chưa có đoạn nào được xác định là giao việc hay đặt yêu cầu."
        found: list[tuple[Plan, Block]] = []
        if marker.name == "mentions":
            lists = [index.named_in[who] for who in marker.args["who"]]
            empty = "Chưa có đoạn nào trong phần đã số hóa nêu tên."
        else:
            lists = [index.by_domain[domain] for domain in marker.args["domain"]]
            empty = "Chưa có đoạn nào trong bản số hóa nêu lĩnh vực này."
        for pairs in lists:
            found += [pair for pair in pairs if pair[0] in plans and pair not in found]
        order = {id(b): i for p in plans for i, b in enumerate(p.passages())}
        found.sort(key=lambda pair: (pair[0].id, order.get(id(pair[1]), 0)))
        return found, empty
