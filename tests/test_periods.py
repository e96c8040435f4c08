"""Deadlines as plans write them: the parser over real shapes, then a due through the site.

Each case is a deadline as it appears in Vietnamese plans, labelled with where that
shape is typical. Words the parser does not know give None: it never invents a day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from plansite import urls
from plansite.model.periods import Period, due_words, parse_due
from plansite.model.progress import is_overdue, when
from plansite.model.types import Task
from plansite.project import SiteOutput, generate
from plansite.text import md_inline
from plansite.vocab import Frequency, Precision

from .conftest import FIXTURES, copy_project

D = dt.date
P = Precision

PERIODS = [
    # (words, first day, last day, precision, where the shape is typical)
    ("2023", D(2023, 1, 1), D(2023, 12, 31), P.YEAR, "appendix tables of programmes"),
    ("Năm 2023", D(2023, 1, 1), D(2023, 12, 31), P.YEAR, "task tables of annual plans"),
    ("Trong năm 2023", D(2023, 1, 1), D(2023, 12, 31), P.YEAR, "body text of annual plans"),
    ("Quý II/2023", D(2023, 4, 1), D(2023, 6, 30), P.QUARTER, "appendix tables of programmes"),
    ("Quý 2/2023", D(2023, 4, 1), D(2023, 6, 30), P.QUARTER, "tables typed with Arabic numerals"),
    ("Quý II năm 2023", D(2023, 4, 1), D(2023, 6, 30), P.QUARTER, "body text of plans"),
    ("quý IV/2024", D(2024, 10, 1), D(2024, 12, 31), P.QUARTER, "lower-case cells of ward plans"),
    ("Quí I/2024", D(2024, 1, 1), D(2024, 3, 31), P.QUARTER, "older spelling in provincial plans"),
    ("6 tháng đầu năm 2024", D(2024, 1, 1), D(2024, 6, 30), P.HALF_YEAR, "semi-annual reviews"),
    ("6 tháng cuối năm 2024", D(2024, 7, 1), D(2024, 12, 31), P.HALF_YEAR, "semi-annual reviews"),
    ("Tháng 9/2023", D(2023, 9, 1), D(2023, 9, 30), P.MONTH, "task assignment tables"),
    ("tháng 9 năm 2023", D(2023, 9, 1), D(2023, 9, 30), P.MONTH, "body text of plans"),
    ("Tháng 12/2023", D(2023, 12, 1), D(2023, 12, 31), P.MONTH, "year-end reports in tables"),
    ("Tháng 2/2024", D(2024, 2, 1), D(2024, 2, 29), P.MONTH, "task tables (leap year)"),
    ("Tháng 02/2023", D(2023, 2, 1), D(2023, 2, 28), P.MONTH, "task tables (zero-padded)"),
    ("2022-2030", D(2022, 1, 1), D(2030, 12, 31), P.YEARS, "programmes with a horizon"),
    ("2022 - 2030", D(2022, 1, 1), D(2030, 12, 31), P.YEARS, "appendix tables of programmes"),
    ("2024–2026", D(2024, 1, 1), D(2026, 12, 31), P.YEARS, "Word's en dash in tables"),
    ("Giai đoạn 2022-2025", D(2022, 1, 1), D(2025, 12, 31), P.YEARS, "medium-term programmes"),
    ("Năm 2022-2023", D(2022, 1, 1), D(2023, 12, 31), P.YEARS, "two-year tasks in plan tables"),
    ("từ năm 2021 đến năm 2025", D(2021, 1, 1), D(2025, 12, 31), P.YEARS, "body text of plans"),
    ("trước ngày 30/6/2023", None, D(2023, 6, 30), P.BEFORE_DAY, "directives setting report days"),
    ("Trước 30/6/2023", None, D(2023, 6, 30), P.BEFORE_DAY, "appendix tables of plans"),
    ("chậm nhất ngày 15/12/2023", None, D(2023, 12, 15), P.BEFORE_DAY, "official letters"),
    ("hoàn thành trước ngày 31/12/2023", None, D(2023, 12, 31), P.BEFORE_DAY, "body text"),
    ("30/6/2023", D(2023, 6, 30), D(2023, 6, 30), P.DAY, "appendix tables with a fixed day"),
    ("ngày 30/6/2023", D(2023, 6, 30), D(2023, 6, 30), P.DAY, "body text of plans"),
    ("30/06/2023", D(2023, 6, 30), D(2023, 6, 30), P.DAY, "tables typed with leading zeros"),
    ("ngày 30 tháng 6 năm 2023", D(2023, 6, 30), D(2023, 6, 30), P.DAY, "formal body text"),
    ("29/02/2024", D(2024, 2, 29), D(2024, 2, 29), P.DAY, "task tables (leap day)"),
    ("  Quý  II / 2023. ", D(2023, 4, 1), D(2023, 6, 30), P.QUARTER, "text copied from a PDF"),
]


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [pytest.param(*case[:4], id=f"{case[0].strip()} ({case[4]})") for case in PERIODS],
)
def test_a_known_shape_gives_its_period(
    words: str, start: dt.date | None, end: dt.date, precision: Precision
) -> None:
    assert parse_due(words) == Period(start, end, precision)


RHYTHMS = [
    ("Hằng năm", Frequency.YEARLY, "appendix tables of recurring tasks"),
    ("Hàng năm", Frequency.YEARLY, "older spelling in district plans"),
    ("Hằng quý", Frequency.QUARTERLY, "reporting tasks in plan tables"),
    ("Hàng quý", Frequency.QUARTERLY, "reporting tasks in plan tables"),
    ("Hằng tháng", Frequency.MONTHLY, "inspection tasks in plan tables"),
    ("Hàng tháng", Frequency.MONTHLY, "inspection tasks in plan tables"),
    ("Thường xuyên", Frequency.ONGOING, "the 'Thời gian' column of most plans"),
    ("THƯỜNG XUYÊN", Frequency.ONGOING, "upper-case table cells"),
]


@pytest.mark.parametrize(
    ("words", "frequency"),
    [pytest.param(w, f, id=f"{w} ({where})") for w, f, where in RHYTHMS],
)
def test_a_rhythm_gives_its_frequency(words: str, frequency: Frequency) -> None:
    assert parse_due(words) is frequency


UNKNOWN = [
    ("Cuối năm 2023", "body text: vague, no day can be derived"),
    ("Sau khi có hướng dẫn", "tasks waiting on a higher level's guidance"),
    ("Theo chỉ đạo của UBND tỉnh", "tasks timed by instructions"),
    ("2023, 2024", "tasks in several separate years"),
    ("Quý I, II/2023", "two quarters in one cell"),
    ("Quý V/2023", "a typing error: there is no fifth quarter"),
    ("31/2/2023", "a typing error: no such day"),
    ("Tháng 13/2023", "a typing error: no such month"),
    ("2030-2022", "a range written backwards"),
    ("30/6", "a day without its year"),
]


@pytest.mark.parametrize("words", [pytest.param(w, id=f"{w} ({where})") for w, where in UNKNOWN])
def test_anything_else_is_unknown_never_an_invented_day(words: str) -> None:
    assert parse_due(words) is None


@pytest.mark.parametrize(
    ("words", "end", "shown"),
    [
        ("Quý II/2023", D(2023, 6, 30), "Quý II/2023 (đến hết ngày 30/6/2023)"),
        ("2022-2030", D(2030, 12, 31), "2022-2030 (đến hết ngày 31/12/2030)"),
        ("Tháng 01/2024", D(2024, 1, 31), "Tháng 01/2024 (đến hết ngày 31/01/2024)"),
        ("trước ngày 30/6/2023", D(2023, 6, 30), "trước ngày 30/6/2023"),
        ("ngày 30/6/2023", D(2023, 6, 30), "ngày 30/6/2023"),
        ("Cuối năm 2023", D(2023, 12, 31), "Cuối năm 2023 (đến hết ngày 31/12/2023)"),
        ("Cuối năm 2023", None, "Cuối năm 2023 (chưa xác định được ngày kết thúc)"),
        ("Hằng năm", None, "Hằng năm"),
    ],
)
def test_the_words_are_shown_with_their_end_in_plain_words(
    words: str, end: dt.date | None, shown: str
) -> None:
    assert due_words(words, end) == shown


# A due through the whole site: the model, the pages, the open data and the calendar.

PLAN = "plan_data/plans/cay-xanh-2024.yml"
TASKS = """tasks:
  - id: trong-cay-xanh
    block: ii-1
  - id: nuoc-sach
    block: ii-2
"""


def build(tmp_path: Path, first: str, second: str = "") -> SiteOutput:
    """The other-city fixture (as_of 01/5/2024) with extra keys on its two tasks."""
    root = copy_project(FIXTURES / "other-city", tmp_path / "p")
    text = (root / PLAN).read_text(encoding="utf-8")
    assert TASKS in text
    extra = TASKS.replace("block: ii-1\n", f"block: ii-1\n{first}")
    extra = extra.replace("block: ii-2\n", f"block: ii-2\n{second}")
    (root / PLAN).write_text(text.replace(TASKS, extra), encoding="utf-8")
    return generate(root, root / "docs", "Thử")


def task_of(output: SiteOutput, task_id: str) -> Task:
    return next(t for p in output.site.plans for t in p.tasks if t.id == task_id)


def page_of(output: SiteOutput, task: Task) -> str:
    return output.generated[urls.task(task)].markdown


def records(output: SiteOutput) -> dict[str, dict[str, object]]:
    items = json.loads(output.assets["du-lieu/nhiem-vu.json"])["items"]
    return {item["id"]: item for item in items}


def csv_rows(output: SiteOutput) -> dict[str, dict[str, str]]:
    text = output.assets["du-lieu/nhiem-vu.csv"].decode("utf-8-sig")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_a_quarter_past_as_of_is_overdue_and_its_page_shows_the_words(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Quý II/2023"\n', '    due: "6 tháng cuối năm 2024"\n')
    task = task_of(output, "trong-cay-xanh")
    assert output.site.as_of > D(2023, 6, 30)
    assert task.deadline == D(2023, 6, 30) and task.due_text == "Quý II/2023"
    assert is_overdue(task, output.site.as_of)
    shown = md_inline("Quý II/2023 (đến hết ngày 30/6/2023)")
    page = page_of(output, task)
    assert f"| Thời hạn | {shown} |" in page and 'class="qua-han">Quá hạn' in page
    calendar = output.generated[urls.CALENDAR].markdown
    assert f"- Hạn {shown}:" in calendar  # among the overdue
    assert f"| 31/12/2024 | {md_inline('Thời hạn (6 tháng cuối năm 2024)')} |" in calendar
    assert when(task) == "Thời hạn Quý II/2023 (đến hết ngày 30/6/2023)"


def test_json_and_csv_carry_the_words_and_the_first_and_last_day(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Quý II/2023"\n', '    deadline: "2024-03-05"\n')
    rows = records(output)
    assert rows["trong-cay-xanh"]["due"] == {
        "text": "Quý II/2023",
        "start": "2023-04-01",
        "end": "2023-06-30",
    }
    assert rows["trong-cay-xanh"]["thoi_han"] == "2023-06-30"
    day = {"text": "05/3/2024", "start": "2024-03-05", "end": "2024-03-05"}
    assert rows["nuoc-sach"]["due"] == day
    cells = csv_rows(output)["trong-cay-xanh"]
    assert (cells["due_text"], cells["due_start"], cells["due_end"]) == (
        "Quý II/2023",
        "2023-04-01",
        "2023-06-30",
    )


def test_a_task_with_neither_due_nor_deadline_has_a_null_due(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Quý II/2023"\n')
    assert records(output)["nuoc-sach"]["due"] is None
    cells = csv_rows(output)["nuoc-sach"]
    assert (cells["due_text"], cells["due_start"], cells["due_end"]) == ("", "", "")


def test_unknown_words_are_kept_not_overdue_and_say_the_end_is_unknown(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Cuối năm 2023"\n')
    task = task_of(output, "trong-cay-xanh")
    assert task.deadline is None and task.due_period is None
    assert not is_overdue(task, output.site.as_of)
    shown = md_inline("Cuối năm 2023 (chưa xác định được ngày kết thúc)")
    assert f"| Thời hạn | {shown} |" in page_of(output, task)
    assert "Quá hạn</span>" not in page_of(output, task)
    due = records(output)["trong-cay-xanh"]["due"]
    assert due == {"text": "Cuối năm 2023", "start": None, "end": None}


def test_a_rhythm_as_due_becomes_the_tasks_recurrence(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Hằng quý"\n')
    task = task_of(output, "trong-cay-xanh")
    assert task.deadline is None and task.recurrence is not None
    assert (task.recurrence.frequency, task.recurrence.anchor) == (Frequency.QUARTERLY, None)
    assert when(task) == "Hằng quý, chưa rõ ngày"
    assert records(output)["trong-cay-xanh"]["chu_ky"] == "hang-quy"


def test_the_calendar_event_falls_on_the_last_day_and_says_the_words(tmp_path: Path) -> None:
    output = build(tmp_path, '    due: "Giai đoạn 2023-2024"\n')
    events = Calendar.from_ical(output.assets["du-lieu/lich.ics"]).walk("VEVENT")
    [event] = [e for e in events if "Giai đoạn 2023-2024" in str(e["summary"])]
    assert event.decoded("dtstart") == D(2024, 12, 31)
    assert "Giai đoạn 2023-2024 (đến hết ngày 31/12/2024)" in str(event["description"])
