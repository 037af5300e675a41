"""HTML input: sniffing, the page's text, and reports saved as HTML giving their text's rows."""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nhth_cli import convert
from nhth_cli.extract.document import read_document
from nhth_cli.extract.html import html_to_text, looks_like_html
from nhth_cli.parse import parse_document
from tests.conftest import SAMPLES, seed_path
from tests.web_forms import data, text_to_html


def lines(html: str) -> list[str]:
    return html_to_text(html).splitlines()


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><body>x</body></html>",
        b"\xef\xbb\xbf  <html lang='en'>",
        b"<!-- saved from url=(0040)https://example.org/ -->\n<html>",
        b"<table><tr><td>Internet</td><td>10</td></tr></table>",
        b"\n\n<div class='page'>",
    ],
)
def test_html_is_recognised_by_content(head: bytes) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize(
    "head",
    [
        b"Connecticut State Report\n<3 callers",
        b"<3\tFewer than three",
        b"%PDF-1.7",
        b"# OF CALLS <b>",
        b"",
    ],
)
def test_text_is_not_html(head: bytes) -> None:
    assert not looks_like_html(head)


def test_blocks_become_lines_and_rows_tab_separated_cells() -> None:
    page = (
        "<h1>Title</h1><p>One <b>bold</b> word</p><ul><li>a</li><li>b</li></ul>"
        "<table><tr><th>Label</th><th>N</th></tr><tr><td>Internet</td><td>10</td></tr></table>"
        "<div>after<br>break</div>"
    )
    assert lines(page) == [
        "Title", "One bold word", "a", "b", "Label\tN", "Internet\t10", "after", "break",
    ]  # fmt: skip


def test_br_inside_a_cell_keeps_the_row_on_one_line() -> None:
    page = "<table><tr><td>Online Ad,<br>Venue Unknown</td><td>4</td><td>7.4%</td></tr></table>"
    assert lines(page) == ["Online Ad, Venue Unknown\t4\t7.4%"]


def test_entities_nbsp_and_footnote_sups() -> None:
    page = "<p>Request&nbsp;T&amp;TA<sup>2</sup>&#9;&lt;3</p><p>1<sup>st</sup> place</p>"
    assert lines(page) == ["Request T&TA² <3", "1st place"]


def test_chrome_scripts_styles_and_hidden_elements_are_dropped() -> None:
    page = (
        "<html><head><title>T 1</title><style>p{}</style><script>var a = 2;</script></head>"
        "<body><header>Site 3</header><nav>Menu 4</nav><noscript>5</noscript>"
        "<p hidden>6</p><p aria-hidden='true'>7</p><p style='color:red; display : none'>8</p>"
        "<p class='x visually-hidden'>9</p><template><p>10</p></template>"
        "<main><article><header><h1>Texas</h1></header><p>kept 11</p></article></main>"
        "<footer>Footer 12</footer></body></html>"
    )
    assert lines(page) == ["Texas", "kept 11"]


def test_nested_tables_give_each_row_a_line() -> None:
    page = (
        "<table><tr><td>Outer</td><td><table><tr><td>Inner</td><td>1</td></tr>"
        "<tr><td>Other</td><td>2</td></tr></table></td></tr>"
        "<tr><td>Last</td><td>3</td></tr></table>"
    )
    assert lines(page) == ["Outer", "Inner\t1", "Other\t2", "Last\t3"]


def test_malformed_markup_is_read_as_a_browser_would() -> None:
    page = "<table><tr><td>Internet<td>10<tr><td>Referral<td>8</table><p>open <b>bold<p>next"
    assert lines(page) == ["Internet\t10", "Referral\t8", "open bold", "next"]


def test_pre_keeps_aligned_columns() -> None:
    page = "<pre>CALLER TYPE            # OF CALLS\nStudent                    12</pre>"
    assert lines(page) == ["CALLER TYPE            # OF CALLS", "Student                    12"]


def test_a_page_with_no_statistics_is_skipped_with_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<html><body><nav>Home</nav><h1>Volunteers clean the park</h1>"
        "<p>About 40 people came on Saturday.</p></body></html>",
        encoding="utf-8",
    )
    result = convert(page).files[0]
    assert result.status == "skipped"
    assert result.reason and "not" in result.reason


def test_an_empty_page_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "empty.htm"
    page.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    assert convert(page).files[0].status == "skipped"


def test_html_with_another_suffix_is_read_as_html(tmp_path: Path) -> None:
    copy = tmp_path / "texas.txt"
    copy.write_bytes((SAMPLES / "texas-2023-statistics-page.html").read_bytes())
    assert data(copy) == data(SAMPLES / "texas-2023-statistics-page.html")


def test_a_20_mb_page_is_read_in_seconds() -> None:
    filler = "<div class='card'><p>Story number 1 of many, told in plain words.</p></div>\n"
    page = (text_to_html("Nothing here") * 1).replace(
        "<main>", "<main>" + filler * (20_000_000 // len(filler))
    )
    assert len(page) > 20_000_000
    start = time.perf_counter()
    text = read_document(page.encode()).text
    elapsed = time.perf_counter() - start
    assert text.count("Story number") == 20_000_000 // len(filler)
    assert elapsed < 60, elapsed  # 9-20 s on a shared 2-core machine


def _seed_or_sample(name: str) -> Path:
    return (
        SAMPLES / name if name.endswith(".txt") and (SAMPLES / name).exists() else seed_path(name)
    )


@pytest.mark.parametrize(
    "name",
    [
        "000",
        "001",
        "004",
        "connecticut-2016-hotline.txt",
        "us-virgin-islands-2016-hotline.txt",
        "us-virgin-islands-2012-2016-profile.txt",
    ],
)
def test_a_report_saved_as_html_gives_the_rows_of_its_text(name: str, tmp_path: Path) -> None:
    source = _seed_or_sample(name)
    text = source.read_text(encoding="utf-8-sig")
    expected = data(source)
    assert expected, "the text rendition gives rows"
    escaped = html.escape(text)
    forms = {
        "blocks": text_to_html(text),  # paragraphs and tables in the site's chrome
        "pre": f"<html><body><pre>{escaped}</pre></body></html>",
        "br": "<html><body><div>" + escaped.replace("\n", "<br>\n") + "</div></body></html>",
    }
    for form, markup in forms.items():
        page = tmp_path / f"{source.stem}-{form}.html"
        page.write_text(markup, encoding="utf-8")
        assert data(page) == expected, form


def test_the_html_report_is_recognised_as_its_text_is() -> None:
    text = (SAMPLES / "connecticut-2016-hotline.txt").read_text(encoding="utf-8")
    page = text_to_html(text)
    report = parse_document(html_to_text(page), "x")
    assert report.report == "hotline_report"
    assert report.jurisdiction.name == "Connecticut"


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Zl", "Zp")),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=12), st.sampled_from(["p", "div", "li", "h2", "tr"]))
def test_any_text_in_blocks_comes_back_a_line_each(texts: list[str], tag: str) -> None:
    inner = "".join(
        f"<tr><td>{html.escape(t)}</td></tr>" if tag == "tr" else f"<{tag}>{html.escape(t)}</{tag}>"
        for t in texts
    )
    page = f"<html><body>{'<table>' + inner + '</table>' if tag == 'tr' else inner}</body></html>"
    assert lines(page) == [" ".join(t.split()) for t in texts if t.split()]
