"""Parsing a hotline report does work linear in its lines: counted, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import SupportsIndex, overload

from nhth_cli.parse import hotline_report
from nhth_cli.parse.cells import merge_wrapped_texts
from nhth_cli.parse.flow import FlowText, fold_lines
from nhth_cli.parse.lines import Lines, NumberedLines, read_lines
from tests.conftest import SAMPLES


class CountingList(list[str]):
    """A list that counts the items read from it, one by one or by iterating or slicing."""

    reads = 0

    def __iter__(self) -> Iterator[str]:
        for item in super().__iter__():
            CountingList.reads += 1
            yield item

    @overload
    def __getitem__(self, i: SupportsIndex) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> str | list[str]:
        got = super().__getitem__(i)
        CountingList.reads += len(got) if isinstance(i, slice) else 1
        return got


def _reads(copies: int) -> int:
    """How many line texts the stages read, walking over `copies` copies of a report's lines
    (page furniture, headings, rows, signals: all but the sentences, which read the flow text)."""
    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    lines = read_lines("\n".join([text] * copies))
    final = hotline_report.join_withheld(Lines(merge_wrapped_texts(lines.texts), None, {}))
    counting = NumberedLines(CountingList(final.texts), final.numbers, final.pages)
    flow = FlowText(fold_lines(lines.texts))
    CountingList.reads = 0
    parsed = hotline_report.read_report(counting, flow)
    assert len(parsed.cells) > 50 * copies  # the copies' tables are all read
    return CountingList.reads


def test_the_walk_reads_each_line_a_bounded_number_of_times() -> None:
    # A 20 times longer document takes at most about 20 times the reads (quadratic work, as
    # when each table's rows were looked for by skipping the lines before them, takes ~400).
    one, twenty = _reads(5), _reads(100)
    assert twenty <= 21 * one
