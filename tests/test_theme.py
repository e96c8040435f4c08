"""Guards on what we change in Material: each fails loudly if a theme upgrade breaks it."""

from __future__ import annotations

import re
from pathlib import Path

import material

from plansite.theme.postprocess import (
    CHECKBOX_AUTOCOMPLETE,
    TOC_LABEL,
    clean_url,
    finish_html,
)

from .conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
KEY = re.compile(r'^\s*"([a-z.]+)":', re.MULTILINE)


def keys(path: Path) -> set[str]:
    return set(KEY.findall(path.read_text(encoding="utf-8")))


def test_our_vietnamese_strings_cover_every_key_material_has() -> None:
    ours = keys(ROOT / "overrides" / "partials" / "languages" / "vi.html")
    assert keys(THEME / "partials" / "languages" / "en.html") <= ours


def test_no_english_left_in_our_vietnamese_strings() -> None:
    text = (ROOT / "overrides" / "partials" / "languages" / "vi.html").read_text("utf-8")
    values = re.findall(r'^\s*"[a-z.]+": "(.*)",?$', text, re.MULTILINE)
    assert len(values) > 50
    for english in ("Initializing", "Tabs", "Contributors", "Metadata", "RSS feed"):
        assert not any(english in value for value in values), english


def test_material_header_still_has_the_pattern_we_fix() -> None:
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert 'type="checkbox"' in header + base and 'autocomplete="off"' in header + base
    sample = '<input class="md-toggle" type="checkbox" id="__search" autocomplete="off">'
    assert CHECKBOX_AUTOCOMPLETE.search(sample)
    assert finish_html(sample) == '<input class="md-toggle" type="checkbox" id="__search">'
    text_input = '<input type="text" autocomplete="off">'
    assert finish_html(text_input) == text_input


def test_our_search_still_fits_material_s_header_and_toggle() -> None:
    """Our dialog goes before the header's first </nav> and opens with the #__search toggle.

    The theme's stylesheet shows a `.md-search` dialog when that checkbox is checked;
    we reuse its markup and classes, so a theme upgrade that changes them must fail here.
    """
    header = (THEME / "partials" / "header.html").read_text(encoding="utf-8")
    base = (THEME / "base.html").read_text(encoding="utf-8")
    css = "".join(p.read_text("utf-8") for p in (THEME / "assets/stylesheets").glob("main.*.css"))
    before_nav = header[: header.index("</nav>")]
    assert '<nav class="md-header__inner' in before_nav
    assert before_nav.count("<nav") == 1
    assert 'data-md-toggle="search" type="checkbox" id="__search"' in base
    for rule in (".md-search__inner", ".md-search__output", ".md-search__overlay"):
        assert f"[data-md-toggle=search]:checked~.md-header {rule}" in css, rule
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert "data-md-component=" not in ours  # the theme's own search script must not take it


def test_material_toc_title_is_still_a_label_for_the_toc_toggle() -> None:
    toc = (THEME / "partials" / "toc.html").read_text(encoding="utf-8")
    assert 'class="md-nav__title" for="__toc"' in toc
    page = f"<nav>{TOC_LABEL}Mục lục</label></nav>"
    assert finish_html(page) == '<nav><label class="md-nav__title">Mục lục</label></nav>'
    with_toggle = f'<input id="__toc">{page}'
    assert finish_html(with_toggle) == with_toggle


def test_material_prints_meta_title_unescaped_so_we_escape_it() -> None:
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert "{{ page.meta.title }}" in base
    assert '<meta name="description" content="{{ page.meta.description }}">' in base


def test_clean_url_resolves_dot_segments() -> None:
    url = "https://git.example.org/a/edit/main/docs/../plan_data/x.yml"
    assert clean_url(url) == "https://git.example.org/a/edit/main/plan_data/x.yml"
