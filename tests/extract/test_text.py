"""The same report in any of its text forms gives the same rows (SPEC.md, Inputs)."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli.errors import NotAReportError
from nhth_cli.extract.text import decode_text, looks_like_pdf
from nhth_cli.pipeline import convert_bytes
from nhth_cli.stream import to_arrow
from tests import renditions as r
from tests.conftest import SEEDS, seed_path

# Columns that describe where a row was printed, not what it says.
_PLACE = ("line", "page", "source")


def rows(data: bytes | str, source: str = "ct-2016.txt") -> list[dict[str, Any]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = convert_bytes(raw, source)[0]
    assert result.status == "parsed", result.reason
    return [
        {k: v for k, v in row.items() if k not in _PLACE} for row in to_arrow([result]).to_pylist()
    ]


TEXT_FORMS: dict[str, Callable[[str], str]] = {
    "tabs": r.tabs,
    "layout": r.layout,
    "single_spaces": r.single_spaces,
    "wrap_numbers_last": r.wrap_numbers_last,
    "wrap_numbers_first": r.wrap_numbers_first,
    "layout_wrap_numbers_last": lambda t: r.wrap_numbers_last(r.layout(t)),
    "numbers_below": r.numbers_below,
    "withheld_wrapped": r.withheld_wrapped,
    "glued_footnotes": r.glued_footnotes,
    "spaced_footnotes": r.spaced_footnotes,
    "glued_footnotes_single_spaces": lambda t: r.single_spaces(r.glued_footnotes(t)),
    "page_breaks": r.page_breaks,
    "page_breaks_repeated_heading": lambda t: r.page_breaks(t, repeat_heading=True),
    "markdown": r.markdown,
    "withheld_wrapped_inline": lambda t: r.withheld_wrapped_inline(r.layout(t)),
    "wrapped_headings": r.wrapped_headings,
    "wrapped_sentences": r.wrapped_sentences,
    "stacked_signals": r.stacked_signals,
    "page_footers": r.page_footers,
    "one_cell_a_line": r.one_cell_a_line,
    "header_on_one_line": r.header_on_one_line,
    "header_on_one_line_page_breaks": lambda t: r.header_on_one_line(r.page_breaks(t)),
    "page_footers_wrapped": lambda t: r.page_footers(r.wrap_numbers_last(t)),
    "signals_apart": r.signals_apart,
    # Page breaks go in first: a break falls between rows, never inside one wrapped cell.
    "everything": lambda t: r.markdown(
        r.wrap_numbers_last(r.withheld_wrapped(r.page_breaks(r.glued_footnotes(r.layout(t)))))
    ),
}
BYTE_FORMS: dict[str, Callable[[str], bytes]] = {
    "crlf": r.crlf,
    "bom": r.bom,
    "cp1252": r.cp1252,
    "latin1": r.latin1,
}


@pytest.fixture(params=["ct-sample", "ct-seed", "vi-sample", "vi-seed"])
def report_text(request: pytest.FixtureRequest) -> str:
    """The hotline reports of the seeds (004 Connecticut, 000 U.S. Virgin Islands) and the
    project's renditions of them."""
    from tests.conftest import SAMPLES

    samples = {"ct": "connecticut-2016-hotline.txt", "vi": "us-virgin-islands-2016-hotline.txt"}
    which, kind = request.param.split("-")
    if kind == "sample":
        return (SAMPLES / samples[which]).read_text(encoding="utf-8")
    return seed_path({"ct": "004", "vi": "000"}[which]).read_text(encoding="utf-8")


def test_sample_and_seed_give_the_same_rows(ct_text: str) -> None:
    seed = seed_path("004").read_text(encoding="utf-8")
    assert rows(ct_text) == rows(seed)


def test_the_report_has_all_its_rows(ct_text: str) -> None:
    # 3 signals, 2 summary, 18 + 8 + 5 + 12 table rows with totals, 9 + 9 demographics.
    assert len(rows(ct_text)) == 66


@pytest.mark.parametrize("form", TEXT_FORMS, ids=str)
def test_text_form_gives_same_rows(form: str, report_text: str) -> None:
    assert rows(TEXT_FORMS[form](report_text)) == rows(report_text)


@pytest.mark.parametrize("form", TEXT_FORMS, ids=str)
def test_every_text_form_changes_a_report(form: str, ct_text: str) -> None:
    """A form that changed nothing would prove nothing: each changes the sample or the seed."""
    texts = [ct_text]
    if SEEDS.is_dir():
        texts.append(seed_path("004").read_text(encoding="utf-8"))
    assert any(TEXT_FORMS[form](text) != text for text in texts)


@pytest.mark.parametrize("form", BYTE_FORMS, ids=str)
def test_byte_form_gives_same_rows(form: str, report_text: str) -> None:
    assert rows(BYTE_FORMS[form](report_text)) == rows(report_text)


_SPACE = st.sampled_from(["", " ", "  ", "\t", " \t "])
_EOL = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_white_space_and_line_endings_never_change_rows(data: st.DataObject) -> None:
    from tests.conftest import SAMPLES

    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    eol = data.draw(_EOL)
    changed = []
    for line in lines:
        indent = data.draw(_SPACE) if line.strip() else ""
        trail = data.draw(_SPACE)
        # Column gaps of two or more spaces may become any run of spaces or a tab.
        gap = data.draw(st.sampled_from(["  ", "   ", "\t", "      "]))
        changed.append(indent + line.replace("  ", gap) + trail)
    assert rows(eol.join(changed)) == rows(text)


def _profile_rows(text: str) -> list[dict[str, Any]]:
    return rows(text, "vi-profile.txt")


def test_profile_groups_side_by_side_in_single_spaced_text() -> None:
    """PDF text of the side-by-side groups: one space between cells, so columns are lost;
    the labels' words and the order of the pairs still tell each pair's group."""
    from tests.conftest import SAMPLES

    layout = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    single = "\n".join(" ".join(line.split()) for line in layout.split("\n"))
    expected = _profile_rows(layout)
    assert {(r["category"], r["parent"]) for r in expected} >= {
        ("Gender Minorities", "Gender"), ("Minor", "Age"), ("Foreign National", "Citizenship"),
    }  # fmt: skip
    assert _profile_rows(single) == expected


def test_profile_from_the_seed_equals_the_sample() -> None:
    from tests.conftest import SAMPLES

    sample = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    seed = seed_path("001").read_text(encoding="utf-8")
    assert _profile_rows(seed) == _profile_rows(sample)


@pytest.mark.parametrize("form", [*BYTE_FORMS, "markdown", "page_breaks", "wrapped_sentences"])
def test_profile_in_other_forms(form: str) -> None:
    from tests.conftest import SAMPLES

    text = (SAMPLES / "us-virgin-islands-2012-2016-profile.txt").read_text(encoding="utf-8")
    variant = (BYTE_FORMS | TEXT_FORMS)[form](text)  # type: ignore[operator]
    assert rows(variant, "vi-profile.txt") == _profile_rows(text)


# -- decode_text: given the bytes of a text rendition, its text --------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Sex\t12\r\nLabor\t3\r\n", "Sex\t12\nLabor\t3\n"),  # CRLF
        (b"Sex\t12\rLabor\t3\r", "Sex\t12\nLabor\t3\n"),  # old Mac CR
        (b"page 1\x0cpage 2\n", "page 1\x0cpage 2\n"),  # form feeds stay: they mark pages
        (codecs.BOM_UTF8 + "Caf\u00e9 \u2013 1\n".encode(), "Caf\u00e9 \u2013 1\n"),
        ("\ufeffNa\u00efve\r\n".encode("utf-16-le"), "Na\u00efve\n"),
        ("\ufeffNa\u00efve\r\n".encode("utf-16-be"), "Na\u00efve\n"),
        ("Caf\u00e9 \u2013 1".encode("cp1252"), "Caf\u00e9 \u2013 1"),  # Windows-1252
        ("\u00e9 ".encode() + b"\xe9 \x93q\x94", "\u00e9 \u00e9 \u201cq\u201d"),  # mixed
        (b"a\x81b\x8dc", "a\x81b\x8dc"),  # undefined in Windows-1252: read as Latin-1
        (b"Stu\x00dent visas in 2016: 3\n", "Student visas in 2016: 3\n"),  # NULs: nothing
        (b"", ""),
    ],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode_text(data) == text


_PIECES = [
    "a",
    "Z",
    "\u00e9",
    "\u2013",
    "\u1e9e",
    "12",
    "3.5%",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x0c",
]


def test_binary_data_is_not_a_report() -> None:
    with pytest.raises(NotAReportError, match="binary data"):
        decode_text(bytes(range(256)) * 4)


@pytest.mark.parametrize(
    ("data", "pdf"),
    [
        (b"%PDF-1.7\n", True),
        (b"\x00" * 1000 + b"%PDF-1.4", True),  # junk before the header
        (b"\x00" * 1024 + b"%PDF-1.4", False),  # the header must be within the first KiB
        (b"report.pdf\n", False),
    ],
)
def test_pdfs_are_recognised_by_content(data: bytes, pdf: bool) -> None:
    assert looks_like_pdf(data) is pdf


@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_utf8_text_decodes_to_itself_with_newline_line_ends(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text.replace("\r\n", "\n").replace("\r", "\n")
