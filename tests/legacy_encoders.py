"""Encoders for the legacy Vietnamese encodings, to make fixtures of old files (tests only).

The runtime only ever *detects* these encodings (plansite.data.legacy); writing them
is something only the tests need.
"""

from __future__ import annotations

import unicodedata

from plansite.data.legacy import TCVN3_LETTERS


def encode_tcvn3(text: str) -> bytes:
    """Encode NFC text as TCVN3; used to make test fixtures of old files."""
    reverse = {ch: b for b, ch in TCVN3_LETTERS.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            raise ValueError(f"TCVN3 không có ký tự {ch!r}")
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    """Encode text as Windows-1258 (base letters plus combining tone marks)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out += _encode_cp1258_char(ch)
    return bytes(out)


def _encode_cp1258_char(ch: str) -> bytes:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    nfd = unicodedata.normalize("NFD", ch)
    base, marks = nfd[0], nfd[1:]
    # Windows-1258 has â, ê, ô, ă, ơ, ư precomposed and the five tones as combining marks.
    for i, mark in enumerate(marks):
        head = unicodedata.normalize("NFC", base + mark)
        rest = marks[:i] + marks[i + 1 :]
        try:
            return (head + rest).encode("cp1258")
        except UnicodeEncodeError:
            continue
    try:
        return nfd.encode("cp1258")
    except UnicodeEncodeError:
        pass
    raise ValueError(f"Windows-1258 không có ký tự {ch!r}")
