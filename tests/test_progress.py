"""Derived progress facts: current status, no information, overdue, reporting dates, cascade.

The sample corpus's derivations are kept as a golden file (regenerate with
PLANSITE_REGEN=1); the edge cases are spelled out below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plansite.model.index import Index
from plansite.model.progress import dues, is_overdue, next_due, reporting_dates, tally, window
from plansite.model.site import load_site
from plansite.model.types import Block, Recurrence, Task, Update
from plansite.vocab import Frequency, Status

from .conftest import REGEN, ROOT

SAMPLE = ROOT / "examples" / "sample" / "plan_data"
GOLDEN = Path(__file__).resolve().parent / "golden" / "derivations.txt"
BLOCK = Block("i-1", "Phần I, mục 1", "1.", None, "Nội dung.", (), (), (), 1)
AS_OF = dt.date(2025, 6, 30)


def task(**fields: object) -> Task:
    return Task("t", "p", BLOCK, **fields)  # type: ignore[arg-type]


def test_a_task_with_no_update_has_no_information_not_not_started() -> None:
    assert task().status == Status.NO_INFORMATION
    assert tally([task()], AS_OF).of(Status.NO_INFORMATION) == 1
    assert Status.NO_INFORMATION.label == "Chưa có thông tin"


def test_the_current_status_is_the_latest_update_and_history_is_kept() -> None:
    updates = (
        Update(dt.date(2025, 1, 1), Status.IN_PROGRESS),
        Update(dt.date(2025, 3, 1), Status.PAUSED),
        Update(dt.date(2025, 3, 1), Status.IN_PROGRESS),  # same day: the later line wins
        Update(dt.date(2024, 1, 1), Status.NOT_STARTED),
    )
    t = task(updates=updates)
    assert t.status == Status.IN_PROGRESS and t.latest is updates[2]
    assert len(t.updates) == 4


def test_overdue_is_against_as_of_and_never_for_finished_tasks() -> None:
    late = task(deadline=dt.date(2025, 6, 29))
    assert is_overdue(late, AS_OF)
    assert not is_overdue(task(deadline=AS_OF), AS_OF)
    done = task(deadline=dt.date(2025, 1, 1), updates=(Update(dt.date(2025, 2, 1), Status.DONE),))
    assert not is_overdue(done, AS_OF)
    assert not is_overdue(task(), AS_OF)


def test_reporting_dates_come_only_from_an_anchor() -> None:
    start, end = window(AS_OF)
    assert reporting_dates(task(recurrence=Recurrence(Frequency.YEARLY)), start, end) == []
    assert reporting_dates(task(recurrence=Recurrence(Frequency.ONGOING)), start, end) == []
    yearly = task(recurrence=Recurrence(Frequency.YEARLY, "15/12"))
    assert reporting_dates(yearly, start, end) == [dt.date(2024, 12, 15), dt.date(2025, 12, 15)]
    quarterly = task(recurrence=Recurrence(Frequency.QUARTERLY, "31"))
    assert reporting_dates(quarterly, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == [
        dt.date(2025, 3, 31),
        dt.date(2025, 6, 30),
        dt.date(2025, 9, 30),
        dt.date(2025, 12, 31),
    ]
    assert next_due(quarterly, AS_OF) == dt.date(2025, 6, 30)


def test_sample_derivations_match_golden_file() -> None:
    site = load_site(SAMPLE, ROOT)
    index = Index(site)
    lines = [f"as_of {site.as_of}"]
    for plan in site.plans:
        up = ", ".join(f"{label} {doc.id}" for label, doc, _ in index.up(plan)) or "-"
        down = ", ".join(f"{other.id} ({label})" for label, other in index.down(plan)) or "-"
        lines += [f"plan {plan.id}", f"  up: {up}", f"  down: {down}"]
        for t in plan.tasks[:8]:
            late = " QUÁ HẠN" if is_overdue(t, site.as_of) else ""
            nxt = next_due(t, site.as_of)
            lines.append(f"  task {t.id}: {t.status}{late}; next {nxt or '-'}")
    lines.append("calendar")
    lines += [
        f"  {d.date} {d.kind} {d.plan.id}/{d.task.id}"
        for d in dues(site)
        if d.plan.id != "ke-hoach-dai-mau"
    ]
    text = "\n".join(lines) + "\n"
    if REGEN:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
