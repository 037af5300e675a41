"""The flow text (nhth_cli/parse/flow.py): the document's words, each offset mapped to its
line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.parse.flow import Flat, FlowText, flat_text, fold_lines
from nhth_cli.parse.lines import read_lines
from tests.parse.conftest import _LINE_PIECES, _as_text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_LINE_PIECES, max_size=8).map(_as_text), max_size=12))
def test_fold_lines_folds_each_text(texts: list[str]) -> None:
    assert fold_lines(texts) == [" ".join(text.split()) for text in texts]


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_PIECES | st.just("\f"), max_size=60).map(_as_text))
def test_the_flat_text_is_the_documents_words(text: str) -> None:
    lines = read_lines(text)
    assert flat_text(fold_lines(lines.texts), lines.printed).text == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_LINE_PIECES, max_size=6).map(_as_text), max_size=10))
def test_flow_text_maps_each_offset_to_its_line(texts: list[str]) -> None:
    flow = FlowText(fold_lines(texts))
    expected, at = [], []
    for i, text in enumerate(texts):
        if text.split():
            expected.append(" ".join(text.split()))
            at.append(i)
    assert flow.text == " ".join(expected)
    starts = [sum(len(part) + 1 for part in expected[:k]) for k in range(len(expected))]
    for offset in range(len(flow.text)):
        line = at[max(k for k, start in enumerate(starts) if start <= offset)]
        assert flow.line_at(offset) == line


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_LINE_PIECES, max_size=6).map(_as_text), max_size=10))
def test_flow_text_given_its_flat_text_reads_the_same(texts: list[str]) -> None:
    folded = fold_lines(texts)
    own, given = FlowText(folded), FlowText(folded, flat_text(folded, {}))
    assert given.text == own.text
    assert given.flat == own.flat == Flat.of(own.text)
    assert [given.line_at(k) for k in range(len(own.text))] == [
        own.line_at(k) for k in range(len(own.text))
    ]
