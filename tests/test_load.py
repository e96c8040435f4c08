"""The loader: strings stay strings, positions are kept, encodings are told apart."""

from __future__ import annotations

import unicodedata

import pytest

from plansite.data.decode import decode
from plansite.data.legacy import decode_legacy
from plansite.data.parse import parse
from plansite.errors import PlanDataError
from plansite.text import fold, md_inline, slugify

from .legacy_encoders import encode_cp1258, encode_tcvn3


def test_every_scalar_loads_as_a_string() -> None:
    loaded = parse("a: 04\nb: no\nc: 2023-02-31\nd: [1, true, null]\ne:\n", "f.yml")
    assert loaded.data == {
        "a": "04",
        "b": "no",
        "c": "2023-02-31",
        "d": ["1", "true", "null"],
        "e": None,
    }


def test_positions_are_kept_for_values_and_keys() -> None:
    loaded = parse("x:\n  items:\n    - id: a\n    - id: b\n", "f.yml")
    assert str(loaded.where(("x", "items", 1, "id"))) == "f.yml:4:11"
    assert str(loaded.where(("x", "items", 1, "id"), key=True)) == "f.yml:4:7"
    assert str(loaded.where(("x", "items", 1, "missing"))) == "f.yml:4:7"


def test_bom_crlf_and_nfd_decode_to_the_same_text() -> None:
    text = 'tên: "Ủy ban nhân dân"\nmô_tả: môi trường\n'
    variants = [
        text.encode(),
        b"\xef\xbb\xbf" + text.encode(),
        text.replace("\n", "\r\n").encode(),
        unicodedata.normalize("NFD", text).encode(),
    ]
    assert {decode(v, "f.yml") for v in variants} == {text}


@pytest.mark.parametrize(
    ("encode", "name"), [(encode_cp1258, "Windows-1258"), (encode_tcvn3, "TCVN3 (ABC)")]
)
def test_legacy_encodings_are_named_and_read(encode: object, name: str) -> None:
    text = "Kế hoạch bảo vệ môi trường đô thị và nông thôn của thành phố"
    assert callable(encode)
    assert decode_legacy(encode(text)) == (name, text)


def test_vni_is_named() -> None:
    vni = "Keá hoaïch baûo veä moâi tröôøng ñoâ thò vaø noâng thoân".encode("cp1252")
    assert decode_legacy(vni) == ("VNI-Windows", "Kế hoạch bảo vệ môi trường đô thị và nông thôn")


def test_binary_and_latin_text_are_refused_without_a_guess() -> None:
    with pytest.raises(PlanDataError, match="nhị phân"):
        decode(b"\x00\x01\x02", "f.yml")
    with pytest.raises(PlanDataError) as caught:
        decode("café crème brûlée".encode("latin-1"), "f.yml")
    assert "bảng mã UTF-8. Hãy lưu lại" in caught.value.report()


def test_folding_and_ids() -> None:
    assert fold("Môi Trường ĐÔ THỊ") == "moi truong do thi"
    assert slugify("Ủy ban nhân dân tỉnh") == "uy-ban-nhan-dan-tinh"


def test_markdown_escaping_keeps_words_and_drops_syntax() -> None:
    assert md_inline("1. a") == "1\\. a"
    assert md_inline("- a") == "\\- a"
    assert md_inline("<b>") == "&lt;b&gt;"
    assert md_inline("[x](y)") == "\\[x\\]\\(y\\)"
    assert md_inline("27-CT/TU") == "27-CT/TU"
