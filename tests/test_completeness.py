"""The promise, tested by damage: a document that lost any one of its lines, or a line break,
or had a line printed twice or two lines swapped, never converts valid with a row lost or
changed. Either the damage touched no datum, or a check fails (SPEC.md, Validation).

Each sample, each seed report and a fixture of each other form, every non-blank line in turn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from nhth_cli.extract.document import read_document
from nhth_cli.pipeline import validate
from tests.conftest import FIXTURES, SAMPLES, SEEDS
from tests.helpers_checks import convert_texts

# A report may print no signals at all (the U.S. Virgin Islands' 2016): a line that held all
# the overview's signals may go whole, leaving a report of that other shape.
SIGNALS = "signals"


def _documents() -> list[Path]:
    paths = sorted(p for p in SAMPLES.iterdir() if p.name != "README-not-a-report.txt")
    if SEEDS.is_dir():
        paths += sorted(p for p in SEEDS.iterdir() if p.name[:3] in ("000", "001", "004"))
    paths += [
        FIXTURES / "web" / "texas-2023-statistics-page.txt",
        FIXTURES / "pdftotext" / "ruled.txt",
        FIXTURES / "pdftotext-raw" / "browser_printed.txt",
        FIXTURES / "pdftotext-raw" / "plain_marks_after_a_space.txt",
        FIXTURES / "browser" / "connecticut-2016-hotline.html",
        # PDFs: their extracted text damaged (web pages printed from a browser).
        FIXTURES / "web" / "texas-2023-statistics-page.pdf",
        FIXTURES / "web" / "texas-2023-statistics-page-cards.pdf",
        FIXTURES / "web" / "us-2024-signals-cases-by-state.pdf",
    ]
    return paths


_FIELDS = ("table", "category", "parent", "count", "pct", "suppressed", "is_total")


def _rows(text: str, name: str) -> tuple[bool, Counter[tuple[object, ...]]]:
    """Whether the text converts valid, and its rows (what they say, not where)."""
    converted = convert_texts({name: text})
    found = converted.to_arrow().select(list(_FIELDS)).to_pylist() if converted.rows else []
    return validate(converted).valid, Counter(tuple(r[f] for f in _FIELDS) for r in found)


def _mutations(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Each line lost; printed twice; joined to the next (a lost line break); each pair of
    neighbouring lines swapped."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        yield f"line {i + 1} lost: {line.strip()[:60]!r}", lines[:i] + lines[i + 1 :]
        yield f"line {i + 1} twice", [*lines[: i + 1], line, *lines[i + 1 :]]
        if i + 1 < len(lines) and lines[i + 1].strip():
            after = lines[i + 1]
            yield (
                f"line {i + 1} joined to the next",
                [*lines[:i], f"{line} {after}", *lines[i + 2 :]],
            )
            yield f"lines {i + 1}-{i + 2} swapped", [*lines[:i], after, line, *lines[i + 2 :]]


def _short_but_valid(path: Path) -> list[str]:
    """The mutations that leave the document valid with rows lost, or changed (a row moved to
    another table, label or parent, or given another number)."""
    text = read_document(path.read_bytes()).text
    valid, full = _rows(text, path.name)
    assert valid and full, path.name
    all_signals = sum(n for row, n in full.items() if row[0] == SIGNALS)
    found = []
    for what, lines in _mutations(text.split("\n")):
        valid, rows = _rows("\n".join(lines), path.name)
        lost, changed = full - rows, rows - full
        if {row[0] for row in lost} == {SIGNALS} and sum(lost.values()) == all_signals:
            lost = Counter()  # all the signals gone: a report printing none
        if valid and (lost or changed):
            found.append(f"{what}: lost {sorted(lost)[:2]}, changed {sorted(changed)[:2]}")
    return found


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_no_damage_to_a_line_leaves_a_valid_document_with_rows_lost_or_changed(
    path: Path,
) -> None:
    assert _short_but_valid(path) == []
