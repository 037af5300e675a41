"""A document's lines (nhth_cli/parse/lines.py): cleaned, and paginated at form feeds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.parse.lines import clean_lines, paginate
from tests.parse.conftest import _LINE_PIECES, _as_text


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=40).map(_as_text))
def test_clean_lines_keeps_as_printed_the_lines_whose_words_changed(text: str) -> None:
    texts, printed = clean_lines(text)
    raws = text.split("\n")
    assert len(texts) == len(raws)
    assert all(printed[i] == raws[i] != texts[i] for i in printed)
    assert all(t.split() == raws[i].split() for i, t in enumerate(texts) if i not in printed)


def _paginate_line_by_line(text: str) -> tuple[list[str], list[int]]:
    lines, pages, page = [], [], 1
    for raw in text.split("\n"):
        before, _, rest = raw.rpartition("\f")
        if "\f" in raw:
            page += before.count("\f") + 1
            raw = before.replace("\f", " ") + " " + rest if before.strip() else rest
        lines.append(raw)
        pages.append(page)
    return lines, pages


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b c", " ", "\n", "\f", "\f\f", " \f", "x\f"]), max_size=30))
def test_paginate_takes_form_feeds_out_line_by_line(pieces: list[str]) -> None:
    text = "".join(pieces) + "\f"
    paged, pages = paginate(text)
    assert (paged.split("\n"), pages) == _paginate_line_by_line(text)
