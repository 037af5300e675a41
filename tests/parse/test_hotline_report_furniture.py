"""Stage 2 of the hotline report parser: given a document's lines, its page furniture."""

from __future__ import annotations

from nhth_cli.parse.hotline_report import page_furniture
from nhth_cli.parse.lines import NumberedLines


def _lines(pages: list[list[str]]) -> NumberedLines:
    texts = [text for page in pages for text in page]
    numbers = list(range(1, len(texts) + 1))
    return NumberedLines(texts, numbers, [n for n, page in enumerate(pages, 1) for _ in page])


_PAGE = ["Connecticut 2016", "CALLER TYPE  # OF CALLS  % OF CALLS", "Sex  12  5.0%", "Body text"]


def test_a_line_at_the_top_of_two_pages_is_furniture_but_rows_never_are() -> None:
    furniture = page_furniture(_lines([[*_PAGE, "Sex  12  5.0%"], _PAGE]))
    assert "Connecticut 2016" in furniture.all
    assert "Connecticut 2016" not in furniture.known  # no known pattern: only where it repeats
    assert "Sex  12  5.0%" not in furniture.all
    assert "CALLER TYPE  # OF CALLS  % OF CALLS" not in furniture.all
    assert "Body text" in furniture.all  # last on both pages
    assert "Body text" not in page_furniture(_lines([_PAGE, ["Other", "x", "y", "z", "w"]])).all


def test_all_caps_lines_printed_twice_are_furniture_anywhere() -> None:
    texts = ["a", "b", "c", "REPORT HEADER", "d", "e", "f", "g", "REPORT HEADER", "h", "i", "j"]
    furniture = page_furniture(NumberedLines(texts, list(range(1, 13)), None))
    assert furniture.all == {"REPORT HEADER"}
    once = page_furniture(NumberedLines(texts[:8], list(range(1, 9)), None))
    assert once.all == frozenset()


def test_known_page_furniture_is_known_even_printed_once() -> None:
    texts = [
        "NATIONAL HUMAN TRAFFICKING HOTLINE DATA REPORT",
        "Page 3 of 7",
        "www.example.org",
        "1-888-373-7888",
        "Maine State Report: 1/1/2018 – 12/31/2018",
        "Page three is here",
    ]
    furniture = page_furniture(NumberedLines(texts, list(range(1, 7)), None))
    assert furniture.known == set(texts[:5])
    assert furniture.all == furniture.known
