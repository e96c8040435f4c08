"""Closed sets of the data: task statuses, reporting frequencies, kinds and precisions of dues.

Each is a `StrEnum` whose values are the ids written in the YAML and the exports, so
code, templates and data use the same names; `label` is the Vietnamese a reader sees.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a task stands. The order is the order of every tally and chart."""

    NO_INFORMATION = "chua-co-thong-tin"
    NOT_STARTED = "chua-trien-khai"
    IN_PROGRESS = "dang-thuc-hien"
    PAUSED = "tam-dung"
    DONE = "hoan-thanh"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.NO_INFORMATION: "Chưa có thông tin",
    Status.NOT_STARTED: "Chưa triển khai",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.PAUSED: "Tạm dừng",
    Status.DONE: "Hoàn thành",
}


class Frequency(StrEnum):
    """How often a recurring task reports."""

    YEARLY = "hang-nam"
    QUARTERLY = "hang-quy"
    MONTHLY = "hang-thang"
    ONGOING = "thuong-xuyen"

    @property
    def label(self) -> str:
        return _FREQUENCY_LABELS[self]


_FREQUENCY_LABELS = {
    Frequency.YEARLY: "Hằng năm",
    Frequency.QUARTERLY: "Hằng quý",
    Frequency.MONTHLY: "Hằng tháng",
    Frequency.ONGOING: "Thường xuyên",
}


class DueKind(StrEnum):
    """What falls due on a calendar date: a deadline or a periodic report."""

    DEADLINE = "thoi-han"
    REPORT = "bao-cao"

    @property
    def label(self) -> str:
        return "Thời hạn" if self is DueKind.DEADLINE else "Báo cáo định kỳ"


class Precision(StrEnum):
    """How precisely a plan's words give a due: a day, a month, a quarter… or 'before a day'."""

    DAY = "ngay"
    MONTH = "thang"
    QUARTER = "quy"
    HALF_YEAR = "nua-nam"
    YEAR = "nam"
    YEARS = "nhieu-nam"
    BEFORE_DAY = "truoc-ngay"


class ColumnRole(StrEnum):
    """What a column of a task table holds, read from its header's meaning."""

    NUMBER = "so"
    TASK = "nhiem-vu"
    LEAD = "chu-tri"
    SUPPORT = "phoi-hop"
    DUE = "thoi-han"
    PRODUCT = "san-pham"
    OTHER = "khac"
