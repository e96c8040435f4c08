"""Recognise text saved in the legacy Vietnamese encodings old editors still use.

Plan data must be UTF-8. When it is not, the communicator needs to know which
encoding the file is in, so that they can re-save it correctly. We decode the
bytes with each candidate and pick the one whose result reads most like
Vietnamese (frequent syllables), naming just that one.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (TCVN3, "ABC"): one byte per precomposed letter.
TCVN3_LETTERS = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}

# VNI-Windows: a base letter followed by one byte carrying its marks.
_VNI_MARKS = {
    "ø": "\u0300",
    "ù": "\u0301",
    "û": "\u0309",
    "õ": "\u0303",
    "ï": "\u0323",
    "Ø": "\u0300",
    "Ù": "\u0301",
    "Û": "\u0309",
    "Õ": "\u0303",
    "Ï": "\u0323",
    "â": "\u0302",
    "Â": "\u0302",
    "ê": "\u0306",
    "Ê": "\u0306",
    "à": "\u0302\u0300",
    "á": "\u0302\u0301",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    "è": "\u0306\u0300",
    "é": "\u0306\u0301",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}
_VNI_LETTERS = {
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ñ": "đ",
    "Ñ": "Đ",
    "ì": "ì",
    "í": "í",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
}
_VNI_PAIR = re.compile("([A-Za-zơƠưƯ])([" + "".join(_VNI_MARKS) + "])")

_COMMON = frozenset(
    [
        "và",
        "của",
        "các",
        "trong",
        "được",
        "người",
        "không",
        "năm",
        "ngày",
        "thành",
        "phố",
        "môi",
        "trường",
        "nhân",
        "dân",
        "công",
        "tác",
        "một",
        "những",
        "này",
        "cho",
        "với",
        "theo",
        "đã",
        "để",
        "về",
        "việc",
        "thực",
        "hiện",
        "kế",
        "hoạch",
        "tỉnh",
        "xã",
        "phường",
        "đến",
        "từ",
        "có",
        "là",
        "ban",
        "bảo",
        "vệ",
        "an",
        "toàn",
        "giao",
        "thông",
        "xây",
        "dựng",
        "quản",
        "lý",
        "nhiệm",
        "vụ",
    ]
)


def _decode_tcvn3(data: bytes) -> str:
    return "".join(TCVN3_LETTERS.get(b, chr(b)) for b in data)


def _decode_vni(data: bytes) -> str:
    text = data.decode("cp1252", errors="replace")
    text = "".join(_VNI_LETTERS.get(ch, ch) for ch in text)
    return _VNI_PAIR.sub(lambda m: m.group(1) + _VNI_MARKS[m.group(2)], text)


def _decode_cp1258(data: bytes) -> str:
    return data.decode("cp1258", errors="replace")


CANDIDATES = {
    "Windows-1258": _decode_cp1258,
    "TCVN3 (ABC)": _decode_tcvn3,
    "VNI-Windows": _decode_vni,
}


def _score(text: str) -> int:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return sum(1 for w in words if w in _COMMON)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Return (encoding name, NFC text) for the likeliest legacy encoding, or None."""
    best: tuple[int, str, str] | None = None
    for name, decode in CANDIDATES.items():
        text = unicodedata.normalize("NFC", decode(data))
        score = _score(text)
        if score and (best is None or score > best[0]):
            best = (score, name, text)
    return (best[1], best[2]) if best else None


def detect_legacy(data: bytes) -> str | None:
    """The name of the legacy Vietnamese encoding `data` looks like, or None."""
    found = decode_legacy(data)
    return found[0] if found else None
