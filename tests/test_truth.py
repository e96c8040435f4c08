"""Every sentence is true: unknown is never zero, names are found in the text, words are plain.

These tests read the pages as the pipeline writes them (Markdown, before the theme),
so they run without a browser and name the page that breaks a rule.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from plansite.cli.config import read_config
from plansite.project import SiteOutput, generate

from .conftest import FIXTURES, ROOT, copy_project
from .test_site import source_paragraphs

PLAN = "ke-hoach/bao-ve-moi-truong-tp-tra-vinh"


@cache
def output(root: Path = ROOT) -> SiteOutput:
    config = read_config(root / "mkdocs.yml")
    return generate(config.root, config.docs_dir, config.site_name)


def pages(root: Path = ROOT) -> dict[str, str]:
    out = output(root)
    found = {uri: page.markdown for uri, page in out.generated.items()}
    found.update(out.handwritten)
    return found


# --- 1. Unknown is never zero, "none" or "not overdue" --------------------------------

# The real plan names no lead, no deadline and no status: these claims would be false.
FALSE_CLAIMS = [
    (re.compile(r"(?<![\d/.,])0 nhiệm vụ"), "a count of zero tasks"),
    (re.compile(r"\| Quá hạn \| 0 \|"), "zero overdue"),
    (re.compile(r"Trong đó quá hạn"), "an overdue bar with no deadline known"),
    (re.compile(r"Không có nhiệm vụ nào quá hạn"), "'none overdue'"),
    (re.compile(r"Không có thời hạn nào sắp tới"), "'nothing due'"),
    (re.compile(r"Không (chủ trì|phối hợp)"), "'leads nothing'"),
    (re.compile(r"^- Không có\.$", re.MULTILINE), "a bare 'none'"),
    (re.compile(r"\| (Chủ trì|Phối hợp) \| 0"), "zero led or supported"),
    (re.compile(r"Chưa triển khai</span> \| 0"), "zero not started"),
    (re.compile(r"\| 0 \|"), "a zero in a table"),
    (re.compile(r"\(theo báo cáo\)"), "a column of reported statuses with no report"),
    (re.compile(r'class="bieu-do"'), "a status chart with no report"),
    (re.compile(r"chưa có thời hạn", re.IGNORECASE), "'has no deadline' for an unknown one"),
    (re.compile(r"chưa xong|chưa hoàn thành", re.IGNORECASE), "'not finished' with no report"),
    (
        re.compile(r"được công bố(?!\*{0,2} trên trang)"),
        "a claim about what was published elsewhere",
    ),
    (re.compile(r"Đoạn văn không nêu(?= \|)"), "'names nothing' without saying what"),
]


@pytest.mark.parametrize("root", [ROOT, FIXTURES / "other-city"], ids=["real", "other-city"])
def test_no_page_claims_a_count_or_none_the_data_does_not_support(root: Path) -> None:
    """Both projects have tasks with no lead, no deadline and no update."""
    tasks = [t for p in output(root).site.plans for t in p.tasks]
    assert tasks and all(t.lead is None and t.deadline is None and not t.updates for t in tasks)
    found = [
        f"{uri}: {what}"
        for uri, text in pages(root).items()
        for pattern, what in FALSE_CLAIMS
        if pattern.search(text)
    ]
    assert not found, found


def test_the_unknowns_are_said_in_words() -> None:
    text = pages()
    assert "1 nhiệm vụ trong phần đã số hóa" in text[f"{PLAN}/index.md"]
    org = text["co-quan/ubnd-phuong-xa.md"]
    assert "Chưa có thông tin về cơ quan chủ trì của 1 nhiệm vụ trong phần đã số hóa" in org
    assert "chưa rõ: 1 nhiệm vụ chưa rõ thời hạn" in text["tien-do/index.md"]
    assert "Chưa biết: 1 nhiệm vụ chưa rõ thời hạn." in text[f"{PLAN}/tien-do.md"]


def test_the_sample_shows_the_mixed_case() -> None:
    sample = ROOT / "examples" / "sample"
    overview = pages(sample)["tien-do/index.md"]
    match = re.search(r"\| Quá hạn \| (\d+) quá hạn; (\d+) chưa rõ thời hạn \|", overview)
    assert match and int(match[1]) > 0 and int(match[2]) > 0


def test_exports_write_unknown_as_null_or_empty_never_zero_or_false() -> None:
    files = output().assets
    tasks = json.loads(files["du-lieu/nhiem-vu.json"])["items"]
    assert tasks and all(t["chu_tri"] is None and t["thoi_han"] is None for t in tasks)
    for name, data in files.items():
        if name.endswith(".json") and "schema" not in name:
            items = json.loads(data)["items"]
            values = [v for item in items for v in item.values()]
            assert "" not in values and 0 not in values and False not in values, name
    csv = files["du-lieu/nhiem-vu.csv"].decode("utf-8-sig").splitlines()
    assert ",0," not in csv[1] and ",false," not in csv[1].replace(",false\r", "")


# --- 2. Who the text names, computed from the text -----------------------------------


def names_in(paragraph: str, entities: dict[str, dict[str, list[str]]]) -> set[str]:
    """Independent of the site's code: every term occurrence, minus those inside a longer
    occurrence of another term or inside one of the entity's exclusions."""
    text = paragraph.lower()
    hits = []
    for ident, e in entities.items():
        for term in e["terms"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)", text):
                hits.append((m.start(), m.end(), ident))
    found = set()
    for start, end, ident in hits:
        inside_longer = any(a <= start and end <= b and (b - a) > (end - start) for a, b, _ in hits)
        excluded = any(
            m.start() <= start and end <= m.end()
            for phrase in entities[ident]["exclude"]
            for m in re.finditer(re.escape(phrase.lower()), text)
        )
        if not inside_longer and not excluded:
            found.add(ident)
    return found


def norm(passage: str) -> str:
    """A passage without Markdown escapes, emphasis or its leading number, first 60 chars."""
    plain = passage.replace("\\", "").replace("**", "")
    plain = re.sub(r"^(- |\d+\. |[IVX]+\. )", "", plain)
    return " ".join(plain.split())[:60]


def quoted(section: str) -> set[str]:
    """The passages quoted in a section of a page."""
    return {
        norm(line[2:])
        for line in section.splitlines()
        if line.startswith("> ") and not line.startswith("> —")
    }


def test_every_page_of_a_body_or_group_quotes_exactly_the_passages_that_name_it() -> None:
    data = yaml.safe_load((ROOT / "plan_data" / "organisations.yml").read_text("utf-8"))
    entities = {
        e["id"]: {"terms": e.get("terms") or [e["name"]], "exclude": e.get("exclude") or []}
        for e in [*data["organisations"], *data["groups"]]
    }
    urls = {o["id"]: f"co-quan/{o['id']}.md" for o in data["organisations"]}
    urls |= {g["id"]: f"doi-tuong/{g['id']}.md" for g in data["groups"]}
    paragraphs = [p for p in source_paragraphs() if p != "KẾ HOẠCH"]
    text = pages()
    checked = 0
    for ident, uri in urls.items():
        expected = {norm(p) for p in paragraphs if ident in names_in(p, entities)}
        page = text[uri]
        assert page.startswith("---") and f"\n# {entity_name(data, ident)}\n" in page
        section = page.split("## Được nhắc đến", 1)[1]
        assert quoted(section) == expected, uri
        checked += len(expected)
    assert checked >= 20


def entity_name(data: dict[str, list[dict[str, str]]], ident: str) -> str:
    return next(e["name"] for e in [*data["organisations"], *data["groups"]] if e["id"] == ident)


def test_the_longest_name_wins_and_exclusions_hold() -> None:
    text = pages()
    people = text["doi-tuong/nhan-dan.md"].split("## Được nhắc đến", 1)[1]
    assert "Ủy ban nhân dân" not in people  # "nhân dân" inside an agency's name
    assert "đoàn thể và nhân dân" in people
    groups = text["doi-tuong/to-chuc.md"].split("## Được nhắc đến", 1)[1]
    # The verb "tổ chức thực hiện" (Phần I, mục 1, gạch đầu dòng thứ hai) names no group.
    assert "triển khai tổ chức thực hiện" not in groups and "vận động tổ chức" in groups
    assert "Tổ chức tập huấn" in groups  # named in the same bullet as "cơ quan, tổ chức"
    assert len(quoted(groups)) == 2


def test_named_and_asked_are_separate_sections() -> None:
    page = pages()["co-quan/ubnd-phuong-xa.md"]
    asked, named = page.split("## Được giao việc, được yêu cầu", 1)[1].split("## Được nhắc đến")
    assert len(quoted(asked)) == 2 and len(quoted(named)) == 2
    province = pages()["co-quan/ubnd-tinh.md"]
    assert "Người biên tập chưa xác định đoạn nào" in province
    assert len(quoted(province.split("## Được nhắc đến", 1)[1])) == 2


# --- 3 and 6. Outside facts and plain words ---------------------------------------------

JARGON = re.compile(
    r"YAML|JSON|UTF-8|CSV|plan_data|\.yml\b|\.txt\b|000_b69a|axe|Lighthouse|Chromium|"
    r"Nu HTML|Schema|iCalendar|Atom\b",
    re.IGNORECASE,
)


def test_no_citizens_page_carries_developer_words() -> None:
    found = {
        uri: sorted(set(JARGON.findall(re.sub(r"\]\([^)]*\)", "]", text))))
        for uri, text in pages().items()
        if uri != "du-lieu/index.md"
    }
    found = {uri: words for uri, words in found.items() if words}
    assert not found, found


BAD_DATES = re.compile(r"(?<![\d/])(\d/\d{1,2}/\d{4}|\d{2}/0[3-9]/\d{4}|\d{2}/[12]/\d{4})")


def test_dates_are_written_as_administrative_texts_write_them() -> None:
    found = {uri: BAD_DATES.findall(text) for uri, text in pages().items()}
    assert not {uri: dates for uri, dates in found.items() if dates}
    text = "\n".join(pages().values())
    for written in ("01/7/2025", "17/01/2023", "19/10/2022", "22/02/2023"):
        assert written in text


def test_outside_facts_carry_number_date_article_and_effect() -> None:
    home = pages()["index.md"]
    assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025" in home
    assert "có hiệu lực từ ngày 16/6/2025" in home and "Điều 51 khoản 3" in home
    assert "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội" in home
    # The two-level structure rests on the amended Constitution (Nghị quyết 203/2025/QH15,
    # in force on passing); article numbers that could not be checked are not given.
    assert "Nghị quyết số 203/2025/QH15 ngày 16/6/2025" in home and "Điều 110" in home
    assert "Điều 1 khoản 1" not in home and "Điều 1 khoản 20" not in home
    assert "tỉnh Bến Tre, tỉnh Trà Vinh và tỉnh Vĩnh Long" in home
    assert "Ngày hiệu lực: 01/7/2025" not in home and "ban hành năm 2023" not in home
    assert "không sớm hơn ngày 22/02/2023" in home
    document = pages()["van-ban/chi-thi-27-ct-tu-2022.md"]
    assert "Trích yếu (theo cách kế hoạch này gọi văn bản)" in document
    glossary = pages()["thuat-ngu.md"]
    assert "Quy định số 66-QĐ/TW" in glossary and "Giải thích của trang này" in glossary
    assert "Quy định số 399-QĐ/TW ngày 09/01/2026" in glossary
    assert "Nghị định số 30/2020/NĐ-CP" not in glossary.split("**CT/TU**", 1)[1].split("\n")[0]


def test_the_citizens_answer_comes_first_with_a_plain_link() -> None:
    home = pages()["index.md"].split("---\n", 2)[2]
    first = home.split("\n## ", 1)[0]
    assert "Tóm tắt không chính thức" in first
    assert "[Người dân có thể làm gì](nguoi-dan.md)" in first
    assert "Thay đổi đơn vị hành chính" not in first and "| Thông tin |" not in first


def test_the_operator_is_said_to_be_unpublished_until_set() -> None:
    for uri in ("ve-trang-nay.md", "kha-nang-tiep-can.md"):
        assert "Cơ quan quản lý trang và cách liên hệ" in pages()[uri]


def test_no_page_title_repeats_itself(real_site: Path) -> None:
    titles = {
        path.relative_to(real_site).as_posix(): re.search(
            r"<title>(.*?)</title>", path.read_text("utf-8")
        )[1]  # type: ignore[index]
        for path in real_site.rglob("*.html")
    }
    assert titles["index.html"] == pages_title()
    doubled = {p: t for p, t in titles.items() if len(set(t.split(" - "))) < len(t.split(" - "))}
    assert not doubled, doubled


def pages_title() -> str:
    return read_config(ROOT / "mkdocs.yml").site_name


def test_the_leaflet_carries_a_qr_code_only_when_the_site_has_an_address(tmp_path: Path) -> None:
    assert "<svg" not in pages()["to-thong-tin.md"]
    root = copy_project(ROOT, tmp_path / "p")
    site_yml = root / "plan_data" / "site.yml"
    site_yml.write_text(
        site_yml.read_text("utf-8") + '\nsite_url: "https://ke-hoach.example.vn"\n', "utf-8"
    )
    leaflet = pages(root)["to-thong-tin.md"]
    assert 'class="ma-qr-hinh"' in leaflet and "<title>Mã QR dẫn tới trang</title>" in leaflet
    assert "https://ke-hoach.example.vn" in leaflet
