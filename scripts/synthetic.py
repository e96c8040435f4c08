"""A synthetic corpus of any size, for benchmarks and for the sample site's long plan.

Usage: python scripts/synthetic.py --tasks N --out DIR

Everything it writes is labelled as sample data; nothing resembles a real plan.
The output is a complete project folder: mkdocs.yml, plan_data/ and docs/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

STATUSES = ("chua-trien-khai", "dang-thuc-hien", "hoan-thanh", "tam-dung")
TASKS_PER_PLAN = 40
AS_OF = dt.date(2025, 6, 30)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def plan_yaml(
    plan_id: str,
    title: str,
    first: int,
    count: int,
    orgs: list[str],
    domains: list[tuple[str, str]],
    level: str = "thanh-pho",
    issuer: str | None = None,
    implements: str | None = None,
) -> str:
    """One sample plan file with `count` tasks numbered from `first`."""
    issuer = issuer or orgs[0]
    lines = [
        "# Dữ liệu mẫu, tạo bởi scripts/synthetic.py: không phải văn bản thật.",
        f"id: {plan_id}",
        f"short_title: {_q(title)}",
        f"level: {level}",
        "document:",
        '  kind: "Kế hoạch"',
        f"  issuer: {issuer}",
        f"  subject: {_q('Kế hoạch mẫu ' + title.lower())}",
        "provenance:",
        '  source: "Dữ liệu mẫu tạo tự động."',
        "  extent: toan-van",
        '  coverage: "Toàn bộ dữ liệu mẫu."',
    ]
    if implements:
        lines += ["basis:", "  - type: thuc-hien", f"    document: {implements}", "    block: p1"]
    lines.append("content:")
    basis_text = "Thực hiện kế hoạch mẫu cấp trên." if implements else "Phần mở đầu mẫu."
    lines += [
        f"  - text: {_q(basis_text)}",
        '  - number: "I."',
        '    heading: "NHIỆM VỤ MẪU"',
        "    children:",
    ]
    tasks = ["tasks:"]
    for k in range(count):
        n = first + k
        domain_id, domain_term = domains[n % len(domains)]
        lines += [
            f'      - number: "{k + 1}."',
            f"        text: {_q(f'Nhiệm vụ mẫu số {n} về {domain_term}.')}",
            f"        domains: [{domain_id}]",
        ]
        tasks += _task(n, f"i-{k + 1}", orgs[n % len(orgs)])
    return "\n".join(lines + tasks) + "\n"


def _task(n: int, block: str, lead: str) -> list[str]:
    """The YAML lines of sample task number `n`: some with deadlines, rhythms, updates."""
    lines = [f"  - id: nv-{n}", f"    block: {block}", f"    lead: {lead}"]
    if n % 3 == 0:
        lines.append(f'    deadline: "{(AS_OF + dt.timedelta(days=(n % 90) - 45)).isoformat()}"')
    if n % 4 == 1:
        lines += ["    recurrence:", "      frequency: hang-quy", '      anchor: "20"']
    if n % 5:
        status = STATUSES[n % len(STATUSES)]
        day = (AS_OF - dt.timedelta(days=n % 60)).isoformat()
        lines += [
            "    updates:",
            f'      - date: "{day}"',
            f"        status: {status}",
            f"        note: {_q(f'Cập nhật mẫu số {n}.')}",
        ]
    return lines


def write_corpus(root: Path, tasks: int, per_plan: int = TASKS_PER_PLAN) -> None:
    """A whole synthetic project with `tasks` tasks spread over plans of `per_plan`."""
    data = root / "plan_data"
    (data / "plans").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    org_count = max(5, tasks // 20)
    orgs = [f"co-quan-mau-{i}" for i in range(org_count)]
    domains = [(f"linh-vuc-mau-{i}", f"lĩnh vực mẫu {i}") for i in range(8)]
    (data / "site.yml").write_text(
        f'as_of: "{AS_OF.isoformat()}"\nsample: "true"\ndescription: "Dữ liệu mẫu tổng hợp."\n',
        encoding="utf-8",
    )
    org_lines = ["organisations:"]
    for i, org in enumerate(orgs):
        org_lines += [
            f"  - id: {org}",
            f'    name: "Cơ quan mẫu {i}"',
            "    level: thanh-pho",
            "    kind: chinh-quyen",
        ]
    (data / "organisations.yml").write_text("\n".join(org_lines) + "\n", encoding="utf-8")
    domain_lines = ["domains:"]
    for domain_id, term in domains:
        domain_lines += [
            f"  - id: {domain_id}",
            f"    name: {_q(term.capitalize())}",
            f"    terms: [{_q(term)}]",
        ]
    (data / "domains.yml").write_text("\n".join(domain_lines) + "\n", encoding="utf-8")
    previous = None
    for p, first in enumerate(range(0, tasks, per_plan)):
        plan_id = f"ke-hoach-mau-{p}"
        count = min(per_plan, tasks - first)
        text = plan_yaml(
            plan_id, f"Kế hoạch mẫu {p}", first, count, orgs, domains, implements=previous
        )
        (data / "plans" / f"{plan_id}.yml").write_text(text, encoding="utf-8")
        previous = plan_id if p % 5 else None
    (root / "mkdocs.yml").write_text(mkdocs_yml(root), encoding="utf-8")


def mkdocs_yml(root: Path) -> str:
    hooks = Path(__file__).resolve().parent.parent / "hooks"
    return "\n".join(
        [
            "site_name: Trang mẫu tổng hợp",
            "theme:",
            "  name: material",
            f"  custom_dir: {hooks.parent / 'overrides'}",
            "  language: vi",
            "  font: false",
            "hooks:",
            f"  - {hooks / 'plansite_hook.py'}",
            "extra_css:",
            "  - assets/stylesheets/plansite.css",
            "markdown_extensions: [admonition, attr_list, md_in_html, tables, toc]",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo một dự án mẫu tổng hợp (dữ liệu mẫu).")
    parser.add_argument("--tasks", type=int, required=True, help="số nhiệm vụ")
    parser.add_argument("--out", type=Path, required=True, help="thư mục đích")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.tasks)
    print(f"Đã tạo dự án mẫu {args.tasks} nhiệm vụ ở {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
