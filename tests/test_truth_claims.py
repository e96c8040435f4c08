"""Every sentence is true, second round: what a page says about reports, the groups a task's
passage names, the citizens' summary beside its quotes, the 2025 notice wherever a ceased
body is described, the laws a page cites, and the figures the accessibility statement gives.

Each test here failed on the site as it stood before these rules were written down.
"""

from __future__ import annotations

import json
import re

import yaml

from plansite.model.index import Index
from plansite.opendata.tables import TABLES
from plansite.urls import notice_anchor

from .conftest import FIXTURES, ROOT
from .test_site import source_paragraphs
from .test_truth import PLAN, output, pages

SAMPLE = ROOT / "examples" / "sample"
NO_REPORT = "Dữ liệu của trang chưa có báo cáo tiến độ nào"


# --- Reports: with none, one sentence; never zeros or a chart -------------------------


def test_a_plan_with_no_report_says_so_in_one_sentence_with_no_chart_or_zero() -> None:
    text = pages()
    for uri in ("tien-do/index.md", f"{PLAN}/tien-do.md"):
        page = text[uri]
        assert page.count(NO_REPORT) == 1, uri
        assert "bieu-do" not in page and "| 0 |" not in page, uri
    overview = text["tien-do/index.md"]
    assert "| Chưa có báo cáo tiến độ |" in overview
    assert "Đang thực hiện" not in overview and "Hoàn thành" not in overview


def test_a_plan_with_reports_keeps_its_chart_and_counts_the_unreported_apart() -> None:
    text = pages(SAMPLE)
    assert NO_REPORT not in text["tien-do/index.md"]
    assert 'class="bieu-do"' in text["tien-do/index.md"]
    rows = re.findall(r"\| ([^|]*chưa có báo cáo) \|", text["tien-do/index.md"])
    assert rows and all(
        re.fullmatch(r"(\d+ [^,;|]+, )*\d+ [^,;|]+; \d+ chưa có báo cáo", r) for r in rows
    )


def test_a_chart_never_draws_one_task_as_two_bars_of_the_same_kind() -> None:
    """Lateness bars are subsets of the statuses above them, and say so."""
    for root in (ROOT, SAMPLE):
        for uri, page in pages(root).items():
            for svg in re.findall(r'<svg class="bieu-do".*?</svg>', page):
                labels = re.findall(r"<text[^>]*>([^<\d][^<]*)</text>", svg)
                extra = [label for label in labels if "thời hạn" in label or "quá hạn" in label]
                assert all(label.startswith("Trong đó") for label in extra), (uri, labels)


def test_chart_labels_are_read_at_body_size_on_a_phone() -> None:
    """A 390 px phone gives the article a column of about 358 px; the chart is drawn at
    most that wide, so its labels are not scaled below 14 px."""
    page = pages(SAMPLE)["tien-do/index.md"]
    svg = re.search(r'<svg class="bieu-do"[^>]*width="(\d+)"', page)
    sizes = {int(s) for s in re.findall(r'<text[^>]*font-size="(\d+)"', page)}
    assert svg and sizes
    scale = min(1.0, 358 / int(svg[1]))
    assert min(sizes) * scale >= 14


# --- A task's passage: the groups it names, found as entity pages find them ----------


def test_a_task_lists_the_bodies_and_groups_its_passage_names() -> None:
    for root in (ROOT, SAMPLE, FIXTURES / "other-city"):
        out = output(root)
        index = Index(out.site)
        text = pages(root)
        for plan in out.site.plans:
            for task in plan.tasks:
                anchors = {b.anchor for b in task.block.walk()}
                expected = {
                    ident
                    for ident, passages in index.named_in.items()
                    if any(p.id == plan.id and b.anchor in anchors for p, b in passages)
                }
                page = text[f"ke-hoach/{plan.id}/nhiem-vu/{task.id}.md"]
                rows = re.findall(r"\| (?:Cơ quan|Đối tượng) được nêu \| (.*) \|", page)
                linked = set(
                    re.findall(r"\]\(\.\./\.\./\.\./(?:co-quan|doi-tuong)/([^/.]+)", "".join(rows))
                )
                assert linked == expected, (root.name, task.id)
    page = pages()[f"{PLAN}/nhiem-vu/tuyen-truyen-van-dong.md"]
    assert "[Hộ gia đình]" in page and "[Cá nhân]" in page and "[Tổ chức]" in page


# --- The citizens' summary beside its quotes ------------------------------------------

# Duties a summary might deny; if a quoted passage names one, the summary must not say
# "không …" of it in the same breath.
DUTY_WORDS = ("nghĩa vụ", "trách nhiệm", "thời hạn", "mức phạt", "mức xử phạt")


def test_the_citizens_summary_never_denies_what_its_own_quotes_say() -> None:
    site = output().site
    assert site.citizens
    quoted = " ".join(b.words.lower() for _, b in site.citizens.passages)
    for clause in re.split(r"[.;]", site.citizens.text.lower()):
        denied = clause.split("không", 1)[1] if "không" in clause else ""
        for word in DUTY_WORDS:
            assert not (word in denied and word in quoted), (word, clause)


def test_advice_that_is_not_the_plans_is_labelled_and_dated_after_2025() -> None:
    site = output().site
    assert site.citizens and site.citizens.participation
    advice = site.citizens.participation
    assert "01/7/2025" in advice and "tỉnh Vĩnh Long" in advice
    assert "Ủy ban nhân dân" not in site.citizens.text  # the plan's part holds no advice
    label = "_Gợi ý của trang, không phải lời văn kế hoạch:_"
    for uri in ("index.md", "to-thong-tin.md"):
        page = pages()[uri]
        assert f"{label} {advice.split(',')[0]}" in page.replace("    ", ""), uri


# --- The 01/7/2025 notice wherever a ceased body is described -------------------------


def test_every_body_the_reorganisation_ended_carries_the_notice_line() -> None:
    site = output().site
    (notice,) = site.notices
    data = yaml.safe_load((ROOT / "plan_data" / "organisations.yml").read_text("utf-8"))
    # Every body of the city, its wards and the province: all but the generic names.
    ceased = {o["id"] for o in data["organisations"] if o["level"] != "nhieu-cap"}
    assert set(notice.organisations) == ceased
    link = f"](../index.md#{notice_anchor(notice)})"
    for org_id in ceased:
        page = pages()[f"co-quan/{org_id}.md"]
        line = next(line for line in page.splitlines() if link in line)
        assert "01/7/2025" in line, org_id
    leaflet = pages()["to-thong-tin.md"]
    assert "01/7/2025" in leaflet and f"](index.md#{notice_anchor(notice)})" in leaflet
    for org_id in ("cap-uy", "chinh-quyen", "doan-the"):
        assert link not in pages()[f"co-quan/{org_id}.md"]


# --- Laws a page cites, and the table under it ----------------------------------------

LAW_NUMBER = re.compile(r"\d+/\d{4}/QH\d+")


def test_the_citizens_page_lists_exactly_the_outside_texts_it_cites() -> None:
    page = pages()["nguoi-dan.md"]
    body, table = page.split("## Văn bản ngoài kế hoạch được dẫn trên trang này", 1)
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    listed = {LAW_NUMBER.search(r)[0] for r in rows if LAW_NUMBER.search(r)}  # type: ignore[index]
    assert listed == set(LAW_NUMBER.findall(body))
    assert any(r.startswith("| Hiến pháp") for r in rows)
    assert "pháp luật được dẫn" not in page and "QĐ/TW" not in table


def test_laws_amended_since_are_not_quoted_article_by_article() -> None:
    """Luật Tố cáo was amended by Luật 136/2025/QH15 (in force 01/7/2026); the site has
    not checked the amended articles, so it quotes none of them."""
    page = pages()["nguoi-dan.md"]
    assert "Điều 23 khoản 1" not in page and "Điều 9 khoản 1 điểm b" not in page
    assert "136/2025/QH15" in page and "01/7/2026" in page


# --- Smaller claims -------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_accessibility_statement_gives_the_contrast_the_colour_has() -> None:
    css = (ROOT / "overrides/assets/stylesheets/plansite.css").read_text("utf-8")
    colour = re.search(r"--md-typeset-a-color: #([0-9a-f]{6})", css)
    stated = re.search(r"tỉ lệ tương phản (\d+),(\d):1", pages()["kha-nang-tiep-can.md"])
    assert colour and stated
    measured = 1.05 / (_luminance(colour[1]) + 0.05)
    assert f"{measured:.1f}" == f"{stated[1]}.{stated[2]}"


def test_the_open_data_promises_only_what_the_downloads_hold() -> None:
    page = pages()["du-lieu/index.md"]
    assert "Toàn bộ" not in page
    for table in TABLES:
        assert table.title.split(" (")[0].lower() in page.lower() or table.stem in page
    files = output().assets
    texts = {
        item["loi_van"] or item["tieu_de"]
        for item in json.loads(files["du-lieu/doan-van.json"])["items"]
    }
    joined = " ".join(t for t in texts if t)
    missing = [
        p
        for p in source_paragraphs()
        if " ".join(re.sub(r"^(- |\d+\. |[IVX]+\. )", "", p).split())[:50] not in joined
    ]
    assert missing == ["KẾ HOẠCH"], missing


# --- Found by a reader going through every page (second review) -----------------------


def test_no_page_gives_the_plan_an_issue_year_the_text_does_not_give() -> None:
    """The digitised part has no date; the plan rests on a text of 22/02/2023, so it was
    issued no earlier than that day, which is not 'after' it nor 'in 2023'."""
    for uri, text in pages().items():
        assert "ban hành năm 2023" not in text and "(năm 2023)" not in text, uri
        assert "ban hành sau ngày 22/02/2023" not in text, uri
    assert "không sớm hơn ngày 22/02/2023" in pages()[f"{PLAN}/index.md"]


def test_pages_that_describe_ceased_bodies_or_their_texts_carry_the_notice_line() -> None:
    site = output().site
    (notice,) = site.notices
    anchor = f"#{notice_anchor(notice)})"
    uris = [f"{PLAN}/toan-van.md", "co-quan/index.md"] + [
        f"van-ban/{d.id}.md" for d in site.documents if d.issuer in notice.organisations
    ]
    assert len(uris) >= 6
    for uri in uris:
        assert anchor in pages()[uri] and "01/7/2025" in pages()[uri], uri


def test_the_notice_line_does_not_say_what_became_of_a_party_body() -> None:
    """The notice cites laws on state bodies only: of a Party body it says no more."""
    for org_id in ("thanh-uy-tra-vinh", "ban-thuong-vu-tinh-uy"):
        text = pages()[f"co-quan/{org_id}.md"]
        assert "chưa đối chiếu được văn bản nói về tổ chức này" in text, org_id
        assert "thông báo này liên quan đến" not in text, org_id
