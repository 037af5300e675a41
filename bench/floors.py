"""The floors and the peer nhth is measured against; each runs as its own process.

    python bench/floors.py text DIR        # read every file, decode, one compiled regex scan
    python bench/floors.py pdfium DIR      # bare pypdfium2 text extraction, page by page
    python bench/floors.py pdfplumber DIR  # pdfplumber extract_text, page by page
    ... --limit N                          # only the first N files

Each walks DIR the way nhth does (recursively, sorted, hidden files skipped), works in one
process, and prints one JSON line: files, pages and the rows (count/percent pairs) or characters
found, so that a floor that silently did nothing is noticed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

# A count (or a withheld one) then a percent: the cells a report's table rows end with.
ROW = re.compile(r"(?:\d[\d,]*|Fewer than Three[^\S\n]*\S{0,2})[^\S\n]+(?:\d{1,3}\.\d%|N/A)$", re.M)


def files(root: Path, suffix: str) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(suffix) and not name.startswith("."):
                yield Path(folder, name)


def text_floor(root: Path, limit: int | None = None) -> dict[str, int]:
    """Python reading the files and scanning them with one compiled regex."""
    n = rows = 0
    for path in itertools.islice(files(root, ""), limit):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        rows += len(ROW.findall(text.replace("\r\n", "\n")))
        n += 1
    return {"files": n, "rows": rows}


def pdfium_floor(root: Path, limit: int | None = None) -> dict[str, int]:
    """Bare pypdfium2: open each PDF, every page's full text, close."""
    import pypdfium2 as pdfium

    n = pages = chars = 0
    for path in itertools.islice(files(root, ".pdf"), limit):
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                chars += len(textpage.get_text_range())
                textpage.close()
                page.close()
                pages += 1
        finally:
            doc.close()
        n += 1
    return {"files": n, "pages": pages, "chars": chars}


def pdfplumber_peer(root: Path, limit: int | None = None) -> dict[str, int]:
    """The peer: pdfplumber's extract_text on every page."""
    import pdfplumber

    n = pages = chars = 0
    for path in itertools.islice(files(root, ".pdf"), limit):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars += len(page.extract_text() or "")
                pages += 1
                page.close()  # frees the page's cached objects
        n += 1
    return {"files": n, "pages": pages, "chars": chars}


WORKLOADS = {"text": text_floor, "pdfium": pdfium_floor, "pdfplumber": pdfplumber_peer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=sorted(WORKLOADS))
    parser.add_argument("root", type=Path)
    parser.add_argument("--limit", type=int, help="only the first LIMIT files")
    args = parser.parse_args()
    print(json.dumps(WORKLOADS[args.kind](args.root, args.limit)))


if __name__ == "__main__":
    main()
