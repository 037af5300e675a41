"""The bench's sets of synthetic reports, made by the tests' report builder (tests/builder.py).

Every report is in the layout of the 2016 state report, with its own random but consistent
figures (seeded by its index, so sets are reproducible), and knows how many rows `nhth convert`
must give from it. This module only picks each report's jurisdiction, year, rendering and
encoding, and writes the files.

    python bench/generate.py text OUT_DIR 1120      # 56 jurisdictions x 20 years
    python bench/generate.py pdf OUT_DIR 300
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as `python bench/generate.py` or imported by bench/run.py
    sys.path.insert(0, str(REPO))

from tests import renditions  # noqa: E402
from tests.builder import (  # noqa: E402
    JURISDICTIONS,
    Layout,
    make_report,
    render_layout_text,
    render_pdf,
    render_text,
)

# Years a period may end in: 20 for the text set, then the rest nhth takes for years
# (normalize.periods.FIRST_YEAR to LAST_YEAR).
TEXT_YEARS = tuple(range(2000, 2020))
ALL_YEARS = TEXT_YEARS + tuple(range(2020, 2101)) + tuple(range(1990, 2000))
PER_ROUND = len(JURISDICTIONS) * len(ALL_YEARS)  # 56 x 111 distinct (jurisdiction, year)
PDF_LAYOUTS = (Layout(), Layout(ruled=False))


@dataclass(frozen=True)
class Generated:
    source: str  # relative to the set's folder
    rows: int
    pages: int
    duplicate: bool  # repeats a (jurisdiction, year) already in the set


def combos(n: int) -> Iterator[tuple[int, str, int]]:
    """(index, code, year) for n reports: every jurisdiction for a year, year after year.
    Past the 56 x 110 combinations, combinations repeat."""
    for i in range(n):
        j = i % PER_ROUND
        yield i, JURISDICTIONS[j % len(JURISDICTIONS)][0], ALL_YEARS[j // len(JURISDICTIONS)]


def encode(text: str, i: int) -> bytes:
    """Report i's bytes: UTF-8, but one file in twenty with a BOM, CRLF line ends or in
    Windows-1252 (footnote marks as plain digits)."""
    variant = ("plain", "plain", "bom", "crlf", "cp1252")[i % 5] if i % 4 == 1 else "plain"
    if variant == "bom":
        return renditions.bom(text)
    if variant == "crlf":
        return renditions.crlf(text)
    if variant == "cp1252":
        return renditions.cp1252(text)
    return text.encode()


def generate_text(out: Path, n: int, seed: int = 1) -> list[Generated]:
    """n text reports under `out`: two thirds tab-separated, one third `pdftotext -layout`;
    repeated combinations go to a `repeatN/` folder."""
    made = []
    for i, code, year in combos(n):
        report = make_report(code, year, seed * 1_000_003 + i, pages=6 if i % 3 == 0 else 7)
        layout = i % 3 == 2
        text = render_layout_text(report, seed=i) if layout else render_text(report)
        folder = f"{year}" if i < PER_ROUND else f"repeat{i // PER_ROUND}/{year}"
        rel = f"{folder}/{code.lower()}_{year}{'_layout' if layout else ''}.txt"
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(text, i))
        made.append(Generated(rel, len(report.rows), text.count("\f") + 1, i >= PER_ROUND))
    return made


def generate_pdf(out: Path, n: int, seed: int = 2) -> list[Generated]:
    """n report PDFs under `out`, 6 or 7 pages each (about 6.7 on average), ruled and unruled
    tables alternating."""
    made = []
    for i, code, year in combos(n):
        report = make_report(code, year, seed * 1_000_003 + i, pages=6 if i % 3 == 0 else 7)
        rel = f"{year}/{code.lower()}_{year}.pdf"
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        pdf = render_pdf(report, PDF_LAYOUTS[i % len(PDF_LAYOUTS)])
        path.write_bytes(pdf.data)
        made.append(Generated(rel, len(report.rows), pdf.page_count, i >= PER_ROUND))
    return made


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("kind", choices=("text", "pdf"))
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    args = parser.parse_args(argv)
    made = (generate_text if args.kind == "text" else generate_pdf)(args.out, args.n)
    print(
        f"{len(made)} reports, {sum(m.rows for m in made)} rows, "
        f"{sum(m.pages for m in made)} pages in {args.out}"
    )


if __name__ == "__main__":
    main()
