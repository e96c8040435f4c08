"""A synthetic corpus the size of a province, for benchmarks and scale tests.

Usage: python scripts/synthetic.py --tasks N --out DIR

DIR becomes a complete project (mkdocs.yml, plan_data/, docs/), buildable with plain
`mkdocs build -f DIR/mkdocs.yml`. Plans sit at three levels (tỉnh, thành phố, phường/xã),
each lower plan carrying out one above it. Each plan's text has 20–60 numbered
paragraphs of 150–600 characters, in administrative Vietnamese with tone marks, drawn
from a few hundred phrases by a seeded random generator: the same N gives the same
bytes, and a plan's text depends only on its number, not on N.

Everything it writes is labelled as sample data: `sample: "true"`, names with "mẫu".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

STATUSES = ("chua-trien-khai", "dang-thuc-hien", "hoan-thanh", "tam-dung")
TASKS_PER_PLAN = 40
AS_OF = dt.date(2025, 6, 30)
SEED = "plansite-synthetic-1"
LEVELS = ("tinh", "thanh-pho", "phuong-xa")
LEVEL_WORDS = {"tinh": "tỉnh", "thanh-pho": "thành phố", "phuong-xa": "phường"}

# (id, name, the words the text uses for it): each tagged paragraph names its domain.
DOMAINS = (
    ("moi-truong-mau", "Bảo vệ môi trường (mẫu)", "bảo vệ môi trường"),
    ("thuc-pham-mau", "Vệ sinh an toàn thực phẩm (mẫu)", "vệ sinh an toàn thực phẩm"),
    ("xay-dung-mau", "Trật tự xây dựng (mẫu)", "trật tự xây dựng"),
    ("giao-thong-mau", "An toàn giao thông (mẫu)", "an toàn giao thông"),
    ("chat-thai-mau", "Chất thải rắn sinh hoạt (mẫu)", "chất thải rắn sinh hoạt"),
    ("nong-thon-mau", "Nông thôn mới (mẫu)", "nông thôn mới"),
    ("cay-xanh-mau", "Cây xanh đô thị (mẫu)", "cây xanh"),
    ("nuoc-sach-mau", "Nước sạch (mẫu)", "nước sạch"),
)
AGENCIES = (
    "Phòng Tài nguyên và Môi trường",
    "Phòng Kinh tế",
    "Phòng Quản lý đô thị",
    "Phòng Văn hóa và Thông tin",
    "Phòng Y tế",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Công an",
    "Ủy ban Mặt trận Tổ quốc",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Ban Quản lý chợ",
    "Đội Quản lý trật tự đô thị",
    "Trung tâm Văn hóa, Thể thao và Truyền thanh",
    "Ủy ban nhân dân phường",
    "Ủy ban nhân dân xã",
    "Ban Chỉ đạo liên ngành về an toàn thực phẩm",
)
VERBS = (
    "Tăng cường",
    "Đẩy mạnh",
    "Tuyên truyền",
    "Vận động",
    "Đôn đốc",
    "Kiểm tra",
    "Sơ kết",
    "Tổng kết",
    "Đánh giá",
    "Triển khai",
    "Quán triệt",
    "Hướng dẫn",
    "Phối hợp",
    "Chủ động",
    "Rà soát",
    "Thống kê",
    "Xây dựng",
    "Nâng cao",
    "Duy trì",
    "Củng cố",
    "Thanh tra",
    "Giám sát",
    "Xử lý nghiêm",
    "Khen thưởng",
    "Biểu dương",
    "Nhân rộng",
    "Lồng ghép",
    "Bố trí",
    "Huy động",
    "Phát động",
    "Tập huấn",
    "Theo dõi",
    "Chấn chỉnh",
    "Ngăn chặn",
    "Phòng ngừa",
    "Cải thiện",
    "Khắc phục",
    "Tổ chức",
    "Thực hiện",
    "Bảo đảm",
)
OBJECTS = (
    "công tác tuyên truyền",
    "ý thức chấp hành pháp luật",
    "các mô hình tự quản",
    "việc thu gom rác thải",
    "hoạt động sản xuất, kinh doanh",
    "các cơ sở chế biến thực phẩm",
    "bếp ăn tập thể",
    "các công trình xây dựng",
    "việc cấp phép xây dựng",
    "hành lang an toàn giao thông",
    "tình trạng lấn chiếm vỉa hè",
    "các điểm tập kết rác",
    "hệ thống thoát nước",
    "các tuyến đường xanh, sạch, đẹp",
    "phong trào toàn dân",
    "các hộ gia đình",
    "nguồn lực về nhân lực, vật lực",
    "kinh phí thực hiện",
    "việc phân loại rác tại nguồn",
    "chất lượng nước sinh hoạt",
    "các chợ truyền thống",
    "hoạt động của tổ tự quản",
    "sự tham gia của Nhân dân",
    "trách nhiệm người đứng đầu",
    "các tiêu chí nông thôn mới",
    "công tác quản lý nhà nước",
    "việc trồng cây xanh",
    "vệ sinh môi trường khu dân cư",
    "các điểm nóng về ô nhiễm",
    "hồ sơ, thủ tục hành chính",
    "cơ sở dữ liệu chuyên ngành",
    "đội ngũ cán bộ, công chức",
    "lực lượng thanh niên xung kích",
    "các cơ sở giết mổ gia súc, gia cầm",
    "chất thải rắn sinh hoạt",
    "nước thải sinh hoạt",
    "các vi phạm hành chính",
    "quy chế phối hợp liên ngành",
    "kết quả thực hiện nhiệm vụ",
    "công tác kiểm tra, giám sát",
)
SCOPES = (
    "trên địa bàn",
    "tại các khu dân cư",
    "tại khu vực chợ",
    "ở các tuyến đường chính",
    "trong các trường học",
    "tại các khu, cụm công nghiệp",
    "ở vùng nông thôn",
    "tại nơi công cộng",
    "trong cơ quan, đơn vị",
    "tại các khóm, ấp",
    "dọc các tuyến kênh, rạch",
    "trong toàn hệ thống chính trị",
)
PURPOSES = (
    "nhằm nâng cao nhận thức của cộng đồng",
    "góp phần xây dựng nông thôn mới nâng cao",
    "bảo đảm an toàn cho người dân",
    "tạo sự chuyển biến tích cực",
    "đáp ứng yêu cầu phát triển kinh tế - xã hội",
    "giữ gìn cảnh quan đô thị",
    "phòng ngừa ô nhiễm môi trường",
    "hướng tới đô thị văn minh",
    "bảo vệ sức khỏe Nhân dân",
    "nâng cao hiệu lực, hiệu quả quản lý",
    "phát huy vai trò giám sát của đoàn thể",
    "kịp thời phát hiện, xử lý vi phạm",
)
CLOSINGS = (
    "định kỳ báo cáo kết quả về Ủy ban nhân dân",
    "sơ kết, đánh giá kết quả hằng năm",
    "kịp thời đề xuất khen thưởng tập thể, cá nhân tiêu biểu",
    "phê bình đối với tập thể, cá nhân thiếu trách nhiệm",
    "lồng ghép với chương trình mục tiêu quốc gia",
    "thực hiện thường xuyên, liên tục, có trọng tâm, trọng điểm",
)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def level_of(p: int) -> str:
    """One plan in ten at province level, three at city level, the rest at ward level."""
    return "tinh" if p % 10 == 0 else "thanh-pho" if p % 10 in (1, 4, 7) else "phuong-xa"


def paragraph(rng: random.Random, low: int, high: int, term: str | None = None) -> str:
    """One paragraph of about `low`–`high` characters; it names `term` if given."""
    target = rng.randint(low, high)
    clauses: list[str] = []
    if term:
        clauses.append(f"{rng.choice(VERBS)} công tác {term} {rng.choice(SCOPES)}")
    while len("; ".join(clauses)) + 1 < target:
        clause = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(SCOPES)}"
        clause += f", {rng.choice(PURPOSES)}" if rng.random() < 0.5 else ""
        if rng.random() < 0.3:
            clause += f"; {rng.choice(AGENCIES)} {rng.choice(CLOSINGS)}"
        clauses.append(clause if not clauses else clause[0].lower() + clause[1:])
    text = "; ".join(clauses)
    if len(text) >= high:
        text = text[: high - 1].rsplit(" ", 1)[0].rstrip(",;")
    return text + "."


def plan_text(p: int, count: int) -> tuple[list[str], list[tuple[str, str]]]:
    """The YAML lines of plan `p`'s text: purpose paragraphs, then one paragraph per task."""
    rng = random.Random(f"{SEED}-plan-{p}")
    extra = max(0, rng.randint(20, 60) - count)
    if p == 0:  # the first plan is the longest, whatever N is (a fixed largest page)
        extra = max(0, 60 - count)
    low, high = (550, 600) if p == 0 else (150, 600)
    lines = ['  - number: "I."', '    heading: "MỤC ĐÍCH, YÊU CẦU"', "    children:"]
    if not extra:
        lines = []
    for k in range(extra):
        lines += [f'      - number: "{k + 1}."', f"        text: {_q(paragraph(rng, low, high))}"]
    part = "II" if extra else "I"
    lines += [f'  - number: "{part}."', '    heading: "NHIỆM VỤ TRỌNG TÂM"', "    children:"]
    blocks = []
    for k in range(count):
        domain_id, _, term = DOMAINS[(p + k) % len(DOMAINS)]
        lines += [
            f'      - number: "{k + 1}."',
            f"        text: {_q(paragraph(rng, low, high, term))}",
            f"        domains: [{domain_id}]",
        ]
        blocks.append((f"{part.lower()}-{k + 1}", domain_id))
    return lines, blocks


def plan_yaml(p: int, first: int, count: int, orgs: list[str], upper: str | None) -> str:
    """One sample plan file with `count` tasks numbered from `first`."""
    level = level_of(p)
    where = LEVEL_WORDS[level]
    lines = [
        "# Dữ liệu mẫu, tạo bởi scripts/synthetic.py: không phải văn bản thật.",
        f"id: ke-hoach-mau-{p}",
        f"short_title: {_q(f'Kế hoạch mẫu {p} cấp {where}')}",
        f"level: {level}",
        "document:",
        '  kind: "Kế hoạch"',
        f"  issuer: {orgs[p % len(orgs)]}",
        f"  subject: {_q(f'Kế hoạch mẫu {p}: bảo vệ môi trường, trật tự đô thị trên địa bàn')}",
        "provenance:",
        '  source: "Dữ liệu mẫu tạo tự động."',
        "  extent: toan-van",
        '  coverage: "Toàn bộ dữ liệu mẫu."',
    ]
    if upper:
        lines += ["basis:", "  - type: thuc-hien", f"    document: {upper}", "    block: p1"]
    opening = f"Thực hiện kế hoạch mẫu cấp trên; Ủy ban nhân dân {where} mẫu xây dựng kế hoạch."
    lines += ["content:", f"  - text: {_q(opening)}"]
    text, blocks = plan_text(p, count)
    lines += [*text, "tasks:"]
    for k, (block, _) in enumerate(blocks):
        n = first + k
        lines += _task(n, block, orgs[n % len(orgs)])
    return "\n".join(lines) + "\n"


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
        note = f"Đã {VERBS[n % len(VERBS)].lower()} {OBJECTS[n % len(OBJECTS)]} (mẫu số {n})."
        lines += [
            "    updates:",
            f'      - date: "{day}"',
            f"        status: {status}",
            f"        note: {_q(note)}",
        ]
    return lines


def organisations(count: int) -> tuple[list[str], str]:
    """Ids and the organisations.yml text of `count` sample agencies at the three levels."""
    ids, lines = [], ["organisations:"]
    for i in range(count):
        level = LEVELS[i % 3]
        agency = AGENCIES[i % len(AGENCIES)]
        ids.append(f"co-quan-mau-{i}")
        lines += [
            f"  - id: co-quan-mau-{i}",
            f"    name: {_q(f'{agency} {LEVEL_WORDS[level]} mẫu {i}')}",
            f"    level: {level}",
            f"    kind: {'doan-the' if 'Hội' in agency or 'Đoàn' in agency else 'chinh-quyen'}",
        ]
    return ids, "\n".join(lines) + "\n"


def write_corpus(root: Path, tasks: int, per_plan: int = TASKS_PER_PLAN) -> None:
    """A whole synthetic project with `tasks` tasks spread over plans of `per_plan`."""
    data = root / "plan_data"
    (data / "plans").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (data / "site.yml").write_text(
        f'as_of: "{AS_OF.isoformat()}"\nsample: "true"\n'
        'description: "Dữ liệu mẫu tổng hợp, tạo bởi scripts/synthetic.py."\n',
        encoding="utf-8",
    )
    orgs, org_text = organisations(max(6, tasks // 20))
    (data / "organisations.yml").write_text(org_text, encoding="utf-8")
    domain_lines = ["domains:"]
    for domain_id, name, term in DOMAINS:
        domain_lines += [f"  - id: {domain_id}", f"    name: {_q(name)}"]
        domain_lines.append(f"    terms: [{_q(term)}]")
    (data / "domains.yml").write_text("\n".join(domain_lines) + "\n", encoding="utf-8")
    uppers: dict[str, str] = {}
    for p, first in enumerate(range(0, tasks, per_plan)):
        level = level_of(p)
        upper = uppers.get("thanh-pho" if level == "phuong-xa" else "tinh")
        upper = None if level == "tinh" else upper
        text = plan_yaml(p, first, min(per_plan, tasks - first), orgs, upper)
        (data / "plans" / f"ke-hoach-mau-{p}.yml").write_text(text, encoding="utf-8")
        uppers[level] = f"ke-hoach-mau-{p}"
    (root / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")


def mkdocs_yml() -> str:
    hooks = Path(__file__).resolve().parent.parent / "hooks"
    return "\n".join(
        [
            "site_name: Trang mẫu tổng hợp",
            "theme:",
            "  name: material",
            f"  custom_dir: {hooks.parent / 'overrides'}",
            "  language: vi",
            "  font: false",
            "plugins: []",
            "hooks:",
            f"  - {hooks / 'plansite_hook.py'}",
            "watch:",
            "  - plan_data",
            "extra:",
            "  plansite_offline: !ENV [OFFLINE, false]",
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
