"""Bytes → text: UTF-8 (with or without BOM) only, NFC, LF line ends.

Anything else is refused with a located Vietnamese message; a file saved in a
legacy Vietnamese encoding is recognised and named, so it can be re-saved.
"""

from __future__ import annotations

import unicodedata

from ..errors import PlanDataError, Problem, Where
from .legacy import detect_legacy

MAX_BYTES = 2 * 1024 * 1024


def decode(data: bytes, file: str) -> str:
    """Bytes → NFC text with LF line ends, or a `PlanDataError` saying why not."""
    start = Where(file, 1, 1)
    if len(data) > MAX_BYTES:
        raise PlanDataError(
            [Problem(start, (), f"tệp quá lớn ({len(data)} byte; tối đa {MAX_BYTES} byte).")]
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanDataError(
            [Problem(start, (), "tệp được lưu bằng UTF-16. Hãy lưu lại với bảng mã UTF-8.")]
        )
    if b"\x00" in data:
        raise PlanDataError([Problem(start, (), "đây là tệp nhị phân, không phải văn bản YAML.")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        legacy = detect_legacy(data)
        if legacy:
            message = (
                f"tệp không ở bảng mã UTF-8; có vẻ được lưu bằng bảng mã {legacy}. "
                "Hãy mở tệp bằng trình soạn thảo hỗ trợ bảng mã này (hoặc Unikey "
                "Toolkit) và lưu lại với bảng mã UTF-8."
            )
        else:
            message = "tệp không ở bảng mã UTF-8. Hãy lưu lại với bảng mã UTF-8."
        raise PlanDataError([Problem(Where(file, line, column), (), message)]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanDataError([Problem(start, (), "tệp trống; cần có dữ liệu YAML.")])
    return unicodedata.normalize("NFC", text)
