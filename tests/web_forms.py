"""The hotline's web pages in the forms people hold them, and a report text saved as HTML.

Fixtures (our own renditions, real figures from ../shared/corpus/real): the Texas 2023 statistics
page and the national 2024 table, each as saved HTML (samples/), copied text and a PDF printed
by Chromium (`--print-to-pdf`, committed: CI has no browser) in tests/fixtures/web/.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from nhth_cli import convert

from .conftest import FIXTURES, SAMPLES, SHARED

WEB = FIXTURES / "web"
REAL = SHARED / "corpus" / "real"
TEXAS = {
    "html": SAMPLES / "texas-2023-statistics-page.html",
    "text": WEB / "texas-2023-statistics-page.txt",
    "pdf": WEB / "texas-2023-statistics-page.pdf",
    # The same page with its figures laid out as cards side by side (CSS only), printed: the
    # headline sentences wrap ("... from" / "Texas.").
    "cards_pdf": WEB / "texas-2023-statistics-page-cards.pdf",
}
NATIONAL = {
    "html": SAMPLES / "us-2024-signals-cases-by-state.html",
    "text": WEB / "us-2024-signals-cases-by-state.txt",
    "pdf": WEB / "us-2024-signals-cases-by-state.pdf",
}
REAL_TEXAS = REAL / "TX_2023_hotline-state-statistics-page_excerpt.txt"
REAL_TABLE = REAL / "US-states_2024_hotline-signals-cases_statistics-page_mo4ant.csv"
WHERE_READ = ("source", "line", "page")


def rows(path: Path) -> list[dict[str, Any]]:
    """A document's rows, as dicts, in output order."""
    listed: list[dict[str, Any]] = convert(path).to_arrow().to_pylist()
    return listed


def data(path: Path) -> list[tuple[Any, ...]]:
    """A document's rows without where they were read (source, line, page)."""
    return [tuple(v for k, v in r.items() if k not in WHERE_READ) for r in rows(path)]


_BOLD = re.compile(r"\*\*(.*?)\*\*")


def text_to_html(text: str, title: str = "Saved page") -> str:
    """A report's text as a browser would save it from a site: each line a paragraph, each run
    of tab-separated lines a table, inside the site's chrome (head, scripts, styles, header and
    navigation, a hidden banner, a footer), the chrome holding numbers that are no data."""
    body: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in table)
            body.append(f"<table>\n{cells}</table>")
            table.clear()

    for line in text.splitlines():
        escaped = _BOLD.sub(r"<strong>\1</strong>", html.escape(line.replace("\f", "")))
        if "\t" in line:
            table.append(escaped.split("\t"))
            continue
        flush()
        if line.strip():
            body.append(f"<p>{escaped}</p>")
    flush()
    content = "\n".join(body)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} 2024</title>"
        "<style>p { margin: 0 } .n::after { content: '42' }</style>"
        "<script>var views = 1234; document.write('<p>5 of 6</p>');</script></head>\n"
        "<body><header><nav><a href='/'>Home</a> <a href='/s'>Statistics 2024</a></nav>"
        "<p>Call 1-888-373-7888</p></header>\n"
        "<div hidden>7 alerts</div><div style='display:none'>8</div>\n"
        f"<main>\n{content}\n</main>\n"
        "<footer><p>Updated 2024 &middot; 9 pages</p></footer>"
        "<script>console.log(10)</script></body></html>\n"
    )
